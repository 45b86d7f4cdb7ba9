"""The media stage: probe every clip, make its web renditions, and hand back a MediaIndex.

Work is cached by (source content hash, recipe): a rebuild with nothing changed hashes the
sources and reads markers, and runs no ffmpeg at all; a changed setting re-makes only the
renditions whose recipe it changes, from one decode of the source. Sources run in parallel, up
to the number of cores. A clip that fails is recorded in `MediaIndex.failures` and the others
go on; the build reports the failures at the end.

Videos get VIDEO, POSTER, PREVIEW and SHEET, and their poster's frame as WebP STILLs at the
widths pages offer in `srcset`. Their originals are not published: they are often far larger
than the site can carry, and the renditions are what readers watch. Still images get IMAGE,
STILLs narrower than it and, when `originals` can publish it, ORIGINAL (the file as it came
minus its metadata, named by its real type).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import MediaError, OverLimit
from ..messages import Message
from ..model import Magazine
from ..progress import Progress
from ..settings import Settings
from .archive import hash_file
from .cache import RenditionCache
from .frames import Frames
from .measure import cached_measurement, finish, measure_clip, new_frames
from .originals import ORIGINAL_TYPES, clean_original
from .probe import probe_file
from .recipes import (
    ImageRecipe,
    Recipe,
    StillRecipe,
    file_name,
    image_command,
    mime_type,
    output_size,
    recipes_for,
    still_recipes,
    still_size,
    video_command,
)
from .renditions import ClipMedia, ClipRef, Measured, MediaFacts, MediaIndex, Rendition, Role
from .transcode import (
    find_ffmpeg,
    remove_quietly,
    run_ffmpeg,
    stream_ffmpeg,
    supports_drawtext,
)

# Part of the original's file name, so that originals published before metadata was removed
# are never reused from an older cache.
_ORIGINAL_VERSION = hashlib.sha256(b"original without metadata, v1").hexdigest()[:10]
# A VIDEO rendition may be this much shorter than its source before it counts as cut short.
_DURATION_SLACK = 0.25
_DURATION_SHARE = 0.95


@dataclass(frozen=True)
class _Result:
    facts: MediaFacts
    renditions: tuple[Rendition, ...]
    warnings: tuple[str, ...] = ()
    measured: Measured | None = None
    clip_warnings: tuple[Message, ...] = ()
    """Warnings the build locates at each clip of this source (a measurement cut short)."""


def process_media(
    magazine: Magazine,
    sources: Mapping[ClipRef, Path],
    *,
    progress: Progress,
    jobs: int | None = None,
) -> MediaIndex:
    """Probe and transcode every clip that has a file; collect failures instead of stopping.

    Args:
        sources: every clip with a file, mapped to its absolute path.
        jobs: sources worked on at once (default: settings.media.jobs, else the core count).
    """
    settings = magazine.settings
    root = settings.cache_path(magazine.root) / "renditions"
    workers = max(1, jobs or settings.media.jobs or os.cpu_count() or 1)
    refs = _in_magazine_order(magazine, sources)
    paths = sorted({sources[ref] for ref in refs})
    task = progress.task(Message("progress.media").render(settings.language), len(paths))
    failures: dict[ClipRef, MediaError] = {}
    results: dict[Path, tuple[str, _Result] | MediaError] = {}

    with ThreadPoolExecutor(max_workers=workers) as pool:
        hashed = pool.map(lambda path: _hash_or_error(path, magazine.root), paths)
        hashes: dict[Path, str] = {}
        by_hash: dict[str, Path] = {}
        for path, digest in zip(paths, hashed, strict=True):
            if isinstance(digest, MediaError):
                results[path] = digest
                task.advance()
            else:
                hashes[path] = digest
                by_hash.setdefault(digest, path)
        futures = {
            digest: pool.submit(_make_renditions, settings, root, digest, path, magazine.root)
            for digest, path in sorted(by_hash.items(), key=lambda item: item[1])
        }
        made: dict[str, _Result | MediaError] = {}
        for digest, future in futures.items():
            made[digest] = future.result()
            task.advance()
            task.describe(_shown(by_hash[digest], magazine.root))
    progress.finish(task)

    clips: dict[ClipRef, ClipMedia] = {}
    warnings: list[str] = []
    for path in paths:
        if path in results:
            continue
        outcome = made[hashes[path]]
        results[path] = outcome if isinstance(outcome, MediaError) else (hashes[path], outcome)
    for digest in sorted(made):
        outcome = made[digest]
        if isinstance(outcome, _Result):
            warnings.extend(outcome.warnings)
    for ref in refs:
        result = results[sources[ref]]
        if isinstance(result, MediaError):
            failures[ref] = result
        else:
            digest, made_result = result
            clips[ref] = ClipMedia(
                ref,
                digest,
                made_result.facts,
                made_result.renditions,
                made_result.measured,
                made_result.clip_warnings,
            )
    return MediaIndex(clips=clips, failures=failures, warnings=tuple(warnings))


def limit_error(facts: MediaFacts, settings: Settings, shown: str) -> MediaError | None:
    """Why a probed clip is over the magazine's limits (pixels, length), or None."""
    limits = settings.limits
    if facts.width * facts.height > limits.pixels:
        message = Message(
            "media.pixels", width=facts.width, height=facts.height, limit=limits.pixels
        )
        return OverLimit(message, source=shown)
    if facts.duration is not None and facts.duration > limits.clip_seconds:
        message = Message(
            "media.too_long", seconds=facts.duration, limit=float(limits.clip_seconds)
        )
        return OverLimit(message, source=shown)
    return None


