"""Monthly reports (months in the magazine's time zone) and their archive."""

from __future__ import annotations

from collections import defaultdict
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


def _changes(
    ctx: PageContext,
    page: str,
    month: str,
    now: dict[str, list[Entry]],
    before: dict[str, list[Entry]] | None,
) -> list[str | escape.Safe]:
    """What changed in access or speed since the previous report month."""
    L = ctx.labels
    lines: list[str | escape.Safe] = []
    for key, stats in ctx.groups.services.items():
        for change in stats.service.changes:
            if f"{change.date.year:04d}-{change.date.month:02d}" == month:
                access = f" ({L.access_name(change.access)})" if change.access else ""
                lines.append(
                    escape.Safe(
                        f"{ctx.service_link(page, key)}: {escape.text(L.day(change.date))} "
                        f"{escape.text(change.note + access)}"
                    )
                )
    if before is None:
        return lines
    for key, entries in now.items():
        link = ctx.service_link(page, key)
        if key not in before:
            lines.append(escape.Safe(f"{link}: {escape.text(L.first_seen)}"))
            continue
        seen_now = {e.status for e in entries}
        seen_before = {e.status for e in before[key]}
        for status in sorted(seen_now - seen_before):
            if status in (Status.WAITLISTED, Status.PAYWALLED, Status.REFUSED, Status.DELIVERED):
                lines.append(escape.Safe(f"{link}: {escape.text(L.status_name(status))}"))
        was, is_now = median_wait(before[key]), median_wait(entries)
        if was and is_now and abs(is_now - was) > was * _MEANINGFUL:
            trend = L.faster if is_now < was else L.slower
            text = f"{L.median_wait} {L.duration(was)} → {L.duration(is_now)} ({trend})"
            lines.append(escape.Safe(f"{link}: {escape.text(text)}"))
    return lines


def report_front(ctx: PageContext, month: str) -> str:
    """The front matter of a month's report."""
    return front_matter(f"{ctx.labels.reports}: {_month_title(ctx, month)}", ctx.labels.reports)


def render_report(ctx: PageContext, month: str, before: str | None, after: str | None) -> str:
    """The report of one month (`before` and `after`: the months with reports beside it)."""
    L = ctx.labels
    page = urls.report_page(month)
    entries = ctx.groups.months[month]
    now = _by_service(entries)
    previous = _by_service(ctx.groups.months[before]) if before is not None else None
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
        changes=_changes(ctx, page, month, now, previous),
        first=previous is None,
        medians=medians,
        links={
            side: escape.Safe(
                f"[{escape.text(_month_title(ctx, m))}]"
                f"({urls.markdown_link(page, urls.report_page(m))})"
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
                "link": escape.Safe(
                    f"[{escape.text(_month_title(ctx, m))}]"
                    f"({urls.markdown_link('reports/index.md', urls.report_page(m))})"
                ),
                "count": len(ctx.groups.months[m]),
            }
            for m in reversed(list(ctx.groups.months))
        ],
    )
