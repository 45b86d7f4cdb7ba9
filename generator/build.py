"""The one orchestrator: entries → media → pages → site, in that order.

The CLI and the live-preview server call these functions; no stage calls another. Writes happen
only in the stages' own write functions (archive, renditions, staging, site), never here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from .addresses import address_problem
from .clipproblems import clip_problem, clip_warnings, failure_message
from .collector import collector_paused, objects_set_aside
from .errors import (
    BusyError,
    ContentError,
    MagazineError,
    MediaFailures,
    Problem,
    UsageError,
)
from .media import (
    ClipRef,
    FetchResult,
    MediaIndex,
    clips_over_limits,
    fetch_clips,
    process_media,
)
from .messages import Message
from .model import Magazine
from .pages import PageMemo, RenderedSite, check_addresses, render_pages
from .progress import Progress, SilentProgress
from .publish import push_summary
from .settings import Settings
from .site import (
    BudgetReport,
    CardFiles,
    LiveStaging,
    MediaManifest,
    Regenerated,
    StagingChanges,
    build_site,
    check_budget,
    deploy_gh_pages,
    hold_cache_folder,
    make_cache_folder,
    media_files,
    media_manifest,
    push_media,
    referenced_media,
    serve_built_site,
    serve_site,
    site_files,
    source_date_epoch,
    write_manifest,
    write_media_folder,
    write_staging,
    writer_files,
)
from .source import EntryCache, clip_path, load_magazine, load_settings, locate, read_magazine


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the summary the CLI prints."""

    site_dir: Path
    entries: int
    pages: int
    clips: int
    budget: BudgetReport
    warnings: tuple[str, ...]
    language: str = "en"
    """The magazine's `theme.language`, which the summary is printed in."""
    store: MediaManifest | None = None
    """With `media_store`: what the store must hold for these pages (`magazine media push`)."""


def local_sources(magazine: Magazine, cache: EntryCache | None = None) -> dict[ClipRef, Path]:
    """Absolute paths of every local clip file, by clip (with `cache`, the preview's, each
    path is resolved again only when its file has changed)."""
    resolve = cache.clip_path if cache is not None else clip_path
    return {
        ClipRef(entry.slug, position): resolve(magazine, entry, clip)
        for entry in magazine.entries
        for position, clip in enumerate(entry.clips)
        if clip.file is not None
    }


def check(root: Path) -> Magazine:
    """Load the magazine; every page it generates has an address of its own, every clip fits.

    Raises:
        ContentError: every problem of every file, address clashes and local clips over the
            limits (length, pixels) included.
    """
    magazine, problems = read_magazine(root)
    if not problems:
        check_addresses(magazine, home=not has_home(magazine))
    # Clips are probed beside the entries' own problems: every problem in one run.
    over = clips_over_limits(magazine, _probeable(magazine, problems))
    found = [*problems]
    found.extend(
        clip_problem(magazine, ref, failure_message(error)) for ref, error in sorted(over.items())
    )
    if found:
        raise ContentError(found)
    return magazine


def _probeable(magazine: Magazine, problems: Sequence[Problem]) -> dict[ClipRef, Path]:
    """The local clips worth probing: files that are there, at fields with no problem yet."""
    if not problems:
        return local_sources(magazine)
    # A clip already reported (not found, outside the magazine, a link) is not probed again.
    located = {(problem.path, problem.field) for problem in problems}
    sources = {}
    for entry in magazine.entries:
        for position, clip in enumerate(entry.clips):
            field = f"clips[{position}]"
            if clip.file is None or any(
                (entry.path, name) in located for name in ("clips", field, f"{field}.file")
            ):
                continue
            path = clip_path(magazine, entry, clip)
            if path.is_file():
                sources[ClipRef(entry.slug, position)] = path
    return sources


def fetch(root: Path, *, offline: bool, progress: Progress, force: bool = False) -> FetchResult:
    """Load the magazine and download what is missing (`magazine fetch`)."""
    with _exclusive(root, "fetch", progress):
        magazine = load_magazine(root)
        return fetch_clips(magazine, offline=offline, force=force, progress=progress)


