"""Recipes: what each rendition is, and the ffmpeg command that makes it, built as pure data.

A recipe holds every setting that shapes one rendition; its key (a hash of those settings and
`RECIPE_VERSION`) names the cached file, so changing a setting re-makes only the renditions it
touches. The commands are built with ffmpeg-python's graph API and compiled to argument lists;
nothing here runs a process or touches a file.

One command makes every missing rendition of a video from a single decode: the source is
rotated upright, tone-mapped to BT.709 when it is HDR, scaled to even, square-pixel dimensions,
converted to 8-bit 4:2:0 (`streams`), and then `split` into one branch per output. The
poster's frame is picked once and `split` again into the JPEG poster
and its WebP stills (`StillRecipe`: the same picture at the widths pages offer in `srcset`).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import ffmpeg

from ..settings import MediaSettings
from .renditions import MediaFacts, Role
from .streams import analysis_size as analysis_size
from .streams import (
    double_rate,
    global_args,
    input_cap,
    input_path,
    jpeg_options,
    upright_8bit,
    x264_options,
)

RECIPE_VERSION = 1
"""Bump when a command changes in a way the settings do not show; every rendition is re-made."""

_SHEET_PADDING = 4


@dataclass(frozen=True)
class VideoRecipe:
    """H.264/AAC MP4 for the entry page."""

    max_width: int
    max_height: int
    crf: int
    preset: str
    max_bitrate: str
    audio_bitrate: str


@dataclass(frozen=True)
class PosterRecipe:
    """A representative still, as large as the video."""

    max_width: int
    max_height: int
    quality: int = 3  # mjpeg -q:v, 2 (best) .. 31


@dataclass(frozen=True)
class PreviewRecipe:
    """A short, muted loop for cards."""

    seconds: float
    height: int
    fps: int = 24
    crf: int = 28
    preset: str = "medium"


@dataclass(frozen=True)
class SheetRecipe:
    """Evenly spaced frames in a grid, each stamped with its time."""

    frames: int
    columns: int
    tile_width: int = 320
    quality: int = 4


@dataclass(frozen=True)
class ImageRecipe:
    """A web image for still-image clips (WebP keeps transparency)."""

    max_width: int
    quality: int = 82


@dataclass(frozen=True)
class StillRecipe:
    """The poster (or a still image) as a WebP `width` pixels wide, one candidate of a `srcset`.

    `width` is the width made, already capped at the poster's or the image's own (see
    `still_recipes`), so no two stills of one clip are the same file under two names.
    """

    width: int
    quality: int = 80


Recipe = VideoRecipe | PosterRecipe | PreviewRecipe | SheetRecipe | ImageRecipe | StillRecipe

_FILES: Mapping[Role, tuple[str, str]] = {
    Role.VIDEO: ("mp4", "video/mp4"),
    Role.POSTER: ("jpg", "image/jpeg"),
    Role.PREVIEW: ("mp4", "video/mp4"),
    Role.SHEET: ("jpg", "image/jpeg"),
    Role.IMAGE: ("webp", "image/webp"),
    Role.STILL: ("webp", "image/webp"),
}


def recipes_for(settings: MediaSettings, kind: str) -> dict[Role, Recipe]:
    """The renditions a clip of this kind ("video" or "image") gets, with their recipes.

    Videos' originals are not published (they are often large); images link their original,
    which the media stage copies as it is rather than through a recipe.
    """
    if kind == "image":
        return {Role.IMAGE: ImageRecipe(max_width=settings.image_max_width)}
    return {
        Role.VIDEO: VideoRecipe(
            max_width=settings.max_width,
            max_height=settings.max_height,
            crf=settings.crf,
            preset=settings.preset,
            max_bitrate=settings.max_bitrate,
            audio_bitrate=settings.audio_bitrate,
        ),
        Role.POSTER: PosterRecipe(max_width=settings.max_width, max_height=settings.max_height),
        Role.PREVIEW: PreviewRecipe(
            seconds=settings.preview_seconds, height=settings.preview_height, preset=settings.preset
        ),
        Role.SHEET: SheetRecipe(frames=settings.sheet_frames, columns=settings.sheet_columns),
    }


def still_recipes(
    settings: MediaSettings, facts: MediaFacts, recipes: Mapping[Role, Recipe]
) -> tuple[StillRecipe, ...]:
    """The WebP stills of a clip whose renditions are `recipes`, narrowest first.

    A video's stills are its poster at `still_widths`, each capped at the poster's width (a
    still is never enlarged; two capped alike are one). A still image's widest candidate is
    its IMAGE rendition itself, so it gets only the widths narrower than that.
    """
    if facts.kind == "image":
        image = recipes[Role.IMAGE]
        full = output_size(Role.IMAGE, image, facts)[0]
        widths = {w for w in settings.still_widths if w < full}
    else:
        poster = recipes[Role.POSTER]
        full = output_size(Role.POSTER, poster, facts)[0]
        widths = {min(w, full) for w in settings.still_widths}
    return tuple(StillRecipe(width, settings.still_quality) for width in sorted(widths))


def still_size(recipe: StillRecipe, picture: tuple[int, int]) -> tuple[int, int]:
    """A still's pixel size, made from a picture (the poster's frame, or the image) this big."""
    width, height = picture
    return recipe.width, max(1, round(height * recipe.width / max(1, width)))


def recipe_key(recipe: Recipe) -> str:
    """A short, stable hash of everything that shapes the rendition."""
    text = json.dumps(
        [RECIPE_VERSION, type(recipe).__name__, asdict(recipe)], sort_keys=True, default=str
    )
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def file_name(role: Role, recipe: Recipe) -> str:
    """The rendition's file name: role and recipe key, so a new recipe never reuses a name
    (a still's width too, so that a reader of the folder sees which is which)."""
    width = f"{recipe.width}-" if isinstance(recipe, StillRecipe) else ""
    return f"{role.value}-{width}{recipe_key(recipe)}.{_FILES[role][0]}"


def mime_type(role: Role) -> str:
    """The MIME type of a rendition."""
    return _FILES[role][1]


def fit(width: int, height: int, max_width: int, max_height: int, *, even: bool) -> tuple[int, int]:
    """The largest size within the box that keeps the aspect ratio; never enlarges."""
    scale = min(1.0, max_width / width, max_height / height)
    w, h = width * scale, height * scale
    if even:  # rounded down, so an odd size never grows past the source
        return max(2, int(w + 1e-6) // 2 * 2), max(2, int(h + 1e-6) // 2 * 2)
    return max(1, round(w)), max(1, round(h))


def output_size(role: Role, recipe: Recipe, facts: MediaFacts) -> tuple[int, int]:
    """The pixel size a rendition will have, known before ffmpeg runs."""
    if isinstance(recipe, VideoRecipe | PosterRecipe):
        return fit(facts.width, facts.height, recipe.max_width, recipe.max_height, even=True)
    if isinstance(recipe, PreviewRecipe):
        return fit(facts.width, facts.height, 10 * recipe.height, recipe.height, even=True)
    if isinstance(recipe, SheetRecipe):
        _, columns, rows, tile = _sheet_layout(recipe, facts)
        return (
            columns * tile[0] + (columns + 1) * _SHEET_PADDING,
            rows * tile[1] + (rows + 1) * _SHEET_PADDING,
        )
    if isinstance(recipe, StillRecipe):
        raise ValueError("a still's size follows its picture: see still_size")
    return fit(facts.width, facts.height, recipe.max_width, 10 * recipe.max_width, even=False)


def _frame_size(role: Role, recipe: Recipe, facts: MediaFacts) -> tuple[int, int]:
    """The size of the frames a rendition is made of (one tile for the contact sheet)."""
    if isinstance(recipe, SheetRecipe):
        return _sheet_layout(recipe, facts)[3]
    return output_size(role, recipe, facts)


def _sheet_layout(recipe: SheetRecipe, facts: MediaFacts) -> tuple[int, int, int, tuple[int, int]]:
    count = max(1, min(recipe.frames, facts.frames or 1))
    columns = min(recipe.columns, count)
    rows = math.ceil(count / columns)
    tile = fit(facts.width, facts.height, recipe.tile_width, recipe.tile_width, even=True)
    return count, columns, rows, tile


def video_command(
    ffmpeg_path: str,
    source: Path,
    facts: MediaFacts,
    outputs: Mapping[Role, tuple[Recipe, Path]],
    *,
    timestamps: bool = True,
    max_pixels: int | None = None,
    analysis: tuple[int, int] | None = None,
    analysis_seconds: float | None = None,
    stills: Sequence[tuple[StillRecipe, Path]] = (),
) -> list[str]:
    """One ffmpeg run that decodes `source` once and writes every requested rendition.

    Args:
        outputs: for each role to make, its recipe and the path ffmpeg writes to.
        stills: WebP stills of the poster's frame (the POSTER must be among `outputs`: the
            frame is picked once for all of them), each with the path ffmpeg writes to.
        timestamps: stamp times on the contact sheet (needs drawtext and a font).
        max_pixels: the decoder refuses a larger frame (a stream can grow after its first).
        analysis: also write the frames for measuring, at this size, to stdout (as
            `analysis_command` does), from the same decode; `analysis_seconds` bounds them.
    """
    if not outputs:
        raise ValueError("nothing to make")
    if stills and Role.POSTER not in outputs:
        raise ValueError("stills are made with the poster")
    source_in = ffmpeg.input(input_path(source), **input_cap(max_pixels))
    decoded = source_in.video
    measured = None
    if analysis is not None:
        both = decoded.filter_multi_output("split", 2)
        decoded, measured = both[0], both[1]
    frame_size = max(
        (_frame_size(role, recipe, facts) for role, (recipe, _) in outputs.items()),
        key=lambda size: size[0] * size[1],
    )
    base = upright_8bit(decoded, facts, frame_size)
    roles = sorted(outputs)
    branches = base.filter_multi_output("split", len(roles)) if len(roles) > 1 else None
    made = []
    for number, role in enumerate(roles):
        recipe, target = outputs[role]
        branch = branches[number] if branches is not None else base
        if role is Role.POSTER:
            made.extend(_poster_outputs(branch, recipe, facts, target, frame_size, stills))
            continue
        made.append(
            _video_output(branch, source_in, role, recipe, facts, target, frame_size, timestamps)
        )
    if measured is not None and analysis is not None:
        made.append(_analysis_output(measured, facts, analysis, analysis_seconds))
    graph = ffmpeg.merge_outputs(*made) if len(made) > 1 else made[0]
    return global_args(ffmpeg_path) + list(graph.compile(cmd="ffmpeg"))[1:]


def _video_output(
    branch: Any,
    source_in: Any,
    role: Role,
    recipe: Recipe,
    facts: MediaFacts,
    target: Path,
    frame_size: tuple[int, int],
    timestamps: bool,
) -> Any:
    size = _frame_size(role, recipe, facts)

    def resize(stream: Any) -> Any:
        # Scaled after trim/fps pick their frames, so dropped frames are never scaled.
        if size == frame_size:
            return stream
        return stream.filter("scale", w=size[0], h=size[1]).filter("setsar", 1)

    path = str(target)
    if isinstance(recipe, VideoRecipe):
        branch = resize(branch)
        options = x264_options(recipe.crf, recipe.preset)
        options.update(
            {
                "maxrate": recipe.max_bitrate,
                "bufsize": double_rate(recipe.max_bitrate),
                "c:a": "aac",
                "b:a": recipe.audio_bitrate,
                "ac": 2,
            }
        )
        return ffmpeg.output(branch, source_in["a:0?"], path, **options)
    if isinstance(recipe, PreviewRecipe):
        branch = branch.filter("trim", duration=recipe.seconds).filter("setpts", "PTS-STARTPTS")
        if facts.fps is None or facts.fps > recipe.fps:
            branch = branch.filter("fps", fps=recipe.fps)
        branch = resize(branch)
        return ffmpeg.output(branch, path, an=None, **x264_options(recipe.crf, recipe.preset))
    if isinstance(recipe, SheetRecipe):
        branch = _contact_sheet(branch, recipe, facts, timestamps, resize)
        return ffmpeg.output(branch, path, **jpeg_options(recipe.quality))
    raise ValueError(f"{role} is not a video rendition")


def _poster_outputs(
    branch: Any,
    recipe: Recipe,
    facts: MediaFacts,
    target: Path,
    frame_size: tuple[int, int],
    stills: Sequence[tuple[StillRecipe, Path]],
) -> list[Any]:
    """The JPEG poster and its WebP stills: the frame is picked once, then `split`, so every
    width shows the same picture."""
    if not isinstance(recipe, PosterRecipe):
        raise ValueError("the poster needs a poster recipe")
    size = output_size(Role.POSTER, recipe, facts)
    frame = _representative_frame(branch, facts)
    if size != frame_size:
        frame = frame.filter("scale", w=size[0], h=size[1]).filter("setsar", 1)
    if not stills:
        return [ffmpeg.output(frame, str(target), **jpeg_options(recipe.quality))]
    copies = frame.filter_multi_output("split", 1 + len(stills))
    made = [ffmpeg.output(copies[0], str(target), **jpeg_options(recipe.quality))]
    for number, (still, path) in enumerate(stills, start=1):
        made.append(_webp_output(copies[number], still_size(still, size), still.quality, path))
    return made


def _webp_output(stream: Any, size: tuple[int, int], quality: int, target: Path) -> Any:
    """One still as a WebP of `size` (Lanczos: the sharpest of ffmpeg's scalers when shrinking
    a picture to a fraction of its width), without metadata."""
    stream = stream.filter("scale", w=size[0], h=size[1], flags="lanczos").filter("setsar", 1)
    return ffmpeg.output(
        stream,
        str(target),
        **{
            "c:v": "libwebp",
            "quality": quality,
            "frames:v": 1,
            "map_metadata": -1,
            "fflags": "+bitexact",
            "f": "webp",
        },
    )


def _representative_frame(branch: Any, facts: MediaFacts) -> Any:
    # Skip the first fifth (fades from black, title cards), then let `thumbnail` pick the frame
    # closest to the average colour histogram of the next stretch (at most 50 frames held).
    duration = facts.duration or 0.0
    start = duration * 0.2 if duration >= 1 else 0.0
    frames_left = (facts.fps or 25.0) * (duration - start) * 0.6
    window = int(min(50, frames_left))
    if start:
        branch = (
            branch.filter("setpts", "PTS-STARTPTS")
            .filter("trim", start=f"{start:.3f}")
            .filter("setpts", "PTS-STARTPTS")
        )
    if window >= 2:
        branch = branch.filter("thumbnail", n=window)
    return branch


def _contact_sheet(
    branch: Any,
    recipe: SheetRecipe,
    facts: MediaFacts,
    timestamps: bool,
    resize: Callable[[Any], Any],
) -> Any:
    count, columns, rows, tile = _sheet_layout(recipe, facts)
    duration = facts.duration or 0.0
    if count > 1 and (facts.frames or 0) > count and duration > 0:
        # Time-based picking keeps the spacing even for variable frame rate sources too.
        branch = branch.filter("fps", fps=f"{count}/{duration:.6f}", round="down")
    branch = resize(branch)
    if timestamps:
        branch = branch.filter(
            "drawtext",
            text="%{pts:hms}",
            x=4,
            y="h-th-4",
            fontsize=max(10, tile[1] // 9),
            fontcolor="white",
            box=1,
            boxcolor="black@0.6",
            boxborderw=2,
        )
    return branch.filter(
        "tile",
        f"{columns}x{rows}",
        nb_frames=count,
        padding=_SHEET_PADDING,
        margin=_SHEET_PADDING,
        color="black",
    )


def image_command(
    ffmpeg_path: str,
    source: Path,
    facts: MediaFacts,
    recipe: ImageRecipe | None,
    target: Path | None,
    *,
    max_pixels: int | None = None,
    stills: Sequence[tuple[StillRecipe, Path]] = (),
) -> list[str]:
    """Resize a still image to a WebP, and to each of `stills`, from one decode: upright (EXIF
    orientation applied), no metadata kept. `recipe` and `target` are None when only stills
    are missing."""
    wanted: list[tuple[tuple[int, int], int, Path]] = []
    if recipe is not None and target is not None:
        wanted.append((output_size(Role.IMAGE, recipe, facts), recipe.quality, target))
    picture = (facts.width, facts.height)
    wanted += [(still_size(still, picture), still.quality, path) for still, path in stills]
    if not wanted:
        raise ValueError("nothing to make")
    stream = ffmpeg.input(input_path(source), **input_cap(max_pixels)).video
    copies = stream.filter_multi_output("split", len(wanted)) if len(wanted) > 1 else None
    made = [
        _webp_output(copies[number] if copies is not None else stream, size, quality, path)
        for number, (size, quality, path) in enumerate(wanted)
    ]
    out = ffmpeg.merge_outputs(*made) if len(made) > 1 else made[0]
    return global_args(ffmpeg_path) + list(out.compile(cmd="ffmpeg"))[1:]


def _analysis_output(
    stream: Any, facts: MediaFacts, size: tuple[int, int], max_seconds: float | None
) -> Any:
    """Raw 8-bit 4:2:0 frames of `size` on stdout, every decoded frame kept (`passthrough`:
    none duplicated or dropped to fit a rate, or repeated pictures could not be counted)."""
    # `area` averages the pixels each output pixel covers: the fair way to shrink a clip for
    # measuring, and a sixth cheaper than the default bicubic on a 1080p source.
    stream = upright_8bit(stream, facts, size, flags="area")
    options: dict[str, Any] = {"f": "rawvideo", "pix_fmt": "yuv420p", "fps_mode": "passthrough"}
    if facts.kind == "image":
        options["frames:v"] = 1
    elif max_seconds is not None:  # whatever the header claimed, never read past the limit
        options["t"] = f"{max_seconds:g}"
    return ffmpeg.output(stream, "pipe:1", an=None, **options)


def analysis_command(
    ffmpeg_path: str,
    source: Path,
    facts: MediaFacts,
    size: tuple[int, int],
    *,
    max_pixels: int | None = None,
    max_seconds: float | None = None,
) -> list[str]:
    """Decode `source` once to raw 8-bit 4:2:0 frames of `size` on stdout, for measuring.

    Every decoded frame is kept (`passthrough`: no frame is duplicated or dropped to fit a
    rate, or repeated pictures could not be counted); HDR is tone-mapped like the renditions.
    """
    stream = ffmpeg.input(input_path(source), **input_cap(max_pixels)).video
    out = _analysis_output(stream, facts, size, max_seconds)
    return [a for a in global_args(ffmpeg_path) if a != "-y"] + list(out.compile(cmd="ffmpeg"))[1:]
