"""What a service delivered over time, against what it claimed: the service page's section.

Four charts share one time axis (the first to the last attempt shown): the picture's short
side, the clip's length, distinct pictures a second and motion, one dot per attempt (its first
measured clip); the claim in force (`claimed.claim_on`) as a dashed step line that changes on
the day a claim was made; a month's median as a bar across that month's attempts. Tables give
the same numbers per attempt and by month (medians), then the claims themselves. Markup lives
in `measured_service.md.j2` and the chart fragment; numbers are measured facts, never scores.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from statistics import median
from urllib.parse import urlsplit

from ..claimed import claim_for, claim_on
from ..media.renditions import ClipMedia, Measured, MediaFacts
from ..model import Entry, Service, ServiceClaim
from . import escape
from .charts import Delivered, Span, delivery_chart, nice_ticks
from .context import PageContext
from .labels import Labels
from .measured import cell, measured_clips
from .render import macros, render_template
from .stats import month_of
from .wording import MeasureWords

_RESOLUTIONS = (0, 360, 720, 1080, 1440, 2160, 4320)
"""Marks of the resolution chart's axis (short side, in lines)."""


@dataclass(frozen=True)
class _Attempt:
    entry: Entry
    media: ClipMedia
    measured: Measured
    claim: ServiceClaim | None


@dataclass(frozen=True)
class _Quantity:
    """One thing charted: what an attempt delivered of it, what a claim says of it."""

    kind: str
    name: str
    delivered: Callable[[_Attempt], float | None]
    claimed: Callable[[ServiceClaim], float | None]
    text: Callable[[float], str]
    """A value as a dot's or a claim's label reads it."""
    tick: Callable[[float], str]
    """A mark of the value axis."""


def _quantities(L: Labels) -> list[_Quantity]:
    W = L.measured
    return [
        _Quantity(
            "resolution",
            W.resolution,
            lambda a: float(min(a.media.facts.width, a.media.facts.height)),
            lambda c: float(c.lines) if c.lines is not None else None,
            lambda v: f"{v:.0f}p",
            lambda v: f"{v:.0f}p",
        ),
        _Quantity(
            "length",
            W.length,
            lambda a: a.media.facts.duration if a.media.facts.kind == "video" else None,
            lambda c: c.max_seconds,
            lambda v: L.seconds.format(value=_short(v)),
            lambda v: L.seconds.format(value=f"{v:g}"),
        ),
        _Quantity(
            "frame-rate",
            W.names["effective_fps"],
            lambda a: a.measured.effective_fps,
            lambda c: c.fps,
            _short,
            lambda v: f"{v:g}",
        ),
        _Quantity(
            "motion",
            W.names["motion"],
            lambda a: a.measured.motion,
            lambda c: None,
            _one,
            lambda v: f"{v:g}",
        ),
    ]


def _one(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def _short(value: float) -> str:
    """`5`, `4.5`, `13.9`: one decimal, none when it is 0."""
    return f"{value:.1f}".removesuffix(".0")


def service_deliveries(
    ctx: PageContext, page: str, service: Service, entries: Sequence[Entry]
) -> escape.Safe | None:
    """What a service delivered over time (resolution, length, distinct pictures a second,
    motion) per attempt and by month, next to what it claimed: charts, then tables."""
    L = ctx.labels
    attempts = []
    for entry in entries:
        clips = measured_clips(ctx, entry)
        if clips:
            _, media, measured = clips[0]
            attempts.append(_Attempt(entry, media, measured, claim_for(entry, service, ctx.zone)))
    if not attempts and not service.claims:
        return None
    charts = _charts(ctx, service, attempts) if attempts else []
    return escape.Safe(
        render_template(
            "measured_service",
            L=L,
            W=L.measured,
            rows=[_row(ctx, page, a) for a in attempts],
            months=_months(ctx, attempts),
            claims=[_claim_row(L, c) for c in service.claims],
            charts=charts,
        )
    )


def _row(ctx: PageContext, page: str, attempt: _Attempt) -> dict[str, object]:
    L, facts, claim = ctx.labels, attempt.media.facts, attempt.claim
    return {
        "entry": ctx.entry_link(page, attempt.entry, ctx.day(attempt.entry.submitted_at)),
        "resolution": f"{min(facts.width, facts.height)}p",
        "claimed_resolution": (claim.max_resolution if claim else None) or "–",
        "length": L.seconds.format(value=f"{facts.duration:.1f}")
        if facts.duration is not None
        else "–",
        "claimed_length": L.seconds.format(value=f"{claim.max_seconds:g}")
        if claim is not None and claim.max_seconds is not None
        else "–",
        "fps": cell("effective_fps", attempt.measured.effective_fps, L),
        "claimed_fps": f"{claim.fps:g}" if claim is not None and claim.fps else "–",
        "motion": cell("motion", attempt.measured.motion, L),
    }


def _months(ctx: PageContext, attempts: Sequence[_Attempt]) -> list[dict[str, object]]:
    """The median of what each month's attempts delivered."""
    L = ctx.labels
    months: dict[str, list[tuple[MediaFacts, Measured]]] = {}
    for attempt in attempts:
        months.setdefault(month_of(attempt.entry, ctx.zone), []).append(
            (attempt.media.facts, attempt.measured)
        )
    return [
        {
            "month": month,
            "count": len(found),
            "resolution": f"{median(min(f.width, f.height) for f, _ in found):.0f}p",
            "length": _median_text([f.duration for f, _ in found], "{:.1f}", L),
            "fps": _median_text([m.effective_fps for _, m in found], "{:.1f}", None),
            "motion": _median_text([m.motion for _, m in found], "{:.1f}", None),
        }
        for month, found in sorted(months.items())
    ]


def _claim_row(L: Labels, claim: ServiceClaim) -> dict[str, object]:
    return {
        "date": L.day(claim.date),
        "resolution": claim.max_resolution or "–",
        "length": L.seconds.format(value=f"{claim.max_seconds:g}") if claim.max_seconds else "–",
        "fps": f"{claim.fps:g}" if claim.fps else "–",
        "wait": L.duration(claim.wait) if claim.wait else "–",
        "source": _source_link(claim.source),
    }


def _median_text(values: Sequence[float | None], form: str, L: Labels | None) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "–"
    text = form.format(median(present))
    return L.seconds.format(value=text) if L is not None else text


def _source_link(source: str | None) -> escape.Safe:
    """A link to where a claim was made, shown by its host (the whole address is long)."""
    address = escape.url(source)
    if address is None or source is None:
        return escape.Safe("–")
    host = urlsplit(source.strip()).hostname or ""
    return macros("measured").source_link(address, host)


class _TimeAxis:
    """Positions (0..1) of moments between the first attempt shown and the last."""

    def __init__(self, ctx: PageContext, attempts: Sequence[_Attempt]) -> None:
        self.zone = ctx.zone
        self.first = attempts[0].entry.submitted_at
        self.last = attempts[-1].entry.submitted_at
        self.span = (self.last - self.first).total_seconds()

    def position(self, moment: datetime) -> float:
        if not self.span:
            return 0.5
        return min(1.0, max(0.0, (moment - self.first).total_seconds() / self.span))

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone) if self.zone is not None else moment

    def claim_days(self, service: Service) -> list[tuple[float, datetime]]:
        """Where each stretch of one claim in force starts: (position, its first day)."""
        start = self.local(self.first)
        out = [(0.0, start)]
        if not self.span:
            return out
        zone = self.zone or start.tzinfo or UTC
        for claim in service.claims:
            begins = datetime.combine(claim.date, time(0), tzinfo=zone)
            if start < begins <= self.local(self.last):
                out.append((self.position(begins), begins))
        return out


