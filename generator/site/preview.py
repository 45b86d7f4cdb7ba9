"""The live preview (`magazine serve`): rebuild when an entry, a docs page or mkdocs.yml changes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from ..errors import MagazineError
from ..pages import RenderedSite
from ..settings import Settings
from ..source.config import CONFIG_NAMES
from .builder import build_into


class Preview:
    """A live preview: rebuilds when an entry, a docs page or mkdocs.yml changes.

    `regenerate` renders the staging folder again (entries → media → pages) and returns what
    it rendered; this class then rebuilds the site into the cache folder and the browser
    reloads. Build problems are reported through `report` and the last good site stays on
    screen.
    """

    def __init__(
        self,
        root: Path,
        settings: Settings,
        staging_docs: Path,
        rendered: RenderedSite,
        *,
        regenerate: Callable[[], RenderedSite],
        host: str = "127.0.0.1",
        port: int = 8000,
        source_date_epoch: int | None = None,
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.root, self.settings, self.staging_docs = root, settings, staging_docs
        self.rendered = rendered
        self.regenerate = regenerate
        self.epoch = source_date_epoch
        self.report = report or (lambda text: print(text, file=sys.stderr, flush=True))
        self.site_dir = settings.cache_path(root) / "preview"
        self.site_dir.mkdir(parents=True, exist_ok=True)
        self._serving = False
        self._server = LiveReloadServer(
            builder=self.rebuild, host=host, port=port, root=str(self.site_dir)
        )
        watched = [root / settings.entries_dir, root / settings.docs_dir]
        watched += [root / name for name in CONFIG_NAMES]
        for path in watched:
            if path.exists():
                self._server.watch(str(path))

    @property
    def url(self) -> str:
        """Where the preview is served."""
        return str(self._server.url)

    def rebuild(self) -> None:
        """Regenerate the staging folder and rebuild the preview site."""
        try:
            self.rendered = self.regenerate()
            warnings = build_into(
                self.root,
                self.settings,
                self.staging_docs,
                self.site_dir,
                self.rendered,
                strict=False,
                source_date_epoch=self.epoch,
                work_name="preview",
            )
        except MagazineError as exc:
            self.report(str(exc))
            return
        for warning in warnings:
            self.report(warning)

    def serve(self) -> None:
        """Build once, then serve and rebuild on changes until `shutdown` (blocks)."""
        self.rebuild()
        self._serving = True
        self._server.serve()  # type: ignore[no-untyped-call]

    def shutdown(self) -> None:
        """Stop serving and watching (from another thread)."""
        self._server.shutdown(wait=self._serving)


def serve_site(
    root: Path,
    settings: Settings,
    staging_docs: Path,
    rendered: RenderedSite,
    *,
    regenerate: Callable[[], RenderedSite],
    host: str = "127.0.0.1",
    port: int = 8000,
    source_date_epoch: int | None = None,
) -> None:
    """Serve a live preview until interrupted (Ctrl-C)."""
    preview = Preview(
        root,
        settings,
        staging_docs,
        rendered,
        regenerate=regenerate,
        host=host,
        port=port,
        source_date_epoch=source_date_epoch,
    )
    print(f"Serving the magazine on {preview.url}", file=sys.stderr, flush=True)
    try:
        preview.serve()
    except KeyboardInterrupt:
        pass
    finally:
        preview.shutdown()
