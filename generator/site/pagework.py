"""What the incremental build does to one page, and what it keeps of it between builds.

MkDocs turns a page into HTML in one step (`_populate_page`: the plugins' hooks, reading the
source, Markdown to HTML). The preview splits that step in two, in the same order: `read`
(hooks up to the page's Markdown, which gives its front matter, title and tags: all that other
pages show of it) and `convert` (Markdown to HTML, the costly part), so that a build can plan
the whole site before converting the pages a reader waits for first. `PageState` keeps what
converting a page made, so that an unchanged page is `restore`d instead of converted again,
and `fingerprint` sums up everything its template output depends on.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE, get_data

from .mkdocs_internals import (
    current_page,
    listing_pages,
    search_index,
    set_current_page,
    set_title_from_render,
    title_from_render,
)
from .search import INDEX, index_text, record_json
from .theme import LISTING_META

_log = logging.getLogger("mkdocs.commands.build")


@dataclass
class PageState:
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
    warnings: tuple[str, ...] = ()
    """What MkDocs warned while reading and converting the page (kept while it is unchanged:
    `magazine build` would warn the same, so the preview keeps saying it)."""
    setting: tuple[str, str, str, str] | None = None
    """The page's `setting` when it was last written (its content then is this state's)."""
    link_warnings: tuple[str, ...] = ()
    """What checking the page's links to anchors warned, the last time they were checked."""
    converted: bool = True
    """False for a page read but not converted yet (`unread_state`): never restored."""
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


def read(page: Page, config: MkDocsConfig, files: Files, source: str | None = None) -> None:
    """The first half of MkDocs' page step: plugins' hooks, the source, its Markdown hooks.

    `source`: the page's text when it is not in its file yet (the staging step holds it);
    otherwise the source is read as MkDocs reads it, through the plugins' read hook.
    """
    with _current(page, config):
        page = config.plugins.on_pre_page(page, config=config, files=files)
        if source is None:
            page.read_source(config)
        else:
            page.markdown, page.meta = get_data(source)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )


def convert(page: Page, config: MkDocsConfig, files: Files) -> None:
    """The second half: Markdown to HTML and the plugins' content hooks."""
    with _current(page, config):
        page.render(config, files)
        assert page.content is not None
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )


@contextmanager
def _current(page: Page, config: MkDocsConfig) -> Iterator[None]:
    """The page MkDocs is working on, for the plugins and warnings; a failure names it."""
    set_current_page(config, page)
    try:
        yield
    except Exception as error:
        detail = "" if isinstance(error, BuildError) else f" {error}"
        _log.error(f"Error reading page '{page.file.src_uri}':{detail}")
        raise
    finally:
        set_current_page(config, None)


class PageWarnings(logging.Handler):
    """MkDocs' warnings during a build, by the page it was working on (None: no page)."""

    def __init__(self, config: MkDocsConfig) -> None:
        super().__init__(logging.WARNING)
        self.config = config
        self.found: dict[str | None, list[str]] = {}
        self.builder = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        # Only the build's own: the preview server answers requests (and logs a missing page
        # as a warning) in other threads while the build runs.
        if record.thread != self.builder:
            return
        page = current_page(self.config)
        uri = page.file.src_uri if page is not None else None
        self.found.setdefault(uri, []).append(f"{record.levelname}: {record.getMessage()}")

    def take(self, uri: str) -> tuple[str, ...]:
        """The warnings about `uri` so far (they are not given again)."""
        return tuple(self.found.pop(uri, ()))

    def rest(self) -> list[str]:
        """The warnings no page took."""
        return [text for texts in self.found.values() for text in texts]


@contextmanager
def page_warnings(config: MkDocsConfig) -> Iterator[PageWarnings]:
    """Sort MkDocs' warnings by page for as long as the block runs."""
    logger = logging.getLogger("mkdocs")
    handler = PageWarnings(config)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def check_links(page: Page, config: MkDocsConfig, files: Files) -> None:
    """MkDocs' check of the page's links to anchors in other pages, warnings on its name."""
    with _current(page, config):
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)


def capture(page: Page, source: str) -> PageState:
    """What converting `page` from `source` made, to keep for the next build."""
    links = page.links_to_anchors
    return PageState(
        source=source,
        content=page.content or "",
        toc=page.toc,
        title_from_render=title_from_render(page),
        anchors=page.present_anchor_ids,
        links_to_anchors=(
            None if links is None else {f.src_uri: dict(v) for f, v in links.items()}
        ),
    )


