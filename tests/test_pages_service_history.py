"""A service page lists its latest attempts; a busier service has a page of every attempt."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.model import Cost, Magazine, group_comparisons
from generator.pages import render_pages
from generator.pages.services import RECENT_ATTEMPTS
from tests.pages_fixtures import HOSTILE, at, entry, later, magazine, media_index, to_html

HISTORY = "services/kling/attempts.md"


def busy(extra: int, language: str = "en", name: str | None = None) -> Magazine:
    """The small magazine with `extra` more Kling attempts, one a day from March 2025.

    Kling already has two attempts (one still pending), so it has `extra + 2` in all.
    """
    base = magazine(language)
    more = tuple(
        entry(
            f"kling-{n:02d}",
            service="kling",
            prompt=f"prompt {n}",
            submitted_at=later(at("2025-03-01T09:00:00"), 24 * n),
            promised_wait="3h",
            delivered_at=later(at("2025-03-01T09:00:00"), 24 * n + 1 + n % 5),
            cost=Cost(amount=10, unit="credits"),
            ratings={"quality": 1 + n % 5, "lighting": 1 + n % 3},
        )
        for n in range(extra)
    )
    items = base.entries + more
    services = dict(base.services)
    if name is not None:
        services["kling"] = services["kling"].model_copy(update={"name": name})
    return dataclasses.replace(
        base, entries=items, services=services, comparisons=group_comparisons(items)
    )


def _page(files: Any, path: str) -> BeautifulSoup:
    return to_html(files[path].text)


def _section(soup: BeautifulSoup, heading: str) -> list[Any]:
    """The elements between the `##` heading with this text and the next one."""
    start = soup.find("h2", string=heading)
    assert start is not None, heading
    out = []
    for sibling in start.find_next_siblings():
        if sibling.name == "h2":
            break
        out.append(sibling)
    return out


def _rows(soup: BeautifulSoup, heading: str) -> list[list[str]]:
    """The cells of each body row of the table in a section."""
    table = next(e for e in _section(soup, heading) if e.name == "table")
    return [[td.get_text() for td in tr.find_all("td")] for tr in table.find("tbody")("tr")]


def _bars(soup: BeautifulSoup) -> int:
    chart = next(e for e in _section(soup, "Wait per attempt against the promise") if e.find("svg"))
    return len(chart.find_all("rect", class_=["settled", "open"]))


def _notes(soup: BeautifulSoup) -> list[str]:
    return [p.get_text() for p in soup.find_all("p") if "attempts." in p.get_text()]


def test_a_busy_service_page_lists_the_latest_attempts_and_links_to_every_one() -> None:
    files = render_pages(busy(25), media_index()).files
    page = _page(files, "services/kling.md")
    latest = [f"Kling {n:02d}" for n in range(5, 25)]

    attempts = _rows(page, "Attempts")
    assert [row[2] for row in attempts] == latest
    waits = _rows(page, "Wait per attempt against the promise")
    assert len(waits) == RECENT_ATTEMPTS == 20
    assert [row[0] for row in waits] == [row[1] for row in attempts]
    assert _bars(page) == 20
    scores = _rows(page, "Scores over time")
    assert [row[0] for row in scores[:-1]] == [row[1] for row in attempts]
    # The means stay the service's own, over every rated attempt (boat-kling's 3 included).
    assert scores[-1][0] == "Average" and len(scores) == 21
    quality = [1 + n % 5 for n in range(25)] + [3]
    assert scores[-1][1] == f"{sum(quality) / len(quality):.1f}"
    # The score chart still follows the whole history: one dot per rated attempt.
    assert len(page.find_all("circle")) == 26
    # The figures at the top count every attempt.
    assert "Attempts: 27" in page.get_text()

    sentence = "The latest 20 of 27 attempts. All 27 attempts"
    assert _notes(page) == [sentence] * 3
    links = {a["href"] for a in page.find_all("a", string="All 27 attempts")}
    assert links == {"kling/attempts.md"}


def test_the_page_of_every_attempt_holds_them_all_and_stays_out_of_search() -> None:
    files = render_pages(busy(25), media_index()).files
    text = files[HISTORY].text
    assert "title: 'Kling: every attempt'" in text or 'title: "Kling: every attempt"' in text
    assert "search:\n  exclude: true" in text.split("\n---\n", 1)[0]
    page = to_html(text)
    assert page.find("h1").get_text() == "Kling: every attempt"
    back = page.find("a", string="Back to Kling")
    assert back is not None and back["href"] == "../kling.md"

    attempts = _rows(page, "Attempts")
    assert [row[2] for row in attempts][:2] == ["Sparks Kling", "Boat Kling"]
    assert len(attempts) == 27
    assert len(_rows(page, "Wait per attempt against the promise")) == 27
    assert _bars(page) == 27
    scores = _rows(page, "Scores over time")
    assert len(scores) == 28 and scores[-1][0] == "Average"
    # Links and thumbnails start from where this page is served, one folder deeper.
    entry_link = page.find("a", string="Kling 00")
    assert entry_link["href"] == "../../trials/kling-00.md"
    assert not _notes(page)
    # Every fact of the service page's cut tables is here, row for row.
    service = _page(files, "services/kling.md")
    for heading in ("Attempts", "Wait per attempt against the promise"):
        assert _rows(page, heading)[-20:] == _rows(service, heading)
    assert _rows(page, "Scores over time")[-21:] == _rows(service, "Scores over time")


@pytest.mark.parametrize(("extra", "history"), [(18, False), (19, True)])
def test_the_page_of_every_attempt_begins_above_twenty(extra: int, history: bool) -> None:
    files = render_pages(busy(extra), media_index()).files
    assert (HISTORY in files) is history
    page = _page(files, "services/kling.md")
    assert len(_rows(page, "Attempts")) == min(extra + 2, RECENT_ATTEMPTS)
    assert bool(_notes(page)) is history


def test_a_quiet_service_page_is_complete_with_no_history() -> None:
    files = render_pages(busy(25), media_index()).files
    assert not any(path.startswith("services/sora/") for path in files)
    page = _page(files, "services/sora.md")
    assert len(_rows(page, "Attempts")) == 4
    assert len(_rows(page, "Wait per attempt against the promise")) == 4
    assert "latest" not in page.get_text().lower()
    assert page.find("a", string="All 4 attempts") is None


def test_korean_words_for_the_cut_and_the_history() -> None:
    files = render_pages(busy(25, "ko"), media_index()).files
    page = _page(files, "services/kling.md")
    assert "시도 27번 중 최근 20번입니다." in page.get_text()
    assert page.find("a", string="시도 27번 모두 보기")["href"] == "kling/attempts.md"
    history = _page(files, HISTORY)
    assert history.find("h1").get_text() == "Kling: 모든 시도"
    assert history.find("a", string="Kling 페이지로 돌아가기") is not None


def test_a_hostile_service_name_stays_text_on_the_history_page() -> None:
    files = render_pages(busy(25, name=HOSTILE), media_index()).files
    text = files[HISTORY].text
    body = text.split("\n---\n", 1)[1]
    assert "<script>" not in body and "{:" not in body
    page = to_html(text)
    assert page.find("script") is None and page.find("img", src="x") is None
    assert page.find("h1").get_text() == f"{' '.join(HOSTILE.split())}: every attempt"
    assert page.find("a", string=f"Back to {' '.join(HOSTILE.split())}") is not None
    handlers = [name for tag in page.find_all(True) for name in tag.attrs if name.startswith("on")]
    assert not handlers
