"""Measuring clips: what a machine can tell about a clip without any model, beside the writer.

Each source is decoded once by ffmpeg (`recipes.analysis_command`, run by
`transcode.stream_ffmpeg`) to raw 8-bit 4:2:0 frames at one **analysis size**, 640 px on the
long side for every clip, so services are compared alike whatever size they deliver; numpy
then measures each frame as it arrives (nothing holds the whole clip). Luma `Y` is the 8-bit
plane as decoded (video range 16–235); "luma 0–1" is `Y` stretched to full range. Colour is
taken from the 4:2:0 chroma planes at half size, converted with BT.709.

What each measure is, and whose rule it follows:

- `effective_fps`: distinct pictures ÷ seconds. A frame repeats the last distinct one when no
  8×8 block of `Y` differs by a sum over 768 and fewer than a third differ by over 320:
  ffmpeg's `mpdecimate` rule (hi=64·12, lo=64·5, frac=0.33).
- `frozen_share`: share of the clip's time in runs of one repeated picture lasting ≥ 0.5 s
  (the idea of ffmpeg's `freezedetect`, with the `mpdecimate` rule, as encoders leave noise
  in a held picture).
- `motion`: mean temporal information, ITU-T P.910 TI: the standard deviation of
  `Y(n) − Y(n−1)`; 0 for a repeated picture.
- `detail`: mean spatial information, ITU-T P.910 SI: the standard deviation of the Sobel
  magnitude of `Y`.
- `sharpness`: mean standard deviation of the 4-neighbour Laplacian of `Y` (the "variance of
  the Laplacian" focus measure of Pech-Pacheco et al. 2000, as its square root); a blurred
  copy of a clip scores lower than the clip.
- `flicker`: mean absolute difference, in luma 0–1, between each frame's mean luma and the
  running median of the five frames around it. Motion, fades and cuts move the mean smoothly
  or in one step, which the median follows; flicker moves it in spikes, which it does not.
- `flash_risk`: WCAG 2.3.1 (three flashes or below threshold). A general flash is a pair of
  opposing changes of ≥ 0.1 in relative luminance (sRGB linearised) whose darker state is
  below 0.8; a red flash, of ≥ 20 in saturated red (`(R−G−B)·320` where `R/(R+G+B) ≥ 0.8`).
  Each is watched over the whole frame and each quarter of it (a quarter is well over WCAG's
  0.006 sr at usual viewing). True when more than six changes (three flashes) fall within any
  one second; None for a clip under one second.
- `brightness`: mean luma 0–1.
- `contrast`: RMS contrast (Peli 1990): mean of each frame's standard deviation of luma 0–1.
- `clipped_share`: share of pixels at luma ≤ 0.01 or ≥ 0.99.
- `colourfulness`: Hasler & Süsstrunk (2003) M = σ_rgyb + 0.3·μ_rgyb on 8-bit RGB; about 0
  for grey.
- `black_share`: share of frames that are black pictures by ffmpeg `blackdetect`'s rule:
  ≥ 98 % of pixels at luma ≤ 0.10.
- `letterbox`: bars as ffmpeg `cropdetect` looks for them, rows or columns at the edges no
  pixel of which passes luma 0.06 in any non-black frame, covering ≥ 5 % of the height or of
  the width.
- `cuts`: times of hard cuts by ffmpeg `scdet`'s rule, on distinct pictures: a score
  `min(mafd, |mafd − previous mafd|)` ≥ 10, mafd being the mean absolute difference from the
  previous picture in percent.

Detail, sharpness, contrast, clipped pixels and colour are taken on about eight frames a
second (every frame of slower clips), changes over time on every frame; the flash regions on
an eighth of the analysis size, which their means do not need more than.

A still image gets only what applies to one picture: detail, sharpness, brightness, contrast,
clipped_share, colourfulness. A clip the analysis cannot finish (cut short, no frames, out of
time) keeps what it could take, with a warning; nothing here fails a build.

When a video's renditions are made in the same build, its analysis is one more branch of
their ffmpeg run (`recipes.video_command`): the source is decoded once for both. Results are
cached beside the renditions by (source content hash, `ANALYSIS_VERSION`, size), written
atomically, so a warm rebuild runs no analysis.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..errors import MediaError
from ..messages import Message
from .cache import RenditionCache
from .frames import ANALYSIS_VERSION, SAMPLED, Frames
from .recipes import analysis_command, analysis_size
from .renditions import Measured, MediaFacts
from .transcode import find_ffmpeg, stream_ffmpeg

LONG_SIDE = 640
"""The analysis size's longer side, in pixels (the same for every clip)."""


