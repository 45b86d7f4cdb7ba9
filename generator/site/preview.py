"""The live preview: `magazine serve` answers a save with the pages it changed, in a second.

`Preview` watches the writer's entries, docs and mkdocs.yml. On a change it calls back into the
orchestrator to stage the magazine again (entries → media → pages → staging folder, whose
unchanged files keep their identity), then brings the served site up to date with an
`IncrementalSite` that stays loaded between saves and converts only the pages whose staged
source changed (the staging step says which files it wrote). The browser reloads by itself.
Changes are noticed through the operating system's file events (inotify on Linux), not by
polling the folders, where it can; where it cannot, the folders are polled twice a second.

A problem (an entry that no longer validates, a clip that cannot be made) is printed in the
terminal and shown as a banner at the top of every served page over the last good site, or
over a bare page when the magazine had a problem from the start; the banner goes away with
the next good build, which prints a short "rebuilt" line so that the terminal's last line is
never a stale error. A warning that `magazine build` would refuse (a broken link in a writer's
page) is shown the same way, in amber, over the freshly built site.
"""

from __future__ import annotations

import gc
import html
import os
import posixpath
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import watchdog.events
import watchdog.observers

from ..errors import MagazineError, inert
from ..messages import Message
from ..pages import RenderedSite
from ..settings import Settings
from ..source.config import CONFIG_NAMES
from .builder import (
    build_into,
    finish_site,
    mkdocs_running,
    theme_folder,
    write_site_config,
)
from .buildplan import BuildCounts
from .incremental import IncrementalSite
from .livestaging import StagingChanges
from .mkdocs_internals import ReloadServer, internals_notice, usable
from .ranges import answer_ranges
from .renderqueue import RenderQueue
from .theme import folder_digest

BANNER_ID = "magazine-preview-error"


class Regenerated(NamedTuple):
    """What staging the magazine again gives: the rendered site and what changed in the folder."""

    rendered: RenderedSite
    changes: StagingChanges | None
    settings: Settings | None = None
    """The settings this staging read from mkdocs.yml (None: the ones the preview has)."""


_BARE_PAGE = (
    b"<!doctype html><html><head><meta charset=utf-8><title>magazine</title></head>"
    b"<body></body></html>"
)
"""What the preview serves where it has no page (yet): the banner and the reload script."""


_CHANGES = frozenset(
    {
        watchdog.events.EVENT_TYPE_CREATED,
        watchdog.events.EVENT_TYPE_MODIFIED,
        watchdog.events.EVENT_TYPE_MOVED,
        watchdog.events.EVENT_TYPE_DELETED,
    }
)
"""File events that change what the magazine holds (not opening or reading a file)."""

_WATCHED = [
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileMovedEvent,
    watchdog.events.FileDeletedEvent,
    watchdog.events.DirCreatedEvent,
    watchdog.events.DirMovedEvent,
    watchdog.events.DirDeletedEvent,
]
"""The events asked of the operating system: every save stages the magazine, which opens and
reads every entry, and being told of each open and close (thousands per save, each handled in
Python while the save is staged) took as long again as the staging itself."""


def message(settings: Settings, name: str, **args: object) -> str:
    """The preview's message `preview.NAME` in the magazine's language."""
    return Message(f"preview.{name}", **args).render(settings.language)


