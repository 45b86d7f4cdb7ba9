"""What a phone reader meets (issue 20, items 4 and 5): the comparison page's weight before
play, no layout shift when the viewer's controls appear, the largest element not lazy, and
tables and charts that keep their numbers at 390 px.

Read back from Chromium: bytes transferred, layout-shift entries, the largest-contentful-paint
element, each table's and chart's box. Nothing here is timed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from bench.pages_server import serve_site
from tests.browser_fixtures import ServedSite, watched_page
from tests.checker_fixtures import run_axe

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
        # Weighed as GitHub Pages serves it: gzip, byte ranges.
        with serve_site(example_ko.site) as base:
            page.goto(base + COMPARISON, wait_until="networkidle")
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


TABLE_PAGES = (
    "services/",
    COMPARISON,
    "trials/",
    "reports/2025-06/",
    "leaderboard/",
)
CUT_OFF = """() => {
    const out = [];
    for (const cell of document.querySelectorAll('article table td, article table th')) {
        const box = cell.getBoundingClientRect();
        const head = cell.closest('thead');
        // A header that only screen readers meet (the cells carry its words) is not cut off.
        if (head && getComputedStyle(head).position === 'absolute') continue;
        // An empty cell a card leaves out (display: none) is not cut off either.
        if (!cell.getClientRects().length && !cell.textContent.trim()) continue;
        if (box.width === 0 || box.right > window.innerWidth + 0.5 || box.left < -0.5)
            out.push(`${cell.tagName} ${cell.textContent.trim().slice(0, 30)} @ ${box.right}`);
    }
    return out;
}"""
LONE_LABELS = """() => [...document.querySelectorAll('article table td')]
    .filter(td => !td.textContent.trim() && !td.querySelector('img, svg, video'))
    .filter(td => td.getBoundingClientRect().height > 0)
    .map(td => td.dataset.label)"""
UNLABELLED = """() => [...document.querySelectorAll('article table')]
    .filter(t => t.querySelector('thead th'))
    .flatMap(t => [...t.querySelectorAll('tbody td')])
    .filter(td => !td.dataset.label).map(td => td.textContent.trim().slice(0, 30))"""


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_at_390_px_every_table_cell_is_in_view_with_its_label(
    example_ko: ServedSite, chromium: Browser, path: str
) -> None:
    with watched_page(chromium, **PHONE) as watched:
        page = watched.page
        page.goto(example_ko.url(path), wait_until="networkidle")
        assert page.locator("article table").count() > 0
        cut = page.evaluate(CUT_OFF)
        unlabelled = page.evaluate(UNLABELLED)
        # An empty cell (a trial without a poster) is no card line of a label alone.
        lone = page.evaluate(LONE_LABELS)
        wide = page.evaluate("() => document.documentElement.scrollWidth")
    assert cut == []
    assert unlabelled == []
    assert lone == []
    assert wide <= PHONE["width"]


CHARTS = """() => [...document.querySelectorAll('.magazine-chart svg')].map(svg => {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map(t => Number(t.getAttribute('font-size')));
    return {right: box.right, left: box.left, smallest: Math.min(...sizes) * scale,
            figure: svg.closest('figure').clientWidth, width: box.width};
})"""


def test_at_390_px_charts_fit_their_box_with_text_of_10_px_or_more(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium, **PHONE) as watched:
        page = watched.page
        page.goto(example_ko.url("services/kling/"), wait_until="networkidle")
        charts = page.evaluate(CHARTS)
    assert charts
    for chart in charts:
        assert chart["width"] <= chart["figure"] + 0.5, chart
        assert chart["left"] >= 0 and chart["right"] <= PHONE["width"], chart
        assert chart["smallest"] >= 10, chart


def test_play_all_asks_first_for_the_clips_in_view(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium, **PHONE) as watched:
        page = watched.page
        page.goto(example_ko.url(COMPARISON), wait_until="networkidle")
        videos = page.locator(".theater--full .theater-grid video")
        last = videos.nth(videos.count() - 1)
        last.scroll_into_view_if_needed()
        seen = page.evaluate(
            """() => [...document.querySelectorAll('.theater--full .theater-grid video')]
                .filter(v => { const b = v.getBoundingClientRect();
                               return b.bottom > 0 && b.top < innerHeight; })
                .map(v => v.querySelector('source').src)"""
        )
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url) if r.resource_type == "media" else None)
        page.locator(".theater--full [data-theater-play]").click()
        page.wait_for_function("() => true")
        page.wait_for_timeout(1500)
    assert seen and asked
    assert asked[0] in seen, (asked[:3], seen)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_material_s_own_two_findings_are_fixed_in_the_theme(
    example_ko: ServedSite, chromium: Browser, dark: bool
) -> None:
    with watched_page(chromium, **PHONE, dark=dark) as watched:
        page = watched.page
        page.goto(example_ko.url("leaderboard/"), wait_until="networkidle")
        found = [
            (v.rule, v.targets)
            for v in run_axe(page)
            if v.rule == "aria-dialog-name" or any("md-copyright" in t for t in v.targets)
        ]
        name = page.get_attribute(".md-search[role=dialog]", "aria-label")
    assert found == []
    assert name == "검색"


def test_the_site_name_stands_once_in_the_phone_drawer(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium, **PHONE) as watched:
        page = watched.page
        page.goto(example_ko.url(""), wait_until="networkidle")
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_timeout(400)
        drawer = page.inner_text(".md-sidebar--primary nav.md-nav--primary")
        home = page.locator(".md-sidebar--primary nav.md-nav--primary > ul > li > a").first
        home_text, home_href = home.inner_text().strip(), home.get_attribute("href")
    # Material titles the drawer with the site's name; the home page's item says "홈".
    assert drawer.count("생성 AI 체험기") == 1, drawer
    assert (home_text, home_href) == ("홈", "."), (home_text, home_href)


SCROLLING = """() => [...document.querySelectorAll('.md-typeset__scrollwrap, .magazine-table-wrap')]
    .map(w => ({scrolls: w.scrollWidth > w.clientWidth, tabindex: w.getAttribute('tabindex'),
                role: w.getAttribute('role'), name: w.getAttribute('aria-label')}))"""


def test_a_table_box_is_a_tab_stop_exactly_while_it_scrolls(
    example_ko: ServedSite, chromium: Browser
) -> None:
    # Read when the browser lays the boxes out (a ResizeObserver), not by measuring every
    # table before the first paint: a narrower window, where tables become cards, takes the
    # tab stops away again.
    with watched_page(chromium, width=700, height=900) as watched:
        page = watched.page
        page.goto(example_ko.url("leaderboard/"), wait_until="networkidle")
        page.wait_for_timeout(300)
        wide = page.evaluate(SCROLLING)
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(500)
        narrow = page.evaluate(SCROLLING)
    assert any(box["scrolls"] for box in wide), wide
    for box in wide:
        expected = ("0", "region") if box["scrolls"] else (None, None)
        assert (box["tabindex"], box["role"]) == expected, box
        assert not box["scrolls"] or box["name"]
    assert narrow and not any(box["scrolls"] for box in narrow), narrow
    assert all(box["tabindex"] is None and box["role"] is None for box in narrow), narrow


def test_a_table_that_scrolls_sideways_says_so_until_its_end(
    example_ko: ServedSite, chromium: Browser
) -> None:
    """The leaderboard's columns run past a 1440 px window: its box fades at the right edge
    (a cut column alone does not say there is more), and no longer at the end."""
    mask = """() => { const w = document.querySelector('[data-magazine-scrolls]');
        return w && getComputedStyle(w).maskImage; }"""
    with watched_page(chromium, width=1440, height=900) as watched:
        page = watched.page
        page.goto(example_ko.url("leaderboard/"), wait_until="networkidle")
        page.wait_for_timeout(300)
        start = page.evaluate(mask)
        page.evaluate(
            "() => { const w = document.querySelector('[data-magazine-scrolls]');"
            " w.scrollLeft = w.scrollWidth; }"
        )
        page.wait_for_timeout(300)
        end = page.evaluate(mask)
    assert start and "gradient" in start, start
    assert end == "none", end


CLIP_BOX = """() => { const v = document.querySelector('.magazine-result .magazine-clip video');
    const box = v.getBoundingClientRect();
    return {ratio: box.width / box.height, clip: v.width / v.height,
            left: box.left, right: box.right, height: box.height, screen: innerHeight}; }"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1440, "height": 900}], ids=["390", "1440"])
