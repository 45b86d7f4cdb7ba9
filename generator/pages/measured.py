"""Measured beside judged: what each clip really is, and what its service claimed, on pages.

Views for the entry page's "Measured" panel, the comparison page's measured table and
per-clip timelines, and the leaderboard's measured columns (the service page's deliveries
against its claims are in `deliveries`). Markup lives in the `measured_*` templates; this
module only chooses and formats values. Each shown value carries `data-measure="KEY"` (the
open data's key). Numbers are measured facts, never called scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from ..claimed import claim_for
from ..media.renditions import MEASURE_KEYS, ClipMedia, ClipRef, Measured, MediaFacts
from ..model import Comparison, Entry, ServiceClaim, Status
from . import escape
from .context import PageContext
from .labels import Labels
from .render import macros, render_template

INFORMS = {
    "effective_fps": "quality",
    "frozen_share": "consistency",
    "motion": "camera",
    "detail": "quality",
    "sharpness": "quality",
    "flicker": "consistency",
    "flash_risk": "lighting",
    "brightness": "lighting",
    "contrast": "lighting",
    "clipped_share": "lighting",
    "colourfulness": "colour",
    "black_share": "consistency",
    "letterbox": "composition",
    "cuts": "camera",
}
"""The writer's criterion each measure informs (the default criteria's keys)."""

_SHARES = frozenset({"frozen_share", "clipped_share", "black_share"})
_HIGHER = frozenset(
    {"frozen_share", "motion", "detail", "sharpness", "flicker", "contrast", "clipped_share"}
    | {"colourfulness", "black_share"}
)
"""Measures whose notable value across a comparison is the highest (the lowest otherwise)."""
_FROZEN_FLAG = 0.2
_FPS_FLAG = 0.75
_LEADERBOARD = ("effective_fps", "motion", "sharpness")


def shown(key: str, value: object, L: Labels) -> str:
    """A measured value as readers see it: `40%`, `12.5`, `yes`, `1.2 s, 3.4 s`, or `–`."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return L.yes if value else L.no
    if key == "cuts":
        assert isinstance(value, tuple | list)
        if not value:
            return L.measured.cuts_none
        return ", ".join(L.seconds.format(value=f"{t:.1f}") for t in value)
    assert isinstance(value, int | float)
    if key in _SHARES:
        return f"{value:.0%}"
    if key in ("brightness", "contrast"):
        return f"{value:.2f}"
    if key == "flicker":
        return f"{value:.3f}"
    return f"{value:.1f}"


def cell(key: str, value: object, L: Labels) -> escape.Safe:
    """A value in an element carrying its open data key."""
    return macros("measured").value(key, shown(key, value, L))


def flags(measured: Measured, facts: MediaFacts, L: Labels) -> list[str]:
    """What stands out: a long freeze, flash risk, bars, a file repeating its pictures."""
    W = L.measured
    found = []
    if measured.frozen_share is not None and measured.frozen_share >= _FROZEN_FLAG:
        found.append(W.frozen_flag.format(share=f"{measured.frozen_share:.0%}"))
    if measured.flash_risk:
        found.append(W.flash_flag)
    if measured.letterbox:
        found.append(W.letterbox_flag)
    fps, distinct = facts.fps, measured.effective_fps
    if fps and distinct is not None and distinct < fps * _FPS_FLAG:
        found.append(W.fps_flag.format(distinct=f"{distinct:.0f}", fps=f"{fps:.0f}"))
    return found


