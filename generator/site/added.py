"""Files a save adds to the site, taken in without walking every page again.

A new entry adds a page (and perhaps renditions) to a site of thousands. A walk over every page
would give MkDocs the new file in its place, but it reads, replays and plans every page to find
them unchanged. What a walk would change for an added file, and how it is found here:

- the collection of files: MkDocs' own `get_files` lists the folder again, and the files the
  last build knew keep their objects (their pages) in that order, the theme's after them;
- the nav: unchanged unless the configured nav names the new page (then: a walk);
- a page that mentions the new page's file name may link to it now (then: a walk, as the walk
  itself reads again every page that does);
- tag listings: when a new page has tags, the listing pages are read and converted again and
  the tags plugin fills them from every page's tags, kept in site order, as long as the plugin
  holds what the last build of this site gave it (`mkdocs_internals.tag_state`);
- the sitemap: written again, with every page.

Anything else (a removed file, a new page that holds a listing, a file that takes a theme
file's place) is left to the walk, which starts every plugin afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

from .mkdocs_internals import forget_listings, listing_pages, reorder_tag_mappings
from .pagework import PageState, PageWarnings, capture, convert, read, unread_state


@dataclass(frozen=True)
class Sources:
    """Where the build finds pages' texts, and the warnings they raise."""

    source: Callable[[File], str]
    """A page's staged text."""
    given: Callable[[str], str | None]
    """A page's text when the staging step holds it, else None (read it as MkDocs does)."""
    found: PageWarnings


def admitted(
    config: MkDocsConfig, built: Files, added: Collection[str], sources: Mapping[str, str]
) -> Files | None:
    """The site's files with `added` (docs-relative paths) taken in, in the order a walk
    would give them; None when only a walk gives what a full build would.

    `sources` are the unchanged pages' texts by path (the ones that could mention a new page).
    """
    if config.nav is None:
        return None  # the nav lists every page
    fresh = get_files(config)
    named = set(_nav_paths(config.nav))
    for rel in added:
        file = fresh.get_file_from_path(rel)
        if file is None or built.get_file_from_path(rel) is not None:
            return None  # left out by MkDocs (a name clash), or in a theme file's place
        if file.is_documentation_page():
            if rel in named:
                return None
            name = PurePosixPath(rel).name
            if any(name in source for source in sources.values()):
                return None
    order = [built.get_file_from_path(file.src_uri) or file for file in fresh]
    taken = {file.src_uri for file in order}
    return Files(order + [file for file in built if file.src_uri not in taken])


def read_added(
    config: MkDocsConfig, files: Files, new: Iterable[File], sources: Sources
) -> dict[str, PageState] | None:
    """Read the new pages (and convert those whose title is their first heading): their
    states by path, the ones still to convert without content; None when one is a listing."""
    states: dict[str, PageState] = {}
    for file in new:
        page = Page(None, file, config)
        uri, source = file.src_uri, sources.source(file)
        read(page, config, files, sources.given(uri))
        if page in listing_pages(config):
            return None
        states[uri] = unread_state(source, None)
        if "title" not in page.meta:
            convert(page, config, files)
            states[uri] = capture(page, source)
            states[uri].warnings = sources.found.take(uri)
    return states


def refill_listings(
    config: MkDocsConfig, files: Files, docs: Iterable[File], listing: list[Page], sources: Sources
) -> dict[str, PageState]:
    """Read and convert the tag listing pages again, ready for the tags plugin to fill (its
    `on_env`), with every page's tags in site order; their states by path."""
    states: dict[str, PageState] = {}
    for page in listing:
        uri, source = page.file.src_uri, sources.source(page.file)
        forget_listings(config, page)
        read(page, config, files, sources.given(uri))
        convert(page, config, files)
        states[uri] = capture(page, source)
        states[uri].warnings = sources.found.take(uri)
        states[uri].listing = True
    _relist(config, docs)
    return states


def _relist(config: MkDocsConfig, docs: Iterable[File]) -> None:
    """Put the tags plugin's pages back in site order, as a walk would have added them (a
    listing lists pages of equal rank in that order)."""
    reorder_tag_mappings(config, [file.page.url for file in docs if file.page is not None])


def same_state(now: tuple[object, ...], kept: tuple[object, ...]) -> bool:
    """Whether the plugin state is still the one `kept` was taken from."""
    return len(now) == len(kept) and all(a is b for a, b in zip(now, kept, strict=True))


def _nav_paths(items: Any) -> Iterator[str]:
    """Every path the configured nav names."""
    if isinstance(items, str):
        yield items.removeprefix("./")
    elif isinstance(items, dict):
        for value in items.values():
            yield from _nav_paths(value)
    elif isinstance(items, list):
        for item in items:
            yield from _nav_paths(item)
