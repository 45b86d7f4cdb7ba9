"""The magazine as a reader meets it in Chromium: the front page, entry pages, charts and
Korean text on a phone, and looking at a built site the way the README says (issue 9)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser_fixtures import (
    REPOSITORY,
    ServedSite,
    needs_korean_font,
    watched_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)


def _open(page: Page, site: ServedSite, path: str) -> Page:
    page.goto(site.url(path), wait_until="networkidle")
    return page


def test_front_page_leads_with_the_latest_comparison_and_poster_cards(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched.page, example_ko, "")
        lead = page.locator("section.magazine-lead")
        lead_posters = lead.locator(".magazine-lead-posters li").count()
        outcome = lead.locator(".magazine-outcome").inner_text()
        cards = page.locator(".magazine-cards li")
        card_count = cards.count()
        # The newest attempts may have no clip (failed, paywalled): take the first with one.
        first = page.locator(".magazine-cards li:has(.magazine-card-poster img)").first
        poster = first.locator(".magazine-card-poster img")
        loading = poster.get_attribute("loading")
        card_text = first.inner_text()
        waiting = page.locator("section.magazine-waiting").inner_text()
        src = poster.evaluate("i => i.currentSrc || i.src")

    assert lead_posters >= 4 and card_count >= 10
    assert outcome.startswith("도착: ") and "막히거나 실패: " in outcome
    assert "유료 전용" in outcome and "대기자 명단" in outcome
    assert loading == "lazy" and "/media/" in src
    assert "평균 점수" in card_text and "·" in card_text
    # Kling's and Veo's January attempts were answered by later rounds: not still waiting.
    assert "Kling" not in waiting and "Veo" not in waiting and "≥" in waiting
    assert watched.console_errors == [] and watched.failures == []


@pytest.mark.parametrize(("path", "least"), [("trials/", 8), ("services/kling/", 2)])
def test_lists_show_thumbnails_lazily(
    example_ko: ServedSite, chromium: Browser, path: str, least: int
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched.page, example_ko, path)
        thumbs = page.locator("table img.magazine-thumb")
        count = thumbs.count()
        lazy = thumbs.evaluate_all("all => all.every(i => i.loading === 'lazy')")
    assert count >= least and lazy


def test_entry_page_leads_with_the_clip_then_the_verdict(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium, width=390) as watched:
        page = _open(watched.page, example_ko, "trials/sparks-sora/")
        order = page.evaluate(
            """() => ['figure.magazine-clip', 'blockquote.magazine-verdict',
                      '.magazine-facts', '#프롬프트']
                .map(s => document.querySelector(s).getBoundingClientRect().top)"""
        )
        clip_width = page.locator("figure.magazine-clip video").evaluate(
            "v => v.getBoundingClientRect().width"
        )
        # The clip fills the result panel it leads (the panel's padding aside).
        column = page.locator("section.magazine-result").evaluate(
            "s => { const c = getComputedStyle(s); "
            "return s.clientWidth - parseFloat(c.paddingLeft) - parseFloat(c.paddingRight); }"
        )
        verdict_size = page.locator("blockquote.magazine-verdict").evaluate(
            "q => parseFloat(getComputedStyle(q).fontSize)"
        )
        body_size = page.locator("article p").first.evaluate(
            "p => parseFloat(getComputedStyle(p).fontSize)"
        )
    assert order == sorted(order), order
    assert clip_width >= 0.9 * column
    assert verdict_size > body_size


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_is_readable_at_every_width(
    example_ko: ServedSite, chromium: Browser, width: int
) -> None:
    with watched_page(chromium, width=width) as watched:
        page = _open(watched.page, example_ko, "services/kling/")
        sizes = page.locator("figure.magazine-chart svg text").evaluate_all(
            """all => all.map(t => t.getScreenCTM().a *
                                   parseFloat(getComputedStyle(t).fontSize))"""
        )
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    # Charts scale to their box: at least 10 px on a phone (issue 20), 11 px on a desktop.
    assert sizes and min(sizes) >= (10 if width < 600 else 11) - 1e-6, min(sizes)
    assert overflow <= 0  # a chart never makes the page scroll sideways


_BROKEN_WORDS = """() => {
  // Every Hangul word whose letters do not all sit on one line.
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('article'),
                                           NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const style = getComputedStyle(node.parentElement);
    if (style.whiteSpace.startsWith('pre') || node.parentElement.closest('pre, code')) continue;
    for (const match of node.data.matchAll(/[\\uac00-\\ud7a3]{2,}/g)) {
      const tops = new Set();
      for (let i = 0; i < match[0].length; i++) {
        range.setStart(node, match.index + i);
        range.setEnd(node, match.index + i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize(
    ("language", "path"),
    [
        ("ko", ""),
        ("ko", "trials/sparks-sora/"),
        ("ko", "trials/sparks-kling/"),
        ("ko", "services/kling/"),
        ("ko", "leaderboard/"),
        ("ko", "tags/"),
        # The writer's Korean notes and a service's Korean changes on an English site.
        ("en", "reports/2025-01/"),
        ("en", "services/midjourney/"),
    ],
)
def test_korean_words_do_not_break_in_the_middle_on_a_phone(
    request: pytest.FixtureRequest, chromium: Browser, language: str, path: str
) -> None:
    needs_korean_font()
    site: ServedSite = request.getfixturevalue(f"example_{language}")
    with watched_page(chromium, width=390) as watched:
        page = _open(watched.page, site, path)
        broken = page.evaluate(_BROKEN_WORDS)
    assert broken == []


def _readme_viewing_command() -> list[str]:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    assert "Open `site/index.html`" not in readme
    found = re.search(r"`(magazine serve --site[^`]*)`", readme)
    assert found, "the README says how to look at a built site"
    return found.group(1).split()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_readme_way_to_look_at_a_built_site_works(
    example_ko: ServedSite, chromium: Browser, tmp_path: Path
) -> None:
    command = _readme_viewing_command()
    assert command[:3] == ["magazine", "serve", "--site"]
    port = _free_port()
    # The site as `magazine build` leaves it in the magazine's own site/ folder.
    built = example_ko.root / "site"
    if not (built / "index.html").exists():
        shutil.copytree(example_ko.site, built, dirs_exist_ok=True)
    # The README's command, on a free port of the loopback address.
    args = [sys.executable, "-m", "generator", "--root", str(example_ko.root), *command[1:]]
    server = subprocess.Popen(
        [*args, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        for _ in range(1200):  # a bounded wait for the server to listen
            assert server.poll() is None, "magazine serve --site ended"
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        with watched_page(chromium) as watched:
            watched.page.goto(base, wait_until="networkidle")
            watched.page.locator(".magazine-cards .magazine-card-title a").first.click()
            watched.page.wait_for_load_state("networkidle")
            heading = watched.page.locator("article h1").first.inner_text()
            search = watched.page.locator("label.md-search__icon, .md-search__input").first
            search_visible = (
                search.is_visible() or watched.page.locator("[for=__search]").first.is_visible()
            )
        assert heading and "Index of" not in heading
        assert search_visible
    finally:
        server.terminate()
        server.wait(timeout=10)
