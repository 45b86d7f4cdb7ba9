"""An MkDocs build that stays loaded and rebuilds only the pages an edit changed.

A full MkDocs build of a 1,000-entry magazine spends nearly all of its time per page: Markdown
to HTML, the theme's template, and the search plugin's parse of the HTML. A writer's save
changes a handful of staged files, so `IncrementalSite` keeps MkDocs' configuration and, for
every page, what the previous build made of it, and then runs MkDocs' own build steps in
MkDocs' own order with two shortcuts:

- a page whose staged source is unchanged (and that mentions no page added or removed since)
  takes back its Markdown, HTML and table of contents instead of converting them again, but
  still passes through the plugins' Markdown hook, so the tags plugin sees every page;
- a page whose HTML, title, metadata, place in the nav and the nav itself are unchanged keeps
  the file written last time and its search records instead of rendering the template again.

Everything else runs as in a full build: files and nav are collected anew (a new section,
service or month appears by itself), tag listings are rendered from every page, the sitemap
and 404 page are rebuilt, and the search index is written whole from every page's records in
page order. The result is the same site a clean build makes (the preview test compares them
page by page). A configuration other than the one loaded, or a failed build, starts over clean.

When the staging step says which files a save wrote (`StagingChanges`) and none was added or
removed, even that walk over every page is skipped: the files, nav and pages of the last build
stay, the changed pages alone are converted and rendered again in that setting, changed assets
are copied, and the search index is written from every page's records kept as JSON. This holds
only while what other pages show of a changed page stays the same (its title and tags, so the
nav, neighbours' links and tag listings are unchanged) and the build date is the same;
otherwise the build takes the walk above.

Only Material's search and tags plugins are known to keep no other state between pages; with
any other plugin every build is a full one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.commands.build import (
    _build_extra_template,
    _build_page,
    _build_theme_template,
    _populate_page,
)
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Section, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from mkdocs.utils.meta import get_data

from .livestaging import StagingChanges
from .search import index_text, record_json
from .staging import remove_file

KNOWN_PLUGINS = frozenset({"search", "material/search", "tags", "material/tags"})
"""Plugins whose per-page work the incremental build knows how to replay."""


@dataclass
class _PageState:
    """What one build made of one page, to reuse when the next build finds it unchanged."""

    source: str
    content: str
    toc: Any
    title_from_render: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    listing: bool = False
    built: str = ""
    search: list[dict[str, Any]] = field(default_factory=list)
    _parsed: tuple[str, dict[str, Any]] | None = None
    _chunk: str | None = None

    def parsed(self) -> tuple[str, dict[str, Any]]:
        """The source's Markdown and front matter (parsed the first time they are needed)."""
        if self._parsed is None:
            self._parsed = get_data(self.source)
        return self._parsed

    def set_search(self, records: list[dict[str, Any]]) -> None:
        """The page's search records, from its latest render."""
        self.search, self._chunk = records, None

    def chunk(self) -> str:
        """The page's search records as the index holds them."""
        if self._chunk is None:
            self._chunk = ",".join(record_json(record) for record in self.search)
        return self._chunk


@dataclass(frozen=True)
class BuildCounts:
    """How much of the site a build converted and rendered (for tests and benchmarks)."""

    pages: int
    converted: int
    rendered: int
    patched: bool = False
    """Only the changed pages were touched (the search index is already finished)."""


@dataclass
class _Built:
    """The structure of the last build, kept for a save that changes no file's presence."""

    files: Files
    nav: Any
    docs: Sequence[File]
    epoch: str | None


