"""Warnings about an entry that is valid but probably not what the writer meant.

Each is located like a problem and printed by `check` and `build`, which still succeed: the
entry may be right (a result that really arrived the minute it was sent), but usually a field
was copied or left behind when the status changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..errors import Problem
from ..messages import Message
from ..model import Entry, Status, normalize_prompt
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


def split_prompts(entries: tuple[Entry, ...], docs: Mapping[str, Document]) -> list[Problem]:
    """One prompt split into several comparisons by different `experiment` keys (or a key on
    some entries and none on others): each split-off group's first entry is warned, naming
    where the prompt's first group is (entries in submission order)."""
    first: dict[str, dict[str, Entry]] = {}
    for entry in entries:
        groups = first.setdefault(normalize_prompt(entry.prompt), {})
        groups.setdefault(entry.comparison_key, entry)
    found = []
    for groups in first.values():
        if len(groups) < 2:
            continue
        keys = list(groups)
        lead = groups[keys[0]]
        for key in keys[1:]:
            entry = groups[key]
            message = Message(
                "consistency.split_prompt",
                other=lead.path,
                here=_key(entry.experiment),
                there=_key(lead.experiment),
            )
            loc = ("experiment",) if entry.experiment else ("prompt",)
            found.append(_warning(docs[entry.path], loc, message))
    return found


def _key(experiment: str | None) -> Message:
    if experiment:
        return Message("consistency.experiment_key", key=experiment)
    return Message("consistency.no_experiment_key")


def _warning(doc: Document, loc: Loc, message: Message) -> Problem:
    found = doc.problem(loc, message)
    return Problem(found.path, found.line, found.column, found.field, message, WARNING)
