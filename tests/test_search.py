from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from generator.site.search import finish_search
from tests.browser_fixtures import serve_folder
from tests.build_fixtures import invoke, write_small_magazine
from tests.magazine_fixtures import pending_attempts, write_magazine
from tests.site_fixtures import MagazineRoot

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def test_the_index_is_compact_and_declares_the_subword_field(
    built_magazine: MagazineRoot,
) -> None:
    raw = (built_magazine.site / "search" / "search_index.json").read_text("utf-8")
    index = json.loads(raw)

    assert index["config"]["fields"]["subwords"] == {"boost": 0.5}
    assert "대기열" in raw and "\\u" not in raw  # UTF-8, not escapes
    assert not any("subwords" in doc for doc in index["docs"])  # the worker derives them


def test_the_worker_is_wrapped_once(built_magazine: MagazineRoot) -> None:
    workers = built_magazine.site / "assets" / "javascripts" / "workers"
    shim = next(p for p in workers.glob("search.*.min.js") if ".lunr." not in p.name)
    material = shim.with_name(shim.name.removesuffix(".min.js") + ".lunr.min.js")
    index = built_magazine.site / "search" / "search_index.json"
    before = (shim.read_bytes(), material.read_bytes(), index.read_bytes())

    finish_search(built_magazine.site)

    assert (shim.read_bytes(), material.read_bytes(), index.read_bytes()) == before
    assert f'importScripts("{material.name}")' in before[0].decode("utf-8")


@pytest.fixture(scope="module")
def browser_page(
    built_magazine: MagazineRoot, chromium: Browser
) -> Iterator[tuple[object, str, list[str]]]:
    with serve_folder(built_magazine.site) as base:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.set_default_timeout(20_000)
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(base, wait_until="load")
            yield page, base, requests
        finally:
            context.close()


def _search(page: object, query: str) -> list[str]:
    """Type into Material's search box and return the result links once results show."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__list a.md-search-result__link")
    box.click()
    # Empty the list first, so the results read below belong to this query.
    box.fill("")
    box.press("End")
    expect(results).to_have_count(0)
    box.fill(query)
    # Material reads the query on keyup; Hangul typed by a test arrives without one.
    box.press("End")
    results.first.wait_for(state="attached")
    links = [str(results.nth(i).get_attribute("href")) for i in range(results.count())]
    page.keyboard.press("Escape")
    return links


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("기열", "entries/sora-waitlist/"),  # inside 대기열
        ("리스트", "entries/kling-list/"),  # inside 웨이팅리스트
        ("대기열", "entries/sora-waitlist/"),  # a whole word still works
        ("cinematography", "entries/kling-list/"),  # and English
    ],
)
def test_search_finds_words_inside_korean_compounds(
    browser_page: tuple[object, str, list[str]], query: str, expected: str
) -> None:
    page, _base, _requests = browser_page

    links = _search(page, query)

    assert any(urlsplit(link).path.endswith(expected) for link in links), links


@pytest.mark.browser
def test_search_does_not_match_unrelated_pages(
    browser_page: tuple[object, str, list[str]],
) -> None:
    page, _base, _requests = browser_page

    links = _search(page, "기열")

    assert not any("kling-list" in link or "about" in link for link in links), links


@pytest.mark.browser
def test_pages_load_nothing_from_other_hosts(
    browser_page: tuple[object, str, list[str]],
) -> None:
    page, base, requests = browser_page
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(base + "entries/sora-waitlist/", wait_until="networkidle")

    hosts = {
        urlsplit(url).hostname for url in requests if urlsplit(url).scheme in ("http", "https")
    }
    assert hosts == {"127.0.0.1"}, sorted(url for url in requests if "127.0.0.1" not in url)
    assert any(url.endswith("search_index.json") for url in requests)


def test_lists_and_repeated_sections_stay_out_of_the_index(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "magazine")
    assert invoke(root, "build").exit_code == 0
    site = root / "site"
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    titles = {doc["title"] for doc in index["docs"]}

    # Every entry, comparison and service is found on its own page ...
    assert {"trials/sora/", "trials/kling/", "services/kling/"} <= pages
    assert any(page.startswith("compare/") and page != "compare/" for page in pages)
    # ... and not again in the lists that repeat them, nor in the tables of other attempts.
    assert not {"trials/", "latest/", "compare/", "tags/"} & pages
    assert not {"같은 프롬프트, 다른 서비스", "시도", "이번 달에 해 본 것"} & titles
    entry = (site / "trials" / "sora" / "index.html").read_text("utf-8")
    assert "같은 프롬프트, 다른 서비스" in entry


def test_the_page_of_every_attempt_is_built_and_left_out_of_the_index(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "magazine", pending_attempts("kling", 22), files={})
    result = invoke(root, "build", "-q")  # strict: every link of both pages resolves
    assert result.exit_code == 0, result.output + result.stderr
    site = root / "site"
    history = site / "services" / "kling" / "attempts" / "index.html"
    assert history.read_text("utf-8").count('<a href="../../../trials/kling-') == 22
    service = (site / "services" / "kling" / "index.html").read_text("utf-8")
    assert '<a href="attempts/">시도 22번 모두 보기</a>' in service
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "services/kling/" in pages
    assert not any(page.startswith("services/kling/attempts") for page in pages)
