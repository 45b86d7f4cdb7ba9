"""An entry whose fields failed, with those fields set aside, so the rules judge the rest.

One wrong value must not hide the file's other problems: with `status: '도착'` the entry
fails validation, yet its rating of 9 is still reported in the same run.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from ..model import EntryData

_STAND_INS: dict[str, Any] = {
    "title": "?",
    "service": "unknown",
    "prompt": "?",
    "submitted_at": datetime(2000, 1, 1, tzinfo=UTC),
    "status": "abandoned",
}
"""What a required field that failed is replaced with, for the rules to run on the rest."""

_JUDGED_WITH = {
    "submitted_at": ("delivered_at", "checked_at"),
    "delivered_at": ("status",),
    "checked_at": ("status",),
    "clips": ("status",),
}
"""Fields whose rules read another field: when that one is set aside, they are not judged."""


def set_aside(fields: dict[str, Any], aside: set[str]) -> EntryData | None:
    """The entry with its failed top-level fields (already reported) set aside, so the rules
    still find the other problems in the same run: a misspelt key or `status: '도착'` must not
    hide `ratings: {camera: 9}`. A failed optional field is left out, a required one replaced
    by a stand-in; their names (and the fields whose rules read them) go into `aside`, whose
    rules are then not run. None when the entry as a whole failed.

    Such an entry only ever reaches the rules: its file has problems, so nothing is built.
    """
    try:
        return EntryData.model_validate(fields)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        if any(not e["loc"] for e in errors):
            return None
        failed = {str(e["loc"][0]) for e in errors}
    kept = {k: v for k, v in fields.items() if k not in failed}
    kept.update({k: v for k, v in _STAND_INS.items() if k in failed})
    try:
        data = EntryData.model_validate(kept)
    except ValidationError:
        return None
    aside.update(failed)
    aside.update(other for name in failed for other in _JUDGED_WITH.get(name, ()))
    return data