def clips_over_limits(
    magazine: Magazine, sources: Mapping[ClipRef, Path]
) -> dict[ClipRef, MediaError]:
    """Local clips over the limits or unreadable, found by probing alone (`magazine check`).

    Probing reads the file's header and packets (no decoding), so a file ffmpeg cannot read
    (not media, empty, truncated) is reported by `check` before a build tries to transcode it.
    """
    settings = magazine.settings
    over: dict[ClipRef, MediaError] = {}
    probed: dict[Path, MediaError | None] = {}
    for ref in sorted(sources):
        path = sources[ref]
        if path not in probed:
            shown = _shown(path, magazine.root)
            try:
                facts = probe_file(path, max_pixels=settings.limits.pixels)
            except OverLimit as exc:
                probed[path] = OverLimit(exc.words or exc.message, source=shown)
            except MediaError as exc:
                probed[path] = MediaError(exc.words or exc.message, source=shown)
            else:
                probed[path] = limit_error(facts, settings, shown)
        error = probed[path]
        if error is not None:
            over[ref] = error
    return over


def _in_magazine_order(magazine: Magazine, sources: Mapping[ClipRef, Path]) -> list[ClipRef]:
    order = {
        entry.slug: number
        for number, entry in enumerate(
            sorted(magazine.entries, key=lambda e: (e.submitted_at, e.slug))
        )
    }
    return sorted(sources, key=lambda ref: (order.get(ref.entry, len(order)), ref))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()  # entries/…, as every problem names files
    except ValueError:
        return str(path)


def _hash_or_error(path: Path, magazine_root: Path) -> str | MediaError:
    try:
        return hash_file(path)
    except OSError as exc:
        return MediaError(
            Message("media.cannot_read_file", reason=str(exc.strerror)),
            source=_shown(path, magazine_root),
        )


def _make_renditions(
    settings: Settings, root: Path, digest: str, path: Path, magazine_root: Path
) -> _Result | MediaError:
    """Everything one source needs; a failure comes back as a MediaError naming the source."""
    shown = _shown(path, magazine_root)
    try:
        return _renditions_of(settings, RenditionCache(root, digest), path, shown)
    except MediaError as exc:
        if exc.source:
            return exc
        return MediaError(
            exc.words or exc.message,
            source=shown,
            command=exc.command,
            stderr_tail=exc.stderr_tail,
        )
    except OSError as exc:
        reason = Message("media.os_error", reason=str(exc.strerror or exc), file=exc.filename or "")
        return MediaError(reason, source=shown)


