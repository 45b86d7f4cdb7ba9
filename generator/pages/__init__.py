"""The pages stage: every page of the magazine as Markdown, plus data files, feed and assets.

`render_pages` is pure: it reads the magazine and the media index, returns file contents keyed
by their path under the docs root, and never touches the disk or the clock. The site stage
writes the files and adds `nav`, `extra_css` and `extra_javascript` to the MkDocs config.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from typing import Any

from ..media.renditions import MediaIndex
from ..model import Magazine
from ..source import registry_path
from . import urls
from .claims import check_addresses
from .comparisons import comparison_front, render_comparison, render_comparison_index
from .context import build_context
from .feed import render_feed
from .front import render_home, render_latest, snippets
from .leaderboard import render_leaderboard
from .memo import Later, PageMemo, text_of
from .opendata import render_open_data
from .render import render_template
from .reports import render_reports
from .services import (
    has_history,
    render_service,
    render_service_history,
    render_service_index,
    service_history_front,
)
from .trials import front_matter, render_entry, render_trial_lists
from .viewerjs import viewer_scripts

CSS = "assets/magazine/magazine.css"
JAVASCRIPT = "assets/magazine/magazine.js"
THEATER_CSS = "assets/magazine/theater.css"
TAGS_PAGE = "tags.md"


__all__ = ["Later", "PageMemo", "RenderedSite", "check_addresses", "render_pages", "text_of"]


@dataclass(frozen=True)
class RenderedSite:
    """What the pages stage hands to the site stage."""

    files: Mapping[str, str | bytes | Later]
    """Path relative to the docs root (posix) → content, sorted by path. With a memo that
    leaves pages for later (the preview's), a page changed since the last render may be a
    `Later`, made when first asked for."""
    nav: list[Any]
    """MkDocs nav entries for the generated sections (section index pages only)."""
    extra_css: tuple[str, ...]
    extra_javascript: tuple[str, ...]
    snippets: Mapping[str, str] = field(default_factory=dict)
    """Markdown that replaces `<!-- magazine:NAME -->` in the writer's top-level pages."""
    source_date_epoch: int | None = None
    """The build time to stamp into the site, when the orchestrator has set it (preview)."""


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
    ctx = build_context(magazine, media, memo)
    groups = ctx.groups
    comparisons = groups.comparisons
    addresses = (
        home,
        registry_path(magazine.root, magazine.settings, "services"),
        tuple((e.slug, e.path) for e in groups.entries),
        tuple((c.slug, c.entries[0].path, bool(c.entries[0].experiment)) for c in comparisons),
        tuple((key, has_history(stats)) for key, stats in groups.services.items()),
        tuple(groups.months),
    )
    check = partial(check_addresses, magazine, home=home, groups=groups)
    ctx.keep(("addresses",), addresses, check)
    labels = ctx.labels
    files: dict[str, str | bytes | Later] = {}
    for entry in groups.entries:
        path = urls.entry_page(entry.slug)
        inputs: object = (ctx.token(entry), ctx.comparison_inputs(groups.comparison_of(entry)))
        files[path] = ctx.keep(path, inputs, partial(render_entry, ctx, entry))
    files.update(render_trial_lists(ctx))
    files["latest.md"] = render_latest(ctx)
    for comparison in groups.comparisons:
        path = urls.comparison_page(comparison.slug)
        inputs = ctx.comparison_inputs(comparison)
        files[path] = ctx.later_page(
            path,
            inputs,
            partial(render_comparison, ctx, comparison),
            partial(comparison_front, ctx, comparison),
        )
    files["compare/index.md"] = render_comparison_index(ctx)
    for key, stats in groups.services.items():
        path = urls.service_page(key)
        inputs = (key, ctx.service_token(key), ctx.tokens_of(stats.entries))
        files[path] = ctx.keep(path, inputs, partial(render_service, ctx, stats))
        if has_history(stats):
            path = urls.service_history_page(key)
            files[path] = ctx.later_page(
                path,
                inputs,
                partial(render_service_history, ctx, stats),
                partial(service_history_front, ctx, stats),
            )
    files["services/index.md"] = render_service_index(ctx)
    files["leaderboard.md"] = render_leaderboard(ctx)
    files.update(render_reports(ctx))
    files[TAGS_PAGE] = render_template(
        "tags", L=labels, front=front_matter(labels.tags, labels.tags, searched=False)
    )
    files.update(render_open_data(ctx))
    files["feed.xml"] = render_feed(ctx)
    files[CSS] = _asset("magazine.css")
    files[JAVASCRIPT] = _asset("magazine.js")
    files[THEATER_CSS] = _asset("theater.css")
    files.update(viewer_scripts())
    nav: list[Any] = [
        {labels.trials: "trials/index.md"},
        {labels.comparisons: "compare/index.md"},
        {labels.services: "services/index.md"},
        {labels.leaderboard: "leaderboard.md"},
        {labels.reports: "reports/index.md"},
        {labels.tags: TAGS_PAGE},
        {labels.data: "data/index.md"},
    ]
    if home:
        sections = [(label, target) for item in nav for label, target in item.items()]
        files["index.md"] = render_home(ctx, sections)
        nav.insert(0, "index.md")
    rendered = RenderedSite(
        files=dict(sorted(files.items())),
        nav=nav,
        extra_css=(CSS, THEATER_CSS),
        extra_javascript=(JAVASCRIPT,),
        snippets=snippets(ctx),
    )
    memo.sweep()
    return rendered