@contextmanager
def _exclusive(root: Path, command: str, progress: Progress) -> Iterator[None]:
    """Hold the magazine's cache folder while `command` runs (see `hold_cache_folder`)."""
    root = root.resolve()
    with hold_cache_folder(root, load_settings(root), command, notify=progress.note):
        yield


SITE_URL_UNSET = Message("warning.site_url_unset")
"""The one warning a build without a site address gives (in the magazine's language)."""


def with_site_url(magazine: Magazine, site_url: str | None) -> Magazine:
    """The magazine as published at `site_url` (for one build), instead of mkdocs.yml's.

    Raises:
        UsageError: the address is not an absolute http(s) URL.
    """
    if not site_url:
        return magazine
    check_site_url(site_url)
    address = site_url.rstrip("/") + "/"
    settings = magazine.settings.model_copy(update={"site_url": address})
    return replace(magazine, settings=settings)


def check_site_url(site_url: str) -> None:
    """Refuse a `--site-url` that could not be published (see `address_problem`).

    Raises:
        UsageError: naming the option; the address itself is not repeated (it may hold a
            password).
    """
    wrong = address_problem(site_url, base=True)
    if wrong:
        raise UsageError(Message("usage.site_url", reason=wrong))


@dataclass
class Memory:
    """What the live preview keeps between saves: entries read and pages rendered."""

    entries: EntryCache = field(default_factory=EntryCache)
    pages: PageMemo = field(default_factory=lambda: PageMemo(later=True))
    """Pages made so far; a changed page that other pages do not wait for is left for later
    (made when the site stage reads it, the page a reader waits for first)."""
    staging: LiveStaging | None = None
    """The staging folder as the last save left it (updated in place, file by file)."""
    cards: CardFiles = field(default_factory=CardFiles)
    """The link-preview cards of the last save (only changed pages' cards are made again)."""


def prepare(
    root: Path,
    *,
    offline: bool,
    progress: Progress,
    site_url: str | None = None,
    memory: Memory | None = None,
) -> tuple[Magazine, MediaIndex, RenderedSite, list[str]]:
    """Load, fetch, transcode and render; raise when anything failed.

    Raises:
        ContentError: the entries have problems (nothing else runs).
        MediaFailures: some clips could not be fetched or transcoded (all are listed).
    """
    entries = memory.entries if memory is not None else None
    magazine = with_site_url(load_magazine(root, entries), site_url)
    make_cache_folder(magazine.root, magazine.settings)
    fetched = fetch_clips(magazine, offline=offline, progress=progress)
    # Located like problems; the command line adds the word "warning" itself.
    language = magazine.settings.language
    warnings = [replace(w, severity="error").render(language) for w in magazine.warnings]
    warnings += fetched.warnings
    sources = {**local_sources(magazine, entries), **fetched.sources}
    media = process_media(magazine, sources, progress=progress)
    warnings += media.warnings
    root = magazine.root
    failures: list[tuple[Problem, MagazineError]] = [
        (locate(root, error.entry, error.field, failure_message(error)), error)
        for error in fetched.errors
    ]
    failures += [
        (clip_problem(magazine, ref, failure_message(error)), error)
        for ref, error in sorted(media.failures.items())
    ]
    if failures:
        raise MediaFailures(failures)
    warnings += clip_warnings(magazine, media)
    pages = memory.pages if memory is not None else None
    rendered = render_pages(magazine, media, home=not has_home(magazine), memo=pages)
    return magazine, media, rendered, warnings


def has_home(magazine: Magazine) -> bool:
    """Whether the writer's docs folder has a page MkDocs makes the home page."""
    homes = {"index.md", "index.markdown", "readme.md", "readme.markdown"}
    return any(rel.casefold() in homes for rel in writer_files(magazine.root, magazine.settings))


def rendition_files(media: MediaIndex) -> dict[str, Path]:
    """Every rendition by its site path (`media/<hash>/<file>`) → the file in the cache."""
    return {
        rendition.url_path: rendition.path
        for clip in media.clips.values()
        for rendition in clip.renditions
    }


def media_upload_dir(magazine: Magazine) -> Path:
    """With `media_base_url`: the folder to upload to the media host."""
    return magazine.settings.cache_path(magazine.root) / "media-upload"


