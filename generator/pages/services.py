"""Service pages: access over time, wait against the promise, scores, cost, the attempts.

A service page lists its latest `RECENT_ATTEMPTS` attempts (its score chart and figures still
cover them all), so that it stays light however long the magazine follows the service; a
service with more has a second page, `services/<key>/attempts.md`, that lists every one.
"""

from __future__ import annotations

from ..model import Access, Entry, Status
from . import escape, urls
from .cards import thumbnail
from .charts import ScorePoint, WaitBar, score_chart, wait_chart
from .context import PageContext, number
from .deliveries import service_deliveries
from .parts import entry_part
from .render import macros, render_template
from .stats import ServiceStats, entry_average
from .trials import front_matter

RECENT_ATTEMPTS = 20
"""Attempts a service page lists; a service with more also gets a page of every attempt."""

_OBSERVED_ACCESS = {
    Status.WAITLISTED: Access.WAITLIST,
    Status.PAYWALLED: Access.PAID,
}


def _access_history(ctx: PageContext, stats: ServiceStats) -> list[dict[str, object]]:
    """Registry changes and what attempts ran into, by date, each observed change once."""
    L = ctx.labels
    page = urls.service_page(stats.service.key)
    items: list[tuple[object, int, str, dict[str, object]]] = []
    for change in stats.service.changes:
        items.append(
            (
                change.date,
                0,
                "",
                {
                    "date": macros("cells", kept=True).day_cell(
                        change.date.isoformat(), L.day(change.date)
                    ),
                    "access": L.access_name(change.access) if change.access else "–",
                    "what": change.note,
                    "source": L.registry_change,
                },
            )
        )
    previous: str | None = None
    for entry in stats.entries:
        seen = _OBSERVED_ACCESS.get(entry.status)
        state = L.access_name(seen) if seen else L.status_name(entry.status)
        if entry.status in (Status.PENDING, Status.FAILED) or state == previous:
            continue
        previous = state
        local = entry.submitted_at.astimezone(ctx.zone) if ctx.zone else entry.submitted_at
        items.append(
            (
                local.date(),
                1,
                entry.slug,
                {
                    "date": ctx.day_cell(entry.submitted_at),
                    "access": state,
                    "what": ctx.entry_link(page, entry),
                    "source": L.observed,
                },
            )
        )
    items.sort(key=lambda item: (item[0], item[1], item[2]))
    return [row for *_, row in items]


def _wait_bars(ctx: PageContext, entries: tuple[Entry, ...]) -> list[WaitBar]:
    bars = []
    for entry in entries:
        wait = ctx.wait_of(entry)
        if wait is None:
            continue
        promised = wait.promised.total_seconds() / 3600 if wait.promised else None
        bars.append(
            WaitBar(
                label=ctx.day(entry.submitted_at),
                hours=wait.duration.total_seconds() / 3600,
                promised_hours=promised,
                settled=wait.settled,
            )
        )
    return bars


def _score_points(ctx: PageContext, entries: tuple[Entry, ...]) -> list[ScorePoint]:
    rated = [(e, avg) for e in entries if (avg := entry_average(e)) is not None]
    if not rated:
        return []
    first = rated[0][0].submitted_at
    span = (rated[-1][0].submitted_at - first).total_seconds()
    return [
        ScorePoint(
            label=ctx.day(e.submitted_at),
            position=(e.submitted_at - first).total_seconds() / span if span else 0.5,
            score=avg,
        )
        for e, avg in rated
    ]


def _cost_lines(ctx: PageContext, stats: ServiceStats) -> list[str]:
    L = ctx.labels
    lines = []
    for line in stats.costs:
        total = L.amount(number(line.total), line.unit)
        per_clip = line.per_clip
        if per_clip is None:
            lines.append(L.no_usable_clip.format(total=total, attempts=line.attempts))
        else:
            lines.append(
                L.per_usable_clip.format(
                    cost=L.amount(number(round(per_clip, 2)), line.unit),
                    total=total,
                    attempts=line.attempts,
                    clips=line.usable_clips,
                )
            )
    return lines


def rate_text(ctx: PageContext, stats: ServiceStats) -> str:
    """`3 / 4 (75%)`."""
    if not stats.attempts:
        return "–"
    return f"{stats.delivered} / {stats.attempts} ({stats.delivery_rate:.0%})"


def has_history(stats: ServiceStats) -> bool:
    """Whether the service has more attempts than its page lists (and so a history page)."""
    return stats.attempts > RECENT_ATTEMPTS


def service_front(ctx: PageContext, stats: ServiceStats) -> str:
    """The front matter of a service's page."""
    service = stats.service
    return front_matter(service.name, service.description or service.name)


