"""What a service claimed of its output, from a date on (`claims:` in entries/services.yml).

An attempt is held against the claim in force on the day it was sent (`claimed.claim_for`).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator

from .addresses import address_problem
from .fields import Duration, Frozen, Text
from .messages import Message, MessageError

_RESOLUTION = re.compile(r"^(?:([1-9][0-9]{1,4})p|([1-9][0-9]{1,4})\s*[x×]\s*([1-9][0-9]{1,4}))$")


def _claim_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise MessageError(Message("service_claim.number"))
    return value


ClaimNumber = Annotated[float, BeforeValidator(_claim_number)]


class ServiceClaim(Frozen):
    """What a service said about what it makes, from a date on: the claim an attempt
    submitted that day or later is held against (until the next claim)."""

    date: date  # from when the claim was made (in force from then until the next)
    max_resolution: str | None = Field(None, description="Largest picture: 1080p or 1920x1080.")
    max_seconds: ClaimNumber | None = Field(
        None, gt=0, le=86_400, description="The longest clip promised, in seconds."
    )
    fps: ClaimNumber | None = Field(
        None, gt=0, le=1_000, description="The frame rate promised (pictures a second)."
    )
    wait: Duration | None = Field(None, description="What it says a generation takes: 3h.")
    source: Text | None = Field(None, description="Where it was claimed (https:// address).")

    @field_validator("max_resolution", mode="before")
    @classmethod
    def _resolution(cls, value: Any) -> Any:
        if value is not None and not (isinstance(value, str) and _RESOLUTION.match(value.strip())):
            raise MessageError(Message("service_claim.resolution", got=repr(value)))
        return value.strip() if isinstance(value, str) else value

    @field_validator("source")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        # Pages link to it: an address is checked as every published one is.
        wrong = None if value is None else address_problem(value)
        if wrong is not None:
            raise MessageError(wrong)
        return value

    @property
    def lines(self) -> int | None:
        """The promised picture's short side (`1080p` and `1920x1080` both give 1080)."""
        sides = re.findall(r"[0-9]+", self.max_resolution or "")
        return min(int(side) for side in sides) if sides else None
