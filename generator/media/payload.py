"""What a downloaded body is: its media type, whether it is really a web page, its file suffix.

Pure functions over header values and leading bytes, so the download loop stays about
transfers and these rules are tested on their own.
"""

from __future__ import annotations

import mimetypes
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

# Types a clip may arrive as. Storage services often label files generically; an absent type
# is accepted too and the first bytes are sniffed instead.
_ACCEPTED_PREFIXES = ("video/", "image/")
_ACCEPTED_TYPES = frozenset(
    {"application/octet-stream", "binary/octet-stream", "application/mp4", ""}
)
_SUFFIXES = frozenset(
    {".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".gif", ".png", ".jpg", ".jpeg"}
    | {".webp", ".avif", ".heic", ".heif"}
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)


def media_type(header: str | None) -> str:
    """The bare media type of a Content-Type header, lowercase (`""` when absent)."""
    return (header or "").partition(";")[0].strip().lower()


def is_accepted_type(kind: str) -> bool:
    """A type a video or image may arrive as (HTML, JSON, text and the like are not)."""
    return kind.startswith(_ACCEPTED_PREFIXES) or kind in _ACCEPTED_TYPES


def looks_like_html(head: bytes) -> bool:
    """The first bytes of a body read like a web page (a login or error page, not a clip)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(_HTML_STARTS)


def content_range_start(header: str | None) -> int | None:
    """The first byte position of a `Content-Range: bytes a-b/n` header."""
    match = _CONTENT_RANGE.match(header or "")
    return int(match.group(1)) if match else None


def retry_after_seconds(header: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date)."""
    if not header:
        return None
    value = header.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def suffix_for(url: str, kind: str) -> str:
    """A file suffix for an archived clip: the URL's if it is a known media one, else the type's."""
    suffix = PurePosixPath(unquote(urlsplit(url).path)).suffix.lower()
    if suffix in _SUFFIXES:
        return suffix
    guessed = mimetypes.guess_extension(kind) if kind.startswith(_ACCEPTED_PREFIXES) else None
    return guessed if guessed in _SUFFIXES else ""


def file_label(url: str) -> str:
    """A short, plain name for progress lines: the URL's last path segment, safe characters only.

    The name comes from a remote server, so it is reduced to characters no terminal or
    progress-bar markup interprets.
    """
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    return _UNSAFE.sub("_", name).strip("_")[:48] or "download"