class _Server(ReloadServer):
    """MkDocs' live-reload server that shows the current build problem on every page.

    Watches through the platform's file events where it can (MkDocs' own server polls every
    folder twice a second, which at thousands of entries is both slow to notice and busy).
    """

    problem: str | None = None
    heading = ""
    warning = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._polling: Any = self.observer
        if usable():
            self.observer = watchdog.observers.Observer()  # type: ignore[assignment]
        self.error_handler = self._missing
        self.queue = RenderQueue(on_plan=self.show_planned)
        """Set its `on_plan` to do more when a build has planned."""
        self.saves = 0
        """How many changes to the watched files were seen so far."""

    def show_planned(self) -> None:
        """Let browsers reload now: from here on every request waits for its own page only."""
        # MkDocs' server holds every request while a build runs and reloads browsers at the
        # end; the render queue holds requests page by page instead.
        self.reload_now()

    def reload_again(self) -> None:
        """Make the end of this build reload browsers even if they reloaded at its plan."""
        self.reload_later()

    def hold(self, path: str) -> None:
        self.queue.wait(_output_of(path))

    def respond(self, environ: Any, start_response: Any, answer: Any) -> Any:
        # MkDocs' server answers no byte ranges; a browser cannot seek a video without them.
        return answer_ranges(environ, start_response, answer)

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Rebuild when a file under `path` is created, changed, moved or deleted.

        Not when one is only opened or read: file events report those too, and every build
        reads every entry.
        """
        # No file events here (or too many folders for them): poll every folder instead.
        self.watch_events(path, self._changed, _WATCHED, fallback=lambda: self._polling)

    def _changed(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in _CHANGES:
            return
        self.saves += 1
        self.request_rebuild()

    def _missing(self, code: int) -> bytes:
        """The site's own 404 page (or a bare one), reloading and with the banner."""
        page = Path(self.root) / "404.html"
        content = page.read_bytes() if code == 404 and page.is_file() else _BARE_PAGE
        return self.with_reload_script(content)

    def decorate(self, page: bytes) -> bytes:
        if self.problem is None:
            return page
        colour = ("#8a5300", "#fff") if self.warning else ("#b00020", "#fff")
        # First in the page and sticky: it takes its own room above the page (hiding none of
        # it) and stays in sight while the writer scrolls.
        banner = (
            f'<div id="{BANNER_ID}" role="alert" style="position:sticky;z-index:1000;top:0;'
            "max-height:40vh;overflow:auto;padding:.8rem 1rem;"
            f"background:{colour[0]};color:{colour[1]};"
            'font:14px/1.5 system-ui,sans-serif;box-shadow:0 2px 6px #0006">'
            f"<strong>{html.escape(self.heading)}</strong>"
            '<pre style="margin:.4rem 0 0;white-space:pre-wrap;color:inherit;background:none;'
            f'font:13px/1.4 monospace">{html.escape(self.problem)}</pre></div>'
        ).encode()
        body = page.find(b"<body")
        start = page.find(b">", body) + 1 if body >= 0 else 0
        return page[:start] + banner + page[start:]


def _output_of(path: str) -> str:
    """The site file a request path asks for (`/trials/x/` → `trials/x/index.html`)."""
    rel = path.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index.html"
    return posixpath.normpath(rel)


