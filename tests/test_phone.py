"""What a phone reader meets (issue 20, items 4 and 5): the comparison page's weight before
play, no layout shift when the viewer's controls appear, the largest element not lazy, and
tables and charts that keep their numbers at 390 px.

Read back from Chromium: bytes transferred, layout-shift entries, the largest-contentful-paint
element, each table's and chart's box. Nothing here is timed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.browser_fixtures import ServedSite, watched_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

COMPARISON = "compare/storm-lighthouse/"
PHONE = {"width": 390, "height": 844}
BUDGET = 600_000
"""Bytes the real-clip 8-model comparison page may transfer before play (issue 20)."""

OBSERVE = """() => {
    window.__shifts = 0;
    window.__lcp = null;
    new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({type: 'layout-shift', buffered: true});
    new PerformanceObserver(list => {
        const last = list.getEntries().at(-1);
        if (last && last.element) window.__lcp = {
            tag: last.element.tagName, loading: last.element.getAttribute('loading'),
            cls: last.element.className};
    }).observe({type: 'largest-contentful-paint', buffered: true});
}"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["390", "1280"])
def test_the_comparison_page_is_light_stable_and_its_largest_element_not_lazy(
    example_ko: ServedSite, chromium: Browser, viewport: dict[str, int]
) -> None:
    with watched_page(chromium, **viewport) as watched:
        sizes: list[int] = []
        kinds: list[str] = []

        def on_finished(request: Any) -> None:
            body = request.sizes()
            sizes.append(body["responseBodySize"] + body["responseHeadersSize"])
            kinds.append(request.resource_type)

        watched.page.on("requestfinished", on_finished)
        page = watched.page
        page.add_init_script(f"({OBSERVE})()")
        page.goto(example_ko.url(COMPARISON), wait_until="networkidle")
        page.wait_for_timeout(500)
        shifts = page.evaluate("() => window.__shifts")
        lcp = page.evaluate("() => window.__lcp")
        first = page.evaluate(
            "() => document.querySelector('.theater--full .theater-frame img')"
            "?.getAttribute('loading')"
        )
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
    assert first != "lazy"
    assert shifts == 0, shifts
    assert lcp is None or lcp["loading"] != "lazy", lcp
    assert "media" not in kinds
    assert sum(sizes) <= BUDGET, sum(sizes)
