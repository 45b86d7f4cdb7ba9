"""The field types entries and registries share: durations, non-empty text, keys, hashes.

`Frozen` is the base of every model: immutable, and refusing keys it does not know.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from .durations import parse_duration
from .messages import Message, MessageError


def _duration(value: Any) -> Any:
    """A duration as written (`3h`, `약 3시간`), or the problem with it."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool | int | float):
        raise MessageError(Message("duration.unit_missing"))
    if isinstance(value, str):
        return parse_duration(value)
    raise MessageError(Message("duration.not_a_duration"))


Duration = Annotated[
    timedelta,
    BeforeValidator(_duration),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*(약|대략|about|around|approximately|approx\.?|roughly|ca\.|circa"
            r"|~|≈|≃)?\s*(\d+(\.\d+)?\s*(weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?"
            r"|w|d|h|m|s|주|일|시간|분|초)\s*)+$|^P",
            "examples": ["3h", "90m", "2d", "1h30m", "3시간", "약 3시간", "about 3 hours"],
        }
    ),
]
Text = Annotated[str, Field(min_length=1)]
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Frozen(BaseModel):
    """An immutable model that refuses unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)