def restore(page: Page, state: PageState, config: MkDocsConfig, files: Files) -> None:
    """Give `page` what converting its unchanged source made last time, plugins included."""
    with _current(page, config):
        page = config.plugins.on_pre_page(page, config=config, files=files)
        markdown, meta = state.parsed()
        page.markdown, page.meta = markdown, _copied(meta)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.content, page.toc = state.content, state.toc
        set_title_from_render(page, state.title_from_render)
        page.present_anchor_ids = state.anchors
        if state.links_to_anchors is not None:
            linked: dict[File, dict[str, str]] = {}
            for uri, links in state.links_to_anchors.items():
                target = files.get_file_from_path(uri)
                if target is not None:
                    linked[target] = links
            page.links_to_anchors = linked


def setting(page: Page, shared: str) -> tuple[str, str, str, str]:
    """What a page's template output depends on besides its own converted content: its
    address and title, its neighbours' and what every page shows (cheap to compare)."""
    neighbours = [
        (p.url, str(p.title)) if p is not None else None
        for p in (page.previous_page, page.next_page)
    ]
    return (page.url, str(page.title), repr(neighbours), shared)


def with_date(config: MkDocsConfig, page: Page, shared: str) -> str:
    """`shared` with the page's build date where the theme shows it."""
    # Material's templates do not show the build date; other themes' may.
    return shared + (page.update_date if config.theme.name != "material" else "")


def fingerprint(page: Page, shared: str) -> str:
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


def nav_signature(items: Iterable[Any]) -> str:
    parts = []
    for item in items:
        children = nav_signature(item.children) if isinstance(item, Section) else ""
        url = getattr(item, "url", None)
        parts.append(f"{type(item).__name__}({item.title!s}|{url}|{children})")
    return "[" + ",".join(parts) + "]"


def front_matter(source: str) -> str:
    """A page source's front matter block, as MkDocs finds it ('' when it has none)."""
    found = YAML_RE.match(source)
    return found.group(0) if found else ""


def shown_of(source: str) -> tuple[object, str]:
    """The title and what the tag listings show a page source's front matter gives (what
    other pages show of it), comparable with a page's (`page.meta`'s title, `listed_of`)."""
    _, meta = get_data(front_matter(source))
    return meta.get("title"), listed_of(meta)


def shown_by(page: Page) -> tuple[str, str, str]:
    """What other pages may show of a page: its title, its tags, and `listed_of` its meta."""
    return str(page.title), tags_of(page), listed_of(page.meta)


def shown_elsewhere_changed(page: Page, before: tuple[str, str, str], in_nav: set[str]) -> bool:
    """Whether what other pages show of `page` differs from `before` (its `shown_by` then):
    its tags; its title, where the nav (it is in it) or the tag listings (it is tagged) show
    it; what the tag listings show of a tagged page (its poster)."""
    title, tags, listed = before
    tagged = tags_of(page) != repr(None)
    return (
        tags_of(page) != tags
        or (str(page.title) != title and (page.file.src_uri in in_nav or tagged))
        or (tags != repr(None) and listed_of(page.meta) != listed)
    )


def listed_of(meta: Mapping[str, Any]) -> str:
    """What the tag listings show of a page's front matter besides its title (its tags and
    `theme.LISTING_META`), comparable."""
    return repr([meta.get(key) for key in ("tags", *LISTING_META)])


def tags_of(page: Page) -> str:
    """What the tags plugin reads from a page (its front matter's tags), comparable."""
    return repr(page.meta.get("tags"))


def write_index(config: MkDocsConfig, chunks: Iterable[str] | None = None) -> None:
    """Write the finished search index over the one the search plugin wrote (if any).

    From the records the plugin holds, or from `chunks`, records already in JSON in page order
    (the preview keeps them per page), never by reading back and parsing the plugin's file.
    """
    index = search_index(config)
    if index is None:
        return
    fields = {key: index.config[key] for key in ("lang", "separator", "pipeline", "fields")}
    if chunks is None:
        chunks = (record_json(record) for record in index.entries)
    text = index_text(fields, chunks)
    (Path(config.site_dir) / INDEX).write_text(text, encoding="utf-8", newline="\n")


class Listed:
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


def unread_state(source: str, anchors: set[str] | None) -> PageState:
    """A page read but not converted yet (its conversion replaces this before it is used)."""
    return PageState(
        source=source,
        content="",
        toc=[],
        title_from_render=None,
        anchors=anchors,
        links_to_anchors=None,
        converted=False,
    )


def shared_setting(config: MkDocsConfig, nav: Any) -> str:
    """What every page's template shows of other pages: the nav and the tag listings."""
    listed = sorted((p.url, str(p.title)) for p in listing_pages(config))
    return nav_signature(nav.items) + repr(listed)
