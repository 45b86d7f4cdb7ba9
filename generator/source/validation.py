"""Pydantic validation errors as located Problems a writer can act on."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..messages import CATALOGUES, Message, MessageError, placeholders
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
        carried = item.get("ctx", {}).get("error")
        value = item["input"]
        if isinstance(carried, MessageError) and isinstance(value, dict) and carried.field in value:
            # `ratings: lighting: ...` is located at `ratings.lighting`.
            loc = (*loc, carried.field)
        target: Target = (
            "key" if kind == "extra_forbidden" else "parent" if kind == "missing" else "value"
        )
        message = _message(kind, item, loc, doc.scalar_source(loc), model, zoned)
        problems.append(doc.problem(loc, message, target))
    return problems


def _message(
    kind: str,
    item: Any,
    loc: Loc,
    source: str | None,
    model: type[BaseModel] | None,
    zoned: bool = False,
) -> Message:
    """The catalogue message for one pydantic error, chosen by its `type`, never its words."""
    value = item["input"]
    ctx = item.get("ctx", {})
    error = ctx.get("error")
    if isinstance(error, MessageError):
        return error.message
    shape = _shape(loc)
    if shape is not None and kind in _NOT_THE_SHAPE:
        return Message(shape, got=_kind_of(value))
    if kind == "missing":
        return Message("field.missing")
    if kind == "extra_forbidden":
        return _unknown_field(str(item["loc"][-1]), model)
    if kind == "string_type":
        if source is not None:
            return Message("field.not_text_quote", got=_kind_of(value), quoted=f'"{source}"')
        return Message("field.not_text", got=_kind_of(value))
    if kind == "timezone_aware":
        if isinstance(value, date) and not isinstance(value, datetime):
            if zoned:
                return Message("time.date_only_zoned", example=_EXAMPLE_TIME[:16])
            return Message("time.date_only", example=_EXAMPLE_TIME)
        if zoned:
            return Message("time.no_offset_zoned", example=_EXAMPLE_TIME)
        return Message("time.no_offset", example=_EXAMPLE_TIME)
    if kind == "enum":
        return Message("field.one_of", expected=_choices(ctx), got=repr(value))
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        pattern = str(ctx.get("pattern", ""))
        return Message(
            "field.pattern", got=repr(value), hint=Message(_PATTERN_HINTS.get(pattern, "hint.key"))
        )
    simple = _BY_TYPE.get(kind)
    if simple is not None:
        args = {k: ctx[k] for k in _CTX.get(kind, ()) if k in ctx}
        if kind == "literal_error":
            args["expected"] = _choices(ctx)
        if placeholders(CATALOGUES["en"][simple]) <= {"got", *args}:
            return Message(simple, got=_kind_of(value), **args)
    return Message("field.invalid", detail=str(item["msg"]).removeprefix("Value error, "))


_PATTERN_HINTS = {
    r"^[0-9a-f]{64}$": "hint.sha256",
    r"^[a-z0-9][a-z0-9_-]*$": "hint.key_underscore",
    r"^[a-z]{2}(-[A-Za-z]{2,4})?$": "hint.language_code",
}
"""What to write instead, by the pattern a value failed (keys and slugs by default)."""

_SHAPES = {
    "clips": "shape.clips",
    "cost": "shape.cost",
    "ratings": "shape.ratings",
    "tags": "shape.tags",
    "changes": "shape.changes",
    "label": "shape.label",
}
"""Fields whose shape a writer must see when they wrote another: the message shows it."""


def _shape(loc: Loc) -> str | None:
    """The catalogue entry showing the shape of the field at `loc` (or of one of its items)."""
    if loc and isinstance(loc[-1], str):
        return _SHAPES.get(loc[-1])
    if len(loc) >= 2 and isinstance(loc[-2], str) and loc[-2] in ("clips", "changes"):
        return _SHAPES[loc[-2]]
    return None


_NOT_THE_SHAPE = frozenset(
    {"list_type", "tuple_type", "dict_type", "model_type", "model_attributes_type", "mapping_type"}
)

_BY_TYPE = {
    "bool_type": "field.bool",
    "bool_parsing": "field.bool",
    "int_type": "field.whole_number",
    "int_parsing": "field.whole_number",
    "int_from_float": "field.whole_number",
    "float_type": "field.number",
    "float_parsing": "field.number",
    "decimal_type": "field.number",
    "decimal_parsing": "field.number",
    "finite_number": "field.finite",
    "list_type": "field.list",
    "tuple_type": "field.list",
    "dict_type": "field.mapping",
    "model_type": "field.mapping",
    "model_attributes_type": "field.mapping",
    "string_too_short": "field.empty",
    "too_short": "field.empty",
    "string_too_long": "field.too_long",
    "too_long": "field.too_many",
    "greater_than_equal": "field.at_least",
    "greater_than": "field.more_than",
    "less_than_equal": "field.at_most",
    "less_than": "field.less_than",
    "datetime_type": "time.not_a_time",
    "datetime_parsing": "time.not_a_time",
    "datetime_from_date_parsing": "time.not_a_time",
    "date_type": "time.not_a_date",
    "date_parsing": "time.not_a_date",
    "date_from_datetime_parsing": "time.not_a_date",
    "date_from_datetime_inexact": "time.not_a_date",
    "literal_error": "field.one_of_literal",
}
"""Catalogue entries of pydantic's error types: its own words are English only."""

_CTX = {
    "string_too_long": ("max_length",),
    "too_long": ("max_length",),
    "greater_than_equal": ("ge",),
    "greater_than": ("gt",),
    "less_than_equal": ("le",),
    "less_than": ("lt",),
    "literal_error": ("expected",),
}


def _choices(ctx: Any) -> Message:
    """pydantic's `'a', 'b' or 'c'` as a list in the message's language."""
    items = [item.strip().strip("'") for item in re.split(r",| or ", str(ctx.get("expected", "")))]
    items = [item for item in items if item]
    if len(items) < 2:
        return Message("hint.choice", item="".join(items))
    return Message("hint.choices", first=", ".join(items[:-1]), last=items[-1])


def _kind_of(value: Any) -> Message:
    if isinstance(value, bool):
        return Message("kind.bool")
    if isinstance(value, int | float):
        return Message("kind.number", value=repr(value))
    if isinstance(value, datetime | date):
        return Message("kind.date")
    if isinstance(value, list):
        return Message("kind.list")
    if isinstance(value, dict):
        return Message("kind.mapping")
    if isinstance(value, str):
        return Message("kind.text", value=repr(value[:40]))
    if value is None:
        return Message("kind.nothing")
    return Message("kind.other", name=type(value).__name__)


def _unknown_field(name: str, model: type[BaseModel] | None) -> Message:
    known = _field_names(model) if model is not None else []
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return Message("field.unknown_near", name=repr(name), near=repr(close[0]))
    return Message("field.unknown", name=repr(name))


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
