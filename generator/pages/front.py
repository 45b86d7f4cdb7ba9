"""The front page: the lead story, the latest trials as poster cards, and what is still waiting.

Each block is also a snippet a writer's own home page can place with `<!-- magazine:lead -->`,
`<!-- magazine:latest -->` and `<!-- magazine:waiting -->`; their links are relative to the
docs root, so they work in any page at the top of `docs/`.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ..model import Comparison, Entry, Status
from . import escape, urls
from .cards import cards, outcome, poster_top, status_badge
from .comparisons import comparison_title
from .context import PageContext
from .render import markdown_macros, render_template
from .trials import front_matter

LATEST = 12
"""Trials on the latest-trials page and the front page."""
WAITING = (Status.PENDING, Status.WAITLISTED)
"""Statuses the pending board lists: the writer is still waiting for something to come."""


def latest_comparison(ctx: PageContext) -> Comparison | None:
    """The comparison with the most recent submission (the last one wins a tie)."""
    found: Comparison | None = None
    newest: tuple[object, ...] = ()
    for comparison in ctx.groups.comparisons:
        key = _newest(comparison)
        if found is None or key >= newest:
            found, newest = comparison, key
    return found


def _newest(comparison: Comparison) -> tuple[Any, ...]:
    latest = max(comparison.entries, key=lambda e: (e.submitted_at, e.slug))
    return (latest.submitted_at, latest.slug)


def _poster_item(ctx: PageContext, page: str, entry: Entry) -> str:
    return markdown_macros("cards").poster_item(
        top=poster_top(ctx, page, entry),
        badge=status_badge(ctx, entry),
        name=ctx.groups.service(entry.service).name,
        target=escape.Safe(urls.markdown_link(page, urls.entry_page(entry.slug))),
    )


def render_lead(ctx: PageContext, page: str = "index.md") -> str:
    """The latest comparison: its posters side by side and its outcome in one line."""
    comparison = latest_comparison(ctx)
    if comparison is None:
        return ""
    inputs = ctx.comparison_inputs(comparison)
    return ctx.keep(("lead", page), inputs, partial(_lead, ctx, page, comparison))


def _lead(ctx: PageContext, page: str, comparison: Comparison) -> str:
    target = urls.markdown_link(page, urls.comparison_page(comparison.slug))
    return render_template(
        "lead",
        L=ctx.labels,
        title=comparison_title(comparison),
        target=escape.Safe(target),
        posters=escape.Safe("\n".join(_poster_item(ctx, page, e) for e in comparison.entries)),
        outcome=outcome(ctx, comparison),
    )


def render_waiting(ctx: PageContext, page: str = "index.md") -> str:
    """The pending board: what is still waiting, and for how long."""
    waiting = [e for e in ctx.groups.entries[::-1] if e.status in WAITING]
    inputs = ctx.tokens_of(waiting)
    return ctx.keep(("waiting", page), inputs, partial(_waiting, ctx, page, waiting))


def _waiting(ctx: PageContext, page: str, waiting: list[Entry]) -> str:
    return render_template("waiting", ctx=ctx, page=page, L=ctx.labels, waiting=waiting)


def render_latest(ctx: PageContext, *, standalone: bool = True) -> str:
    """`latest.md`: the newest trials as poster cards; without `standalone`, only the cards,
    for the home page's `<!-- magazine:latest -->` marker."""
    latest = ctx.groups.entries[::-1][:LATEST]
    inputs = ctx.tokens_of(latest)
    return ctx.keep(("latest", standalone), inputs, partial(_latest, ctx, standalone, latest))


def _latest(ctx: PageContext, standalone: bool, latest: tuple[Entry, ...]) -> str:
    page = "latest.md"
    return render_template(
        "latest",
        standalone=standalone,
        L=ctx.labels,
        front=front_matter(ctx.labels.latest, ctx.labels.all_entries, searched=False),
        cards=cards(ctx, page, latest),
        all=escape.Safe(urls.markdown_link(page, urls.trials_page(1))),
    )


def render_home(ctx: PageContext, sections: list[tuple[str, str]]) -> str:
    """`index.md` for a magazine whose writer wrote no home page.

    Args:
        sections: (label, docs-relative page) of each generated section, in nav order.
    """
    page = "index.md"
    latest = ctx.groups.entries[::-1][:LATEST]
    lead, waiting = render_lead(ctx, page), render_waiting(ctx, page)
    inputs = (tuple(sections), ctx.tokens_of(latest), lead, waiting)
    return ctx.keep(("home",), inputs, partial(_home, ctx, sections, latest, lead, waiting))


def _home(
    ctx: PageContext,
    sections: list[tuple[str, str]],
    latest: tuple[Entry, ...],
    lead: str,
    waiting: str,
) -> str:
    page = "index.md"
    L = ctx.labels
    settings = ctx.magazine.settings
    return render_template(
        "home",
        L=L,
        front=front_matter(settings.site_name, L.all_entries),
        title=settings.site_name,
        lead=escape.Safe(lead),
        cards=cards(ctx, page, latest),
        all=escape.Safe(urls.markdown_link(page, urls.trials_page(1))),
        waiting=escape.Safe(waiting),
        sections=[
            {"label": label, "target": escape.Safe(urls.markdown_link(page, target))}
            for label, target in sections
        ],
    )


def snippets(ctx: PageContext) -> dict[str, str]:
    """Blocks a writer's home page can place: `lead`, `latest` and `waiting`."""
    return {
        "lead": render_lead(ctx),
        "latest": render_latest(ctx, standalone=False),
        "waiting": render_waiting(ctx),
    }