class IncrementalSite:
    """One MkDocs configuration kept loaded; `build` brings its site folder up to date."""

    def __init__(self, config_path: Path, site_dir: Path) -> None:
        self.config_path, self.site_dir = config_path, site_dir
        self._config: MkDocsConfig | None = None
        self._config_text = ""
        self._pages: dict[str, _PageState] = {}
        self._outputs: set[str] = set()
        self._env: Any = None
        self._templates: list[str] = []
        self._built: _Built | None = None

    def close(self) -> None:
        """Let the plugins shut down (the configuration is dropped)."""
        if self._config is not None:
            self._config.plugins.on_shutdown()
        self._config = None
        self._env = None
        self._built = None
        self._pages.clear()

    def build(self, changes: StagingChanges | None = None) -> BuildCounts:
        """Bring the site folder up to date with the staging folder and configuration.

        Args:
            changes: what the staging step changed since the last build, when it knows.

        Must run inside the build environment (working folder, SOURCE_DATE_EPOCH) that a full
        build uses. On any failure the kept state is dropped, so the next build is a clean one.
        """
        text = self.config_path.read_text(encoding="utf-8")
        if self._config is None or text != self._config_text:
            self.close()
            config = load_config(config_file=str(self.config_path), strict=False)
            config.plugins.on_startup(command="build", dirty=False)
            self._config, self._config_text = config, text
        try:
            if changes is not None and self._built is not None:
                patched = self._patch(self._config, self._built, changes)
                if patched is not None:
                    return patched
            self._built = None
            return self._build(self._config)
        except BaseException:
            self.close()
            raise

    def _build(self, config: MkDocsConfig) -> BuildCounts:
        incremental = bool(self._pages) and set(config.plugins) <= KNOWN_PLUGINS
        if not incremental:
            self._pages.clear()
            self._outputs.clear()
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        if not incremental:
            clean_directory(config.site_dir)
        files = get_files(config)
        if self._env is None:
            # Loading and compiling the theme's templates and listing its files cost a second;
            # both are the same for as long as the configuration is.
            self._env = config.theme.get_env()
            self._templates = list(self._env.list_templates())
        env = self._env
        files.add_files_from_theme(_Listed(self._templates), config)  # type: ignore[arg-type]
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        docs = files.documentation_pages(inclusion=InclusionLevel.is_included)
        previous = self._pages
        current = {file.src_uri for file in docs}
        moved = {PurePosixPath(uri).name for uri in current.symmetric_difference(previous)}
        states: dict[str, _PageState] = {}
        converted = 0
        for file in docs:
            if file.page is None:
                Page(None, file, config)
            page = file.page
            assert page is not None
            source = file.content_string
            state = previous.get(file.src_uri)
            if (
                state is not None
                and state.source == source
                and not state.listing
                and not any(name in source for name in moved)
            ):
                _restore(page, state, config, files)
            else:
                _populate_page(page, config, files)
                state = _capture(page, source)
                converted += 1
            states[file.src_uri] = state
        for listing_page in _listing_pages(config):
            states[listing_page.file.src_uri].listing = True

        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(dirty=incremental, inclusion=InclusionLevel.is_included)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        search = _search_index(config)
        shared = _nav_signature(nav.items) + repr(
            sorted((p.url, str(p.title)) for p in _listing_pages(config))
        )
        # Material's templates do not show the build date; other themes' may.
        dated = config.theme.name != "material"
        rendered = 0
        records: list[dict[str, Any]] = []
        for file in docs:
            page = file.page
            assert page is not None
            state = states[file.src_uri]
            mark = _fingerprint(page, shared + (page.update_date if dated else ""))
            if not incremental or state.built != mark or not os.path.exists(file.abs_dest_path):
                before = len(search.entries) if search is not None else 0
                _build_page(page, config, docs, nav, env)
                if search is not None:
                    state.set_search(search.entries[before:])
                state.built = mark
                rendered += 1
            records.extend(state.search)
        for file in docs:
            if file.page is not None and states[file.src_uri] is not previous.get(file.src_uri):
                file.page.validate_anchor_links(
                    files=files, log_level=config.validation.links.anchors
                )
        if search is not None:
            search.entries = records
        config.plugins.on_post_build(config=config)

        outputs = {file.dest_uri for file in files}
        for stale in self._outputs - outputs:
            remove_file(Path(config.site_dir), stale)
        self._outputs = outputs
        known = set(config.plugins) <= KNOWN_PLUGINS
        self._pages = states if known else {}
        if known and search is not None and hasattr(search, "config"):
            self._built = _Built(files, nav, docs, os.environ.get("SOURCE_DATE_EPOCH"))
        return BuildCounts(len(docs), converted, rendered)

    def _patch(
        self, config: MkDocsConfig, built: _Built, changes: StagingChanges
    ) -> BuildCounts | None:
        """Rebuild only the changed files in the last build's setting; None when that cannot
        give what a full build would (then nothing the full build relies on was changed)."""
        if changes.added or changes.removed:
            return None
        if os.environ.get("SOURCE_DATE_EPOCH") != built.epoch:
            return None
        search = _search_index(config)
        if search is None:
            return None
        pages: list[Page] = []
        assets: list[File] = []
        listings = {page.file.src_uri for page in _listing_pages(config)}
        for rel in sorted(changes.written):
            file = built.files.get_file_from_path(rel)
            if file is None:
                continue  # not part of the site (MkDocs leaves such files out)
            if rel in config.extra_templates or rel in listings:
                return None
            if file.is_documentation_page():
                if file.page is None or file not in built.docs:
                    return None
                pages.append(file.page)
            elif file.inclusion.is_included():  # type: ignore[no-untyped-call]
                assets.append(file)
        before = {
            page.file.src_uri: (str(page.title), _tags(page), page.present_anchor_ids)
            for page in pages
        }
        states = self._pages
        for page in pages:
            source = page.file.content_string
            _populate_page(page, config, built.files)
            states[page.file.src_uri] = _capture(page, source)
        if any((str(p.title), _tags(p)) != before[p.file.src_uri][:2] for p in pages):
            # Other pages show this title or these tags: the walk over every page is needed.
            # Their states hold the new conversion, so it is not done twice.
            return None
        for file in assets:
            file.copy_file()
        shared = _nav_signature(built.nav.items) + repr(
            sorted((p.url, str(p.title)) for p in _listing_pages(config))
        )
        dated = config.theme.name != "material"
        for page in pages:
            state = states[page.file.src_uri]
            search.entries = []
            _build_page(page, config, built.docs, built.nav, self._env)
            state.set_search(search.entries)
            state.built = _fingerprint(page, shared + (page.update_date if dated else ""))
        search.entries = [r for file in built.docs for r in states[file.src_uri].search]
        anchors_moved = {p.file for p in pages if p.present_anchor_ids != before[p.file.src_uri][2]}
        changed = {p.file for p in pages}
        for file in built.docs:
            linker = file.page
            if linker is None:
                continue
            linked = linker.links_to_anchors or {}
            if file in changed or anchors_moved.intersection(linked):
                linker.validate_anchor_links(
                    files=built.files, log_level=config.validation.links.anchors
                )
        fields = {key: search.config[key] for key in ("lang", "separator", "pipeline", "fields")}
        text = index_text(fields, (states[file.src_uri].chunk() for file in built.docs))
        _write(Path(config.site_dir) / "search" / "search_index.json", text)
        return BuildCounts(len(built.docs), len(pages), len(pages), patched=True)


