"""Remote addresses as they may be shown, logged and published: with their secrets removed.

Service download links carry secrets in two places, the query string (signatures, tokens) and
the user-info part (`user:password@host`). Every URL a writer or a server supplies passes
through `public_url` before it reaches a message, the lock file, a page or open data.

Every address a writer or the command line supplies is also checked where it enters, by
`address_problem`: settings (`site_url`, `media_base_url`, the theme's links), `--site-url`, a
service's home page and a clip's URL.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from .messages import Message


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


# RFC 3986's unreserved and reserved characters, less the quote that could end an attribute
# written with single quotes; everything else must arrive percent-encoded.
_URL_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&()*+,;=%"
)
_HOST_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def address_problem(
    url: str,
    *,
    base: bool = False,
    allow_http: bool = True,
    credentials: bool = False,
) -> Message | None:
    """Why `url` may not be used as an address a page links to or fetches, or None.

    Every address a writer or the command line supplies passes here where it enters: an
    http(s) scheme, a host name, every character outside RFC 3986's set percent-encoded (so no
    quote, space, angle bracket or control character can leave an attribute or a line), and no
    user name or password unless `credentials` (a clip URL is fetched, never published whole).
    With `base`, the generator appends paths to the address, so a query or a fragment would
    end up in the middle of every link. The message never repeats the address: it may hold a
    secret.
    """
    for char in url:
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Cs"):
            return Message("url.space")
    written = _SCHEME.match(url)
    scheme = written.group(1).lower() if written else ""
    if scheme not in ("http", "https"):
        if not scheme:
            return Message("url.no_scheme")
        return Message("url.scheme", got=f"{scheme}:")
    for char in url:
        if char not in _URL_CHARS:
            if ord(char) < 0x80:
                return Message("url.character", char=repr(char), code=f"%{ord(char):02X}")
            return Message("url.non_ascii", char=repr(char))
    if _BAD_PERCENT.search(url):
        return Message("url.percent")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - urllib checks the port only when it is asked for
    except ValueError:
        return Message("url.invalid")
    if not host:
        return Message("url.no_host")
    if "@" in parts.netloc and not credentials:
        return Message("url.credentials")
    if not _valid_host(host):
        return Message("url.bad_host")
    if any(char in "[]" for char in parts.path + parts.query + parts.fragment):
        return Message("url.brackets")
    if scheme == "http" and not allow_http:
        return Message("url.http")
    if base and ("?" in url or "#" in url):
        return Message("url.query")
    return None


def _valid_host(host: str) -> bool:
    """A DNS name of letters, digits, hyphens (and underscores) in dotted labels, or an IP."""
    if ":" in host:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return False
        return True
    labels = host.removesuffix(".").split(".")
    return len(host) <= 253 and all(
        len(label) <= 63 and _HOST_LABEL.match(label) for label in labels
    )