def _renditions_of(settings: Settings, cache: RenditionCache, path: Path, shown: str) -> _Result:
    limits = settings.limits
    facts = cache.load_facts()
    if facts is None:
        try:
            facts = probe_file(path, max_pixels=limits.pixels)
        except MediaError as exc:
            raise MediaError(exc.words or exc.message, source=shown) from None
        cache.store_facts(facts)
    over = limit_error(facts, settings, shown)
    if over is not None:
        raise over
    recipes = recipes_for(settings.media, facts.kind)
    ready: dict[Role, Rendition] = {}
    missing: dict[Role, Recipe] = {}
    for role, recipe in recipes.items():
        name = file_name(role, recipe)
        cached = cache.lookup(name)
        if cached is None:
            missing[role] = recipe
        else:
            ready[role] = _rendition(cache, role, name, cached.width, cached.height)
    stills: list[Rendition] = []
    missing_stills: list[StillRecipe] = []
    for still in still_recipes(settings.media, facts, recipes):
        name = file_name(Role.STILL, still)
        found = cache.lookup(name)
        if found is None:
            missing_stills.append(still)
        else:
            stills.append(_rendition(cache, Role.STILL, name, found.width, found.height))
    if missing_stills and facts.kind == "video" and Role.POSTER not in missing:
        # The poster's frame is picked in the run that makes the stills: made again with
        # them (the same bytes, from the same decode), every width shows the same picture.
        missing[Role.POSTER] = recipes[Role.POSTER]
        del ready[Role.POSTER]
    warnings: list[str] = []
    measured: tuple[Measured, Message | None] | None = None
    to_measure = settings.media.measure
    if to_measure:
        measured = cached_measurement(cache)
    if facts.kind == "image":
        original = _original(cache, path, facts)
        if original is not None:
            ready[Role.ORIGINAL] = original
    if missing or missing_stills:
        cache.sweep()
        ffmpeg = find_ffmpeg(settings.media.ffmpeg)
        if facts.kind == "image":
            made, made_stills = _make_image(
                ffmpeg, settings, cache, path, shown, facts, missing, missing_stills
            )
        else:
            # The renditions' decode feeds the measurements too, when they are wanted.
            frames = new_frames(facts) if to_measure and measured is None else None
            made, made_stills, warnings = _make_video(
                ffmpeg, settings, cache, path, shown, facts, missing, frames, missing_stills
            )
            if frames is not None:
                measured = finish(frames, facts, cache)
        ready.update(made)
        stills += made_stills
    order = list(Role)
    renditions = tuple(
        sorted([*ready.values(), *stills], key=lambda r: (order.index(r.role), r.width))
    )
    if to_measure and measured is None:
        measured = measure_clip(
            settings.media.ffmpeg,
            cache,
            path,
            facts,
            timeout=settings.media.timeout,
            max_pixels=limits.pixels,
            max_seconds=limits.clip_seconds,
            shown=shown,
        )
    clip_warnings = () if measured is None or measured[1] is None else (measured[1],)
    return _Result(
        facts,
        renditions,
        tuple(warnings),
        measured[0] if measured is not None else None,
        clip_warnings,
    )


def _make_video(
    ffmpeg: str,
    settings: Settings,
    cache: RenditionCache,
    path: Path,
    shown: str,
    facts: MediaFacts,
    missing: Mapping[Role, Recipe],
    frames: Frames | None = None,
    stills: Sequence[StillRecipe] = (),
) -> tuple[dict[Role, Rendition], list[Rendition], list[str]]:
    """Every missing rendition and still from one decode; with `frames`, the analysis's
    frames too."""
    warnings: list[str] = []
    timestamps = True
    if Role.SHEET in missing:
        timestamps = supports_drawtext(ffmpeg, timeout=settings.media.timeout)
        if not timestamps:
            sheet = Message("media.sheet_no_times", shown=shown)
            warnings.append(sheet.render(settings.language))
    names = {role: file_name(role, recipe) for role, recipe in missing.items()}
    temporaries = {role: cache.temporary(names[role]) for role in missing}
    outputs = {role: (missing[role], temporaries[role]) for role in missing}
    still_names = [file_name(Role.STILL, still) for still in stills]
    still_paths = [cache.temporary(name) for name in still_names]
    command = video_command(
        ffmpeg,
        path,
        facts,
        outputs,
        timestamps=timestamps,
        max_pixels=settings.limits.pixels,
        analysis=(frames.width, frames.height) if frames is not None else None,
        analysis_seconds=settings.limits.clip_seconds,
        stills=list(zip(stills, still_paths, strict=True)),
    )
    try:
        if frames is None:
            run_ffmpeg(command, timeout=settings.media.timeout, source=shown)
        else:
            stream_ffmpeg(
                command,
                timeout=settings.media.timeout,
                chunk_bytes=frames.frame_bytes,
                consume=frames.add,
                source=shown,
            )
        if Role.VIDEO in temporaries:
            _check_complete(temporaries[Role.VIDEO], facts, shown, command)
        made: dict[Role, Rendition] = {}
        for role, recipe in missing.items():
            width, height = output_size(role, recipe, facts)
            cache.commit(temporaries[role], names[role], width, height)
            made[role] = _rendition(cache, role, names[role], width, height)
        made_stills = []
        if stills:
            poster = output_size(Role.POSTER, missing[Role.POSTER], facts)
            for still, name, temporary in zip(stills, still_names, still_paths, strict=True):
                width, height = still_size(still, poster)
                cache.commit(temporary, name, width, height)
                made_stills.append(_rendition(cache, Role.STILL, name, width, height))
        return made, made_stills, warnings
    finally:
        for temporary in [*temporaries.values(), *still_paths]:
            remove_quietly(temporary)


