"""Comparisons over time: a prompt re-sent later stays one comparison, told in rounds.

Its attempts fall into rounds by date (`comparison_rounds`), which the comparison page and the
lead story tell apart; an open attempt a later round answered is superseded
(`superseded_attempts`), no longer "still waiting".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from .model import OPEN, Comparison, Entry

ROUND_WINDOW = timedelta(days=7)
"""Attempts sent within this long of a round's first attempt belong to that round."""


def comparison_rounds(comparison: Comparison) -> tuple[tuple[Entry, ...], ...]:
    """The comparison's attempts in rounds, oldest first: one round unless some service got
    the prompt more than once (a prompt re-sent later); then a round is the attempts sent
    within `ROUND_WINDOW` of its first one."""
    entries = comparison.entries
    if len(comparison.services) == len(entries):
        return (entries,)
    rounds: list[list[Entry]] = []
    for entry in entries:  # sorted by submission
        if rounds and entry.submitted_at - rounds[-1][0].submitted_at <= ROUND_WINDOW:
            rounds[-1].append(entry)
        else:
            rounds.append([entry])
    return tuple(tuple(r) for r in rounds)


def superseded_attempts(comparisons: Iterable[Comparison]) -> dict[str, Entry]:
    """Each open attempt followed by a later attempt of its service at its comparison (a
    later round of the prompt), with the latest of those."""
    found: dict[str, Entry] = {}
    for comparison in comparisons:
        by_service: dict[str, list[Entry]] = {}
        for entry in comparison.entries:
            by_service.setdefault(entry.service, []).append(entry)
        for attempts in by_service.values():
            if len(attempts) < 2:
                continue
            ordered = sorted(attempts, key=lambda e: (e.submitted_at, e.slug))
            latest = ordered[-1]
            for entry in ordered[:-1]:
                if entry.status in OPEN:
                    found[entry.slug] = latest
    return found
