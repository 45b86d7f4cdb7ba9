"""Pydantic validation errors as located Problems a writer can act on."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from .yamlsource import Document, Loc, Target

_EXAMPLE_TIME = "2025-01-03T10:00:00+09:00"


def validate(
    model: type[BaseModel], data: Any, doc: Document, prefix: Loc = (), *, zoned: bool = False
) -> tuple[BaseModel | None, list[Problem]]:
    """Validate `data` (found at `prefix` in `doc`) as `model`; problems are located in `doc`.

    Errors at a field the reader already reported (a YAML surprise) are left out. `zoned`:
    the magazine sets a time zone (a time without an offset then needs no advice about one).
    """
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, problems_from(exc, doc, prefix, model, zoned=zoned)


def problems_from(
    error: ValidationError,
    doc: Document,
    prefix: Loc = (),
    model: type[BaseModel] | None = None,
    *,
    relocate: Callable[[Loc], Loc] | None = None,
    zoned: bool = False,
) -> list[Problem]:
    """One Problem per pydantic error, at the key, the value or the parent mapping.

    `relocate` maps a model's field path to where the field is written, when that is not
    simply under `prefix` (settings gathered from several places of mkdocs.yml).
    """
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc: Loc = relocate(item["loc"]) if relocate else (*prefix, *item["loc"])
        if any(loc[: len(f)] == f for f in doc.flagged):
            continue
        kind = item["type"]
        if kind == "value_error" and len(item["loc"]) == 1:
            loc, item = _narrowed(loc, item)
        target: Target = (
            "key" if kind == "extra_forbidden" else "parent" if kind == "missing" else "value"
        )
        message = _message(kind, item, doc.scalar_source(loc), model, zoned)
        problems.append(doc.problem(loc, message, target))
    return problems


def _narrowed(loc: Loc, item: Any) -> tuple[Loc, Any]:
    """`ratings: lighting: must be ...` becomes `ratings.lighting: must be ...`."""
    match = re.match(r"Value error, (\S+): ", item["msg"])
    value = item["input"]
    if match and isinstance(value, dict) and match.group(1) in value:
        rest = item["msg"][match.end() :]
        return (*loc, match.group(1)), {**item, "msg": rest}
    return loc, item


def _message(
    kind: str, item: Any, source: str | None, model: type[BaseModel] | None, zoned: bool = False
) -> str:
    value = item["input"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return _unknown_field(str(item["loc"][-1]), model)
    if kind == "string_type":
        hint = f'; put it in quotes: "{source}"' if source is not None else ""
        return f"must be text (got {_kind_of(value)}){hint}"
    if kind == "timezone_aware":
        if isinstance(value, date) and not isinstance(value, datetime):
            if zoned:
                return f"a date alone is not enough: add the time, like {_EXAMPLE_TIME[:16]}"
            return f"a date alone is not enough: add the time and UTC offset, like {_EXAMPLE_TIME}"
        if zoned:
            return f"has no UTC offset and cannot be read as a time; write it like {_EXAMPLE_TIME}"
        return (
            f"has no UTC offset: write it like {_EXAMPLE_TIME}, or set extra.magazine.timezone "
            "in mkdocs.yml to read such times in the magazine's zone"
        )
    if kind == "enum":
        expected = item.get("ctx", {}).get("expected", "")
        return f"must be one of {expected.replace(chr(39), '')} (got {value!r})"
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        pattern = str(item.get("ctx", {}).get("pattern", ""))
        return f"{value!r} is not allowed here: {_PATTERN_HINTS.get(pattern, _KEY_HINT)}"
    message = str(item["msg"]).removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


_KEY_HINT = "use lowercase letters, digits and - only"
_PATTERN_HINTS = {
    r"^[0-9a-f]{64}$": "a SHA-256 is 64 lowercase hexadecimal digits (0-9, a-f)",
    r"^[a-z0-9][a-z0-9_-]*$": "use lowercase letters, digits, - and _ only",
    r"^[a-z]{2}(-[A-Za-z]{2,4})?$": "write a language code such as ko, en or zh-Hant",
}
"""What to write instead, by the pattern a value failed (keys and slugs by default)."""


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, datetime | date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _unknown_field(name: str, model: type[BaseModel] | None) -> str:
    known = _field_names(model) if model is not None else []
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown field {name!r}{hint}"


def _field_names(model: type[BaseModel]) -> list[str]:
    """Field names of a model and of the models nested in it."""
    names: list[str] = []
    pending: list[type[BaseModel]] = [model]
    seen: set[type[BaseModel]] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.append(name)
            for arg in _types_in(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    pending.append(arg)
    return names


def _types_in(annotation: Any) -> list[Any]:
    args = getattr(annotation, "__args__", ())
    out = [annotation]
    for arg in args:
        out.extend(_types_in(arg))
    return out