def measure_key(long_side: int = LONG_SIDE) -> str:
    """The name part that ties a cached measurement to the analyser and its size."""
    text = f"measure v{ANALYSIS_VERSION} {long_side}"
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def _name() -> str:
    return f"measured-{measure_key()}.json"


def cached_measurement(cache: RenditionCache) -> tuple[Measured, Message | None] | None:
    """The measurements kept for this content by this analyser, with their warning, if any."""
    kept = cache.load_json(_name())
    if kept is None:
        return None
    measured = _from_json(kept.get("measured"))
    if measured is None:
        return None
    return measured, _warning_from_json(kept.get("warning"))


def new_frames(facts: MediaFacts) -> Frames:
    """An empty gathering of frames at the clip's analysis size."""
    width, height = analysis_size(facts, LONG_SIDE)
    return Frames(width, height, stride=max(1, round((facts.fps or SAMPLED) / SAMPLED)))


def finish(
    frames: Frames,
    facts: MediaFacts,
    cache: RenditionCache | None,
    error: MediaError | None = None,
) -> tuple[Measured, Message | None]:
    """The measurements the gathered frames give, with a warning when the decode stopped
    early (`error`) or gave nothing; kept in `cache` unless the run merely ran out of time
    (the next build tries again; a clip cut short decodes no further next time)."""
    warning = _warning(frames.count, error)
    duration = _duration(facts, frames.count)
    measured = frames.result(duration, still=facts.kind == "image")
    timed_out = (
        error is not None
        and error.words is not None
        and (error.words.key == "media.ffmpeg_timeout")
    )
    if cache is not None and not timed_out:
        cache.store_json(
            _name(), {"measured": _to_json(measured), "warning": _warning_to_json(warning)}
        )
    return measured, warning


def _warning(count: int, error: MediaError | None) -> Message | None:
    """Why the measurements are partial, in the writer's language when printed: how many
    frames were measured, what stopped the decode, and ffmpeg's last words as said."""
    if error is None:
        return None if count else Message("measure.nothing")
    said = error.stderr_tail.splitlines()[-1:] if error.stderr_tail else []
    return Message(
        "measure.partial_one" if count == 1 else "measure.partial",
        count=count,
        reason=error.words if error.words is not None else error.message,
        said="".join(f"; {line}" for line in said),
    )


def _warning_to_json(warning: Message | None) -> object:
    """A warning kept with the measurements: its key and arguments, nested messages too (the
    cache is shared by every language; the words are chosen when printed)."""
    if warning is None:
        return None
    return {
        "key": warning.key,
        "args": {
            name: _warning_to_json(value) if isinstance(value, Message) else value
            for name, value in warning.args
        },
    }


def _warning_from_json(data: object) -> Message | None:
    """A kept warning, or None when there is none or it is not one this version wrote."""
    if isinstance(data, str) and data:  # kept as words by an earlier version
        return Message("measure.as_kept", detail=data)
    if not isinstance(data, dict) or not isinstance(data.get("args"), dict):
        return None
    args: dict[str, object] = {}
    for name, value in data["args"].items():
        if isinstance(value, dict):
            value = _warning_from_json(value)
            if value is None:
                return None
        elif not isinstance(value, (str, int, float)):
            return None
        args[str(name)] = value
    try:
        return Message(str(data.get("key")), **args)
    except KeyError:  # a key this version does not have: the warning is dropped, not wrong
        return None


