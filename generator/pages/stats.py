"""Groupings and figures computed once per render, so every page is a lookup (linear overall).

Nothing here formats text: views turn these numbers into words with `labels`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta, tzinfo
from decimal import Decimal

from ..model import (
    Comparison,
    Criterion,
    Entry,
    Magazine,
    Service,
    Status,
    group_comparisons,
)
from ..rounds import superseded_attempts

FEW = 3
"""Averages over fewer ratings than this are flagged rather than ranked as certain."""


@dataclass(frozen=True)
class Mean:
    """An average and how many values it has."""

    value: float
    count: int

    @property
    def few(self) -> bool:
        """Too few values to rank with confidence."""
        return self.count < FEW


@dataclass(frozen=True)
class CostLine:
    """Money or credits of one unit spent on a service, against the usable clips it bought."""

    unit: str
    total: Decimal
    attempts: int
    usable_clips: int

    @property
    def per_clip(self) -> Decimal | None:
        """Cost per usable clip, counting the failed attempts' cost too."""
        if not self.usable_clips:
            return None
        return self.total / self.usable_clips


@dataclass(frozen=True)
class ServiceStats:
    """Every attempt on one service and what follows from them."""

    service: Service
    entries: tuple[Entry, ...]
    delivered: int
    median_wait: timedelta | None
    ratings: Mapping[str, Mean]
    overall: Mean | None
    costs: tuple[CostLine, ...]

    @property
    def attempts(self) -> int:
        """How many submissions the magazine made."""
        return len(self.entries)

    @property
    def delivery_rate(self) -> float:
        """Delivered attempts over all attempts (pending ones count as not delivered yet)."""
        return self.delivered / self.attempts if self.attempts else 0.0


def mean(values: Iterable[int]) -> Mean | None:
    """The average of some ratings, or None when there are none."""
    return mean_of(float(v) for v in values)


def mean_of(values: Iterable[float]) -> Mean | None:
    """The average of some values (per-attempt averages count attempts, not ratings)."""
    items = list(values)
    return Mean(sum(items) / len(items), len(items)) if items else None


def median_wait(entries: Iterable[Entry]) -> timedelta | None:
    """The median of settled (delivered) waits."""
    waits = sorted(
        w.duration for e in entries if (w := e.wait) is not None and w.outcome is Status.DELIVERED
    )
    if not waits:
        return None
    middle = len(waits) // 2
    return waits[middle] if len(waits) % 2 else (waits[middle - 1] + waits[middle]) / 2


def entry_average(entry: Entry) -> float | None:
    """The mean of an entry's ratings."""
    found = mean(entry.ratings.values())
    return found.value if found else None


def month_of(entry: Entry, zone: tzinfo | None) -> str:
    """`YYYY-MM` of the submission, in the magazine's zone when it has one."""
    moment = entry.submitted_at.astimezone(zone) if zone is not None else entry.submitted_at
    return f"{moment.year:04d}-{moment.month:02d}"


def _costs(entries: tuple[Entry, ...]) -> tuple[CostLine, ...]:
    totals: dict[str, list[Decimal]] = defaultdict(list)
    clips: dict[str, int] = defaultdict(int)
    for entry in entries:
        if entry.cost is None:
            continue
        totals[entry.cost.unit].append(entry.cost.amount)
        if entry.usable:
            clips[entry.cost.unit] += len(entry.clips)
    return tuple(
        CostLine(unit, sum(amounts, Decimal(0)), len(amounts), clips[unit])
        for unit, amounts in sorted(totals.items())
    )


def service_stats(
    service: Service, entries: tuple[Entry, ...], criteria: tuple[Criterion, ...]
) -> ServiceStats:
    """Figures of one service from its attempts (sorted by submission)."""
    ratings = {
        c.key: m
        for c in criteria
        if (m := mean(e.ratings[c.key] for e in entries if c.key in e.ratings)) is not None
    }
    overall = mean_of(avg for e in entries if (avg := entry_average(e)) is not None)
    return ServiceStats(
        service=service,
        entries=entries,
        delivered=sum(1 for e in entries if e.status is Status.DELIVERED),
        median_wait=median_wait(entries),
        ratings=ratings,
        overall=overall,
        costs=_costs(entries),
    )


@dataclass(frozen=True)
class Groupings:
    """The magazine regrouped once: by service, by month, by comparison."""

    entries: tuple[Entry, ...]
    services: Mapping[str, ServiceStats]
    months: Mapping[str, tuple[Entry, ...]]
    comparisons: tuple[Comparison, ...]
    comparison_by_key: Mapping[str, Comparison]
    superseded: Mapping[str, Entry]
    """Open attempts (by slug) that a later attempt of the same service at the same
    comparison answered, with the latest such attempt: no longer waited on."""

    def service(self, key: str) -> Service:
        """The registry's service for a key (a bare one when the registry lacks it)."""
        return self.services[key].service

    def comparison_of(self, entry: Entry) -> Comparison | None:
        """The comparison an entry belongs to."""
        return self.comparison_by_key.get(entry.comparison_key)


def group(
    magazine: Magazine,
    stats: Callable[[Service, tuple[Entry, ...], tuple[Criterion, ...]], ServiceStats] = (
        service_stats
    ),
) -> Groupings:
    """Sort and group every entry once (`stats`: what figures a service, `service_stats` or
    one that reuses earlier figures)."""
    entries = tuple(sorted(magazine.entries, key=lambda e: (e.submitted_at, e.slug)))
    by_service: dict[str, list[Entry]] = defaultdict(list)
    by_month: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_service[entry.service].append(entry)
        by_month[month_of(entry, magazine.timezone)].append(entry)
    keys = sorted(set(magazine.services) | set(by_service))
    services = {
        key: stats(
            magazine.services.get(key) or Service(key=key, name=key),
            tuple(by_service.get(key, ())),
            magazine.criteria,
        )
        for key in keys
    }
    comparisons = magazine.comparisons or group_comparisons(entries)
    return Groupings(
        entries=entries,
        services=services,
        months={month: tuple(items) for month, items in sorted(by_month.items())},
        comparisons=comparisons,
        comparison_by_key={c.key: c for c in comparisons},
        superseded=superseded_attempts(comparisons),
    )
