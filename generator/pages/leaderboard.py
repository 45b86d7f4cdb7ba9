"""The leaderboard: services × criteria, median wait, delivery rate, in a sortable table.

The table is raw HTML so each cell can carry a numeric `data-sort` key for the site's own small
sorting script. Each mean stands alone, its count in a tooltip; means over fewer than
`stats.FEW` values are faded, and only services whose overall score rests on `FEW` rated
attempts take a rank (the others follow them, marked `–`).
"""

from __future__ import annotations

from . import escape, urls
from .context import PageContext
from .measured import leaderboard_cells, leaderboard_heads
from .render import render_template
from .services import rate_text
from .stats import FEW, Mean, ServiceStats
from .trials import front_matter

PAGE = "leaderboard.md"


def _mean_cell(ctx: PageContext, found: Mean | None, *, per_attempt: bool = False) -> str:
    if found is None:
        return '<td data-sort="-1">–</td>'
    shown = ctx.mean_html(found, per_attempt=per_attempt)
    return f'<td data-sort="{found.value:.4f}">{shown}</td>'


def has_rank(stats: ServiceStats) -> bool:
    """Whether a service's overall score rests on enough rated attempts to take a rank."""
    return stats.overall is not None and not stats.overall.few


def _order(stats: ServiceStats) -> tuple[int, float, str]:
    if stats.overall is None:
        return (2, 0.0, stats.service.key)
    return (1 if stats.overall.few else 0, -stats.overall.value, stats.service.key)


def render_leaderboard(ctx: PageContext) -> str:
    """`leaderboard.md`."""
    L = ctx.labels
    criteria = ctx.magazine.criteria
    ranked = sorted((s for s in ctx.groups.services.values() if s.attempts), key=_order)
    head = [
        '<th data-sort-type="number">#</th>',
        f"<th>{escape.text(L.service)}</th>",
        f'<th data-sort-type="number">{escape.text(L.overall)}</th>',
        f'<th data-sort-type="number">{escape.text(L.rated_attempts)}</th>',
        *(
            f'<th data-sort-type="number">{escape.text(c.label_for(L.language))}</th>'
            for c in criteria
        ),
        f'<th data-sort-type="number">{escape.text(L.median_wait)}</th>',
        f'<th data-sort-type="number">{escape.text(L.delivery_rate)}</th>',
        f'<th data-sort-type="number">{escape.text(L.attempts)}</th>',
        *leaderboard_heads(L),
    ]
    rows = []
    rank = 0
    for stats in ranked:
        confident = has_rank(stats)
        rated = stats.overall.count if stats.overall is not None else 0
        rank += 1 if confident else 0
        href = escape.attribute(ctx.urls.relative(PAGE, urls.service_page(stats.service.key)))
        median = stats.median_wait
        cells = [
            f'<td data-sort="{rank if confident else 9999}">{rank if confident else "–"}</td>',
            f'<td><a href="{href}">{escape.text(stats.service.name)}</a></td>',
            _mean_cell(ctx, stats.overall, per_attempt=True),
            f'<td data-sort="{rated}">{rated}</td>',
            *(_mean_cell(ctx, stats.ratings.get(c.key)) for c in criteria),
            (
                f'<td data-sort="{median.total_seconds():.0f}">'
                f"{escape.text(L.duration(median))}</td>"
                if median is not None
                else '<td data-sort="-1">–</td>'
            ),
            # The attempts column is beside it: the share alone, the counts in the tooltip.
            f'<td data-sort="{stats.delivery_rate:.4f}">'
            f'<span title="{escape.text(rate_text(ctx, stats))}">{stats.delivery_rate:.0%}</span>'
            "</td>",
            f'<td data-sort="{stats.attempts}">{stats.attempts}</td>',
            *leaderboard_cells(ctx, stats.entries),
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    table = escape.Safe(
        '<div class="magazine-table-wrap"><table class="magazine-sortable" data-magazine-sortable>'
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
    return render_template(
        "leaderboard",
        L=L,
        front=front_matter(L.leaderboard, L.leaderboard),
        table=table,
        legend=escape.Safe(
            f'<p class="magazine-legend">{escape.text(L.few_legend.format(few=FEW))}</p>'
        ),
    )