def measure_clip(
    ffmpeg: str | None,
    cache: RenditionCache,
    path: Path,
    facts: MediaFacts,
    *,
    timeout: float,
    max_pixels: int,
    max_seconds: float,
    shown: str,
) -> tuple[Measured, Message | None]:
    """The clip's measurements, from the cache or from a decode of its own, and a warning if
    partial (what stopped it; the measurements then hold what the frames so far show).

    Args:
        ffmpeg: the configured binary (`media.ffmpeg`), looked for only when there is work.
    """
    kept = cached_measurement(cache)
    if kept is not None:
        return kept
    return analyse(
        find_ffmpeg(ffmpeg),
        path,
        facts,
        timeout=timeout,
        max_pixels=max_pixels,
        max_seconds=max_seconds,
        shown=shown,
        cache=cache,
    )


def analyse(
    ffmpeg: str,
    path: Path,
    facts: MediaFacts,
    *,
    timeout: float,
    max_pixels: int,
    max_seconds: float,
    shown: str = "",
    cache: RenditionCache | None = None,
) -> tuple[Measured, Message | None]:
    """Decode and measure one clip: (measurements, warning or None), kept in `cache` when
    given."""
    frames, error = _decode(
        ffmpeg,
        path,
        facts,
        timeout=timeout,
        max_pixels=max_pixels,
        max_seconds=max_seconds,
        shown=shown,
    )
    return finish(frames, facts, cache, error)


def _decode(
    ffmpeg: str,
    path: Path,
    facts: MediaFacts,
    *,
    timeout: float,
    max_pixels: int,
    max_seconds: float,
    shown: str,
) -> tuple[Frames, MediaError | None]:
    frames = new_frames(facts)
    command = analysis_command(
        ffmpeg,
        path,
        facts,
        (frames.width, frames.height),
        max_pixels=max_pixels,
        max_seconds=max_seconds,
    )
    try:
        stream_ffmpeg(
            command,
            timeout=timeout,
            chunk_bytes=frames.frame_bytes,
            consume=frames.add,
            source=shown,
        )
    except MediaError as exc:
        return frames, exc
    return frames, None


def _duration(facts: MediaFacts, count: int) -> float:
    if facts.duration:
        return facts.duration
    if facts.fps and count:
        return count / facts.fps
    return 0.0


def _to_json(measured: Measured) -> dict[str, Any]:
    record = dict(measured.record())
    record["timeline"] = [list(point) for point in measured.timeline]
    return record


def _from_json(data: object) -> Measured | None:
    """A cached measurement, or None when it is not one this version wrote."""
    if not isinstance(data, dict):
        return None
    analysis = data.get("analysis")
    if not isinstance(analysis, dict) or analysis.get("version") != ANALYSIS_VERSION:
        return None
    try:
        cuts = data.get("cuts")
        return Measured(
            effective_fps=data.get("effective_fps"),
            frozen_share=data.get("frozen_share"),
            motion=data.get("motion"),
            detail=data.get("detail"),
            sharpness=data.get("sharpness"),
            flicker=data.get("flicker"),
            flash_risk=data.get("flash_risk"),
            brightness=data.get("brightness"),
            contrast=data.get("contrast"),
            clipped_share=data.get("clipped_share"),
            colourfulness=data.get("colourfulness"),
            black_share=data.get("black_share"),
            letterbox=data.get("letterbox"),
            cuts=None if cuts is None else tuple(float(t) for t in cuts),
            width=int(analysis["width"]),
            height=int(analysis["height"]),
            version=ANALYSIS_VERSION,
            frames=int(data.get("frames", 0)),
            timeline=tuple((float(a), float(b), float(c)) for a, b, c in data.get("timeline", ())),
        )
    except (TypeError, ValueError, KeyError):
        return None
