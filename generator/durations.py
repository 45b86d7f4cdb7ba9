"""Durations as writers type them (`3h`, `1h 30m`, `2d`, `3시간`) and as readers see them."""

from __future__ import annotations

import math
import re
from datetime import timedelta

from .messages import Message, MessageError

_UNITS = {
    "w": 7 * 86400,
    "d": 86400,
    "h": 3600,
    "m": 60,
    "s": 1,
    "주": 7 * 86400,
    "일": 86400,
    "시간": 3600,
    "분": 60,
    "초": 1,
}
_WORDS = {
    "weeks": "w",
    "week": "w",
    "days": "d",
    "day": "d",
    "hours": "h",
    "hour": "h",
    "hrs": "h",
    "hr": "h",
    "minutes": "m",
    "minute": "m",
    "mins": "m",
    "min": "m",
    "seconds": "s",
    "second": "s",
    "secs": "s",
    "sec": "s",
}
"""Units as services and writers spell them out (`3 hours`, `90 minutes`)."""
_UNIT_NAMES = sorted([*_UNITS, *_WORDS], key=len, reverse=True)  # longest first: `hours`, `h`
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(_UNIT_NAMES) + ")", re.IGNORECASE)
_ABOUT = re.compile(
    r"^(?:약|대략|about|around|approximately|approx\.?|roughly|ca\.|circa|~|≈|≃)\s*",
    re.IGNORECASE,
)
"""What a promise starts with when it is an estimate (`약 3시간`, `about 3h`, `~3h`): the wait
is compared with the number either way."""
LONGEST = timedelta(days=3660)
"""Longer durations are refused: no service promises ten years, and dates past 9999 overflow."""
_LONGEST_SECONDS = LONGEST.total_seconds()
_ISO = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


def parse_duration(text: str) -> timedelta:
    """Read a duration such as `3h`, `1h30m`, `2d 4h`, `90m`, `3시간`, `3 hours`, ISO 8601
    `PT3H`, also as an estimate: `약 3시간`, `about 3h`, `~3h`.

    Raises:
        ValueError: with a message a writer can act on.
    """
    raw = _ABOUT.sub("", text.strip(), count=1)
    iso = _ISO.match(raw.upper())
    if iso and any(iso.groupdict().values()):
        parts = {k: float(v) for k, v in iso.groupdict().items() if v}
        scale = {"d": 86400, "h": 3600, "m": 60, "s": 1}
        return _bounded(sum(value * scale[unit] for unit, value in parts.items()), text)
    compact = re.sub(r"\s+", "", raw)
    pos = 0
    seconds = 0.0
    for match in _PART.finditer(compact):
        if match.start() != pos:
            break
        unit = match.group(2).lower()
        seconds += float(match.group(1)) * _UNITS[_WORDS.get(unit, unit)]
        pos = match.end()
    if not compact or pos != len(compact):
        raise MessageError(Message("duration.unreadable", text=repr(text)))
    return _bounded(seconds, text)


def _bounded(seconds: float, text: str) -> timedelta:
    """The duration, or a ValueError when it is zero or longer than `LONGEST` (even infinite)."""
    if not math.isfinite(seconds) or seconds > _LONGEST_SECONDS:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise MessageError(Message("duration.too_long", text=repr(shown)))
    if seconds <= 0:
        raise MessageError(Message("duration.not_positive", text=repr(text)))
    return timedelta(seconds=seconds)


def format_duration(value: timedelta, language: str = "en", *, parts: int = 2) -> str:
    """Format a duration for readers, largest units first: `2일 3시간`, `2 d 3 h`, `40 min`."""
    total = round(value.total_seconds())
    if total < 60:
        return f"{total}초" if language == "ko" else f"{total} s"
    names = (
        [(86400, "일"), (3600, "시간"), (60, "분")]
        if language == "ko"
        else [(86400, " d"), (3600, " h"), (60, " min")]
    )
    out: list[str] = []
    rest = total
    used = 0
    for size, name in names:
        count, rest = divmod(rest, size)
        if count or used:
            used += 1
            if count:
                out.append(f"{count}{name}")
            if used == parts:
                break
    return " ".join(out) if out else ("0분" if language == "ko" else "0 min")


def format_ratio(ratio: float, language: str = "en") -> str:
    """Format a wait-to-promise ratio: `16×`, `0.2×`."""
    text = f"{ratio:.0f}" if ratio >= 10 else f"{ratio:.1f}".rstrip("0").rstrip(".")
    return f"{text}×"
