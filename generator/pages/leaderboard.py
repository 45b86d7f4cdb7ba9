"""The leaderboard: services × criteria, median wait, delivery rate, in a sortable table.

The table is raw HTML (`templates/fragments/leaderboard.html.j2`) so each cell can carry a
numeric `data-sort` key for the site's own small sorting script. Each mean stands alone, its
count in a tooltip; means over fewer than `stats.FEW` values are faded, and only services whose
overall score rests on `FEW` rated attempts take a rank (the others follow them, marked `–`).
"""

from __future__ import annotations

from . import escape, urls
from .context import PageContext
from .measured import leaderboard_cells, leaderboard_heads
from .render import render_fragment, render_template
from .services import rate_text
from .stats import FEW, ServiceStats
from .trials import front_matter

PAGE = "leaderboard.md"


def has_rank(stats: ServiceStats) -> bool:
    """Whether a service's overall score rests on enough rated attempts to take a rank."""
    return stats.overall is not None and not stats.overall.few


def _order(stats: ServiceStats) -> tuple[int, float, str]:
    if stats.overall is None:
        return (2, 0.0, stats.service.key)
    return (1 if stats.overall.few else 0, -stats.overall.value, stats.service.key)


def leaderboard_front(ctx: PageContext) -> str:
    """The front matter of the leaderboard."""
    return front_matter(ctx.labels.leaderboard, ctx.labels.leaderboard)


def render_leaderboard(ctx: PageContext) -> str:
    """`leaderboard.md`."""
    L = ctx.labels
    criteria = ctx.magazine.criteria
    ranked = sorted((s for s in ctx.groups.services.values() if s.attempts), key=_order)
    rows = []
    rank = 0
    for stats in ranked:
        confident = has_rank(stats)
        rank += 1 if confident else 0
        median = stats.median_wait
        rows.append(
            {
                "rank": rank if confident else None,
                "href": ctx.urls.relative(PAGE, urls.service_page(stats.service.key)),
                "name": stats.service.name,
                "overall": stats.overall,
                "rated": stats.overall.count if stats.overall is not None else 0,
                "means": [stats.ratings.get(c.key) for c in criteria],
                "median": median,
                "median_text": L.duration(median) if median is not None else None,
                "rate": stats.delivery_rate,
                "rate_text": rate_text(ctx, stats),
                "attempts": stats.attempts,
                "measured": [escape.Safe(c) for c in leaderboard_cells(ctx, stats.entries)],
            }
        )
    table = render_fragment(
        "leaderboard",
        ctx=ctx,
        L=L,
        criteria=[c.label_for(L.language) for c in criteria],
        measured_heads=[escape.Safe(h) for h in leaderboard_heads(L)],
        rows=rows,
    )
    return render_template(
        "leaderboard",
        L=L,
        table=table,
        legend=L.few_legend.format(few=FEW),
    )