def _check_complete(video: Path, facts: MediaFacts, shown: str, command: list[str]) -> None:
    """The rendition must be about as long as the source: ffmpeg exits 0 on some cut files."""
    made = probe_file(video)
    expected = facts.duration or 0.0
    actual = made.duration or 0.0
    if expected and actual < min(expected * _DURATION_SHARE, expected - _DURATION_SLACK):
        raise MediaError(
            Message("media.rendition_short", actual=actual, expected=expected),
            source=shown,
            command=command,
        )


def _make_image(
    ffmpeg: str,
    settings: Settings,
    cache: RenditionCache,
    path: Path,
    shown: str,
    facts: MediaFacts,
    missing: Mapping[Role, Recipe],
    stills: Sequence[StillRecipe] = (),
) -> tuple[dict[Role, Rendition], list[Rendition]]:
    """The missing web image and stills, from one decode of the image."""
    recipe = missing.get(Role.IMAGE)
    assert recipe is None or isinstance(recipe, ImageRecipe)
    name = file_name(Role.IMAGE, recipe) if recipe is not None else ""
    temporary = cache.temporary(name) if recipe is not None else None
    still_names = [file_name(Role.STILL, still) for still in stills]
    still_paths = [cache.temporary(still_name) for still_name in still_names]
    made: dict[Role, Rendition] = {}
    made_stills: list[Rendition] = []
    try:
        command = image_command(
            ffmpeg,
            path,
            facts,
            recipe,
            temporary,
            max_pixels=settings.limits.pixels,
            stills=list(zip(stills, still_paths, strict=True)),
        )
        run_ffmpeg(command, timeout=settings.media.timeout, source=shown)
        if recipe is not None and temporary is not None:
            width, height = output_size(Role.IMAGE, recipe, facts)
            cache.commit(temporary, name, width, height)
            made[Role.IMAGE] = _rendition(cache, Role.IMAGE, name, width, height)
        for still, still_name, still_path in zip(stills, still_names, still_paths, strict=True):
            width, height = still_size(still, (facts.width, facts.height))
            cache.commit(still_path, still_name, width, height)
            made_stills.append(_rendition(cache, Role.STILL, still_name, width, height))
    finally:
        for leftover in [temporary, *still_paths]:
            if leftover is not None:
                remove_quietly(leftover)
    return made, made_stills


def _original(cache: RenditionCache, path: Path, facts: MediaFacts) -> Rendition | None:
    """The image as it came minus its metadata, under its real type's extension; None when
    its type is not one an original may be published as (see `originals`)."""
    kind = ORIGINAL_TYPES.get(facts.codec)
    if kind is None:
        return None
    name = f"original-{_ORIGINAL_VERSION}.{kind[0]}"
    cached = cache.lookup(name)
    if cached is None:
        cleaned = clean_original(path.read_bytes(), facts.codec)
        if cleaned is None:
            return None
        temporary = cache.temporary(name)
        try:
            temporary.write_bytes(cleaned[2])
            cached = cache.commit(temporary, name, facts.width, facts.height)
        finally:
            remove_quietly(temporary)
    return Rendition(
        role=Role.ORIGINAL,
        path=cached.path,
        url_path=cache.url_path(name),
        mime=kind[1],
        width=cached.width,
        height=cached.height,
        size_bytes=cached.size_bytes,
    )


def _rendition(cache: RenditionCache, role: Role, name: str, width: int, height: int) -> Rendition:
    path = cache.folder / name
    return Rendition(
        role=role,
        path=path,
        url_path=cache.url_path(name),
        mime=mime_type(role),
        width=width,
        height=height,
        size_bytes=path.stat().st_size,
    )
