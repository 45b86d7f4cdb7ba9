"""Monthly reports (months in the magazine's time zone) and their archive."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from functools import partial

from ..model import Entry, Service, Status
from . import escape, urls
from .context import PageContext
from .memo import Later, Token
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
                    escape.fill(
                        "{}: {} {}",
                        ctx.service_link(page, key),
                        L.day(change.date),
                        change.note + access,
                    )
                )
    if before is None:
        return lines
    for key, entries in now.items():
        link = ctx.service_link(page, key)
        if key not in before:
            lines.append(escape.fill("{}: {}", link, L.first_seen))
            continue
        seen_now = {e.status for e in entries}
        seen_before = {e.status for e in before[key]}
        for status in sorted(seen_now - seen_before):
            if status in (Status.WAITLISTED, Status.PAYWALLED, Status.REFUSED, Status.DELIVERED):
                lines.append(escape.fill("{}: {}", link, L.status_name(status)))
        was, is_now = median_wait(before[key]), median_wait(entries)
        if was and is_now and abs(is_now - was) > was * _MEANINGFUL:
            trend = L.faster if is_now < was else L.slower
            text = f"{L.median_wait} {L.duration(was)} → {L.duration(is_now)} ({trend})"
            lines.append(escape.fill("{}: {}", link, text))
    return lines


def _report_front(ctx: PageContext, month: str) -> str:
    return front_matter(f"{ctx.labels.reports}: {_month_title(ctx, month)}", ctx.labels.reports)


def _report(ctx: PageContext, month: str, before: str | None, after: str | None) -> str:
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
        front=_report_front(ctx, month),
        title=_month_title(ctx, month),
        tried=[
            ctx.keep(("report row", page, e.slug), ctx.token(e), partial(_tried, ctx, page, e))
            for e in entries
        ],
        changes=_changes(ctx, page, month, now, previous),
        first=previous is None,
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


def _changed_services(ctx: PageContext, month: str) -> tuple[tuple[str, Token], ...]:
    """The services whose registry records a change in `month`, with their tokens: what a
    report shows of services beyond the month's entries (which carry their services' tokens)."""
    found = []
    for key, token in ctx.services.items():
        months = token.fact("months", partial(_change_months, ctx.groups.service(key)))
        if month in months:
            found.append((key, token))
    return tuple(found)


def _change_months(service: Service) -> frozenset[str]:
    return frozenset(f"{c.date.year:04d}-{c.date.month:02d}" for c in service.changes)


def render_reports(ctx: PageContext) -> dict[str, str | Later]:
    """`reports/YYYY-MM.md` for each month with entries, and `reports/index.md`."""
    L = ctx.labels
    months = list(ctx.groups.months)
    files: dict[str, str | Later] = {}
    for index, month in enumerate(months):
        page = urls.report_page(month)
        before = months[index - 1] if index > 0 else None
        after = months[index + 1] if index + 1 < len(months) else None
        inputs = (
            month,
            before,
            after,
            ctx.tokens_of(ctx.groups.months[month]),
            ctx.tokens_of(ctx.groups.months[before]) if before is not None else None,
            _changed_services(ctx, month),
        )
        files[page] = ctx.later_page(
            page,
            inputs,
            partial(_report, ctx, month, before, after),
            partial(_report_front, ctx, month),
        )
    files["reports/index.md"] = render_template(
        "reports",
        L=L,
        front=front_matter(L.reports, L.archive),
        months=[
            {
                "link": escape.fill(
                    "[{}]({})",
                    _month_title(ctx, m),
                    escape.Safe(urls.markdown_link("reports/index.md", urls.report_page(m))),
                ),
                "count": len(ctx.groups.months[m]),
            }
            for m in reversed(months)
        ],
    )
    return files
