"""What the media stage hands to the pages stage: probed facts and web renditions per clip."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from ..errors import MediaError
from ..messages import Message


class ClipRef(NamedTuple):
    """One clip of one entry: the entry's slug and the clip's position in `clips` (0-based)."""

    entry: str
    position: int


class Role(StrEnum):
    """What a rendition is for."""

    VIDEO = "video"  # H.264/AAC MP4 that plays in every current browser
    POSTER = "poster"  # a representative still (JPEG)
    PREVIEW = "preview"  # a short, muted, looping MP4 for cards
    SHEET = "sheet"  # contact sheet of evenly spaced frames with timestamps (JPEG)
    IMAGE = "image"  # resized web image for image clips
    STILL = "still"  # the poster or the image as a WebP at one width, for `srcset` (several)
    ORIGINAL = "original"  # the source as it came (linked, not embedded)


@dataclass(frozen=True)
class MediaFacts:
    """What probing found in a source file; shown to readers on the entry page.

    `width` and `height` are the size as displayed: upright after rotation, square pixels.
    """

    kind: str  # "video" or "image"
    width: int
    height: int
    duration: float | None = None  # seconds, decoded (not only the header's claim)
    fps: float | None = None
    codec: str = ""
    pix_fmt: str = ""
    has_audio: bool = False
    audio_codec: str | None = None
    size_bytes: int = 0
    rotation: int = 0
    frames: int | None = None
    container: str = ""
    color_primaries: str = ""  # ffmpeg's names: bt709, bt2020, ...
    color_transfer: str = ""  # bt709, smpte2084 (PQ), arib-std-b67 (HLG), ...
    color_matrix: str = ""  # bt709, bt2020nc, smpte170m, gbr (RGB), ...
    has_alpha: bool = False

    @property
    def hdr(self) -> bool:
        """True for PQ or HLG video, which needs tone-mapping to show right in SDR browsers."""
        return self.color_transfer in ("smpte2084", "arib-std-b67")


@dataclass(frozen=True)
class Rendition:
    """One file made from a source clip, cached by (source hash, recipe)."""

    role: Role
    path: Path  # where the file lives in the cache
    url_path: str  # where it is published, relative to the site root: media/<hash>/<name>
    mime: str
    width: int = 0
    height: int = 0
    size_bytes: int = 0


MEASURE_KEYS = (
    "effective_fps",
    "frozen_share",
    "motion",
    "detail",
    "sharpness",
    "flicker",
    "flash_risk",
    "brightness",
    "contrast",
    "clipped_share",
    "colourfulness",
    "black_share",
    "letterbox",
    "cuts",
)
"""The measures of the open data contract, in the order pages show them."""


@dataclass(frozen=True)
class Measured:
    """What the analysis measured in one clip (see `media/measure.py` for each measure).

    None where a measure does not apply (a still image has no motion, a clip under a second
    no flash window) or the analysis could not take it; never NaN.
    """

    effective_fps: float | None = None
    frozen_share: float | None = None
    motion: float | None = None
    detail: float | None = None
    sharpness: float | None = None
    flicker: float | None = None
    flash_risk: bool | None = None
    brightness: float | None = None
    contrast: float | None = None
    clipped_share: float | None = None
    colourfulness: float | None = None
    black_share: float | None = None
    letterbox: bool | None = None
    cuts: tuple[float, ...] | None = None
    width: int = 0
    """Width of the analysis size, in pixels."""
    height: int = 0
    version: int = 0
    """The analyser's version: values of different versions are not comparable."""
    frames: int = 0
    """Frames analysed."""
    timeline: tuple[tuple[float, float, float], ...] = ()
    """(start in seconds, mean motion, mean brightness) per stretch of the clip, for charts."""

    def record(self) -> dict[str, object]:
        """The open data object: every contract key, plus `analysis` and `frames`."""
        out: dict[str, object] = {key: getattr(self, key) for key in MEASURE_KEYS}
        out["cuts"] = None if self.cuts is None else list(self.cuts)
        out["analysis"] = {"width": self.width, "height": self.height, "version": self.version}
        out["frames"] = self.frames
        return out


@dataclass(frozen=True)
class ClipMedia:
    """Facts and renditions of one clip, and what was measured in it."""

    ref: ClipRef
    source_sha256: str
    facts: MediaFacts
    renditions: tuple[Rendition, ...]
    measured: Measured | None = None
    """None when measuring is off (`media.measure: false`)."""
    warnings: tuple[Message, ...] = ()
    """What went wrong with this clip without failing it (the build locates each at the
    clip's line)."""

    def get(self, role: Role) -> Rendition | None:
        """The rendition for a role, if made."""
        for rendition in self.renditions:
            if rendition.role is role:
                return rendition
        return None

    def all(self, role: Role) -> tuple[Rendition, ...]:
        """Every rendition of a role, narrowest first (the stills: one per width)."""
        return tuple(r for r in self.renditions if r.role is role)


@dataclass(frozen=True)
class MediaIndex:
    """Every clip's media, plus what went wrong (reported at the end of a build)."""

    clips: Mapping[ClipRef, ClipMedia] = field(default_factory=dict)
    failures: Mapping[ClipRef, MediaError] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def get(self, ref: ClipRef) -> ClipMedia | None:
        """Media for one clip, or None when it has none (pending, failed, not fetched)."""
        return self.clips.get(ref)