def _charts(ctx: PageContext, service: Service, attempts: Sequence[_Attempt]) -> list[escape.Safe]:
    L = ctx.labels
    W = L.measured
    axis = _TimeAxis(ctx, attempts)
    starts = axis.claim_days(service)
    ends = (ctx.day(axis.first), ctx.day(axis.last))
    charts = []
    for quantity in _quantities(L):
        delivered = [
            (axis.position(a.entry.submitted_at), value, a)
            for a in attempts
            if (value := quantity.delivered(a)) is not None
        ]
        if not delivered:
            continue
        claimed: list[Span] = []
        for index, (position, day) in enumerate(starts):
            claim = claim_on(service, day.date())
            value = quantity.claimed(claim) if claim is not None else None
            if claim is None or value is None:
                continue
            end = starts[index + 1][0] if index + 1 < len(starts) else 1.0
            if claimed and claimed[-1].end == position and claimed[-1].value == value:
                # A new claim that says the same of this: one line, from the first that said it.
                claimed[-1] = dataclasses.replace(claimed[-1], end=end)
                continue
            label = W.claimed_from.format(day=L.day(claim.date), value=quantity.text(value))
            claimed.append(Span(position, end, value, label))
        months: dict[str, list[tuple[float, float]]] = {}
        for position, value, attempt in delivered:
            months.setdefault(month_of(attempt.entry, ctx.zone), []).append((position, value))
        medians = [
            Span(
                min(p for p, _ in found),
                max(p for p, _ in found),
                middle := float(median(v for _, v in found)),
                W.month_median.format(month=month, value=quantity.text(middle)),
            )
            for month, found in sorted(months.items())
            if len(found) > 1  # one attempt's median is its own dot
        ]
        top = max([v for _, v, _ in delivered] + [s.value for s in claimed])
        # Resolutions have their own marks (a claimed 1080p on the top line); other
        # quantities get a little room above the highest value.
        marks = (
            _resolution_ticks(top)
            if quantity.kind == "resolution"
            else nice_ticks(top * 1.05 or 1.0)
        )
        charts.append(
            delivery_chart(
                [
                    Delivered(
                        position,
                        value,
                        f"{ctx.day(a.entry.submitted_at)}: {quantity.text(value)}",
                    )
                    for position, value, a in delivered
                ],
                claimed,
                medians,
                ticks=[(v, quantity.tick(v) if v else "0") for v in marks],
                ends=ends,
                title=f"{service.name} — {W.delivered}: {quantity.name}",
                desc=W.chart_desc,
                legend=_legend(W, claimed=bool(claimed), medians=bool(medians)),
                kind=quantity.kind,
            )
        )
    return charts


def _resolution_ticks(top: float) -> list[float]:
    marks = [float(v) for v in _RESOLUTIONS if v < top]
    above = [float(v) for v in _RESOLUTIONS if v >= top]
    return marks + (above[:1] or [top])


def _legend(W: MeasureWords, *, claimed: bool, medians: bool) -> escape.Safe:
    """`● delivered · ╌ claimed · ▬ median of a month`, with what the chart draws."""
    return macros("measured").delivery_legend(W, claimed, medians)
