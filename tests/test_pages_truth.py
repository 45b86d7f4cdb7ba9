"""What pages say is true over the magazine's whole history, not against the month before.

A monthly report's "first tried" means first ever, and a status it calls new was never seen
before; an open attempt that a later round of the same comparison answered is superseded, not
still waiting.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.media.renditions import MediaIndex
from generator.model import Magazine, group_comparisons
from generator.pages import render_pages
from generator.settings import Settings
from tests.pages_fixtures import SERVICES, at, entry, to_html

PROMPT = "A lighthouse in a storm, waves breaking over the rocks."


def _magazine(*items: object, language: str = "en") -> Magazine:
    entries = tuple(sorted(items, key=lambda e: (e.submitted_at, e.slug)))  # type: ignore[attr-defined]
    return Magazine(
        root=Path("/magazine"),
        settings=Settings(language=language, timezone="Asia/Seoul"),
        entries=entries,
        services=SERVICES,
        comparisons=group_comparisons(entries),
    )


def _page(magazine: Magazine, path: str) -> BeautifulSoup:
    return to_html(render_pages(magazine, MediaIndex({}), home=True).files[path].text)


def _changes(soup: BeautifulSoup) -> list[str]:
    heading = soup.find("h2", id=lambda v: v is not None and v != "what-was-tried")
    found = []
    for h2 in soup.find_all("h2"):
        if h2.find_next("ul") is not None and h2.get_text().startswith("What changed"):
            heading = h2
    assert heading is not None
    listing = heading.find_next_sibling()
    if listing is None or listing.name != "ul":
        return found
    return [li.get_text() for li in listing.find_all("li")]


def _history() -> Magazine:
    return _magazine(
        entry("kling-jan", service="kling", prompt=PROMPT, submitted_at=at("2025-01-05T10:00:00"),
              status="pending", checked_at=at("2025-01-07T10:00:00")),
        entry("kling-feb", service="kling", submitted_at=at("2025-02-05T10:00:00"),
              delivered_at=at("2025-02-05T13:00:00")),
        entry("veo-jan", service="veo", prompt=PROMPT, submitted_at=at("2025-01-06T10:00:00"),
              status="waitlisted", checked_at=at("2025-01-09T10:00:00")),
        entry("sora-mar", service="sora", submitted_at=at("2025-03-01T10:00:00"),
              delivered_at=at("2025-03-01T10:40:00")),
        # June: Kling and Sora again, Veo delivers for the first time, Kling re-sent the prompt.
        entry("kling-jun", service="kling", prompt=PROMPT, submitted_at=at("2025-06-07T10:00:00"),
              delivered_at=at("2025-06-07T11:10:00")),
        entry("sora-jun", service="sora", prompt=PROMPT, submitted_at=at("2025-06-07T10:00:00"),
              delivered_at=at("2025-06-07T10:20:00")),
        entry("veo-jun", service="veo", submitted_at=at("2025-06-08T10:00:00"),
              delivered_at=at("2025-06-08T12:00:00")),
        entry("midjourney-jun", service="midjourney", submitted_at=at("2025-06-08T10:00:00"),
              status="paywalled"),
    )  # fmt: skip


def test_a_report_calls_first_only_what_was_never_tried_before() -> None:
    june = _changes(_page(_history(), "reports/2025-06.md"))
    firsts = [line for line in june if "first tried" in line]
    # Kling (January, February) and Sora (March) were tried before; May had no entries at all.
    assert firsts == ["Midjourney: first tried this month"]


def test_a_report_names_what_changed_in_words() -> None:
    june = _changes(_page(_history(), "reports/2025-06.md"))
    # Veo was waitlisted in January and delivered in June: said as a first, in words.
    assert "Veo: delivered for the first time" in june
    # Kling delivered in February already: no news in delivering again.
    assert not any(line.startswith("Kling: delivered") for line in june)


def test_a_report_compares_the_median_wait_with_the_last_month_that_had_one() -> None:
    june = _changes(_page(_history(), "reports/2025-06.md"))
    # Sora took 40 min in March (April and May had no Sora attempt) and 20 min in June.
    assert any(
        line.startswith("Sora: Median wait 40 min") and "March 2025" in line for line in june
    )


def test_an_open_attempt_answered_by_a_later_round_is_superseded() -> None:
    magazine = _history()
    home = _page(magazine, "index.md")
    board = home.find("h2", string=lambda s: s is not None and "Still waiting" in s)
    table = board.find_next("table") if board is not None else None
    listed = table.get_text() if table is not None else ""
    # Kling's January attempt at the lighthouse was answered in June: not still waiting.
    assert "Kling Jan" not in listed
    # Veo's January waitlist was followed by no attempt at the same prompt: still open.
    assert "Veo Jan" in listed
    page = _page(magazine, "trials/kling-jan.md").get_text()
    assert "Later attempt: delivered on 7 Jun 2025" in page


def test_superseded_in_korean_too() -> None:
    items = _history().entries
    page = _page(_magazine(*items, language="ko"), "trials/kling-jan.md").get_text()
    assert "다음 시도: 2025년 6월 7일 도착" in page
