"""Image originals as they may be published: a known type, its own extension, no metadata.

An image clip links its original next to the web rendition. The original is published only
when its probed type is one of a fixed few (JPEG, PNG, WebP, GIF), under that type's extension
whatever the writer's file was called (a PPM named `evil.html` must never become a page on the
site's origin), and only after its metadata is removed without touching the picture:

- JPEG: APP1 (EXIF, XMP), APP3–APP13 (IPTC and vendors' blocks) and comments are dropped;
  JFIF, the ICC profile and Adobe's colour-transform block stay; an EXIF orientation other than
  1 is written back as a minimal EXIF block holding only that tag, so the original still shows
  upright;
- PNG: only chunks that shape the picture stay (text, time and EXIF chunks go);
- WebP: EXIF and XMP chunks go, and the VP8X flags stop announcing them;
- GIF: comments and application blocks other than the looping one go.

Anything after the format's end marker is dropped too (a polyglot file hides a second file
there). A file these parsers cannot walk is not published at all: the site never serves bytes
it could not check. AVIF and HEIF originals are not published (their metadata lives in item
boxes that cannot be removed without rewriting offsets); their web rendition still is.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

# Probed codec name → (extension, MIME type).
ORIGINAL_TYPES: dict[str, tuple[str, str]] = {
    "mjpeg": ("jpg", "image/jpeg"),
    "png": ("png", "image/png"),
    "webp": ("webp", "image/webp"),
    "gif": ("gif", "image/gif"),
}


class _Malformed(ValueError):
    """The file does not follow its format closely enough to be cleaned."""


def clean_original(data: bytes, codec: str) -> tuple[str, str, bytes] | None:
    """(extension, MIME type, bytes without metadata) of a publishable original, else None."""
    kind = ORIGINAL_TYPES.get(codec)
    cleaner = _CLEANERS.get(codec)
    if kind is None or cleaner is None:
        return None
    try:
        return kind[0], kind[1], cleaner(data)
    except (ValueError, struct.error, IndexError):  # _Malformed is a ValueError
        return None


def _need(condition: bool) -> None:
    if not condition:
        raise _Malformed


# --- JPEG -----------------------------------------------------------------------------------

_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM and RSTn carry no length
_ORIENTATION = 0x0112


def _clean_jpeg(data: bytes) -> bytes:
    _need(data[:2] == b"\xff\xd8")
    out = bytearray(b"\xff\xd8")
    at = 2
    orientation = 1
    while True:
        _need(data[at] == 0xFF)
        while data[at] == 0xFF:  # fill bytes before a marker
            at += 1
        marker = data[at]
        at += 1
        if marker == _EOI:
            out += b"\xff\xd9"
            return _with_orientation(bytes(out), orientation)
        if marker in _STANDALONE:
            out += bytes((0xFF, marker))
            continue
        (length,) = struct.unpack(">H", data[at : at + 2])
        _need(length >= 2 and at + length <= len(data))
        body = data[at + 2 : at + length]
        segment = bytes((0xFF, marker)) + data[at : at + length]
        at += length
        if marker == 0xE1 and body.startswith(b"Exif\0\0"):
            orientation = _exif_orientation(body[6:]) or orientation
        if _keep_jpeg_segment(marker, body):
            out += segment
        if marker == _SOS:
            end = _entropy_end(data, at)
            out += data[at:end]
            at = end


def _keep_jpeg_segment(marker: int, body: bytes) -> bool:
    if marker == 0xFE or marker == 0xE1:  # comment; EXIF or XMP
        return False
    if marker == 0xE0:
        return body.startswith((b"JFIF\0", b"JFXX\0"))
    if marker == 0xE2:
        return body.startswith(b"ICC_PROFILE\0")
    if marker == 0xEE:
        return body.startswith(b"Adobe")
    return not 0xE3 <= marker <= 0xEF


def _entropy_end(data: bytes, at: int) -> int:
    """Where the entropy-coded data after a scan header ends (the next real marker)."""
    while True:
        at = data.index(b"\xff", at)
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            at += 1 if following == 0xFF else 2
            continue
        return at


def _exif_orientation(tiff: bytes) -> int | None:
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None
    (first,) = struct.unpack(order + "I", tiff[4:8])
    (count,) = struct.unpack(order + "H", tiff[first : first + 2])
    for number in range(count):
        start = first + 2 + 12 * number
        tag, kind = struct.unpack(order + "HH", tiff[start : start + 4])
        if tag == _ORIENTATION and kind == 3:
            (value,) = struct.unpack(order + "H", tiff[start + 8 : start + 10])
            return value if 1 <= value <= 8 else None
    return None


def _with_orientation(jpeg: bytes, orientation: int) -> bytes:
    if orientation == 1:
        return jpeg
    tiff = b"MM\0*" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHIHH", _ORIENTATION, 3, 1, orientation, 0) + struct.pack(">I", 0)
    body = b"Exif\0\0" + tiff
    app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    # After JFIF's APP0 when there is one (JFIF readers expect it first).
    at = 2
    if jpeg[2:4] == b"\xff\xe0":
        at = 4 + struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:at] + app1 + jpeg[at:]


# --- PNG ------------------------------------------------------------------------------------

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEEP = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT"}
    | {b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT", b"cICP", b"mDCv", b"cLLi"}
)


def _clean_png(data: bytes) -> bytes:
    _need(data.startswith(_PNG_SIGNATURE))
    out = bytearray(_PNG_SIGNATURE)
    at = len(_PNG_SIGNATURE)
    while True:
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        end = at + 12 + length
        _need(end <= len(data))
        if kind in _PNG_KEEP:
            out += data[at:end]
        at = end
        if kind == b"IEND":
            return bytes(out)


# --- WebP -----------------------------------------------------------------------------------

_WEBP_DROP = frozenset({b"EXIF", b"XMP "})
_VP8X_METADATA = 0x08 | 0x04  # the EXIF and XMP flags


def _clean_webp(data: bytes) -> bytes:
    _need(data[:4] == b"RIFF" and data[8:12] == b"WEBP")
    (size,) = struct.unpack("<I", data[4:8])
    end = 8 + size
    _need(end <= len(data))
    chunks = bytearray()
    at = 12
    while at < end:
        kind = data[at : at + 4]
        (length,) = struct.unpack("<I", data[at + 4 : at + 8])
        stop = at + 8 + length + (length & 1)
        _need(stop <= end)
        chunk = bytearray(data[at:stop])
        if kind == b"VP8X":
            chunk[8] &= ~_VP8X_METADATA & 0xFF
        if kind not in _WEBP_DROP:
            chunks += chunk
        at = stop
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + bytes(chunks)


# --- GIF ------------------------------------------------------------------------------------

_LOOPING = (b"NETSCAPE2.0", b"ANIMEXTS1.0")


def _sub_blocks_end(data: bytes, at: int) -> int:
    while data[at]:
        at += 1 + data[at]
    return at + 1


def _clean_gif(data: bytes) -> bytes:
    _need(data[:6] in (b"GIF87a", b"GIF89a"))
    flags = data[10]
    at = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    out = bytearray(data[:at])
    while True:
        block = data[at]
        if block == 0x3B:
            return bytes(out + b"\x3b")
        if block == 0x2C:  # an image: descriptor, local colour table, LZW data
            local = data[at + 9]
            start = at
            at += 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0) + 1
            at = _sub_blocks_end(data, at)
            out += data[start:at]
            continue
        _need(block == 0x21)
        label = data[at + 1]
        end = _sub_blocks_end(data, at + 2)
        application = data[at + 3 : at + 3 + data[at + 2]] if label == 0xFF else b""
        if label == 0xF9 or (label == 0xFF and application in _LOOPING):
            out += data[at:end]
        at = end


_CLEANERS: dict[str, Callable[[bytes], bytes]] = {
    "mjpeg": _clean_jpeg,
    "png": _clean_png,
    "webp": _clean_webp,
    "gif": _clean_gif,
}