@dataclass(frozen=True)
class Staged:
    """A complete staging docs folder and what the site build needs to go with it."""

    magazine: Magazine
    rendered: RenderedSite
    budget: BudgetReport
    """The renditions' weight, checked before MkDocs runs; the built site is weighed after."""
    warnings: tuple[str, ...]
    clips: int
    changes: StagingChanges | None = None
    """With the preview's memory: what this run changed in the staging folder (None: all)."""
    store: MediaManifest | None = None
    """With `media_store`: every object the pages load from the store."""


def stage(
    root: Path,
    *,
    offline: bool,
    progress: Progress,
    command: str = "build",
    site_url: str | None = None,
    memory: Memory | None = None,
) -> Staged:
    """Everything up to a complete staging docs folder, holding the cache folder for `command`
    (the name another command waiting for it is told). With `memory` (the preview's), entries
    and pages unchanged since the last run are reused.

    Raises:
        BudgetError: the renditions alone would not fit the site's limits (nothing is
            written).
        BusyError: another command held the cache folder for longer than `lock_wait`.
    """
    with _exclusive(root, command, progress), collector_paused():
        magazine, media, rendered, warnings = prepare(
            root, offline=offline, progress=progress, site_url=site_url, memory=memory
        )
        # Renditions are published byte for byte: when they alone are too heavy, stop before
        # MkDocs runs. The whole site is weighed once it is built (`_build`).
        budget = check_budget(
            media_files(media, magazine.settings),
            magazine.settings.limits,
            subject=Message("budget.subject_media"),
        )
        renditions = rendition_files(media)
        hosted_elsewhere = magazine.settings.media_base_url is not None
        store = None
        if hosted_elsewhere and magazine.settings.media_store and memory is None:
            # Exactly what the pages load: what `media push` uploads and `gc` keeps.
            renditions = referenced_media(
                str(magazine.settings.media_base_url), rendered.files.values(), renditions
            )
            store = media_manifest(magazine.settings, renditions)
        if hosted_elsewhere:
            write_media_folder(renditions, media_upload_dir(magazine))
        media_in_site = {} if hosted_elsewhere else renditions
        folder = staging_dir(magazine)
        if memory is not None:
            folder = preview_staging_dir(magazine.root, magazine.settings)
        changes = None
        # Cards are staged with the pages they show, so the preview serves what builds publish.
        cards = (memory.cards if memory is not None else CardFiles()).files(
            root, magazine.settings, rendered.files, rendered.snippets
        )
        files = {**rendered.files, **cards} if cards else rendered.files
        if memory is None:
            write_staging(root, magazine.settings, files, media_in_site, folder, rendered.snippets)
        else:
            if memory.staging is None or memory.staging.folder != folder:
                memory.staging = LiveStaging(folder)
            # Changed pages are read from memory and written once the preview has shown
            # the one asked for (`StagingChanges.write_pending`).
            changes = memory.staging.update(
                root,
                magazine.settings,
                files,
                media_in_site,
                rendered.snippets,
                defer_pages=True,
            )
    return Staged(magazine, rendered, budget, tuple(warnings), len(media.clips), changes, store)


def build(
    root: Path,
    *,
    site_dir: Path | None = None,
    offline: bool = False,
    progress: Progress,
    site_url: str | None = None,
) -> BuildReport:
    """`magazine build`: check, fetch, transcode, render, and build the site into site/.

    A failure at any step leaves the previous site/ as it was.

    Args:
        site_url: the address the site is published at, for this build (`--site-url`);
            without it, mkdocs.yml's `site_url`, and a warning when that is unset too.
    """
    with _exclusive(root, "build", progress):
        return _build(
            root, site_dir=site_dir, offline=offline, progress=progress, site_url=site_url
        )


