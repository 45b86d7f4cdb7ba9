"""The front page: the lead story, the latest trials as poster cards, and what is still waiting.

Each block is also a snippet a writer's own home page can place with `<!-- magazine:lead -->`,
`<!-- magazine:latest -->` and `<!-- magazine:waiting -->`; their links are relative to the
docs root, so they work in any page at the top of `docs/`.
"""

from __future__ import annotations

from typing import Any

from ..model import OPEN, Comparison, Entry
from . import escape, urls
from .cards import cards, outcome, poster_top, status_badge
from .context import PageContext
from .pictures import LEAD
from .render import markdown_macros, render_template
from .review import comparison_title, latest_attempts, result_box, rounds_line
from .trials import front_matter

LATEST = 12
"""Trials on the latest-trials page and the front page."""


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
        top=poster_top(ctx, page, entry, sizes=LEAD),
        badge=status_badge(ctx, entry),
        name=ctx.groups.service(entry.service).name,
        target=escape.Safe(urls.markdown_link(page, urls.entry_page(entry.slug))),
    )


def render_lead(ctx: PageContext, page: str, comparison: Comparison) -> str:
    """A comparison as the lead story: its date (or rounds and their dates), each service's
    latest poster side by side, the result box and the outcome in one line."""
    target = urls.markdown_link(page, urls.comparison_page(comparison.slug))
    shown = latest_attempts(comparison)
    return render_template(
        "lead",
        L=ctx.labels,
        title=comparison_title(ctx, comparison),
        dates=rounds_line(ctx, comparison),
        target=escape.Safe(target),
        posters=escape.Safe("\n".join(_poster_item(ctx, page, e) for e in shown)),
        result=escape.Safe(result_box(ctx, comparison)),
        outcome=outcome(ctx, comparison),
    )


def still_waiting(ctx: PageContext) -> list[Entry]:
    """What the pending board lists: open attempts that no later round answered, newest
    first."""
    superseded = ctx.groups.superseded
    return [e for e in ctx.groups.entries[::-1] if e.status in OPEN and e.slug not in superseded]


def render_waiting(ctx: PageContext, page: str, waiting: list[Entry]) -> str:
    """The pending board: what is still waiting, and for how long."""
    return render_template("waiting", ctx=ctx, page=page, L=ctx.labels, waiting=waiting)


def latest_entries(ctx: PageContext) -> tuple[Entry, ...]:
    """The newest trials, newest first, as the latest-trials page and the home page show."""
    return ctx.groups.entries[::-1][:LATEST]


def cover_entries(ctx: PageContext) -> tuple[Entry, ...]:
    """The newest trials not already in the lead story, newest first: what the front page
    shows under the lead (a cover repeats nothing)."""
    lead = latest_comparison(ctx)
    shown = {e.slug for e in lead.entries} if lead is not None else set()
    return tuple(e for e in ctx.groups.entries[::-1] if e.slug not in shown)[:LATEST]


def latest_front(ctx: PageContext) -> str:
    """The front matter of the latest-trials page."""
    return front_matter(ctx.labels.latest, ctx.labels.all_entries, searched=False)


def render_latest(ctx: PageContext, latest: tuple[Entry, ...], *, standalone: bool) -> str:
    """`latest.md` (after its front matter): the newest trials as poster cards; without
    `standalone`, only the cards, for the home page's `<!-- magazine:latest -->` marker."""
    page = "latest.md"
    return render_template(
        "latest",
        standalone=standalone,
        L=ctx.labels,
        cards=cards(ctx, page, latest),
        all=escape.Safe(urls.markdown_link(page, urls.trials_page(1))),
    )


def home_front(ctx: PageContext) -> str:
    """The front matter of the home page the build writes."""
    return front_matter(ctx.magazine.settings.site_name, ctx.labels.all_entries)


def render_home(
    ctx: PageContext,
    sections: list[tuple[str, str]],
    latest: tuple[Entry, ...],
    lead: str,
    waiting: str,
) -> str:
    """`index.md` for a magazine whose writer wrote no home page.

    Args:
        sections: (label, docs-relative page) of each generated section, in nav order.
        lead, waiting: the lead story and the pending board, made for this page.
    """
    page = "index.md"
    return render_template(
        "home",
        L=ctx.labels,
        title=ctx.magazine.settings.site_name,
        lead=escape.Safe(lead),
        # A magazine of one comparison has it all in the lead: no empty section under it.
        cards=cards(ctx, page, latest) if latest else None,
        all=escape.Safe(urls.markdown_link(page, urls.trials_page(1))),
        waiting=escape.Safe(waiting),
        sections=[
            {"label": label, "target": escape.Safe(urls.markdown_link(page, target))}
            for label, target in sections
        ],
    )
