"""Bounds on what one entry may hold: field sizes, list lengths and the span of its dates.

Each bound keeps a build's cost proportional to what a magazine can reasonably need, and each
breach is a located problem naming the setting (`extra.magazine.limits`) that allows more.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from ..errors import Problem
from ..messages import Message
from ..model import Entry
from ..settings import LimitSettings
from .yamlsource import Document, Loc

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
"""Moments outside these are refused. The build stamps the latest one into the site as its
time (SOURCE_DATE_EPOCH), and gzip's header (sitemap.xml.gz) holds 32-bit seconds: 2106 at
most. A promised wait is at most ten years, so none overflows a date either."""


def size_problems(entry: Entry, doc: Document, limits: LimitSettings) -> Iterator[Problem]:
    """Fields longer, and lists longer, than `extra.magazine.limits` allows."""
    texts: list[tuple[Loc, str | None, int, str]] = [
        (("title",), entry.title, limits.text_chars, "text_chars"),
        (("model",), entry.model, limits.text_chars, "text_chars"),
        (("prompt",), entry.prompt, limits.prompt_chars, "prompt_chars"),
        (("prompt_source",), entry.prompt_source, limits.text_chars, "text_chars"),
        (("verdict",), entry.verdict, limits.text_chars, "text_chars"),
        (("notes",), entry.notes, limits.notes_chars, "notes_chars"),
        (
            ("cost", "unit"),
            entry.cost.unit if entry.cost else None,
            limits.text_chars,
            "text_chars",
        ),
    ]
    texts += [
        (("clips", i, "caption"), clip.caption, limits.text_chars, "text_chars")
        for i, clip in enumerate(entry.clips[: limits.clips])
    ]
    texts += [
        (("tags", i), tag, limits.text_chars, "text_chars")
        for i, tag in enumerate(entry.tags[: limits.tags])
    ]
    for loc, value, limit, name in texts:
        if value is not None and len(value) > limit:
            message = Message("limit.chars", length=len(value), name=name, limit=limit)
            yield doc.problem(loc, message)
    for name, items, limit in (
        ("tags", entry.tags, limits.tags),
        ("clips", entry.clips, limits.clips),
    ):
        if len(items) > limit:
            message = Message("limit.items", count=len(items), name=name, limit=limit)
            yield doc.problem((name,), message)


def moment_problems(entry: Entry, doc: Document) -> Iterator[Problem]:
    """Every recorded moment outside `EARLIEST`…`LATEST`."""
    for name in ("submitted_at", "delivered_at", "checked_at", "updated_at"):
        moment: datetime | None = getattr(entry, name)
        if moment is not None and not EARLIEST <= moment < LATEST:
            message = Message(
                "time.outside_years",
                moment=moment.isoformat(),
                first=EARLIEST.year,
                last=LATEST.year - 1,
            )
            yield doc.problem((name,), message)
