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

The costly part, converting and rendering the changed pages, comes after a plan: a changed page
whose front matter names its title is only read first (its front matter, title and tags are
all that other pages show of it: nav, neighbours' links, tag listings), and the pages to write
go to a `RenderQueue`, which lets the page a reader is waiting for go first. A page whose title
comes from its first heading, and the tag listing pages, are converted before the plan.

When the staging step says which files a save wrote (`StagingChanges`) and none was removed,
even that walk over every page is skipped: the files, nav and pages of the last build stay
(a new page is taken in among them, `added`), the changed pages alone are converted and
rendered again in that setting, changed assets are copied (a link-preview card still to draw
is drawn and written after the pages, `write_pictures`), and the search index is written
from every page's records kept as JSON. This holds only while what other pages show of a
changed page stays the same (its title and tags, so the nav, neighbours' links and tag
listings are unchanged) and the build date is the same; otherwise the build takes the walk
above.

Only Material's search and tags plugins are known to keep no other state between pages; with
any other plugin every build is a full one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from ..generated import GeneratedFile
from .added import Sources, admitted, read_added, refill_listings, same_state
from .buildplan import BuildCounts, Built, Plan, recheck_links, write_pictures
from .livestaging import StagingChanges
from .mkdocs_internals import (
    build_extra_template,
    build_page,
    build_theme_template,
    listing_pages,
    search_index,
    tag_state,
)
from .pagework import (
    Listed,
    PageState,
    PageWarnings,
    capture,
    convert,
    fingerprint,
    front_matter,
    listed_of,
    page_warnings,
    read,
    restore,
    setting,
    shared_setting,
    shown_by,
    shown_elsewhere_changed,
    shown_of,
    tags_of,
    unread_state,
    with_date,
    write_index,
)
from .renderqueue import RenderQueue
from .search import INDEX, WORKERS
from .staging import remove_file

KNOWN_PLUGINS = frozenset({"search", "material/search", "tags", "material/tags"})
"""Plugins whose per-page work the incremental build knows how to replay."""


class IncrementalSite:
    """One MkDocs configuration kept loaded; `build` brings its site folder up to date."""

    def __init__(self, config_path: Path, site_dir: Path) -> None:
        self.config_path, self.site_dir = config_path, site_dir
        self._config: MkDocsConfig | None = None
        self._config_text = ""
        self._pages: dict[str, PageState] = {}
        self._outputs: set[str] = set()
        self._env: Any = None
        self._templates: list[str] = []
        self._built: Built | None = None
        self._plugins: tuple[object, ...] = ()
        """The tags plugin's state as the last build left it (`mkdocs_internals.tag_state`)."""
        self._pending: Mapping[str, GeneratedFile] = {}
        """Pages whose new text the staging step holds and has not written yet (one left
        for later is made when the page is read, so the one a reader waits for is made
        first)."""

    def close(self) -> None:
        """Let the plugins shut down (the configuration is dropped)."""
        if self._config is not None:
            self._config.plugins.on_shutdown()
        self._config = None
        self._env = None
        self._built = None
        self._pages.clear()

    def build(
        self,
        changes: StagingChanges | None = None,
        queue: RenderQueue | None = None,
        *,
        stop: Callable[[], bool] | None = None,
        identity: str = "",
    ) -> BuildCounts:
        """Bring the site folder up to date with the staging folder and configuration.

        Args:
            changes: what the staging step changed since the last build, when it knows.
            queue: where the build announces its plan and learns which page to write next.
            stop: asked between the pages a walk writes: yes stops it (`stopped`), and the
                next build goes on from the pages it made.
            identity: what pages depend on besides the configuration file (the theme's
                digest); a change starts over clean.

        Must run inside the build environment (working folder, SOURCE_DATE_EPOCH) that a full
        build uses. On any failure the kept state is dropped, so the next build is a clean one.
        """
        text = self.config_path.read_text(encoding="utf-8") + "\0" + identity
        if self._config is None or text != self._config_text:
            self.close()
            config = load_config(config_file=str(self.config_path), strict=False)
            config.plugins.on_startup(command="build", dirty=False)
            self._config, self._config_text = config, text
        config = self._config
        self._pending = changes.pending if changes is not None else {}
        try:
            with page_warnings(config) as found:
                plan = None
                if changes is not None and self._built is not None:
                    plan = self._plan_patch(config, self._built, changes, found)
                if plan is None:
                    self._built = None
                    plan = self._plan_walk(config, found, changes)
                counts = self._write(config, plan, queue or RenderQueue(), found, stop)
                self._plugins = tag_state(config)
            standing = [
                text
                for file in plan.docs
                for state in (plan.states[file.src_uri],)
                for text in (*state.warnings, *state.link_warnings)
            ]
            return replace(counts, warnings=tuple(dict.fromkeys([*standing, *found.rest()])))
        except BaseException:
            self.close()
            raise
        finally:
            self._pending = {}

    def _given(self, uri: str) -> str | None:
        """A page's new text when the staging step holds it (None: read it from its file)."""
        pending = self._pending.get(uri)
        return pending.text if pending is not None else None

    def _source(self, file: File) -> str:
        """A page's staged text: from the staging step when it is not written yet."""
        given = self._given(file.src_uri)
        return given if given is not None else file.content_string

    def _start(self, file: File) -> str:
        """How a page's staged text starts, its front matter at least, without making a page
        left for later."""
        pending = self._pending.get(file.src_uri)
        if pending is not None and not pending.made:
            return pending.head
        return self._source(file)

    def _plan_walk(
        self, config: MkDocsConfig, found: PageWarnings, changes: StagingChanges | None = None
    ) -> Plan:
        """Collect files and nav anew and read every page: MkDocs' own steps, in its order.

        With `changes`, a page the staging step did not write is known to hold the source it
        was last built from, and its file is not read again to find that out.
        """
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
        files.add_files_from_theme(Listed(self._templates), config)  # type: ignore[arg-type]
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        docs = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        previous = self._pages
        current = {file.src_uri for file in docs}
        moved = {PurePosixPath(uri).name for uri in current.symmetric_difference(previous)}
        states: dict[str, PageState] = {}
        unread: set[str] = set()
        anchors: dict[str, set[str] | None] = {}
        for file in docs:
            if file.page is None:
                Page(None, file, config)
            page = file.page
            assert page is not None
            state = previous.get(file.src_uri)
            if state is not None and changes is not None and file.src_uri not in changes.written:
                source = state.source
            else:
                source = self._source(file)
            if (
                state is not None
                and state.source == source
                and state.converted
                and not state.listing
                and not any(name in source for name in moved)
            ):
                restore(page, state, config, files)
            else:
                read(page, config, files, self._given(file.src_uri))
                anchors[file.src_uri] = state.anchors if state is not None else None
                state = unread_state(source, anchors[file.src_uri])
                unread.add(file.src_uri)
            states[file.src_uri] = state
        listings = listing_pages(config)
        converted = 0
        for file in docs:
            page = file.page
            assert page is not None
            listing = page in listings
            # A title from the first heading, or a tag listing, is needed before the plan.
            if file.src_uri in unread and (listing or "title" not in page.meta):
                convert(page, config, files)
                states[file.src_uri] = capture(page, states[file.src_uri].source)
                states[file.src_uri].warnings = found.take(file.src_uri)
                unread.discard(file.src_uri)
                converted += 1
            states[file.src_uri].listing = listing

        self._env = config.plugins.on_env(self._env, config=config, files=files)
        files.copy_static_files(dirty=incremental, inclusion=InclusionLevel.is_included)
        for template in config.theme.static_templates:
            build_theme_template(template, self._env, files, config, nav)
        for template in config.extra_templates:
            build_extra_template(template, files, config, nav)

        shared = shared_setting(config, nav)
        write: dict[str, Page] = {}
        for file in docs:
            page = file.page
            assert page is not None
            state = states[file.src_uri]
            if not incremental or file.src_uri in unread:
                write[file.dest_uri] = page
                continue
            # A restored page holds the content it was written with: when its setting is the
            # same too, so is its output (no need to sum it all up again).
            dated = with_date(config, page, shared)
            now = setting(page, dated)
            if state.setting != now and state.built == fingerprint(page, dated):
                state.setting = now
            if state.setting != now or not os.path.exists(file.abs_dest_path):
                write[file.dest_uri] = page
        return Plan(
            files,
            nav,
            docs,
            states,
            shared,
            write,
            unread,
            anchors,
            converted,
            everything=not incremental,
        )

    def _plan_patch(
        self, config: MkDocsConfig, built: Built, changes: StagingChanges, found: PageWarnings
    ) -> Plan | None:
        """Read only the changed files, in the last build's setting; None when that cannot
        give what a full build would (then nothing the full build relies on was changed)."""
        if changes.removed:
            return None
        if os.environ.get("SOURCE_DATE_EPOCH") != built.epoch:
            return None
        if search_index(config) is None:
            return None
        files, docs, new = built.files, built.docs, []
        if changes.added:
            if not same_state(tag_state(config), self._plugins):
                return None  # another build in this process started the plugins afresh
            unchanged = {u: s.source for u, s in self._pages.items() if u not in changes.written}
            taken = admitted(config, files, changes.added, unchanged)
            if taken is None:
                return None
            files = taken
            docs = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
            new = [file for file in docs if file.src_uri in changes.added]
            self._outputs.update(file.dest_uri for file in files)  # added pictures too
        pages: list[Page] = []
        assets: list[File] = []
        listing = listing_pages(config)
        listings = {page.file.src_uri for page in listing}
        in_site = set(built.docs)
        for rel in sorted(changes.written):
            file = files.get_file_from_path(rel)
            if file is None or file in new:
                continue  # not part of the site (MkDocs leaves such files out), or new
            if rel in config.extra_templates or rel in listings:
                return None
            if file.is_documentation_page():
                if file.page is None or file not in in_site:
                    return None
                pages.append(file.page)
            elif file.inclusion.is_included():  # type: ignore[no-untyped-call]
                assets.append(file)
        shown = {page.file.src_uri: shown_by(page) for page in pages}
        in_nav = {page.file.src_uri for page in built.nav.pages}
        read_now: dict[str, PageState] = {}
        unread: set[str] = set()
        deferred: set[str] = set()
        anchors = {page.file.src_uri: self._pages[page.file.src_uri].anchors for page in pages}
        for page in pages:
            uri = page.file.src_uri
            start = self._start(page.file)
            if "title" in page.meta and (
                front_matter(start) == front_matter(self._pages[uri].source)
                or shown_of(start) == (page.meta["title"], listed_of(page.meta))
            ):
                # The same title and tags: read it (and make it, when it was left for later)
                # when it is written. Its source is taken then.
                read_now[uri] = unread_state("", self._pages[uri].anchors)
                unread.add(uri)
                deferred.add(uri)
                continue
            source = self._source(page.file)
            read(page, config, files, self._given(uri))
            titled = "title" in page.meta
            if not titled:  # its title is its first heading: convert to know it
                convert(page, config, files)
            if shown_elsewhere_changed(page, shown[uri], in_nav):
                # The walk over every page is needed (and finds these pages' sources changed,
                # as the kept states are).
                return None
            if titled:
                read_now[uri] = unread_state(source, self._pages[uri].anchors)
                unread.add(uri)
            else:
                read_now[uri] = capture(page, source)
                read_now[uri].warnings = found.take(uri)
        if new:
            sources = Sources(self._source, self._given, found)
            added = read_added(config, files, new, sources)
            if added is None:
                return None  # a new tag listing: every plugin starts afresh in the walk
            read_now.update(added)
            unread.update(f.src_uri for f in new if f.page is not None and "title" in f.page.meta)
            anchors.update(dict.fromkeys(added))
            pages += [file.page for file in new if file.page is not None]
            if any(tags_of(file.page) != repr(None) for file in new if file.page is not None):
                # The tag listings show the new pages: read, convert and fill them again.
                read_now.update(refill_listings(config, files, docs, listing, sources))
                pages += listing
                self._env = config.plugins.on_env(self._env, config=config, files=files)
            for template in config.theme.static_templates:  # the sitemap lists every page
                build_theme_template(template, self._env, files, config, built.nav)
            self._built = replace(built, files=files, docs=docs)
        self._pages.update(read_now)
        for file in assets:
            file.copy_file()
        chosen = {page.file.src_uri for page in pages}
        write = {f.dest_uri: f.page for f in docs if f.src_uri in chosen and f.page is not None}
        return Plan(
            files,
            built.nav,
            docs,
            self._pages,
            shared_setting(config, built.nav),
            write,
            unread,
            anchors,
            converted=len(pages) - len(unread),
            patched=True,
            deferred=deferred,
        )

    def _write(
        self,
        config: MkDocsConfig,
        plan: Plan,
        queue: RenderQueue,
        found: PageWarnings,
        stop: Callable[[], bool] | None = None,
    ) -> BuildCounts:
        """Convert and write the planned pages, the one a reader waits for first, then finish."""
        finished_later = [INDEX]
        if not plan.patched:  # the search worker is wrapped after the build (finish_site)
            finished_later += [
                f.dest_uri for f in plan.files if f.dest_uri.startswith(WORKERS.as_posix())
            ]
        queue.plan([*plan.write, *finished_later])
        search = search_index(config)
        states, files = plan.states, plan.files
        remaining = dict(plan.write)
        converted, rendered = plan.converted, 0
        written = 0
        while remaining:
            # Not before a page is written: a build that saves keep stopping still gets on.
            if written and stop is not None and not plan.patched and stop():
                # Kept for the next walk, which goes on from here and finishes the site: a
                # page written keeps its setting, one not converted is read again.
                known = set(config.plugins) <= KNOWN_PLUGINS
                self._pages = dict(plan.states) if known else {}
                self._outputs |= {file.dest_uri for file in plan.files}
                self._built = None
                return BuildCounts(len(plan.docs), converted, rendered, stopped=True)
            written += 1
            output = queue.take(remaining)
            page = remaining.pop(output)
            uri = page.file.src_uri
            if uri in plan.unread:
                source = states[uri].source
                if uri in plan.deferred:
                    source = self._source(page.file)
                    read(page, config, files, self._given(uri))
                convert(page, config, files)
                states[uri] = capture(page, source)
                states[uri].warnings = found.take(uri)
                converted += 1
            state = states[uri]
            mark = fingerprint(page, with_date(config, page, plan.shared))
            if (
                plan.everything
                or state.built != mark
                or not os.path.exists(page.file.abs_dest_path)
            ):
                if search is not None:
                    search.entries = []
                build_page(page, config, plan.docs, plan.nav, self._env)
                if search is not None:
                    state.set_search(search.entries)
                state.built = mark
                rendered += 1
            state.setting = setting(page, with_date(config, page, plan.shared))
            queue.done(output)

        recheck_links(plan, states, config, found)
        write_pictures(files, self._pending)  # drawn now: the pages came first

        records = [r for file in plan.docs for r in states[file.src_uri].search]
        if search is not None:
            search.entries = records
        if plan.patched:
            # Nobody reads it meanwhile: requests for it wait until the build ends.
            write_index(config, (states[file.src_uri].chunk() for file in plan.docs))
            return BuildCounts(len(plan.docs), converted, rendered, patched=True)

        config.plugins.on_post_build(config=config)
        write_index(config, (states[file.src_uri].chunk() for file in plan.docs))
        outputs = {file.dest_uri for file in files}
        for stale in self._outputs - outputs:
            remove_file(Path(config.site_dir), stale)
        self._outputs = outputs
        known = set(config.plugins) <= KNOWN_PLUGINS
        self._pages = states if known else {}
        if known and search is not None and hasattr(search, "config"):
            self._built = Built(files, plan.nav, plan.docs, os.environ.get("SOURCE_DATE_EPOCH"))
        return BuildCounts(len(plan.docs), converted, rendered)