def claim_lines(
    claim: ServiceClaim | None, clip: ClipMedia, L: Labels, entry: Entry | None = None
) -> dict[str, str]:
    """`claimed 1080p · delivered 720p`, `claimed 10 s · delivered 5 s`, `claimed 30 fps ·
    15 distinct pictures a second`: what the claim in force says beside what came, by what
    they are about (`resolution`, `length`, `frame_rate`, and with `entry` the `wait`, unless
    the entry records a promised wait of its own, which wins)."""
    if claim is None:
        return {}
    W, facts = L.measured, clip.facts
    lines = {}
    if claim.max_resolution is not None:
        delivered = f"{facts.width}×{facts.height} ({min(facts.width, facts.height)}p)"
        lines["resolution"] = W.claimed.format(claimed=claim.max_resolution, delivered=delivered)
    if claim.max_seconds is not None and facts.duration is not None:
        lines["length"] = W.claimed.format(
            claimed=L.seconds.format(value=f"{claim.max_seconds:g}"),
            delivered=L.seconds.format(value=f"{facts.duration:.1f}"),
        )
    distinct = clip.measured.effective_fps if clip.measured is not None else None
    if claim.fps is not None and distinct is not None:
        lines["frame_rate"] = W.claimed.format(
            claimed=f"{claim.fps:g} fps", delivered=W.per_second.format(value=f"{distinct:.0f}")
        )
    wait = entry.wait if entry is not None else None
    if (
        entry is not None
        and entry.promised_wait is None
        and claim.wait
        and wait is not None
        and entry.status is Status.DELIVERED
    ):
        lines["wait"] = W.claimed.format(
            claimed=L.duration(claim.wait), delivered=L.duration(wait.duration)
        )
    return lines


@dataclass(frozen=True)
class _Row:
    name: str
    value: escape.Safe
    tells: str


def measured_clips(ctx: PageContext, entry: Entry) -> list[tuple[int, ClipMedia, Measured]]:
    """The entry's measured clips: (position, media, measurements)."""
    found = []
    for position in range(len(entry.clips)):
        media = ctx.media.get(ClipRef(entry.slug, position))
        if media is not None and media.measured is not None:
            found.append((position, media, media.measured))
    return found


def entry_panel(ctx: PageContext, entry: Entry) -> escape.Safe | None:
    """The entry page's "Measured" panel: each measure of each clip, in plain words."""
    clips = measured_clips(ctx, entry)
    if not clips:
        return None
    L = ctx.labels
    claim = claim_for(entry, ctx.magazine.services.get(entry.service), ctx.zone)
    shown_clips = []
    for position, media, measured in clips:
        rows = [
            _Row(L.measured.names[key], cell(key, value, L), L.measured.tells[key])
            for key in MEASURE_KEYS
            if (value := getattr(measured, key)) is not None
        ]
        shown_clips.append(
            {
                "number": position + 1,
                "rows": rows,
                "flags": flags(measured, media.facts, L),
                "claims": list(claim_lines(claim, media, L, entry).values()),
            }
        )
    source = escape.url(claim.source) if claim is not None else None
    return escape.Safe(
        render_template(
            "measured_entry",
            L=L,
            W=L.measured,
            clips=shown_clips,
            several=len(entry.clips) > 1,
            source=source,
        )
    )


def comparison_table(ctx: PageContext, page: str, comparison: Comparison) -> escape.Safe | None:
    """Every measured clip of a comparison side by side, the notable value of each row
    marked, each fact beside the writer's rating of the criterion it informs; then a
    timeline of motion and brightness per clip."""
    L = ctx.labels
    columns = [
        (entry, media, measured)
        for entry in comparison.entries
        for _, media, measured in measured_clips(ctx, entry)[:1]
    ]
    if not columns:
        return None
    criteria = {c.key: c for c in ctx.magazine.criteria}
    rows = []
    for key in MEASURE_KEYS:
        values = [getattr(measured, key) for _, _, measured in columns]
        if all(v is None for v in values):
            continue
        notable = _notable(key, values, L)
        criterion = criteria.get(INFORMS[key])
        cells = []
        for (entry, _, _), value in zip(columns, values, strict=True):
            text = cell(key, value, L)
            if notable is not None and value == notable:
                text = macros("measured").notable(text)
            rating = entry.ratings.get(criterion.key) if criterion is not None else None
            if rating is not None and criterion is not None:
                text = macros("measured").rated(text, rating, criterion.scale)
            cells.append(text)
        rows.append(
            {
                "name": L.measured.names[key],
                "informs": criterion.label_for(L.language) if criterion is not None else "–",
                "cells": cells,
            }
        )
    claims = [
        claim_lines(claim_for(entry, ctx.magazine.services.get(entry.service), ctx.zone), media, L)
        for entry, media, _ in columns
    ]
    W = L.measured
    # Inserted at the top one by one, so the last named comes first: resolution.
    for about, name in (
        ("frame_rate", W.frame_rate),
        ("length", W.length),
        ("resolution", W.resolution),
    ):
        if any(about in found for found in claims):
            cells = [escape.text(found.get(about, "–")) for found in claims]
            rows.insert(0, {"name": f"{name} ({W.claims})", "informs": "–", "cells": cells})
    top = max((point[1] for _, _, m in columns for point in m.timeline), default=0.0)
    heads = [ctx.service_link(page, entry.service) for entry, _, _ in columns]
    names = [ctx.groups.service(entry.service).name for entry, _, _ in columns]
    timelines = [
        {"head": name, "svg": timeline_svg(measured, top, L, name)}
        for name, (_, _, measured) in zip(names, columns, strict=True)
        if measured.timeline
    ]
    return escape.Safe(
        render_template(
            "measured_comparison", L=L, W=L.measured, heads=heads, rows=rows, timelines=timelines
        )
    )


