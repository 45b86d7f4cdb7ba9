"""Comparison pages: one prompt, every service that got it, side by side and in sync."""

from __future__ import annotations

from ..model import Comparison, Status
from . import escape, urls
from .clips import clip_html
from .context import PageContext, number
from .render import render_template
from .stats import entry_average
from .trials import front_matter


def comparison_title(comparison: Comparison, limit: int = 60) -> str:
    """The prompt's opening words, as a page title."""
    flat = " ".join(comparison.prompt.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _cell(ctx: PageContext, page: str, comparison: Comparison, index: int) -> escape.Safe:
    """One service's place in the grid: its clips, or what never arrived and why."""
    entry = comparison.entries[index]
    L = ctx.labels
    name = escape.text(ctx.groups.service(entry.service).name)
    link = escape.attribute(ctx.urls.relative(page, urls.entry_page(entry.slug)))
    # One service may appear more than once (pending in January, delivered in April): the
    # submission day tells the attempts apart, and the whole heading leads to the entry.
    parts = [
        '<div class="magazine-compare-cell">',
        f'<p class="magazine-compare-service"><a href="{link}"><strong>{name}</strong>'
        f" · {escape.text(L.status_name(entry.status))} · {ctx.day_cell(entry.submitted_at)}"
        "</a></p>",
    ]
    if entry.status is Status.DELIVERED and entry.clips:
        parts.extend(clip_html(ctx, page, entry, i) for i in range(len(entry.clips)))
    else:
        # The status is in the line above; say only how long, when a check measured it.
        why = (
            f"<strong>{escape.text(L.never_arrived)}</strong>: {escape.text(ctx.wait_full(entry))}"
            if entry.wait is not None
            else f"<strong>{escape.text(L.no_check)}</strong>"
        )
        parts.append(f'<p class="magazine-never-arrived">{why}</p>')
    parts.append("</div>")
    return escape.Safe("".join(parts))


def render_comparison(ctx: PageContext, comparison: Comparison) -> str:
    """The page of one comparison."""
    page = urls.comparison_page(comparison.slug)
    L = ctx.labels
    criteria = [
        c for c in ctx.magazine.criteria if any(c.key in e.ratings for e in comparison.entries)
    ]
    best = {
        c.key: max(e.ratings[c.key] for e in comparison.entries if c.key in e.ratings)
        for c in criteria
    }
    rows = []
    for entry in comparison.entries:
        scores = []
        for c in criteria:
            score = entry.ratings.get(c.key)
            if score is None:
                scores.append(escape.Safe("–"))
            elif score == best[c.key]:
                scores.append(
                    escape.Safe(
                        f'<strong class="magazine-best" title="{escape.text(L.best)}">'
                        f"{score} ★</strong>"
                    )
                )
            else:
                scores.append(escape.Safe(str(score)))
        average = entry_average(entry)
        rows.append(
            {
                "service": ctx.service_link(page, entry.service),
                "entry": escape.Safe(
                    f"[{ctx.day_cell(entry.submitted_at)}]"
                    f"({urls.markdown_link(page, urls.entry_page(entry.slug))})"
                ),
                "status": L.status_name(entry.status),
                "wait": ctx.wait_cell(entry),
                "cost": ctx.cost_text(entry.cost),
                "scores": scores,
                "average": number(round(average, 1)) if average is not None else "–",
            }
        )
    return render_template(
        "comparison",
        L=L,
        front=front_matter(
            comparison_title(comparison),
            f"{L.comparisons}: "
            + ", ".join(ctx.groups.service(k).name for k in comparison.services),
        ),
        title=comparison_title(comparison),
        prompt=escape.fence(comparison.prompt),
        cells=[_cell(ctx, page, comparison, i) for i in range(len(comparison.entries))],
        criteria=[c.label_for(L.language) for c in criteria],
        rows=rows,
        has_video=any(e.status is Status.DELIVERED and e.clips for e in comparison.entries),
    )


def render_comparison_index(ctx: PageContext) -> str:
    """`compare/index.md`: every comparison, newest first."""
    page = "compare/index.md"
    L = ctx.labels
    rows = [
        {
            "date": ctx.day(c.entries[0].submitted_at),
            "link": escape.Safe(
                f"[{escape.text(comparison_title(c))}]"
                f"({urls.markdown_link(page, urls.comparison_page(c.slug))})"
            ),
            "services": escape.Safe(", ".join(ctx.service_link(page, k) for k in c.services)),
            "delivered": sum(1 for e in c.entries if e.status is Status.DELIVERED),
            "count": len(c.entries),
        }
        for c in reversed(ctx.groups.comparisons)
    ]
    return render_template(
        "comparisons",
        L=L,
        front=front_matter(L.comparisons, L.comparisons, searched=False),
        rows=rows,
    )
