"""Every status reads as what it is wherever a wait is shown (issue 9, defect 1)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from generator.model import Magazine, group_comparisons
from generator.pages import GeneratedFile, render_pages
from tests.pages_fixtures import at, entry, magazine, media_index, to_html

STILL_WAITING = ("still waiting", "기다리는 중")


def _with(base: Magazine, *extra: object) -> Magazine:
    entries = (*base.entries, *extra)
    return dataclasses.replace(
        base,
        entries=entries,  # type: ignore[arg-type]
        comparisons=group_comparisons(entries),  # type: ignore[arg-type]
    )


def _failed(slug: str = "sparks-luma", **fields: object) -> object:
    values: dict[str, object] = {
        "service": "sora",
        "submitted_at": at("2025-01-03T19:00:00"),
        "promised_wait": "5m",
        "status": "failed",
        "checked_at": at("2025-01-03T19:40:00"),
    }
    values.update(fields)
    return entry(slug, **values)


def _page(files: object, path: str) -> str:
    value = files[path]  # type: ignore[index]
    assert isinstance(value, GeneratedFile)
    return value.text


def test_a_failed_attempt_reads_failed_everywhere_it_is_shown() -> None:
    for language, failed_after in (("en", "failed after 40 min"), ("ko", "40분 만에 실패")):
        site = render_pages(_with(magazine(language), _failed()), media_index())
        files = site.files
        sparks = next(p for p in files if p.startswith("compare/a-mesmerizing"))
        pages = {
            "entry": to_html(_page(files, "trials/sparks-luma.md")).get_text(),
            "trials": str(to_html(_page(files, "trials/index.md"))),
            "comparison": str(to_html(_page(files, sparks))),
            "service": str(to_html(_page(files, "services/sora.md"))),
            "report": str(to_html(_page(files, "reports/2025-01.md"))),
            "feed": _page(files, "feed.xml"),
        }
        for name, text in pages.items():
            luma = text[text.find("Sparks Luma") :] if name != "entry" else text
            assert failed_after in text, (language, name)
            assert not any(w in luma.split("Sparks Kling")[0] for w in STILL_WAITING), (
                language,
                name,
            )
        records = json.loads(_page(files, "data/entries.json"))
        luma = next(r for r in records if r["slug"] == "sparks-luma")
        assert luma["settled"] is True
        rows = list(csv.DictReader(io.StringIO(_page(files, "data/entries.csv"))))
        assert next(r for r in rows if r["slug"] == "sparks-luma")["settled"] == "true"


def test_each_status_has_its_own_words() -> None:
    extra = (
        _failed("a-refused", status="refused"),
        _failed("a-abandoned", status="abandoned", checked_at=at("2025-01-06T19:00:00")),
        _failed("a-waitlisted", status="waitlisted", checked_at=at("2025-01-06T19:00:00")),
        _failed("a-paywalled", status="paywalled"),
    )
    site = render_pages(_with(magazine(), *extra), media_index())
    said = {
        slug: to_html(_page(site.files, f"trials/{slug}.md"))
        .find("div", class_="magazine-facts")
        .get_text(" ")
        for slug in ("a-refused", "a-abandoned", "a-waitlisted", "a-paywalled")
    }
    assert "refused" in said["a-refused"]
    assert "abandoned after 3 d" in said["a-abandoned"]
    assert "waitlisted for at least 3 d" in said["a-waitlisted"]
    assert "paywalled" in said["a-paywalled"]
    assert not any(w in text for text in said.values() for w in STILL_WAITING)