@pytest.mark.parametrize("posters", [True, False], ids=["poster", "no-poster-yet"])
def test_an_entry_page_s_portrait_clip_is_boxed_in_its_own_shape(
    example_ko: ServedSite, chromium: Browser, viewport: dict[str, int], posters: bool
) -> None:
    # A 9:16 clip capped at 80 % of the screen's height once stood in a box the column's
    # width, black bars either side of it; the box must have the clip's shape before its
    # poster arrives too (a video without one is 300 x 150), or it shifts the page.
    with watched_page(chromium, **viewport) as watched:
        page = watched.page
        page.add_init_script(f"({OBSERVE})()")
        if not posters:
            page.route("**/poster*", lambda route: route.abort())
        page.goto(example_ko.url("trials/lighthouse-kling/"), wait_until="networkidle")
        box = page.evaluate(CLIP_BOX)
        shifts = page.evaluate("() => window.__shifts")
    assert box["clip"] < 1, box  # the example's Kling clip is portrait
    assert abs(box["ratio"] - box["clip"]) < 0.02, box
    assert box["height"] <= 0.8 * box["screen"] + 1, box
    assert box["left"] >= 0 and box["right"] <= viewport["width"], box
    assert shifts == 0, shifts


# The top of each block of the article.
TOPS = """() => {
    const out = [];
    for (const block of document.querySelector('article').children) {
        const top = Math.round(block.getBoundingClientRect().top);
        out.push([block.tagName + '.' + block.className, top]);
    }
    return out;
}"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["390", "1280"])
@pytest.mark.parametrize(
    "path", ["", "trials/lighthouse-kling/", COMPARISON, "leaderboard/", "services/kling/"]
)
def test_what_the_scripts_reveal_was_given_its_room_before_they_ran(
    example_ko: ServedSite, chromium: Browser, path: str, viewport: dict[str, int]
) -> None:
    # On a heavy page magazine.js runs after the first paint: anything it shows (the copy
    # button, the viewer's controls) must already have its room, or the page jumps under the
    # reader. So the page before the magazine's scripts ran (held back here; Material's run)
    # is laid out as the page after them.
    tops = {}
    for ours in (False, True):
        with watched_page(chromium, **viewport) as watched:
            page = watched.page
            if not ours:
                page.route("**/assets/magazine/**/*.js", lambda route: route.abort())
            page.goto(example_ko.url(path), wait_until="networkidle")
            page.wait_for_timeout(300)
            tops[ours] = page.evaluate(TOPS)
            if not ours:
                assert page.locator("button[data-magazine-copy]:not([hidden])").count() == 0
    assert len(tops[True]) > 3
    assert tops[False] == tops[True]
