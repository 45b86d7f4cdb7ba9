"""Open data: every entry with its derived facts as JSON (`data/entries.json`) and CSV.

JSON keeps every value exactly. The CSV writes every line break as LF inside a quoted cell, and
prefixes each line of a text cell that starts with `=`, `+`, `-`, `@`, a tab or their full-width
forms (`＝＋－＠`) with an apostrophe, so a spreadsheet shows it instead of running it as a
formula, and no line of a cell can pass for a row of its own.
Remote clip URLs lose their query strings (service links carry signatures).

Each clip's `media.measured` (what the media stage measured) is in both, the CSV's `clips`
cell holding `{source, measured}` per clip; `data/measured.schema.json` is its JSON Schema.
A clip's `media.renditions` maps each role to its file; `media.stills` lists the poster's (or
the image's) WebP widths, narrowest first, as `{path, width, height}`.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from importlib import resources
from typing import Any

from ..addresses import public_url
from ..claimed import claim_for
from ..media.renditions import ClipRef, Role
from ..model import Entry, ServiceClaim
from . import escape, urls
from .context import PageContext
from .parts import entry_part
from .render import render_template
from .trials import front_matter

JSON = "data/entries.json"

CSV_COLUMNS = (
    "slug",
    "title",
    "service",
    "service_name",
    "model",
    "plan",
    "status",
    "submitted_at",
    "delivered_at",
    "checked_at",
    "promised_wait_seconds",
    "wait_seconds",
    "settled",
    "ratio",
    "cost_amount",
    "cost_unit",
    "ratings",
    "verdict",
    "tags",
    "clips",
    "comparison",
    "page_url",
    "prompt",
)


MEASURED_SCHEMA = "data/measured.schema.json"
"""Where the JSON Schema of a clip's `media.measured` object is published, beside the data."""


def measured_schema() -> str:
    """The JSON Schema of a clip's `media.measured` object, as shipped with the generator."""
    return (
        resources.files(__package__)
        .joinpath("assets", "measured.schema.json")
        .read_text(encoding="utf-8")
    )


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _clip(ctx: PageContext, entry: Entry, position: int) -> dict[str, Any]:
    clip = entry.clips[position]
    media = ctx.media.get(ClipRef(entry.slug, position))
    record: dict[str, Any] = {
        "file": clip.file,
        "url": public_url(clip.url) if clip.url else None,
        "caption": clip.caption,
        "stand_in": clip.stand_in,
        "media": None,
    }
    if media is not None:
        facts = media.facts
        record["media"] = {
            "sha256": media.source_sha256,
            "kind": facts.kind,
            "width": facts.width,
            "height": facts.height,
            "duration": facts.duration,
            "fps": facts.fps,
            "codec": facts.codec,
            "pix_fmt": facts.pix_fmt,
            "has_audio": facts.has_audio,
            "audio_codec": facts.audio_codec,
            "size_bytes": facts.size_bytes,
            "renditions": {
                r.role.value: r.url_path for r in media.renditions if r.role is not Role.STILL
            },
            "stills": [
                {"path": r.url_path, "width": r.width, "height": r.height}
                for r in media.all(Role.STILL)
            ],
            "measured": media.measured.record() if media.measured is not None else None,
        }
    return record


def entry_record(ctx: PageContext, entry: Entry) -> dict[str, Any]:
    """One entry as plain data: the writer's fields plus what the generator derived."""
    wait = ctx.wait_of(entry)
    comparison = ctx.groups.comparison_of(entry)
    page = urls.entry_page(entry.slug)
    return {
        "slug": entry.slug,
        "title": entry.title,
        "service": entry.service,
        "service_name": ctx.groups.service(entry.service).name,
        "model": entry.model,
        "plan": entry.plan.value if entry.plan else None,
        "prompt": entry.prompt,
        "prompt_source": entry.prompt_source,
        "experiment": entry.experiment,
        "status": entry.status.value,
        "submitted_at": entry.submitted_at.isoformat(),
        "delivered_at": entry.delivered_at.isoformat() if entry.delivered_at else None,
        "checked_at": entry.checked_at.isoformat() if entry.checked_at else None,
        "last_changed": entry.last_changed.isoformat(),
        "promised_wait_seconds": (
            entry.promised_wait.total_seconds() if entry.promised_wait else None
        ),
        "wait_seconds": wait.duration.total_seconds() if wait else None,
        "settled": wait.settled if wait else None,
        "ratio": round(wait.ratio, 4) if wait and wait.ratio is not None else None,
        "cost": (
            {"amount": _amount(entry.cost.amount), "unit": entry.cost.unit} if entry.cost else None
        ),
        "ratings": dict(sorted(entry.ratings.items())),
        "verdict": entry.verdict,
        "notes": entry.notes,
        "tags": list(entry.tags),
        "language": entry.language,
        "comparison": comparison.slug if comparison else None,
        "page": page,
        "page_url": ctx.urls.absolute(page) or ctx.urls.served(page),
        "clips": [_clip(ctx, entry, i) for i in range(len(entry.clips))],
        "claim": _claim(claim_for(entry, ctx.groups.service(entry.service), ctx.zone)),
    }


