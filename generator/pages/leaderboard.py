"""The leaderboard: video and image services apart, each ranked by model and by service.

Services of one kind are ranked against each other only (a still and a clip are not judged
alike). Each kind is shown twice: by model (`Kling 1.6`, `Kling 2.1`: what the writer really
compared, as the entry's `model` names it) and by service (every model of a service together).
The tables are raw HTML (`templates/fragments/leaderboard.html.j2`) so each cell can carry a
numeric `data-sort` key for the site's own small sorting script, and a `data-sort-best` on each
column says which end is best, so the first click sorts best first. Each mean shows how many
values it rests on beside it; means over fewer than `stats.FEW` values are faded, and only rows
whose overall score rests on `FEW` rated attempts take a rank (the others follow, marked `–`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Entry, Service, ServiceKind
from . import urls
from .context import PageContext
from .measured import leaderboard_cells, leaderboard_heads
from .render import render_fragment, render_template
from .services import rate_text
from .stats import FEW, ServiceStats, service_stats
from .trials import front_matter

PAGE = "leaderboard.md"


def has_rank(stats: ServiceStats) -> bool:
    """Whether a row's overall score rests on enough rated attempts to take a rank."""
    return stats.overall is not None and not stats.overall.few


def _order(row: _Row) -> tuple[int, float, str, str]:
    overall = row.stats.overall
    if overall is None:
        return (2, 0.0, row.stats.service.key, row.name.casefold())
    return (1 if overall.few else 0, -overall.value, row.stats.service.key, row.name.casefold())


@dataclass(frozen=True)
class _Row:
    """One ranked line: a service, or one model of a service, with its figures."""

    name: str
    stats: ServiceStats
    model: bool


def model_name(service: Service, entry: Entry, not_recorded: str) -> str:
    """How a model is named in the ranking: `Kling 2.1`, `Runway Gen-4` (the service's name
    is put first unless the writer's model text already starts with it)."""
    model = " ".join((entry.model or "").split())
    if not model:
        return f"{service.name} ({not_recorded})"
    if model.casefold().startswith(service.name.casefold()):
        return model
    return f"{service.name} {model}"


def _model_rows(ctx: PageContext, services: list[ServiceStats]) -> list[_Row]:
    """A row per model of each service (models told apart by their names, case aside)."""
    criteria = ctx.magazine.criteria
    rows = []
    for stats in services:
        groups: dict[str, list[Entry]] = defaultdict(list)
        names: dict[str, str] = {}
        for entry in stats.entries:
            name = model_name(stats.service, entry, ctx.labels.not_recorded)
            groups[name.casefold()].append(entry)
            names.setdefault(name.casefold(), name)
        rows += [
            _Row(names[key], service_stats(stats.service, tuple(found), criteria), True)
            for key, found in groups.items()
        ]
    return rows


def leaderboard_front(ctx: PageContext) -> str:
    """The front matter of the leaderboard: wide tables take the table of contents' room."""
    return front_matter(ctx.labels.leaderboard, ctx.labels.leaderboard, hide=("toc",))


def _table(ctx: PageContext, rows: list[_Row], *, by_model: bool) -> str:
    L = ctx.labels
    criteria = ctx.magazine.criteria
    shown = []
    rank = 0
    for row in sorted(rows, key=_order):
        stats = row.stats
        confident = has_rank(stats)
        rank += 1 if confident else 0
        median = stats.median_wait
        shown.append(
            {
                "rank": rank if confident else None,
                "href": ctx.urls.relative(PAGE, urls.service_page(stats.service.key)),
                "name": row.name,
                "service": stats.service.name,
                "overall": stats.overall,
                "rated": stats.overall.count if stats.overall is not None else 0,
                "means": [stats.ratings.get(c.key) for c in criteria],
                "median": median,
                "median_text": L.duration(median) if median is not None else None,
                "rate": stats.delivery_rate,
                "rate_text": rate_text(ctx, stats),
                "attempts": stats.attempts,
                "measured": leaderboard_cells(ctx, stats.entries),
            }
        )
    return render_fragment(
        "leaderboard",
        ctx=ctx,
        L=L,
        criteria=[c.label_for(L.language) for c in criteria],
        measured_heads=leaderboard_heads(L),
        rows=shown,
        by_model=by_model,
    )


def render_leaderboard(ctx: PageContext) -> str:
    """`leaderboard.md`: for each kind of service, a table by model and one by service."""
    L = ctx.labels
    tried = [s for s in ctx.groups.services.values() if s.attempts]
    kinds = []
    for kind in ServiceKind:
        services = [s for s in tried if s.service.kind is kind]
        if not services:
            continue
        title = L.kinds[kind.value]
        kinds.append(
            {
                "title": title[:1].upper() + title[1:],
                "by_model": _table(ctx, _model_rows(ctx, services), by_model=True),
                "by_service": _table(
                    ctx, [_Row(s.service.name, s, False) for s in services], by_model=False
                ),
            }
        )
    return render_template(
        "leaderboard",
        L=L,
        kinds=kinds,
        legend=L.few_legend.format(few=FEW),
    )