def _capture(page: Page, source: str) -> _PageState:
    links = page.links_to_anchors
    return _PageState(
        source=source,
        content=page.content or "",
        toc=page.toc,
        title_from_render=page._title_from_render,
        anchors=page.present_anchor_ids,
        links_to_anchors=(
            None if links is None else {f.src_uri: dict(v) for f, v in links.items()}
        ),
    )


def _restore(page: Page, state: _PageState, config: MkDocsConfig, files: Files) -> None:
    """Give `page` what converting its unchanged source made last time, plugins included."""
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        markdown, meta = state.parsed()
        page.markdown, page.meta = markdown, _copied(meta)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.content, page.toc = state.content, state.toc
        page._title_from_render = state.title_from_render
        page.present_anchor_ids = state.anchors
        if state.links_to_anchors is not None:
            linked: dict[File, dict[str, str]] = {}
            for uri, links in state.links_to_anchors.items():
                target = files.get_file_from_path(uri)
                if target is not None:
                    linked[target] = links
            page.links_to_anchors = linked
    finally:
        config._current_page = None


def _fingerprint(page: Page, shared: str) -> str:
    """Everything a page's template output depends on besides the configuration."""
    digest = hashlib.blake2b(digest_size=16)
    neighbours = [
        (p.url, str(p.title)) if p is not None else None
        for p in (page.previous_page, page.next_page)
    ]
    for part in (
        page.content or "",
        page.url,
        str(page.title),
        repr(sorted(page.meta.items(), key=lambda item: str(item[0]))),
        _toc_signature(page.toc),
        repr(neighbours),
        shared,
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _toc_signature(items: Iterable[Any]) -> str:
    return repr(
        [(item.title, item.url, item.level, _toc_signature(item.children)) for item in items]
    )


def _nav_signature(items: Iterable[Any]) -> str:
    parts = []
    for item in items:
        children = _nav_signature(item.children) if isinstance(item, Section) else ""
        url = getattr(item, "url", None)
        parts.append(f"{type(item).__name__}({item.title!s}|{url}|{children})")
    return "[" + ",".join(parts) + "]"


def _tags(page: Page) -> str:
    """What the tags plugin reads from a page (its front matter's tags), comparable."""
    return repr(page.meta.get("tags"))


def _write(path: Path, text: str) -> None:
    """Replace a site file whole: the server never sends half of it."""
    beside = path.with_name(f".{path.name}.new")
    beside.write_text(text, encoding="utf-8")
    os.replace(beside, path)


def _listing_pages(config: MkDocsConfig) -> list[Page]:
    """Pages where the tags plugin renders a listing (they show every page's tags)."""
    pages: dict[str, Page] = {}
    for plugin in config.plugins.values():
        listings = getattr(plugin, "listings", None)
        for listing in getattr(listings, "data", ()) or ():
            page = getattr(listing, "page", None)
            if isinstance(page, Page):
                pages[page.file.src_uri] = page
    return list(pages.values())


def _search_index(config: MkDocsConfig) -> Any:
    """Material's (or MkDocs') search index object, whose records are kept per page."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return index
    return None


class _Listed:
    """Stands in for the theme's Jinja environment where MkDocs only lists its files."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def list_templates(self, filter_func: Callable[[str], bool] | None = None) -> list[str]:
        return [name for name in self.names if filter_func is None or filter_func(name)]


def _copied(value: Any) -> Any:
    """A copy of front matter deep enough that a plugin's changes do not reach the kept one."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value
