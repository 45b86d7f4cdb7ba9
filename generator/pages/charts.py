"""SVG charts drawn at build time, inline, with a title and label for screen readers.

Each chart is one line of HTML (a `<figure>` holding the `<svg role="img">`, from
`templates/fragments/chart.html.j2`; the shapes inside are laid out here), so Markdown passes it
through as a raw block; pages put a table of the same numbers next to it. Charts are drawn
360 units wide with 11-unit text and scale to their box (a viewBox, no fixed width): a phone's
358 px column shows the whole chart with its text near 11 px, never under 10; on a wide screen
the stylesheet caps the chart so its text stays near the body text's size. Colours
come from CSS custom properties of the theme, so charts follow light and dark schemes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import escape
from .render import render_fragment

_WIDTH = 360
_LEFT = 130
_RIGHT = 20
_ROW = 24
_TOP = 10
_AXIS = 30


@dataclass(frozen=True)
class WaitBar:
    """One attempt: how long it took (or has taken so far) and what was promised, in hours."""

    label: str
    hours: float
    promised_hours: float | None
    settled: bool


@dataclass(frozen=True)
class ScorePoint:
    """One rated attempt: its position in time (0..1 across the chart) and its average score."""

    label: str
    position: float
    score: float


_STEPS = (0.25, 0.5, 1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 48.0, 72.0, 168.0, 336.0, 720.0)


def _ticks(top: float, count: int = 4) -> list[float]:
    step = next((s for s in _STEPS if top / s <= count + 1), top / count)
    return [step * i for i in range(int(top / step) + 1)]


def _number(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def _svg(
    title: str,
    height: int,
    body: list[str],
    *,
    desc: str | None = None,
    legend: escape.Safe | None = None,
    kind: str | None = None,
) -> escape.Safe:
    return render_fragment(
        "chart",
        title=title,
        width=_WIDTH,
        height=height,
        body=escape.Safe("".join(body)),
        desc=desc,
        legend=legend,
        kind=kind,
    )


def wait_chart(bars: list[WaitBar], title: str, axis_label: str) -> escape.Safe:
    """Horizontal bars of wait per attempt, with the promise marked on each row.

    Attempts still waiting are drawn dashed, ending in an arrow: the wait is open-ended.
    """
    top = max([b.hours for b in bars] + [b.promised_hours or 0 for b in bars] + [1.0]) * 1.15
    plot = _WIDTH - _LEFT - _RIGHT
    height = _TOP + len(bars) * _ROW + _AXIS

    def x(hours: float) -> float:
        return _LEFT + plot * hours / top

    body: list[str] = []
    for tick in _ticks(top):
        body.append(
            f'<line class="grid" x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{_TOP}" '
            f'y2="{height - _AXIS}" stroke="currentColor" stroke-opacity="0.15"/>'
            f'<text x="{x(tick):.1f}" y="{height - _AXIS + 14}" font-size="11" '
            f'text-anchor="middle" fill="currentColor">{_number(tick)}</text>'
        )
    body.append(
        f'<text x="{_LEFT + plot / 2:.1f}" y="{height - 4}" font-size="11" '
        f'text-anchor="middle" fill="currentColor">{escape.text(axis_label)}</text>'
    )
    for row, bar in enumerate(bars):
        y = _TOP + row * _ROW
        end = x(bar.hours)
        body.append(
            f'<text x="{_LEFT - 6}" y="{y + 16}" font-size="11" text-anchor="end" '
            f'fill="currentColor">{escape.text(bar.label)}</text>'
        )
        if bar.settled:
            body.append(
                f'<rect class="wait settled" x="{_LEFT}" y="{y + 5}" '
                f'width="{max(end - _LEFT, 1):.1f}" height="14" '
                'fill="var(--md-primary-fg-color, #5e35b1)"/>'
            )
        else:
            body.append(
                f'<rect class="wait open" x="{_LEFT}" y="{y + 5}" '
                f'width="{max(end - _LEFT, 1):.1f}" height="14" fill="none" '
                'stroke="var(--md-accent-fg-color, #ffab00)" stroke-width="2" '
                'stroke-dasharray="5 3"/>'
                f'<polygon class="arrow" points="{end:.1f},{y + 2} {end + 10:.1f},{y + 12} '
                f'{end:.1f},{y + 22}" fill="var(--md-accent-fg-color, #ffab00)"/>'
            )
        if bar.promised_hours:
            px = x(bar.promised_hours)
            body.append(
                f'<line class="promise" x1="{px:.1f}" x2="{px:.1f}" y1="{y + 1}" '
                f'y2="{y + 23}" stroke="currentColor" stroke-width="2"/>'
            )
    return _svg(title, height, body)


def score_chart(points: list[ScorePoint], scale: int, title: str) -> escape.Safe:
    """Average score per attempt over time, as dots joined by a line."""
    plot = _WIDTH - 60 - _RIGHT
    height = 200
    inner = height - _TOP - _AXIS

    def xy(point: ScorePoint) -> tuple[float, float]:
        y = _TOP + inner * (1 - (point.score - 1) / max(scale - 1, 1))
        return 60 + plot * point.position, y

    body: list[str] = []
    for value in range(1, scale + 1):
        y = _TOP + inner * (1 - (value - 1) / max(scale - 1, 1))
        body.append(
            f'<line x1="60" x2="{_WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="currentColor" stroke-opacity="0.15"/>'
            f'<text x="52" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="currentColor">{value}</text>'
        )
    coords = [xy(p) for p in points]
    if len(coords) > 1:
        path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
        body.append(
            f'<polyline points="{path}" fill="none" '
            'stroke="var(--md-primary-fg-color, #5e35b1)" stroke-width="2"/>'
        )
    for point, (cx, cy) in zip(points, coords, strict=True):
        body.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" '
            'fill="var(--md-accent-fg-color, #ffab00)">'
            f"<title>{escape.text(point.label)}: {point.score:.1f}</title></circle>"
        )
    if points:
        body.append(
            f'<text x="60" y="{height - 8}" font-size="11" fill="currentColor">'
            f"{escape.text(points[0].label)}</text>"
            f'<text x="{_WIDTH - _RIGHT}" y="{height - 8}" font-size="11" text-anchor="end" '
            f'fill="currentColor">{escape.text(points[-1].label)}</text>'
        )
    return _svg(title, height, body)


@dataclass(frozen=True)
class Delivered:
    """What one attempt delivered: its position in time (0..1 across the chart) and value."""

    position: float
    value: float
    label: str
    """Its tooltip: `3 Mar 2025: 720p`."""


@dataclass(frozen=True)
class Span:
    """A value holding over a stretch of time (`start`..`end`, 0..1 across the chart): a
    claim in force, or a month's median."""

    start: float
    end: float
    value: float
    label: str