class Preview:
    """A live preview: rebuilds when an entry, a docs page or mkdocs.yml changes.

    `regenerate` stages the magazine again (entries → media → pages → staging folder) and
    returns what it rendered and what it changed in the staging folder; this class then
    brings the site in the cache folder up to date and the browser reloads. Build problems
    are reported through `report` and on the page, and the last good site stays on screen.

    Everything the site stage reads of mkdocs.yml (language, `site_url`, theme, folders)
    comes from the settings of the latest staging, never from those the preview started
    with. A save seen while a build walks every page stops that build: the next one starts
    from the pages it had made, and makes the page a reader waits for first.
    """

    def __init__(
        self,
        root: Path,
        settings: Settings,
        staging_docs: Path,
        first: Regenerated | tuple[RenderedSite, StagingChanges | None] | None,
        *,
        regenerate: Callable[[], Regenerated | tuple[RenderedSite, StagingChanges | None]],
        host: str = "127.0.0.1",
        port: int = 8000,
        source_date_epoch: int | None = None,
        report: Callable[[str], None] | None = None,
    ) -> None:
        """`first` is the magazine staged already (None when staging it failed: the preview
        starts with a banner and builds once the problem is fixed)."""
        self.root, self.settings = root.resolve(), settings
        self.staging_docs = staging_docs.resolve()
        self.regenerate = regenerate
        self.first, self.epoch = first, source_date_epoch
        self.report = report or (
            lambda text: print(inert(text, keep_lines=True), file=sys.stderr, flush=True)
        )
        self.site_dir = settings.cache_path(self.root) / "preview"
        self.site_dir.mkdir(parents=True, exist_ok=True)
        self.last: BuildCounts | None = None
        self._site: IncrementalSite | None = None
        self._server = _Server(builder=self.rebuild, host=host, port=port, root=str(self.site_dir))
        self._server.heading = message(settings, "banner")
        self._server.queue.on_plan = self._planned
        notice = internals_notice()
        self._notice = notice.render(settings.language) if notice is not None else None
        self._watched: set[str] = set()
        self._watch(settings)
        self.first_seen = 0
        """How many saves had been seen when `first` was staged (a later one makes it stale)."""
        # Until the first build has planned, a request waits for it (as in every build).
        self._server.queue.begin()

    def _watch(self, settings: Settings, more: list[Path] | None = None) -> None:
        """Watch the writer's folders and mkdocs.yml (again where the settings moved them),
        and `more` (the writer's theme folder)."""
        watched = [self.root / settings.entries_dir, self.root / settings.docs_dir]
        watched += [self.root / name for name in CONFIG_NAMES]
        for path in [*watched, *(more or [])]:
            if path.exists() and os.path.abspath(path) not in self._watched:
                self._watched.add(os.path.abspath(path))
                self._server.watch(str(path))

    def start_watching(self) -> int:
        """Notice saves from now on, before serving; how many were seen so far."""
        self._server.start_watching()
        return self._server.saves

    @property
    def url(self) -> str:
        """Where the preview is served."""
        return str(self._server.url)

    @property
    def problem(self) -> str | None:
        """The problem shown on the pages now (None after a good build)."""
        return self._server.problem

    def rebuild(self) -> None:
        """Stage the magazine again and bring the preview site up to date."""
        queue = self._server.queue
        queue.begin()
        stopped = False
        try:
            stopped = self._rebuild(self._server.saves)
        finally:
            # Only now, with the terminal and the banner up to date, does nothing wait; after
            # a build stopped for a save, requests wait for the next one (it starts at once).
            if not stopped:
                queue.end()

    def _rebuild(self, saves: int) -> bool:
        """One build; whether it stopped early for a newer save."""
        start = time.perf_counter()
        first, self.first = self.first, None
        if first is not None and self.first_seen != self._server.saves:
            first = None  # a save since it was staged: stage again
        try:
            staged = Regenerated(*(first if first is not None else self.regenerate()))
            if staged.settings is not None:
                self._follow(staged.settings)
            counts, warnings = self._build(staged.rendered, staged.changes, saves)
        except MagazineError as exc:
            self._show(exc.render(self.settings.language))
            return False
        except OSError as exc:
            self._show(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
            return False
        if counts.stopped:
            return True
        self.last = counts
        for warning in warnings:
            self.report(warning)
        self.report(
            message(
                self.settings,
                "rebuilt",
                rendered=counts.rendered,
                pages=counts.pages,
                seconds=time.perf_counter() - start,
            )
        )
        if warnings:
            self._show("\n".join(warnings), warning=True, told=True)
        return False

    def _follow(self, settings: Settings) -> None:
        """Take the settings of the latest staging: the site is built as they say."""
        if settings == self.settings:
            return
        self.settings = settings
        self._server.heading = message(settings, "warned" if self._server.warning else "banner")
        self._watch(settings)

    def _planned(self) -> None:
        """The magazine staged and the site planned: the last problem is gone, so browsers
        reload now (each page is sent as soon as it is made)."""
        self._server.problem = None
        self._server.show_planned()

    def _show(self, problem: str, *, warning: bool = False, told: bool = False) -> None:
        self._server.reload_again()
        self._server.warning = warning
        self._server.heading = message(self.settings, "warned" if warning else "banner")
        self._server.problem = problem
        if not told:
            self.report(problem)

    def _build(
        self, rendered: RenderedSite, changes: StagingChanges | None, saves: int = 0
    ) -> tuple[BuildCounts, tuple[str, ...]]:
        if self._notice is not None:
            return self._build_whole(rendered, changes)
        theme: list[Path] = []
        try:
            config_path = write_site_config(
                self.root,
                self.settings,
                self.staging_docs,
                self.site_dir,
                rendered,
                name="preview.yml",
                theme_sources=theme,
            )
            self._watch(self.settings, theme)
        except BaseException:
            # The site never saw these changes: the next build cannot go by the next ones.
            if self._site is not None:
                self._site.close()
            raise
        if self._site is None:
            self._site = IncrementalSite(config_path, self.site_dir)
        epoch = rendered.source_date_epoch
        # The magazine's objects outlive the build: keep the collector from walking them again
        # and again while MkDocs allocates (as `magazine build` does).
        gc.freeze()
        try:
            with mkdocs_running(self.root, epoch if epoch is not None else self.epoch):
                counts = self._site.build(
                    changes,
                    self._server.queue,
                    stop=lambda: self._server.saves != saves,
                    identity=folder_digest(theme_folder(self.root, self.settings, "preview.yml")),
                )
                if not counts.patched and not counts.stopped:
                    finish_site(self.site_dir)
        finally:
            gc.unfreeze()
            if changes is not None:
                # The build read the changed pages from memory; the staging folder gets them
                # now that the pages are served.
                changes.write_pending()
        # Not only this build's warnings: those of pages it kept stand too.
        return counts, counts.warnings

    def _build_whole(
        self, rendered: RenderedSite, changes: StagingChanges | None
    ) -> tuple[BuildCounts, tuple[str, ...]]:
        """Outside the MkDocs and Material versions the incremental build was tested with:
        every save builds the whole site, as `magazine build` does (without strict mode)."""
        if self._notice:
            self.report(self._notice)
            self._notice = ""  # said once; whole builds go on
        if changes is not None:
            changes.write_pending()
        epoch = rendered.source_date_epoch
        warnings = build_into(
            self.root,
            self.settings,
            self.staging_docs,
            self.site_dir,
            rendered,
            strict=False,
            source_date_epoch=epoch if epoch is not None else self.epoch,
            work_name="preview",
        )
        pages = sum(1 for path in rendered.files if path.endswith(".md"))
        return BuildCounts(pages, pages, pages, warnings=warnings), warnings

    def serve(self) -> None:
        """Serve at once, build, then rebuild on changes until `shutdown` (blocks).

        The first build runs as the first rebuild does: requests wait for their own page,
        which is made first.
        """
        try:
            if usable():
                self._server.request_rebuild()
            else:
                self.rebuild()  # MkDocs' own server: the first build before serving
            self._server.serve()
        finally:
            # Here, in the thread that builds, so that no build is cut off half-way.
            if self._site is not None:
                self._site.close()
                self._site = None

    def shutdown(self) -> None:
        """Stop serving and watching (from another thread, or after `serve` returned)."""
        self._server.queue.end()
        self._server.shutdown(wait=self._server.serve_thread.is_alive())


def serve_site(
    root: Path,
    settings: Settings,
    staging_docs: Path,
    first: Callable[[], Regenerated | None],
    *,
    regenerate: Callable[[], Regenerated],
    host: str = "127.0.0.1",
    port: int = 8000,
    source_date_epoch: int | None = None,
) -> None:
    """Serve a live preview until interrupted (Ctrl-C).

    `first` stages the magazine for the first build (None when that failed: the preview
    shows the problem); saves are noticed from before it starts.
    """
    preview = Preview(
        root,
        settings,
        staging_docs,
        None,
        regenerate=regenerate,
        host=host,
        port=port,
        source_date_epoch=source_date_epoch,
    )
    try:
        # A save from here on, before the first build starts, makes it stage again.
        preview.first_seen = preview.start_watching()
        preview.first = first()
        serving = Message("serve.serving", url=preview.url).render(settings.language)
        print(serving, file=sys.stderr, flush=True)
        preview.serve()
    except KeyboardInterrupt:
        pass
    finally:
        preview.shutdown()
