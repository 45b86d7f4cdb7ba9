"""Comparison pages: one prompt, every service that got it, side by side and in sync."""

from __future__ import annotations

from ..model import Comparison, Status
from . import escape, urls
from .cards import outcome, share_image
from .context import PageContext, number
from .render import macros, render_template
from .stats import entry_average
from .theater import comparison_theater
from .trials import front_matter


def comparison_title(comparison: Comparison, limit: int = 60) -> str:
    """The prompt's opening words, as a page title."""
    flat = " ".join(comparison.prompt.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip(" .,;:") + "…"


def comparison_front(ctx: PageContext, comparison: Comparison) -> str:
    """The front matter a comparison's page starts with (its title, for nav and links)."""
    return front_matter(
        comparison_title(comparison),
        outcome(ctx, comparison),
        image=share_image(ctx, comparison.entries),
        # The viewer takes the page's whole width: no navigation or contents beside it.
        hide=("navigation", "toc"),
    )


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
                scores.append(macros("cells", kept=True).best(score, L.best))
            else:
                scores.append(escape.Safe(str(score)))
        average = entry_average(entry)
        rows.append(
            {
                "attempt": entry,
                "target": escape.Safe(urls.markdown_link(page, urls.entry_page(entry.slug))),
                "status": L.status_name(entry.status),
                "cost": ctx.cost_text(entry.cost),
                "scores": scores,
                "average": number(round(average, 1)) if average is not None else "–",
            }
        )
    return render_template(
        "comparison",
        ctx=ctx,
        page=page,
        L=L,
        title=comparison_title(comparison),
        prompt=escape.fence(comparison.prompt),
        theater=comparison_theater(ctx, page, comparison),
        criteria=[c.label_for(L.language) for c in criteria],
        rows=rows,
    )


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
            comparison_title(c),
            escape.Safe(urls.markdown_link(page, urls.comparison_page(c.slug))),
        ),
        "services": escape.Safe(", ".join(ctx.service_link(page, k) for k in c.services)),
        "delivered": sum(1 for e in c.entries if e.status is Status.DELIVERED),
        "count": len(c.entries),
    }
