"""Find out what a media file holds: kind, size, duration, codec, audio, colours.

Probing uses PyAV rather than `ffprobe`: the imageio-ffmpeg wheel ships only the `ffmpeg`
binary, while PyAV's wheel carries the FFmpeg libraries themselves, so a fresh machine needs
nothing but `pip install`. Reading the libraries directly also gives typed values instead of
parsing text, and lets us demux every packet to check that the file holds as much video as its
header claims: a truncated "faststart" MP4 keeps a complete index, and ffmpeg happily converts
the part that is left and exits 0.

PyAV's FFmpeg is older than the ffmpeg binary and cannot decode animated WebP; those files are
recognised from their RIFF chunks here, and converted by the binary like any other video.
"""

from __future__ import annotations

import re
import struct
from fractions import Fraction
from pathlib import Path

import av
import av.error

from ..errors import MediaError, OverLimit
from ..messages import Message
from .renditions import MediaFacts

# Container formats whose single-frame files are still images rather than videos.
_IMAGE_FORMATS = frozenset({"image2", "gif", "webp", "apng", "png", "mjpeg"})

# A file counts as truncated when less than this share of the header's duration can be read.
_MIN_READABLE = 0.9
_SLACK_SECONDS = 0.1

# PyAV's enum values (the same numbers as FFmpeg's AVColor*) to FFmpeg's option names.
_PRIMARIES = {1: "bt709", 4: "bt470m", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m", 9: "bt2020"}
_TRANSFERS = {
    1: "bt709",
    4: "gamma22",
    5: "gamma28",
    6: "smpte170m",
    8: "linear",
    13: "iec61966-2-1",
    14: "bt2020-10",
    15: "bt2020-12",
    16: "smpte2084",
    18: "arib-std-b67",
}
_MATRICES = {0: "gbr", 1: "bt709", 5: "bt470bg", 6: "smpte170m", 9: "bt2020nc", 10: "bt2020c"}


DEFAULT_MAX_PIXELS = 50_000_000
"""The picture size (width × height) refused before decoding, unless the caller says otherwise."""


def probe_file(path: Path, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> MediaFacts:
    """Probe one file, reading every video packet to make sure none is missing.

    A picture larger than `max_pixels` is refused before any frame of it is decoded: a 2 MB
    PNG can declare 16000×16000 pixels of 16-bit RGBA, 2 GB once decoded, and FFmpeg decodes
    one frame just to open a file. The decoders get the same cap (FFmpeg's `max_pixels`).

    Raises:
        MediaError: the file is empty, not media ffmpeg can read, has no picture, holds a
            picture larger than `max_pixels`, or holds less video than its header claims
            (truncated or corrupt).
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise MediaError(Message("file.unreadable", reason=reason), source=str(path)) from exc
    if size == 0:
        raise MediaError(Message("media.empty"), source=str(path))
    with path.open("rb") as handle:
        head = handle.read(64)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP" and _webp_is_animated(head):
        facts = _probe_animated_webp(path, size)
        _check_pixels(facts.width, facts.height, max_pixels, path)
        return facts
    try:
        return _probe_with_av(path, size, max_pixels)
    except av.error.FFmpegError as exc:
        detail = str(exc.strerror or exc)
        raise MediaError(Message("media.unreadable", detail=detail), source=str(path)) from exc


def decoder_cap(max_pixels: int) -> int:
    """The `max_pixels` given to FFmpeg's decoders for a limit of `max_pixels` shown pixels."""
    return max_pixels + max_pixels // 4 + 65536


def _check_pixels(width: int, height: int, max_pixels: int, path: Path) -> None:
    if width * height > max_pixels:
        message = Message("media.pixels_early", width=width, height=height, limit=max_pixels)
        raise OverLimit(message, source=str(path))


def _probe_with_av(path: Path, size: int, max_pixels: int) -> MediaFacts:
    # Decoders count the picture padded to their block size (a 160×120 H.264 is 160×128 to
    # them), so their cap has room to spare; the exact limit is checked on the declared size.
    capped = {"max_pixels": str(decoder_cap(max_pixels))}
    with av.open(str(path), metadata_errors="ignore", options=capped) as container:
        if not container.streams.video:
            raise MediaError(Message("media.no_stream"), source=str(path))
        stream = container.streams.video[0]
        audio = container.streams.audio[0] if container.streams.audio else None
        declared = stream.codec_context
        _check_pixels(declared.width, declared.height, max_pixels, path)
        if declared.width == 0 or declared.height == 0:
            # Opening decodes a frame to learn the size; with the cap, a larger one leaves 0×0.
            message = Message("media.size_unreadable", limit=max_pixels)
            raise MediaError(message, source=str(path))
        declared.options = capped
        first = next(iter(container.decode(stream)), None)
        if first is None:
            raise MediaError(Message("media.no_picture"), source=str(path))
        rotation = int(first.rotation) % 360
        primaries = _PRIMARIES.get(int(first.color_primaries), "")
        transfer = _TRANSFERS.get(int(first.color_trc), "")
        matrix = _MATRICES.get(int(first.colorspace), "")
        pix_fmt = first.format.name
        header = _header_seconds(container, stream)
        fmt = container.format.name.split(",")[0]
        codec = stream.codec_context.name
        sar = stream.sample_aspect_ratio or Fraction(1)
        rate = stream.average_rate
    # Opened again rather than rewound: image demuxers cannot seek back to their one packet.
    with av.open(str(path), metadata_errors="ignore", options=capped) as container:
        frames, readable = _read_packets(container, container.streams.video[0], path)

    if header and readable is not None and readable < header * _MIN_READABLE - _SLACK_SECONDS:
        message = Message("media.truncated", header=header, readable=readable)
        raise MediaError(message, source=str(path))
    is_image = frames == 1 and (fmt in _IMAGE_FORMATS or fmt.endswith("_pipe"))
    width, height = _display_size(first.width, first.height, sar, rotation)
    duration = readable if readable else header
    fps: float | None = None
    if not is_image:
        # Frames over time is the true average, also for variable frame rate sources.
        if duration and frames > 1:
            fps = frames / duration
        elif rate:
            fps = float(rate)
    return MediaFacts(
        kind="image" if is_image else "video",
        width=width,
        height=height,
        duration=None if is_image else duration,
        fps=round(fps, 3) if fps else None,
        codec=codec,
        pix_fmt=pix_fmt,
        has_audio=audio is not None and not is_image,
        audio_codec=audio.codec_context.name if audio is not None and not is_image else None,
        size_bytes=size,
        rotation=rotation,
        frames=frames,
        container=fmt,
        color_primaries=primaries,
        color_transfer=transfer,
        color_matrix=matrix,
        has_alpha=_has_alpha(pix_fmt),
    )


def _read_packets(
    container: av.container.InputContainer, stream: av.VideoStream, path: Path
) -> tuple[int, float | None]:
    """Count video packets and find where the last one ends, in seconds from the start."""
    frames = 0
    end: int | None = None
    start = stream.start_time or 0
    try:
        for packet in container.demux(stream):
            if packet.size == 0:
                continue
            frames += 1
            if packet.pts is not None:
                packet_end = packet.pts + (packet.duration or 0)
                end = packet_end if end is None else max(end, packet_end)
    except av.error.FFmpegError as exc:
        message = Message("media.corrupt_after", frames=frames, detail=str(exc.strerror or exc))
        raise MediaError(message, source=str(path)) from exc
    if end is None or stream.time_base is None:
        return frames, None
    return frames, float((end - start) * stream.time_base)


def _header_seconds(container: av.container.InputContainer, stream: av.VideoStream) -> float:
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return container.duration / 1_000_000
    return 0.0


def _has_alpha(pix_fmt: str) -> bool:
    # yuva420p, rgba, bgra, argb, gbrap, ya8...; a palette may carry transparency too.
    return pix_fmt == "pal8" or bool(re.match(r"^(yuva|gbrap|ya\d|rgba|bgra|argb|abgr)", pix_fmt))


def _display_size(width: int, height: int, sar: Fraction, rotation: int) -> tuple[int, int]:
    if sar > 0 and sar != 1:
        width = max(1, round(width * sar))
    if rotation in (90, 270):
        return height, width
    return width, height


def _webp_is_animated(head: bytes) -> bool:
    # VP8X chunk right after the RIFF header; flag bit 1 marks an animation.
    return head[12:16] == b"VP8X" and bool(head[20] & 0x02)


def _probe_animated_webp(path: Path, size: int) -> MediaFacts:
    data = path.read_bytes()
    width = int.from_bytes(data[24:27], "little") + 1
    height = int.from_bytes(data[27:30], "little") + 1
    frames = 0
    millis = 0
    offset = 12
    riff_end = min(len(data), 8 + struct.unpack_from("<I", data, 4)[0])
    while offset + 8 <= riff_end:
        tag = data[offset : offset + 4]
        length = struct.unpack_from("<I", data, offset + 4)[0]
        body = offset + 8
        if body + length > len(data):
            raise MediaError(Message("media.webp_corrupt"), source=str(path))
        if tag == b"ANMF" and length >= 16:
            frames += 1
            millis += int.from_bytes(data[body + 12 : body + 15], "little")
        offset = body + length + (length & 1)
    if frames == 0:
        raise MediaError(Message("media.webp_empty"), source=str(path))
    duration = millis / 1000 if millis else None
    return MediaFacts(
        kind="video",
        width=width,
        height=height,
        duration=duration,
        fps=round(frames / duration, 3) if duration else None,
        codec="webp",
        pix_fmt="yuva420p",
        size_bytes=size,
        frames=frames,
        container="webp",
        has_alpha=bool(data[20] & 0x10),
    )
