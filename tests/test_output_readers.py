"""What readers' tools read: the feed stays well-formed XML, the CSV forges no row or formula."""

from __future__ import annotations

import csv
import io
import json
import xml.dom.minidom
from pathlib import Path

import pytest

from generator.media.renditions import MediaIndex
from generator.pages import render_pages
from generator.pages.opendata import entries_csv
from generator.source import load_magazine
from tests.magazine_fixtures import MKDOCS, PENDING, write_magazine

FORBIDDEN_IN_XML = ["\ufffe", "\uffff", "\x0b", "\x0c", "\x1f", "\x00", "\x85\x7f"]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=True)


def rendered(tmp_path: Path, **fields: str) -> dict[str, str | bytes]:
    text = PENDING
    for key, value in fields.items():
        if key in ("title", "service"):
            text = (
                "\n".join(
                    f"{key}: {q(value)}" if line.startswith(f"{key}:") else line
                    for line in text.splitlines()
                )
                + "\n"
            )
        else:
            text += f"{key}: {value}\n"
    mkdocs = MKDOCS.replace("site_name: Test magazine", f"site_name: {q('Mag' + chr(0xFFFE))}")
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": text}, mkdocs=mkdocs, files={})
    return {
        path: page.text
        for path, page in render_pages(load_magazine(root), MediaIndex({})).files.items()
    }


def test_feed_is_well_formed_whatever_the_text(tmp_path: Path) -> None:
    hostile = "".join(FORBIDDEN_IN_XML)
    files = rendered(
        tmp_path,
        title=f"ok{hostile}end",
        verdict=q(f"v{hostile}"),
        tags=f"[{q('t' + hostile)}]",
    )
    feed = files["feed.xml"]
    assert isinstance(feed, str)
    xml.dom.minidom.parseString(feed.encode("utf-8"))  # raises on a character XML 1.0 forbids
    assert "okend" in feed
    assert not any(char in feed for char in "\ufffe\uffff\x0b\x00\x7f\x85")


FORMULAS = [
    "ok\r=cmd|' /C calc'!A0",
    "ok\n=1+1",
    "ok\r\n+SUM(A1)",
    '=HYPERLINK("http://x")',
    "+1",
    "-1",
    "@SUM(1)",
    "\t=1",
    "\uff1d1+1",
    "\uff0b1",
    "\uff0d1",
    "\uff20SUM(1)",
]


@pytest.mark.parametrize("title", FORMULAS)
def test_csv_cells_start_no_formula_and_forge_no_row(title: str) -> None:
    record = {name: None for name in ("slug", "title", "service", "service_name")}
    record.update(slug="a", title=title, service="sora", service_name="Sora")
    for name in (
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
        "verdict",
        "comparison",
        "page_url",
        "prompt",
    ):
        record.setdefault(name, None)
    record.update(cost=None, ratings={}, tags=[], clips=[])
    text = entries_csv([record])
    # Spreadsheets and naive parsers split rows at any CR or LF, quoted or not.
    physical = [line for chunk in text.split("\r") for line in chunk.split("\n") if line]
    assert len(physical) == 2 + title.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    starts = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
    for line in physical[1:]:
        assert not line.lstrip('"').startswith(tuple(starts)), line
        for cell in next(csv.reader(io.StringIO(line))):
            assert not cell.startswith(tuple(starts)), cell
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["slug"] == "a"
    assert row["title"].lstrip("'").replace("\n'", "\n") == title.replace("\r\n", "\n").replace(
        "\r", "\n"
    )
