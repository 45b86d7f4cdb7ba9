"""Remote addresses as they may be shown, logged and published: with their secrets removed.

Service download links carry secrets in two places, the query string (signatures, tokens) and
the user-info part (`user:password@host`). Every URL a writer or a server supplies passes
through `public_url` before it reaches a message, the lock file, a page or open data.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def public_url(url: str) -> str:
    """The URL without query string, fragment, user name or password: safe to print and store.

    An address that cannot be parsed is not echoed at all, since its secrets cannot be found.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))
