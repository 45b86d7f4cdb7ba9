"""Monthly reports (months in the magazine's time zone) and their archive."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from ..model import Entry, Status
from . import escape, urls
from .context import PageContext
from .parts import entry_part
from .render import render_template
from .stats import mean, median_wait
from .trials import front_matter

_MEANINGFUL = 0.1
"""A median wait must move by more than this fraction to count as faster or slower."""


def _by_service(entries: tuple[Entry, ...]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.service].append(entry)
    return dict(sorted(groups.items()))


def _month_title(ctx: PageContext, month: str) -> str:
    year, number = month.split("-")
    return ctx.labels.month_name(int(year), int(number))


@dataclass(frozen=True)
class Past:
    """What a month's report holds its services against: every month before it."""

    statuses: tuple[tuple[str, frozenset[Status]], ...] = ()
    """Per service tried before, every status its attempts had."""
    medians: tuple[tuple[str, str, timedelta], ...] = ()
    """Per service, the last earlier month with a median wait, and that wait."""


def report_pasts(ctx: PageContext) -> dict[str, Past]:
    """Each month's `Past`, from one pass over the months in order."""
    statuses: dict[str, frozenset[Status]] = {}
    medians: dict[str, tuple[str, timedelta]] = {}
    found = {}
    for month, entries in ctx.groups.months.items():
        found[month] = Past(
            tuple(sorted(statuses.items())),
            tuple((key, m, wait) for key, (m, wait) in sorted(medians.items())),
        )
        for key, items in _by_service(entries).items():
            statuses[key] = statuses.get(key, frozenset()) | {e.status for e in items}
            wait = median_wait(items)
            if wait:
                medians[key] = (month, wait)
    return found


def _changes(
    ctx: PageContext, page: str, month: str, now: dict[str, list[Entry]], past: Past
) -> list[str | escape.Safe]:
    """What is new this month: dated changes in the registry, services tried for the first
    time ever, statuses a service never had before, and median waits against the last month
    that had one."""
    L = ctx.labels
    lines: list[str | escape.Safe] = []
    for key, stats in ctx.groups.services.items():
        for change in stats.service.changes:
            if f"{change.date.year:04d}-{change.date.month:02d}" == month:
                access = f" ({L.access_name(change.access)})" if change.access else ""
                lines.append(
                    escape.fill(
                        "{}: {} {}",
                        ctx.service_link(page, key),
                        L.day(change.date),
                        change.note + access,
                    )
                )
    seen = dict(past.statuses)
    medians = {key: (m, wait) for key, m, wait in past.medians}
    for key, entries in now.items():
        link = ctx.service_link(page, key)
        if key not in seen:
            lines.append(escape.fill("{}: {}", link, L.first_seen))
            continue
        for status in sorted({e.status for e in entries} - seen[key]):
            if status in (Status.WAITLISTED, Status.PAYWALLED, Status.REFUSED, Status.DELIVERED):
                text = L.first_status.format(status=L.status_name(status))
                lines.append(escape.fill("{}: {}", link, text))
        last, is_now = medians.get(key), median_wait(entries)
        if last is not None and is_now:
            then, was = last
            if abs(is_now - was) > was * _MEANINGFUL:
                trend = L.faster if is_now < was else L.slower
                earlier = L.median_then.format(wait=L.duration(was), month=_month_title(ctx, then))
                text = f"{L.median_wait} {earlier} → {L.duration(is_now)} ({trend})"
                lines.append(escape.fill("{}: {}", link, text))
    return lines


def report_front(ctx: PageContext, month: str) -> str:
    """The front matter of a month's report."""
    return front_matter(f"{ctx.labels.reports}: {_month_title(ctx, month)}", ctx.labels.reports)


def render_report(
    ctx: PageContext, month: str, past: Past, before: str | None, after: str | None
) -> str:
    """The report of one month, against every month before it (`past`); `before` and
    `after` are the months with reports beside it."""
    L = ctx.labels
    page = urls.report_page(month)
    entries = ctx.groups.months[month]
    now = _by_service(entries)
    medians = [
        {
            "service": ctx.service_link(page, key),
            "attempts": len(items),
            "delivered": sum(1 for e in items if e.status is Status.DELIVERED),
            "median": _median_text(ctx, median_wait(items)),
            "score": ctx.mean_html(mean(s for e in items for s in e.ratings.values())),
        }
        for key, items in now.items()
    ]
    neighbours = {"previous": before, "next": after}
    return render_template(
        "report",
        L=L,
        title=_month_title(ctx, month),
        tried=[_tried(ctx, page, e) for e in entries],
        changes=_changes(ctx, page, month, now, past),
        medians=medians,
        links={
            side: escape.fill(
                "[{}]({})",
                _month_title(ctx, m),
                escape.Safe(urls.markdown_link(page, urls.report_page(m))),
            )
            for side, m in neighbours.items()
            if m is not None
        },
    )


@entry_part
def _tried(ctx: PageContext, page: str, e: Entry) -> dict[str, object]:
    return {
        "date": ctx.day_cell(e.submitted_at),
        "link": ctx.entry_link(page, e),
        "service": ctx.service_link(page, e.service),
        "status": ctx.labels.status_name(e.status),
        "wait": ctx.wait_cell(e),
    }


def _median_text(ctx: PageContext, value: timedelta | None) -> str:
    return ctx.labels.duration(value) if value is not None else "–"


def report_months(ctx: PageContext) -> list[tuple[str, str | None, str | None]]:
    """Each month with entries, with the months with reports before and after it."""
    months = list(ctx.groups.months)
    return [
        (month, months[i - 1] if i > 0 else None, months[i + 1] if i + 1 < len(months) else None)
        for i, month in enumerate(months)
    ]


def report_index_front(ctx: PageContext) -> str:
    """The front matter of the archive of reports."""
    return front_matter(ctx.labels.reports, ctx.labels.archive)


def render_report_index(ctx: PageContext) -> str:
    """`reports/index.md`: every month's report, newest first."""
    return render_template(
        "reports",
        L=ctx.labels,
        months=[
            {
                "link": escape.fill(
                    "[{}]({})",
                    _month_title(ctx, m),
                    escape.Safe(urls.markdown_link("reports/index.md", urls.report_page(m))),
                ),
                "count": len(ctx.groups.months[m]),
            }
            for m in reversed(list(ctx.groups.months))
        ],
    )
