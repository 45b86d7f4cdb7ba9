"""Comparison pages: one prompt, every service that got it, side by side and in sync."""

from __future__ import annotations

from ..model import Comparison, Criterion, Entry, Status
from ..rounds import comparison_rounds
from . import escape, urls
from .cards import outcome, share_image
from .context import PageContext
from .measured import comparison_table
from .render import macros, render_template
from .review import (
    comparison_title,
    result_box,
    round_changes,
    round_heading,
    rounds_line,
)
from .stats import entry_average
from .theater import comparison_theater
from .trials import front_matter, prompt_quote


def comparison_front(ctx: PageContext, comparison: Comparison) -> str:
    """The front matter a comparison's page starts with (its title, for nav and links)."""
    return front_matter(
        comparison_title(ctx, comparison),
        outcome(ctx, comparison),
        image=share_image(ctx, comparison.entries),
        # The viewer takes the page's whole width: no navigation or contents beside it.
        hide=("navigation", "toc"),
    )


def render_comparison(ctx: PageContext, comparison: Comparison) -> str:
    """The page of one comparison: the answer first (title, dates, introduction, result box),
    then the prompt, the viewer, and a table per round sorted by score."""
    page = urls.comparison_page(comparison.slug)
    L = ctx.labels
    criteria = [
        c for c in ctx.magazine.criteria if any(c.key in e.ratings for e in comparison.entries)
    ]
    rounds = comparison_rounds(comparison)
    best = _best(comparison.entries, criteria)
    tables = [
        {
            "heading": round_heading(ctx, number, attempts) if len(rounds) > 1 else "",
            "rows": _rows(ctx, page, attempts, criteria, best),
        }
        for number, attempts in enumerate(rounds, start=1)
    ]
    key = comparison.experiment
    experiment = ctx.magazine.experiments.get(key) if key else None
    introduction = experiment.introduction if experiment is not None else None
    return render_template(
        "comparison",
        ctx=ctx,
        page=page,
        L=L,
        title=comparison_title(ctx, comparison),
        dates=rounds_line(ctx, comparison),
        introduction=escape.notes(introduction) if introduction else "",
        result=escape.Safe(result_box(ctx, comparison)),
        prompt=prompt_quote(ctx, comparison.prompt, _shared_language(comparison.entries)),
        theater=comparison_theater(ctx, page, comparison),
        criteria=[c.label_for(L.language) for c in criteria],
        tables=tables,
        changes=round_changes(ctx, comparison),
        measured=comparison_table(ctx, page, comparison),
    )


def _shared_language(entries: tuple[Entry, ...]) -> str:
    """The language every attempt says its prompt is in, or '' when they differ or say none."""
    languages = {entry.language or "" for entry in entries}
    return languages.pop() if len(languages) == 1 else ""


def _best(entries: tuple[Entry, ...], criteria: list[Criterion]) -> dict[str, int]:
    """The best rating of each criterion over every round, where two attempts or more were
    rated on it (a lone rating is best of nothing)."""
    best = {}
    for c in criteria:
        rated = [e.ratings[c.key] for e in entries if c.key in e.ratings]
        if len(rated) >= 2:
            best[c.key] = max(rated)
    return best


def _rows(
    ctx: PageContext,
    page: str,
    attempts: tuple[Entry, ...],
    criteria: list[Criterion],
    best: dict[str, int],
) -> list[dict[str, object]]:
    """A round's table rows, best mean score first; attempts without one after, as sent."""
    L = ctx.labels
    averages = {e.slug: entry_average(e) for e in attempts}
    ranked = sorted(
        attempts,
        key=lambda e: (averages[e.slug] is None, -(averages[e.slug] or 0.0)),
    )
    rows = []
    for entry in ranked:
        scores = []
        for c in criteria:
            score = entry.ratings.get(c.key)
            if score is None:
                scores.append(escape.Safe("–"))
            elif score == best.get(c.key):
                scores.append(macros("cells", kept=True).best(score, L.best))
            else:
                scores.append(escape.Safe(str(score)))
        average = averages[entry.slug]
        rows.append(
            {
                "attempt": entry,
                "target": escape.Safe(urls.markdown_link(page, urls.entry_page(entry.slug))),
                "status": L.status_name(entry.status),
                "cost": attempt_cost(ctx, entry),
                "scores": scores,
                "average": f"{average:.1f}" if average is not None else "–",
            }
        )
    return rows


def attempt_cost(ctx: PageContext, entry: Entry) -> str:
    """What the attempt cost in its own unit; `–` for one that cost nothing (or nothing
    recorded) because it never ran: no result came."""
    cost = entry.cost
    if entry.status is not Status.DELIVERED and (cost is None or not cost.amount):
        return "–"
    return ctx.cost_text(cost)


def comparison_index_front(ctx: PageContext) -> str:
    """The front matter of the index of comparisons."""
    return front_matter(ctx.labels.comparisons, ctx.labels.comparisons, searched=False)


def render_comparison_index(ctx: PageContext) -> str:
    """`compare/index.md`: every comparison, newest first."""
    page = "compare/index.md"
    rows = [_comparison_row(ctx, page, c) for c in reversed(ctx.groups.comparisons)]
    return render_template("comparisons", L=ctx.labels, rows=rows)


def _comparison_row(ctx: PageContext, page: str, c: Comparison) -> dict[str, object]:
    return {
        "date": ctx.day(c.entries[0].submitted_at),
        "link": escape.fill(
            "[{}]({})",
            comparison_title(ctx, c),
            escape.Safe(urls.markdown_link(page, urls.comparison_page(c.slug))),
        ),
        "services": escape.Safe(", ".join(ctx.service_link(page, k) for k in c.services)),
        "delivered": sum(1 for e in c.entries if e.status is Status.DELIVERED),
        "count": len(c.entries),
    }
