"""Moments as writers type them on the command line: `now`, `지금`, ISO 8601 with or without
an offset or seconds, read in the magazine's zone when they carry no offset."""

from __future__ import annotations

from datetime import datetime, tzinfo

from .messages import Message, MessageError

NOW_WORDS = frozenset({"now", "지금"})
EXAMPLE_TIME = "2025-01-03T10:00:00+09:00"


def read_moment(text: str, zone: tzinfo | None, *, clock: datetime | None = None) -> datetime:
    """`text` as an aware moment, to the second.

    Args:
        zone: the magazine's time zone: an offset-less time is read in it, and `now` is
            given in it (in the machine's zone when the magazine sets none).
        clock: the current time, for `now` (the machine's clock unless given).

    Raises:
        ValueError: with a message a writer can act on.
    """
    raw = text.strip()
    if raw.casefold() in NOW_WORDS:
        moment = clock if clock is not None else datetime.now(zone)
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return moment.replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        message = Message("time.unreadable", text=repr(text), example=EXAMPLE_TIME)
        raise MessageError(message) from None
    if moment.tzinfo is None:
        if zone is None:
            message = Message("time.option_no_offset", text=repr(text), example=EXAMPLE_TIME)
            raise MessageError(message)
        moment = moment.replace(tzinfo=zone)
    return moment.replace(microsecond=0)


def in_zone(moment: datetime, zone: tzinfo | None) -> datetime:
    """The moment as the magazine shows it: in its zone when it sets one."""
    return moment.astimezone(zone) if zone is not None else moment
