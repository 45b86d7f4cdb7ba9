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
# How video and image files begin (the containers ffmpeg reads that services deliver in).
# Anything else is refused before it is archived: a login page, an error in JSON, a gzip or
# ZIP stream all arrive as `application/octet-stream` now and then.
_ISO_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
_MEDIA_STARTS = (
    b"\x1a\x45\xdf\xa3",  # Matroska, WebM
    b"GIF87a",
    b"GIF89a",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"OggS",
    b"FLV\x01",
    b"\x00\x00\x01\xba",  # MPEG program stream
)
_NOT_MEDIA = (
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
)
SNIFF_BYTES = 512
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


def content_range(header: str | None) -> tuple[int, int, int | None] | None:
    """First byte, last byte and total (None for `*`) of a `Content-Range: bytes a-b/n` header."""
    match = _CONTENT_RANGE.match(header or "")
    if not match:
        return None
    total = match.group(3)
    return int(match.group(1)), int(match.group(2)), None if total == "*" else int(total)


def not_media(head: bytes) -> str | None:
    """What a body is when its first bytes are not those of a video or image, else None.

    `head` is the body's first `SNIFF_BYTES` (or all of it when shorter).
    """
    if head[4:8] in _ISO_BOXES or head.startswith(_MEDIA_STARTS):
        return None
    if head.startswith(b"RIFF") and head[8:12] in (b"AVI ", b"WEBP"):
        return None
    if len(head) > 188 and head[0] == head[188] == 0x47:  # MPEG transport stream
        return None
    for start, kind in _NOT_MEDIA:
        if head.startswith(start):
            return kind
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if looks_like_html(head) or text.startswith(b"<"):
        return "an HTML page"
    decoded = _utf8(head)
    if decoded is None:
        return "data of an unknown kind"
    if decoded and all(c.isprintable() or c in "\t\r\n" for c in decoded):
        return "text"
    return "data of an unknown kind"


def _utf8(head: bytes) -> str | None:
    """The head as UTF-8 text, allowing a character cut off at its end; None if not UTF-8."""
    for cut in range(4):
        try:
            return head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return None


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
