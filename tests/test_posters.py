"""Responsive posters (issue 20, item 5): every picture of a clip is a `srcset` of WebP widths
made by the media stage, with a `sizes` that tells the truth about its layout.

Read from the built example magazine (files probed with PyAV) and from Chromium at 390 and
1280 px: which width each picture fetched, how wide it is laid out, what a phone transfers
before play. Nothing here is timed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

from bench.pages_server import serve_site
from tests.browser_fixtures import ServedSite, watched_page
from tests.media_fixtures import probe_stream

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

COMPARISON = "compare/storm-lighthouse/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PAGES = (COMPARISON, "", "latest/", "trials/lighthouse-kling/", "trials/", "tags/")
"""Every kind of page that shows posters: comparison, front page, cards, an entry page with
its small viewer and neighbours, the table of trials, the tag listings."""
BEFORE_PLAY = 230_000
"""Bytes the 8-clip comparison transferred before play at 390 px with one JPEG poster per
tile at its full size: 270 KB (gzip, as Pages serves it). The WebP stills bring it under this."""

PICTURES = """() => [...document.querySelectorAll('article img[srcset]')].map(img => {
    const box = img.getBoundingClientRect();
    return {src: img.currentSrc, srcset: img.getAttribute('srcset'),
            sizes: img.getAttribute('sizes'),
            cls: img.className || img.closest('[class]').className,
            // With `srcset`, the natural width is the chosen file's width divided by its
            // density: the width `sizes` announced.
            announced: img.naturalWidth, laid: box.width, shown: box.width > 0 && box.height > 0};
})"""


def _candidates(srcset: str) -> dict[str, int]:
    """A `srcset`'s addresses (last path part) and their widths."""
    found = {}
    for candidate in srcset.split(", "):
        address, width = candidate.rsplit(" ", 1)
        found[address.rsplit("/", 1)[-1]] = int(width.removesuffix("w"))
    return found


def _scrolled(page: Page) -> list[dict[str, Any]]:
    """Every picture with a `srcset`, once the page is scrolled through (lazy ones loaded)."""
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    for img in page.locator("article img[srcset]").all():
        if img.is_visible():
            img.scroll_into_view_if_needed()
            img.evaluate("img => img.complete || new Promise(r => img.onload = img.onerror = r)")
    found: list[dict[str, Any]] = page.evaluate(PICTURES)
    return found


def test_comparison_posters_are_webp_stills_of_the_widths_they_declare(
    example_ko: ServedSite,
) -> None:
    html = (example_ko.site / COMPARISON / "index.html").read_text(encoding="utf-8")
    posters = BeautifulSoup(html, "html.parser").select(".theater--full img.theater-poster")
    assert len(posters) == 8
    wide = 0
    for img in posters:
        srcset = str(img["srcset"])
        widths = []
        for candidate in srcset.split(", "):
            address, descriptor = candidate.split(" ")
            assert re.search(r"/still-\d+-[0-9a-f]{10}\.webp$", address), address
            seen = probe_stream((example_ko.site / COMPARISON / address).resolve())
            assert seen["codec"] == "webp"
            assert f"{seen['width']}w" == descriptor, candidate
            widths.append(int(seen["width"]))
        assert widths == sorted(widths)
        # The widest candidate is the fallback `src`, and `width`/`height` its shape (CLS 0).
        assert img["src"] == srcset.split(", ")[-1].split(" ")[0]
        assert int(str(img["width"])) == widths[-1]
        assert img["sizes"] and img.get("height")
        wide += len(widths) >= 2
    assert wide == 8  # every source is wider than 320 px: at least two widths each


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_sizes_tell_the_truth_about_every_layout(
    example_ko: ServedSite, chromium: Browser, viewport: dict[str, int]
) -> None:
    """What `sizes` announces is what the layout gives the picture: never narrower (a blurry
    pick), never much wider (a heavy one)."""
    seen: dict[str, int] = {}
    with watched_page(chromium, **viewport) as watched:
        for path in PAGES:
            watched.page.goto(example_ko.url(path), wait_until="networkidle")
            pictures = [p for p in _scrolled(watched.page) if p["shown"]]
            seen[path] = len(pictures)
            for picture in pictures:
                ratio = picture["announced"] / picture["laid"]
                assert 0.97 <= ratio <= 1.5, (path, picture)
        assert watched.failures == [] and watched.console_errors == []
    assert all(seen.values()), seen


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_a_sharp_width_on_a_2x_screen(
    example_ko: ServedSite, chromium: Browser, viewport: dict[str, int]
) -> None:
    """On a 2× screen each picture gets twice its layout width in pixels, or the widest the
    clip has: no tile is blurry."""
    context = chromium.new_context(
        viewport=viewport, device_scale_factor=2, service_workers="block"
    )
    try:
        page = context.new_page()
        for path in (COMPARISON, "", "trials/lighthouse-kling/"):
            page.goto(example_ko.url(path), wait_until="networkidle")
            pictures = [p for p in _scrolled(page) if p["shown"]]
            assert pictures, path
            for picture in pictures:
                widths = _candidates(picture["srcset"])
                chosen = widths[picture["src"].rsplit("/", 1)[-1]]
                assert chosen >= min(2 * picture["laid"] * 0.97, max(widths.values())), (
                    path,
                    picture,
                )
    finally:
        context.close()


def test_a_phone_fetches_small_stills_and_less_than_before(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium, **PHONE) as watched:
        sizes: list[int] = []
        pictures: list[str] = []

        def on_finished(request: Any) -> None:
            body = request.sizes()
            sizes.append(body["responseBodySize"] + body["responseHeadersSize"])
            if request.resource_type == "image" and "/media/" in request.url:
                pictures.append(request.url.rsplit("/", 1)[-1])

        watched.page.on("requestfinished", on_finished)
        with serve_site(example_ko.site) as base:  # gzip and ranges, as Pages serves it
            watched.page.goto(base + COMPARISON, wait_until="networkidle")
            watched.page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
            watched.page.wait_for_load_state("networkidle")
            watched.page.wait_for_timeout(500)
    assert len(pictures) == 8, pictures
    assert all(re.fullmatch(r"still-\d+-[0-9a-f]{10}\.webp", name) for name in pictures), pictures
    # A 342 px tile at 1×: nothing of the 1280 px poster's size.
    assert all(int(name.split("-")[1]) <= 640 for name in pictures), pictures
    assert sum(sizes) <= BEFORE_PLAY, sum(sizes)


def test_link_previews_keep_one_large_jpeg_and_pages_show_the_stills(
    example_ko: ServedSite,
) -> None:
    """Crawlers read no `srcset`: a page's link preview names the one large JPEG poster
    (`magazine_image`, which the theme makes absolute under site_url); what the pages
    themselves show, the `<video poster>` included, are the WebP stills."""
    staged = example_ko.root / ".magazine" / "staging" / "docs"
    front = (staged / "compare" / "storm-lighthouse.md").read_text(encoding="utf-8")
    assert re.search(
        r'^magazine_image: "media/[0-9a-f]{16}/poster-[0-9a-f]{10}\.jpg"$', front, re.M
    )
    for path in (COMPARISON, "trials/lighthouse-kling/", ""):
        html = (example_ko.site / path / "index.html").read_text(encoding="utf-8")
        article = BeautifulSoup(html, "html.parser").select_one("article")
        assert article is not None
        shown = [str(img.get("src")) for img in article.find_all("img")]
        shown += [str(video.get("poster")) for video in article.find_all("video")]
        assert not [src for src in shown if "/poster-" in src], (path, shown)
