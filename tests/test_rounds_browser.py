"""The comparison viewer shows one round or all, in a real browser (the example's sparks
prompt: sent in January, re-sent to Kling in April and to Veo in May)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser_fixtures import ServedSite, watched_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


def test_choosing_a_round_shows_only_its_tiles_and_all_brings_them_back(
    example_ko: ServedSite, chromium: Browser
) -> None:
    sparks = next(
        p.parent.name for p in (example_ko.site / "compare").glob("a-mesmerizing-*/index.html")
    )
    with watched_page(chromium) as watched:
        page = watched.page
        page.goto(example_ko.url(f"compare/{sparks}/"), wait_until="networkidle")
        shown = "figure.theater-tile:visible"
        assert page.locator(shown).count() == 6  # four in January, Kling in April, Veo in May
        page.get_by_label("2회차").check()
        captions = page.locator(f"{shown} figcaption a").all_inner_texts()
        assert captions == ["Kling Kling 2.0"]
        page.get_by_label("1회차").check()
        assert page.locator(shown).count() == 4
        page.get_by_label("모든 회차").check()
        assert page.locator(shown).count() == 6
        # The transport still plays whatever is shown: no script error on the way.
        assert not watched.console_errors
