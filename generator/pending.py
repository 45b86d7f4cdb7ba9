"""`magazine pending`: what is still waiting, for how long, against what was promised.

The wait is "at least checked_at − submitted_at": the last time the writer looked, never the
clock of the machine running the command, unless the caller passes `now` on purpose.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .errors import inert
from .model import Entry, Magazine, Status
from .rounds import superseded_attempts
from .terminal import terminal_words

OPEN_STATUSES = (Status.PENDING, Status.WAITLISTED, Status.PAYWALLED)
"""Submissions that may still produce something; delivered, failed, refused and abandoned
are settled."""


@dataclass(frozen=True)
class Waiting:
    """One open submission and how long it has waited at least."""

    entry: Entry
    service: str
    waited: timedelta | None
    """At least this long; None when the writer never recorded a check (and no `now`)."""
    as_of: datetime | None
    """The moment the wait is measured to: checked_at, or `now` when given."""

    @property
    def ratio(self) -> float | None:
        """The wait as a multiple of the promise."""
        promised = self.entry.promised_wait
        if self.waited is None or not promised:
            return None
        return self.waited / promised


def waiting(magazine: Magazine, now: datetime | None = None) -> tuple[Waiting, ...]:
    """Every open submission, in submission order; not one that a later round of its
    prompt on the same service answered (it is superseded).

    Args:
        now: measure waits up to this moment instead of each entry's checked_at (when later).
    """
    out = []
    superseded = superseded_attempts(magazine.comparisons)
    for entry in magazine.entries:
        if entry.status not in OPEN_STATUSES or entry.slug in superseded:
            continue
        as_of = entry.checked_at
        if now is not None and (as_of is None or now > as_of):
            as_of = now
        waited = as_of - entry.submitted_at if as_of is not None else None
        service = magazine.services.get(entry.service)
        name = service.name if service is not None else entry.service
        out.append(Waiting(entry, name, waited, as_of))
    return tuple(out)


def pending_lines(items: tuple[Waiting, ...], magazine: Magazine) -> list[str]:
    """A plain table for the terminal, in the magazine's language: one line per open
    submission.

    Columns are measured in terminal cells by rich, so Hangul (two cells a character) lines up.
    """
    words = terminal_words(magazine.settings.language)
    labels = words.labels
    if not items:
        return [words.nothing_waiting]
    zone = magazine.timezone
    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), show_edge=False)
    for header in words.pending_columns:
        table.add_column(header, no_wrap=True, overflow="ignore")
    for item in items:
        entry = item.entry
        submitted = entry.submitted_at.astimezone(zone) if zone else entry.submitted_at
        waited = f"≥ {labels.duration(item.waited)}" if item.waited is not None else words.unknown
        promised = labels.duration(entry.promised_wait) if entry.promised_wait else "-"
        ratio = f"≥ {labels.ratio(item.ratio)}" if item.ratio is not None else "-"
        table.add_row(
            # Escaped before rich measures the cells, so the columns line up as printed.
            Text(inert(entry.slug)),
            Text(inert(item.service)),
            Text(labels.status_name(entry.status)),
            Text(submitted.strftime("%Y-%m-%d %H:%M %z")),
            Text(waited),
            Text(promised),
            Text(ratio),
        )
    console = Console(
        file=io.StringIO(), width=10_000, color_system=None, highlight=False, emoji=False
    )
    with console.capture() as captured:
        console.print(table, crop=False)
    return [line.rstrip() for line in captured.get().splitlines()]
