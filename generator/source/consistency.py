"""Warnings about an entry that is valid but probably not what the writer meant.

Each is located like a problem and printed by `check` and `build`, which still succeed: the
entry may be right (a result that really arrived the minute it was sent), but usually a field
was copied or left behind when the status changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..errors import Problem
from ..model import Entry, Status, normalize_prompt
from .yamlsource import Document, Loc

WARNING = "warning"


def consistency_warnings(entry: Entry, doc: Document) -> list[Problem]:
    """Every warning of one entry (none for most)."""
    return [_warning(doc, loc, message) for loc, message in _found(entry)]


def _found(entry: Entry) -> Iterator[tuple[Loc, str]]:
    status = entry.status
    if status is Status.PENDING and entry.delivered_at is not None:
        yield (
            ("delivered_at",),
            "is set but the status is pending: set status: delivered (magazine deliver), "
            "or remove delivered_at",
        )
    if status is Status.PENDING and entry.clips:
        yield (
            ("clips",),
            "are listed but the status is pending: set status: delivered (magazine deliver), "
            "or remove them",
        )
    if entry.delivered_at is not None and entry.delivered_at == entry.submitted_at:
        yield (
            ("delivered_at",),
            "equals submitted_at, so the wait reads 0 s: was it copied from submitted_at?",
        )
    if (
        entry.delivered_at is not None
        and entry.checked_at is not None
        and entry.checked_at > entry.delivered_at
    ):
        yield (
            ("checked_at",),
            "is after delivered_at: a check after the delivery says nothing; remove checked_at "
            "(the wait is delivered_at − submitted_at)",
        )
    if status in (Status.WAITLISTED, Status.PAYWALLED) and entry.checked_at == entry.submitted_at:
        yield (
            ("checked_at",),
            f"equals submitted_at, so the {status.value} wait reads ≥ 0 s: set it to the last "
            "time you looked (magazine checked), or remove it",
        )


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
            shown = f"experiment: {entry.experiment}" if entry.experiment else "no experiment key"
            theirs = f"experiment: {lead.experiment}" if lead.experiment else "no experiment key"
            message = (
                f"has the prompt of {lead.path} but {shown} ({theirs} there), so they form two "
                "comparisons: give both the same experiment key (magazine resend does)"
            )
            loc = ("experiment",) if entry.experiment else ("prompt",)
            found.append(_warning(docs[entry.path], loc, message))
    return found


def _warning(doc: Document, loc: Loc, message: str) -> Problem:
    found = doc.problem(loc, message)
    return Problem(found.path, found.line, found.column, found.field, message, WARNING)