def _claim(claim: ServiceClaim | None) -> dict[str, Any] | None:
    """The service's claim in force on the day the attempt was submitted."""
    if claim is None:
        return None
    return {
        "date": claim.date.isoformat(),
        "max_resolution": claim.max_resolution,
        "max_seconds": claim.max_seconds,
        "fps": claim.fps,
        "wait_seconds": claim.wait.total_seconds() if claim.wait is not None else None,
        "source": public_url(claim.source) if claim.source else None,
    }


def entries_json(records: list[dict[str, Any]]) -> str:
    """Stable JSON: an array with one entry per line, sorted keys, UTF-8 text, final newline.

    One line per entry keeps diffs between builds readable and, unlike `indent=`, lets the
    json module use its C encoder (six times faster on a large magazine).
    """
    return _json_array([json_line(record) for record in records])


def json_line(record: dict[str, Any]) -> str:
    """One entry's line of `entries.json` (without the separator)."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def _json_array(lines: list[str]) -> str:
    if not lines:
        return "[]\n"
    return "[\n" + ",\n".join(lines) + "\n]\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, int | float):
        return str(value)
    # One line break, quoted by the writer; every line of the cell guarded, because spreadsheets
    # and naive parsers alike may start a row at any CR or LF, quoted or not.
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join("'" + line if line.startswith(_FORMULA) else line for line in lines)


_FORMULA = ("=", "+", "-", "@", "\t", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""What makes a spreadsheet read a cell as a formula, full-width forms included."""


def entries_csv(records: list[dict[str, Any]]) -> str:
    """One row per entry, the columns of `CSV_COLUMNS`; nested values as JSON."""
    return _csv_lines([CSV_COLUMNS]) + "".join(csv_row(record) for record in records)


def csv_row(record: dict[str, Any]) -> str:
    """One entry's row of `entries.csv`, with its line ending."""
    flat = dict(record)
    flat["cost_amount"] = record["cost"]["amount"] if record["cost"] else None
    flat["cost_unit"] = record["cost"]["unit"] if record["cost"] else None
    flat["clips"] = [
        {
            "source": c["file"] or c["url"],
            "measured": c["media"]["measured"] if c["media"] is not None else None,
        }
        for c in record["clips"]
    ]
    return _csv_lines([[_cell(flat[column]) for column in CSV_COLUMNS]])


def _csv_lines(rows: list[Any]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@entry_part
def _lines(ctx: PageContext, page: str, entry: Entry, comparison: str | None) -> tuple[str, str]:
    """An entry's line of `entries.json` and its row of `entries.csv` (its `comparison`'s
    slug is part of both)."""
    record = entry_record(ctx, entry)
    return json_line(record), csv_row(record)


def data_front(ctx: PageContext) -> str:
    """The front matter of the open-data page."""
    return front_matter(ctx.labels.data, ctx.labels.data)


def render_open_data(ctx: PageContext) -> dict[str, str]:
    """`data/index.md` (after its front matter), `data/entries.json` and `data/entries.csv`."""
    comparison_of = ctx.groups.comparison_of
    lines = [
        _lines(ctx, JSON, e, c.slug if (c := comparison_of(e)) is not None else None)
        for e in ctx.groups.entries
    ]
    L = ctx.labels
    return {
        MEASURED_SCHEMA: measured_schema(),
        JSON: _json_array([line for line, _ in lines]),
        "data/entries.csv": _csv_lines([CSV_COLUMNS]) + "".join(row for _, row in lines),
        "data/index.md": render_template(
            "data",
            L=L,
            count=len(lines),
            feed=escape.Safe(urls.markdown_link("data/index.md", "feed.xml")),
            schema=escape.Safe(urls.markdown_link("data/index.md", MEASURED_SCHEMA)),
        ),
    }