_DELIVERY_LEFT = 54
_DELIVERY_INSET = 10
_DELIVERY_HEIGHT = 150
_NICE = (1.0, 2.0, 5.0)


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round values from 0 to the first at or above `top`, at most `count + 1` of them:
    0, 5, 10, 15 for 11."""
    if top <= 0:
        return [0.0, 1.0]
    scale = 10.0 ** math.floor(math.log10(top / count))
    step = next((n * scale for n in _NICE if top / (n * scale) <= count), 10 * scale)
    return [round(step * i, 9) for i in range(math.ceil(top / step - 1e-9) + 1)]


def delivery_chart(
    delivered: list[Delivered],
    claimed: list[Span],
    months: list[Span],
    *,
    ticks: list[tuple[float, str]],
    ends: tuple[str, str],
    title: str,
    desc: str,
    legend: escape.Safe,
    kind: str,
) -> escape.Safe:
    """What a service delivered per attempt over time (dots), the claim in force as a dashed
    step line, and each month's median as a short bar across that month's attempts.

    `ticks` are the value axis's marks (value, text), its top the highest; `ends` the
    first and last day under the time axis.
    """
    right = _WIDTH - _RIGHT
    height, bottom = _DELIVERY_HEIGHT, 26
    top = max([t for t, _ in ticks] + [1e-9])
    inner = height - _TOP - bottom

    def x(position: float) -> float:
        start, end = _DELIVERY_LEFT + _DELIVERY_INSET, right - _DELIVERY_INSET
        return start + (end - start) * position

    def edge(position: float) -> float:
        # A claim holds before the first attempt and after the last: to the plot's edges.
        return _DELIVERY_LEFT if position <= 0 else right if position >= 1 else x(position)

    def y(value: float) -> float:
        return _TOP + inner * (1 - min(value, top) / top)

    body: list[str] = []
    for value, text in ticks:
        body.append(
            f'<line class="grid" x1="{_DELIVERY_LEFT}" x2="{right}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}" stroke="currentColor" stroke-opacity="0.15"/>'
            f'<text class="tick" x="{_DELIVERY_LEFT - 6}" y="{y(value) + 4:.1f}" font-size="11" '
            f'text-anchor="end" fill="currentColor">{escape.text(text)}</text>'
        )
    body.append(
        f'<text x="{_DELIVERY_LEFT}" y="{height - 6}" font-size="11" fill="currentColor">'
        f"{escape.text(ends[0])}</text>"
    )
    if ends[1] != ends[0]:
        body.append(
            f'<text x="{right}" y="{height - 6}" font-size="11" text-anchor="end" '
            f'fill="currentColor">{escape.text(ends[1])}</text>'
        )
    previous: tuple[float, float] | None = None
    for span in claimed:
        x1, x2, cy = edge(span.start), edge(span.end), y(span.value)
        if previous is not None and abs(previous[0] - x1) < 0.05:
            # The claim changed here: the step joins the old value to the new.
            body.append(
                f'<line class="claimed-step" x1="{x1:.1f}" x2="{x1:.1f}" y1="{previous[1]:.1f}" '
                f'y2="{cy:.1f}" stroke="currentColor" stroke-width="2" stroke-dasharray="6 3"/>'
            )
        body.append(
            f'<line class="claimed" x1="{x1:.1f}" x2="{x2:.1f}" y1="{cy:.1f}" y2="{cy:.1f}" '
            'stroke="currentColor" stroke-width="2" stroke-dasharray="6 3">'
            f"<title>{escape.text(span.label)}</title></line>"
        )
        previous = (x2, cy)
    for span in months:
        cy = y(span.value)
        body.append(
            f'<line class="month" x1="{x(span.start) - 8:.1f}" x2="{x(span.end) + 8:.1f}" '
            f'y1="{cy:.1f}" y2="{cy:.1f}" stroke="var(--md-primary-fg-color, #5e35b1)" '
            f'stroke-width="4" stroke-opacity="0.6"><title>{escape.text(span.label)}</title></line>'
        )
    for point in delivered:
        body.append(
            f'<circle class="delivered" cx="{x(point.position):.1f}" cy="{y(point.value):.1f}" '
            'r="5" fill="var(--md-accent-fg-color, #ffab00)" stroke="currentColor" '
            f'stroke-width="1"><title>{escape.text(point.label)}</title></circle>'
        )
    return _svg(title, height, body, desc=desc, legend=legend, kind=kind)