def _notable(key: str, values: Sequence[object], L: Labels) -> object | None:
    """The value of a row that stands out, or None when the row shows nothing apart.

    Values are told apart as readers see them: 0.0003 and 0 both read `0%`.
    """
    present = [v for v in values if v is not None]
    if len({shown(key, v, L) for v in present}) < 2:
        return None
    if key == "cuts":
        return max(present, key=lambda v: len(v) if isinstance(v, tuple) else 0)
    if all(isinstance(v, bool) for v in present):
        return True
    numbers = [v for v in present if isinstance(v, int | float)]
    return (max if key in _HIGHER else min)(numbers) if numbers else None


def timeline_svg(measured: Measured, top_motion: float, L: Labels, name: str) -> escape.Safe:
    """A small chart of motion and brightness over the clip, cuts marked, drawn at build time.

    Motion is drawn against `top_motion` (the most of any clip beside it), brightness 0–1.
    """
    width, height = 320, 80
    points = measured.timeline
    end = points[-1][0] if points else 0.0
    step = (points[1][0] - points[0][0]) if len(points) > 1 else 0.0
    span = (end + step) or 1.0

    def x(t: float) -> float:
        return 4 + (width - 8) * t / span

    def y(value: float) -> float:
        return 4 + (height - 8) * (1 - max(0.0, min(1.0, value)))

    motion = " ".join(
        f"{x(t + step / 2):.1f},{y(m / top_motion if top_motion else 0):.1f}" for t, m, _ in points
    )
    brightness = " ".join(f"{x(t + step / 2):.1f},{y(b):.1f}" for t, _, b in points)
    cuts = [f"{x(t):.1f}" for t in measured.cuts or ()]
    title = f"{L.measured.timeline}: {name}"
    return escape.Safe(
        render_template(
            "measured_timeline",
            W=L.measured,
            title=title,
            width=width,
            height=height,
            motion=escape.Safe(motion),
            brightness=escape.Safe(brightness),
            cuts=[escape.Safe(c) for c in cuts],
        ).strip()
    )


def leaderboard_heads(L: Labels) -> list[str]:
    """Names of the leaderboard's measured columns (medians of each service), sortable."""
    return [L.measured.names[key] for key in _LEADERBOARD]


def leaderboard_cells(ctx: PageContext, entries: Sequence[Entry]) -> list[escape.Safe]:
    """The median of each measured column over a service's measured clips."""
    measured = [m for entry in entries for _, _, m in measured_clips(ctx, entry)]
    cells = []
    for key in _LEADERBOARD:
        values = [v for m in measured if isinstance(v := getattr(m, key), int | float)]
        middle = float(median(values)) if values else None
        cells.append(macros("measured").median_cell(middle, cell(key, middle, ctx.labels)))
    return cells