def _build(
    root: Path, *, site_dir: Path | None, offline: bool, progress: Progress, site_url: str | None
) -> BuildReport:
    staged = stage(root, offline=offline, progress=progress, site_url=site_url)
    magazine, rendered = staged.magazine, staged.rendered
    target = site_dir if site_dir is not None else root / magazine.settings.site_dir
    weighed: list[BudgetReport] = []

    def weigh(folder: Path) -> None:
        # What is uploaded: HTML, theme assets, search index, media, before it replaces
        # the previous site (a BudgetError here leaves that site as it was).
        weighed.append(check_budget(site_files(folder), magazine.settings.limits))

    with objects_set_aside():
        build_site(
            root,
            magazine.settings,
            staging_dir(magazine),
            target,
            rendered,
            source_date_epoch=source_date_epoch(magazine),
            before_publish=weigh,
        )
    if staged.store is not None:
        write_manifest(magazine.settings.cache_path(root), root, staged.store)
    pages = sum(1 for path in rendered.files if path.endswith(".md"))
    warnings = staged.warnings
    if not magazine.settings.site_url:
        warnings += (SITE_URL_UNSET.render(magazine.settings.language),)
    return BuildReport(
        target,
        len(magazine.entries),
        pages,
        staged.clips,
        weighed[0],
        warnings,
        magazine.settings.language,
        staged.store,
    )


def serve(root: Path, *, host: str, port: int, offline: bool, progress: Progress) -> None:
    """`magazine serve`: a live preview; saving an entry or a page rebuilds what it affects.

    Media already made is reused from the cache, so a rebuild after an edit runs no ffmpeg
    unless a clip changed. The preview stages into a folder of its own, so a `magazine build`
    run meanwhile (which waits for the cache folder while a save is staged) neither reads nor
    writes the preview's files, and the preview none of the build's.
    """
    memory = Memory()
    settings = load_settings(root.resolve())

    def staged(progress: Progress) -> Regenerated:
        again = stage(root, offline=offline, progress=progress, command="serve", memory=memory)
        epoch = source_date_epoch(again.magazine)
        rendered = replace(again.rendered, source_date_epoch=epoch)
        return Regenerated(rendered, again.changes, again.magazine.settings)

    def first() -> Regenerated | None:
        try:
            return staged(progress)
        except (UsageError, BusyError):
            raise
        except MagazineError:
            # The preview stages again as it starts, which reports the problem in the
            # terminal and on every page, and builds once the writer has fixed it.
            return None

    serve_site(
        root,
        settings,
        preview_staging_dir(root.resolve(), settings),
        first,
        regenerate=lambda: staged(SilentProgress()),
        host=host,
        port=port,
    )


def serve_built(root: Path, *, host: str, port: int, site_dir: Path | None = None) -> None:
    """`magazine serve --site`: the built site as it will be published, ranges answered.

    Raises:
        UsageError: the site has not been built yet.
    """
    root = root.resolve()
    settings = load_settings(root)
    site = site_dir if site_dir is not None else root / settings.site_dir
    if not (site / "index.html").is_file():
        raise UsageError(Message("usage.no_built_site", site=str(site)))
    serve_built_site(site, host=host, port=port, language=settings.language)


def deploy(
    root: Path,
    *,
    remote: str,
    branch: str,
    push: bool,
    offline: bool,
    progress: Progress,
    site_url: str | None = None,
) -> BuildReport:
    """`magazine deploy`: build, then commit the site to the gh-pages branch and push it."""
    with _exclusive(root, "deploy", progress):
        report = build(root, offline=offline, progress=progress, site_url=site_url)
        if report.store is not None:  # the media first: pages never point at missing media
            settings = load_settings(root.resolve())
            pushed = push_media(report.store, settings, progress=progress)
            progress.note(push_summary(pushed, settings.language))
        deploy_gh_pages(report.site_dir, root, remote=remote, branch=branch, push=push)
    return report


def staging_dir(magazine: Magazine) -> Path:
    """The generated docs folder MkDocs builds from."""
    return staging_dir_of(magazine.root, magazine.settings)


def preview_staging_dir(root: Path, settings: Settings) -> Path:
    """The preview's own generated docs folder, apart from the one builds use."""
    return settings.cache_path(root) / "preview-staging" / "docs"


def staging_dir_of(root: Path, settings: Settings) -> Path:
    """The generated docs folder of the magazine at `root`."""
    return settings.cache_path(root) / "staging" / "docs"
