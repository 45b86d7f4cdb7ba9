"""The parts every ffmpeg command of `recipes` is made of: input, upright picture, encoders.

The source as an input no file name can turn into an option or a protocol, with a decoder that
refuses frames over the pixel limit; the picture rotated upright (ffmpeg applies the display
matrix on its own), tone-mapped to BT.709 when it is HDR (`zscale`, this ffmpeg build has
libzimg, with the `hable` curve of `tonemap`) and scaled to square pixels in 8-bit 4:2:0, as
the renditions and the measurements' frames both see it; and each encoder's options. Plain
data and filter chains on streams handed in: `recipes` joins them into a graph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .probe import decoder_cap
from .renditions import MediaFacts

_RGB_MATRICES = frozenset({"gbr", ""})
_ZSCALE_TRANSFER = {"smpte2084": "smpte2084", "arib-std-b67": "arib-std-b67"}
_ZSCALE_MATRIX = {"bt2020nc": "2020_ncl", "bt2020c": "2020_cl", "bt709": "709"}
_ZSCALE_PRIMARIES = {"bt2020": "2020", "bt709": "709"}


def input_path(path: Path) -> str:
    """The source as ffmpeg's input."""
    # An absolute `file:` URL: a name starting with "-" is not an option, "a:b" not a protocol.
    return "file:" + str(path.absolute())


def input_cap(max_pixels: int | None) -> dict[str, Any]:
    """The input's options that bound the frames the decoder accepts."""
    # A decoder option given before -i: frames larger than this are refused, not allocated.
    return {} if max_pixels is None else {"max_pixels": decoder_cap(max_pixels)}


def global_args(ffmpeg_path: str) -> list[str]:
    """The options every run starts with."""
    # -xerror: stop at the first decoding error instead of writing a shortened rendition.
    return [ffmpeg_path, "-nostdin", "-hide_banner", "-nostats", "-v", "error", "-xerror", "-y"]


def upright_8bit(
    stream: Any, facts: MediaFacts, size: tuple[int, int], flags: str | None = None
) -> Any:
    """Scale to `size` with square pixels in 8-bit 4:2:0, tone-mapping HDR to BT.709
    (with the scaler's `flags` when given: the analysis asks for `area`)."""
    width, height = size
    if facts.hdr:
        stream = (
            stream.filter(
                "zscale",
                w=width,
                h=height,
                tin=_ZSCALE_TRANSFER[facts.color_transfer],
                min=_ZSCALE_MATRIX.get(facts.color_matrix, "2020_ncl"),
                pin=_ZSCALE_PRIMARIES.get(facts.color_primaries, "2020"),
                t="linear",
                npl=100,
            )
            .filter("format", "gbrpf32le")
            .filter("zscale", p="709")
            .filter("tonemap", tonemap="hable", desat=0)
            .filter("zscale", t="709", m="709", r="tv")
        )
    else:
        options: dict[str, Any] = {"w": width, "h": height, "out_range": "tv"}
        if flags is not None:
            options["flags"] = flags
        if facts.color_matrix in _RGB_MATRICES and _is_rgb(facts.pix_fmt):
            # RGB in (PNG, GIF, libx264rgb): choose the matrix browsers assume for HD video.
            options["out_color_matrix"] = "bt709"
        stream = stream.filter("scale", **options)
    return stream.filter("format", "yuv420p").filter("setsar", 1)


def _is_rgb(pix_fmt: str) -> bool:
    return pix_fmt.startswith(("rgb", "bgr", "gbr", "argb", "abgr", "pal", "gray", "ya", "0rgb"))


def analysis_size(facts: MediaFacts, long_side: int) -> tuple[int, int]:
    """The fixed size a clip is measured at: `long_side` on its longer side, even, upright.

    The same for every clip whatever it was delivered at (P.910 SI/TI change with size), so
    it may enlarge a small clip as well as shrink a large one.
    """
    width, height = max(1, facts.width), max(1, facts.height)
    scale = long_side / max(width, height)
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def x264_options(crf: int, preset: str) -> dict[str, Any]:
    """H.264 in MP4 as every current browser plays it, without metadata."""
    return {
        "c:v": "libx264",
        "preset": preset,
        "crf": crf,
        "pix_fmt": "yuv420p",
        "profile:v": "high",
        "movflags": "+faststart",
        "map_metadata": -1,
        "map_chapters": -1,
        "fflags": "+bitexact",
        "f": "mp4",
    }


def jpeg_options(quality: int) -> dict[str, Any]:
    """One JPEG picture, without metadata."""
    return {
        "c:v": "mjpeg",
        "q:v": quality,
        "frames:v": 1,
        "update": 1,
        "map_metadata": -1,
        "fflags": "+bitexact",
        "f": "image2",
    }


def double_rate(rate: str) -> str:
    """Twice a bitrate written as ffmpeg does (`4M` → `8M`), for the VBV buffer."""
    number = rate.rstrip("kKmMgG")
    unit = rate[len(number) :]
    return f"{float(number) * 2:g}{unit}"