def render_service(ctx: PageContext, stats: ServiceStats) -> str:
    """The page of one service, listing its latest `RECENT_ATTEMPTS` attempts."""
    service = stats.service
    page = urls.service_page(service.key)
    L = ctx.labels
    scale = max((c.scale for c in ctx.magazine.criteria), default=5)
    points = _score_points(ctx, stats.entries)
    note = None
    if has_history(stats):
        history = urls.markdown_link(page, urls.service_history_page(service.key))
        latest = L.latest_attempts.format(shown=RECENT_ATTEMPTS, total=stats.attempts)
        more = L.every_attempt_link.format(total=stats.attempts)
        note = escape.fill("{} [{}]({})", latest, more, escape.Safe(history))
    return render_template(
        "service",
        L=L,
        service=service,
        description=escape.notes(service.description) if service.description else None,
        home=escape.url(service.url),
        kind=L.kinds[service.kind.value],
        attempts_count=stats.attempts,
        rate=rate_text(ctx, stats),
        median=L.duration(stats.median_wait) if stats.median_wait else "–",
        overall=(
            escape.fill(
                "{} ({}: {})",
                ctx.mean_html(stats.overall, per_attempt=True),
                L.rated_attempts,
                stats.overall.count,
            )
            if stats.overall is not None
            else escape.Safe("–")
        ),
        costs=_cost_lines(ctx, stats),
        history=_access_history(ctx, stats),
        score_chart=(score_chart(points, scale, L.chart_score_title) if len(points) > 0 else None),
        note=note,
        measured=service_deliveries(ctx, page, service, stats.entries[-RECENT_ATTEMPTS:]),
        **_sections(ctx, stats, page, stats.entries[-RECENT_ATTEMPTS:]),
    )


def service_history_front(ctx: PageContext, stats: ServiceStats) -> str:
    """The front matter the page of every attempt of a service starts with."""
    title = ctx.labels.every_attempt_title.format(name=stats.service.name)
    return front_matter(title, title, searched=False)


def render_service_history(ctx: PageContext, stats: ServiceStats) -> str:
    """`services/<key>/attempts.md`: every attempt of a service with more than its page lists.

    Left out of search: the service page is what a search for the service should find, and
    its attempts are found on their own pages.
    """
    service = stats.service
    page = urls.service_history_page(service.key)
    L = ctx.labels
    title = L.every_attempt_title.format(name=service.name)
    back = L.back_to_service.format(name=service.name)
    target = urls.markdown_link(page, urls.service_page(service.key))
    return render_template(
        "service_history",
        L=L,
        title=title,
        back=escape.fill("[{}]({})", back, escape.Safe(target)),
        score_chart=None,
        note=None,
        **_sections(ctx, stats, page, stats.entries),
    )


def _sections(
    ctx: PageContext, stats: ServiceStats, page: str, entries: tuple[Entry, ...]
) -> dict[str, object]:
    """What `service_sections.md.j2` shows of `entries` on `page`: the wait chart and the
    rows of its tables (the means under the scores are the service's, over every attempt)."""
    L = ctx.labels
    criteria = [c for c in ctx.magazine.criteria if c.key in stats.ratings]
    bars = _wait_bars(ctx, entries)
    shown = tuple(c.key for c in criteria)
    return {
        "wait_chart": wait_chart(bars, L.chart_wait_title, L.hours) if bars else None,
        "criteria": [c.label_for(L.language) for c in criteria],
        "criterion_means": [ctx.mean_html(stats.ratings[c.key]) for c in criteria],
        "overall_cell": ctx.mean_html(stats.overall, per_attempt=True),
        "attempts": [_attempt_row(ctx, page, e, shown) for e in entries],
    }


@entry_part
def _attempt_row(
    ctx: PageContext, page: str, e: Entry, shown: tuple[str, ...]
) -> dict[str, object]:
    """One attempt's row on its service's page (its scores in the columns of the criteria
    `shown`)."""
    L = ctx.labels
    return {
        "thumb": thumbnail(ctx, page, e),
        "date": ctx.day_cell(e.submitted_at),
        "link": ctx.entry_link(page, e),
        "status": L.status_name(e.status),
        "wait": ctx.wait_cell(e),
        "promised": L.duration(e.promised_wait) if e.promised_wait else "–",
        "cost": ctx.cost_text(e.cost),
        "scores": [str(e.ratings[key]) if key in e.ratings else "–" for key in shown],
        "average": (number(round(avg, 1)) if (avg := entry_average(e)) is not None else "–"),
    }


def service_index_front(ctx: PageContext) -> str:
    """The front matter of the index of services."""
    return front_matter(ctx.labels.services, ctx.labels.services)


def render_service_index(ctx: PageContext) -> str:
    """`services/index.md`: every service with its headline figures."""
    page = "services/index.md"
    L = ctx.labels
    rows = [
        {
            "link": ctx.service_link(page, key),
            "vendor": stats.service.vendor or "–",
            "kind": L.kinds[stats.service.kind.value],
            "attempts": stats.attempts,
            "rate": rate_text(ctx, stats),
            "median": L.duration(stats.median_wait) if stats.median_wait else "–",
            "overall": ctx.mean_html(stats.overall, per_attempt=True),
        }
        # By the name readers see (a key such as `luma` may be named `Dream Machine`).
        for key, stats in sorted(
            ctx.groups.services.items(), key=lambda item: (item[1].service.name.casefold(), item[0])
        )
    ]
    return render_template("services", L=L, rows=rows)
