"""The pages stage: every page of the magazine as Markdown, plus data files, feed and assets.

`render_pages` is pure: it reads the magazine and the media index, returns file contents keyed
by their path under the docs root, and never touches the disk or the clock. The site stage
writes the files and adds `nav`, `extra_css` and `extra_javascript` to the MkDocs config.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..generated import GeneratedFile
from ..media.renditions import MediaIndex
from ..model import Magazine
from .claims import check_addresses
from .kinds import TAGS_PAGE, render_kinds
from .labels import labels_for
from .memo import PageMemo
from .viewerjs import viewer_scripts

CSS = "assets/magazine/magazine.css"
JAVASCRIPT = "assets/magazine/magazine.js"
THEATER_CSS = "assets/magazine/theater.css"


__all__ = ["GeneratedFile", "PageMemo", "RenderedSite", "check_addresses", "render_pages"]


@dataclass(frozen=True)
class RenderedSite:
    """What the pages stage hands to the site stage."""

    files: Mapping[str, GeneratedFile]
    """Path relative to the docs root (posix) → content, sorted by path. With a memo that
    leaves pages for later (the preview's), a page changed since the last render may be
    made when first read."""
    nav: list[Any]
    """MkDocs nav entries for the generated sections (section index pages only)."""
    extra_css: tuple[str, ...]
    extra_javascript: tuple[str, ...]
    snippets: Mapping[str, str] = field(default_factory=dict)
    """Markdown that replaces `<!-- magazine:NAME -->` in the writer's top-level pages."""
    source_date_epoch: int | None = None
    """The build time to stamp into the site, when the orchestrator has set it (preview)."""


ASSETS = (
    (CSS, "magazine.css"),
    (JAVASCRIPT, "magazine.js"),
    (THEATER_CSS, "theater.css"),
)


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def render_pages(
    magazine: Magazine, media: MediaIndex, *, home: bool = False, memo: PageMemo | None = None
) -> RenderedSite:
    """Render every generated page, data file, the feed and the assets.

    With `home`, also `index.md`: a home page for a magazine whose writer wrote none (without
    one, the site would have no front page at all).

    Raises:
        ContentError: a writer-chosen name would give two pages one address.

    Time is linear in the number of entries: groupings are computed once, then each page
    is rendered from lookups. With `memo` (the live preview's), every page and every
    per-entry part (list rows, open data lines) whose inputs are unchanged since the last
    render is taken from it, so a save costs what it changed, not what the magazine holds.
    """
    memo = memo if memo is not None else PageMemo()
    labels = labels_for(magazine.settings.language)
    nav: list[Any] = [
        {labels.trials: "trials/index.md"},
        {labels.comparisons: "compare/index.md"},
        {labels.services: "services/index.md"},
        {labels.leaderboard: "leaderboard.md"},
        {labels.reports: "reports/index.md"},
        {labels.tags: TAGS_PAGE},
        {labels.data: "data/index.md"},
    ]
    sections = [(label, target) for item in nav for label, target in item.items()]
    made = render_kinds(magazine, media, home=home, sections=sections, memo=memo)
    files = made.files
    for path, name in ASSETS:
        files[path] = GeneratedFile(_asset(name))
    files.update((path, GeneratedFile(text)) for path, text in viewer_scripts().items())
    if home:
        nav.insert(0, "index.md")
    rendered = RenderedSite(
        files=dict(sorted(files.items())),
        nav=nav,
        extra_css=(CSS, THEATER_CSS),
        extra_javascript=(JAVASCRIPT,),
        snippets=made.snippets,
    )
    memo.sweep()
    return rendered
