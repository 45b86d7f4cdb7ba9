"""Warnings about an entry that is valid but probably not what the writer meant.

Each is located like a problem and printed by `check` and `build`, which still succeed: the
entry may be right (a result that really arrived the minute it was sent), but usually a field
was copied or left behind when the status changed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..messages import Message
from ..model import Entry, Status
from .yamlsource import Document, Loc

WARNING = "warning"


def consistency_warnings(entry: Entry, doc: Document) -> list[Problem]:
    """Every warning of one entry (none for most)."""
    return [_warning(doc, loc, message) for loc, message in _found(entry)]


def _found(entry: Entry) -> Iterator[tuple[Loc, Message]]:
    status = entry.status
    if status is Status.PENDING and entry.delivered_at is not None:
        yield (("delivered_at",), Message("consistency.pending_delivered"))
    if status is Status.PENDING and entry.clips:
        yield (("clips",), Message("consistency.pending_clips"))
    if entry.delivered_at is not None and entry.delivered_at == entry.submitted_at:
        yield (("delivered_at",), Message("consistency.delivered_is_submitted"))
    if (
        entry.delivered_at is not None
        and entry.checked_at is not None
        and entry.checked_at > entry.delivered_at
    ):
        yield (("checked_at",), Message("consistency.checked_after"))
    if status in (Status.WAITLISTED, Status.PAYWALLED) and entry.checked_at == entry.submitted_at:
        yield (("checked_at",), Message("consistency.checked_is_submitted", status=status.value))


def _warning(doc: Document, loc: Loc, message: Message) -> Problem:
    found = doc.problem(loc, message)
    return Problem(found.path, found.line, found.column, found.field, message, WARNING)
