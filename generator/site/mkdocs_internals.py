"""MkDocs' and Material's private surface, in one module, for the versions it was tried with.

The preview keeps MkDocs loaded between saves and replays parts of its build, which needs names
neither project promises to keep: MkDocs' per-page and per-template build steps
(`_build_page`, `_build_theme_template`, `_build_extra_template`), the page it is working on
(`config._current_page`), a page's title taken from its first heading
(`Page._title_from_render`), the live-reload server's rebuild flag and reload epochs, its
request and script-injection steps and its table of watched folders, and Material's tags
plugin's `mappings` and `listings` (with their `data`) and the search plugin's `search_index`.
Nothing else in the generator touches a private name (`tests/test_mkdocs_internals.py` reads
every module to keep it so).

`internals_notice()` compares the installed MkDocs and Material with the range this module was
tested on (`TESTED`). Outside it (or with `MAGAZINE_MKDOCS_INTERNALS=off`) the preview builds
the whole site on every save, with one notice, and the server is MkDocs' own: the functions
here that change MkDocs' state refuse to run, so an unknown version cannot be half-patched.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from importlib import metadata
from typing import Any

import watchdog.events
from mkdocs.commands import build as _mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..messages import Message, joined

TESTED = {"mkdocs": ((1, 6), (1, 7)), "mkdocs-material": ((9, 8), (9, 9))}
"""Distribution → [lowest, highest) release (major, minor) whose private names were checked:
MkDocs 1.6.1 and Material 9.8.2 (the tags plugin's `mappings`/`listings` managers)."""


SWITCH = "MAGAZINE_MKDOCS_INTERNALS"
"""Set to `off` to make the preview build the whole site on every save, whatever the versions
(for a preview that misbehaves with a plugin or theme the incremental build does not know)."""


def _release(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in text.split("."):
        digits = "".join(c for c in piece if c.isdigit()) if piece[:1].isdigit() else ""
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def notice_for(installed: dict[str, str | None]) -> Message | None:
    """The notice for these installed versions (None: all within `TESTED`)."""
    outside = []
    for name, (low, high) in TESTED.items():
        version = installed.get(name)
        release = _release(version) if version else ()
        if not release or not low <= release[:2] < high:
            tried = f"{'.'.join(map(str, low))}.x–{high[0]}.{high[1] - 1}.x"
            outside.append(
                Message("internals.version", name=name, version=version, tried=tried)
                if version
                else Message("internals.not_installed", name=name, tried=tried)
            )
    if not outside:
        return None
    return Message("internals.outside", listed=joined(outside))


@functools.cache
def internals_notice() -> Message | None:
    """Why the private surface is not used (None: the installed versions are tested ones)."""
    installed: dict[str, str | None] = {}
    for name in TESTED:
        try:
            installed[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed[name] = None
    if os.environ.get(SWITCH, "").lower() == "off":
        return Message("internals.off", switch=SWITCH)
    return notice_for(installed)


def usable() -> bool:
    """Whether the private surface may be used (the installed versions are tested ones)."""
    return internals_notice() is None


def _checked() -> None:
    if not usable():
        raise RuntimeError(f"MkDocs' private surface is not used: {internals_notice()}")


# MkDocs' build steps -------------------------------------------------------------------------


def build_page(page: Page, config: MkDocsConfig, docs: Any, nav: Any, env: Any) -> None:
    """MkDocs' step that renders one page's template and writes its file."""
    _checked()
    _mkdocs_build._build_page(page, config, docs, nav, env)


def build_theme_template(name: str, env: Any, files: Files, config: MkDocsConfig, nav: Any) -> None:
    """MkDocs' step that writes one of the theme's static templates (sitemap, 404 page)."""
    _checked()
    _mkdocs_build._build_theme_template(name, env, files, config, nav)


def build_extra_template(name: str, files: Files, config: MkDocsConfig, nav: Any) -> None:
    """MkDocs' step that writes one of the configuration's extra templates."""
    _checked()
    _mkdocs_build._build_extra_template(name, files, config, nav)


def current_page(config: MkDocsConfig) -> Page | None:
    """The page MkDocs is working on (None between pages)."""
    page: Page | None = getattr(config, "_current_page", None)
    return page


def set_current_page(config: MkDocsConfig, page: Page | None) -> None:
    """Tell MkDocs (and the plugins that ask it) which page is being worked on."""
    config._current_page = page


def title_from_render(page: Page) -> str | None:
    """The title MkDocs took from the page's first heading when it converted it."""
    title: str | None = page._title_from_render
    return title


def set_title_from_render(page: Page, title: str | None) -> None:
    """Give a page back the title from its first heading, as converting it gave it."""
    page._title_from_render = title


# Material's plugins --------------------------------------------------------------------------


def tags_plugins(config: MkDocsConfig) -> Iterator[Any]:
    """Material's tags plugins in the configuration (those holding mappings and listings)."""
    for plugin in config.plugins.values():
        if hasattr(plugin, "mappings") and hasattr(plugin, "listings"):
            yield plugin


def tag_state(config: MkDocsConfig) -> tuple[object, ...]:
    """The tags plugins' mapping and listing managers, to compare with `is` between builds."""
    return tuple(
        part for plugin in tags_plugins(config) for part in (plugin.mappings, plugin.listings)
    )


def listing_pages(config: MkDocsConfig) -> list[Page]:
    """Pages where a tags plugin renders a listing (they show every page's tags)."""
    pages: dict[str, Page] = {}
    for plugin in config.plugins.values():
        listings = getattr(plugin, "listings", None)
        for listing in getattr(listings, "data", ()) or ():
            page = getattr(listing, "page", None)
            if isinstance(page, Page):
                pages[page.file.src_uri] = page
    return list(pages.values())


def reorder_tag_mappings(config: MkDocsConfig, urls: list[str]) -> None:
    """Put the tags plugins' pages in the order of `urls` (the others after them), as a walk
    over the pages in that order would have added them."""
    _checked()
    for plugin in tags_plugins(config):
        kept = plugin.mappings.data
        ordered = {url: kept[url] for url in urls if url in kept}
        ordered.update((url, mapping) for url, mapping in kept.items() if url not in ordered)
        plugin.mappings.data = ordered


def forget_listings(config: MkDocsConfig, page: Page) -> None:
    """Drop the listings the tags plugins found on `page` (reading it again adds them)."""
    _checked()
    for plugin in tags_plugins(config):
        listings = plugin.listings
        listings.data = {listing for listing in listings.data if listing.page is not page}


def search_index(config: MkDocsConfig) -> Any:
    """The search plugin's index object, whose records the preview keeps per page."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return index
    return None


# MkDocs' live-reload server ------------------------------------------------------------------


class ReloadServer(LiveReloadServer):
    """MkDocs' live-reload server with public hooks for what the preview changes in it.

    Subclasses override `hold`, `respond`, `decorate` and `missing`, and call `reload_now`,
    `reload_later`, `request_rebuild` and `watch_events`. Outside the tested versions the
    hooks are not called and the calls do nothing MkDocs' own server would not.
    """

    def hold(self, path: str) -> None:
        """Called before a request for `path` (not a live-reload poll) is answered."""

    def decorate(self, page: bytes) -> bytes:
        """A served HTML page (its reload script added) as it is sent."""
        return page

    def request_rebuild(self) -> None:
        """Ask the build loop for another build (a save was seen)."""
        if not usable():
            return
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def reload_now(self) -> None:
        """Let browsers reload now, before the build ends."""
        if not usable():
            return
        with self._epoch_cond:
            self._visible_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()

    def reload_later(self) -> None:
        """Make the end of this build reload browsers even if they reloaded at `reload_now`."""
        if not usable():
            return
        with self._epoch_cond:
            self._wanted_epoch = max(self._wanted_epoch, self._visible_epoch) + 1

    def with_reload_script(self, page: bytes) -> bytes:
        """`page` with the reload script of the site's current version (and `decorate`d)."""
        if not usable():
            return page
        return self._inject_js_into_html(page, self._visible_epoch)

    def watch_events(
        self,
        path: str,
        handler: Callable[[watchdog.events.FileSystemEvent], None],
        events: list[type[watchdog.events.FileSystemEvent]],
        fallback: Callable[[], Any],
    ) -> None:
        """Call `handler` on `events` under `path`; where the observer cannot watch it,
        `fallback()` gives another observer for every watched folder."""
        path = os.path.abspath(path)
        if not usable():
            super().watch(path)
            return
        self._watched_paths[path] = self._watched_paths.get(path, 0) + 1
        if self._watched_paths[path] > 1:
            return
        receiver = watchdog.events.FileSystemEventHandler()
        receiver.on_any_event = handler  # type: ignore[method-assign,assignment]
        try:
            self._watch_refs[path] = self.observer.schedule(
                receiver, path, recursive=True, event_filter=events
            )
        except OSError:
            self.observer = fallback()
            self._watch_refs = {
                watched: self.observer.schedule(
                    receiver, watched, recursive=True, event_filter=events
                )
                for watched in self._watched_paths
            }

    def start_watching(self) -> None:
        """Start noticing changes now, before the server serves (saves made meanwhile count)."""
        if usable() and self._watched_paths and not self.observer.is_alive():
            self.observer.start()

    def serve(self, *, open_in_browser: bool = False) -> None:
        if not self.observer.is_alive():
            super().serve(open_in_browser=open_in_browser)  # type: ignore[no-untyped-call]
            return
        # Watching already: MkDocs' serve would start the observer a second time.
        self.server_bind()
        self.server_activate()
        self.serve_thread.start()
        self._build_loop()  # type: ignore[no-untyped-call]

    def respond(self, environ: Any, start_response: Any, answer: Any) -> Any:
        """Answer a request through `answer`, MkDocs' own handler (a subclass may wrap it)."""
        return answer(environ, start_response)

    def _serve_request(self, environ: Any, start_response: Any) -> Any:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if not path.startswith("/livereload/"):
            self.hold(path)
        return self.respond(environ, start_response, super()._serve_request)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        page: bytes = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        return self.decorate(page)
