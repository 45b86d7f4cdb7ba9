"""What readers see: the example magazine built for real, served on 127.0.0.1, in Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from generator.model import Comparison, Entry, Magazine
from generator.source.entries import load_magazine
from tests.browser_fixtures import (
    ServedSite,
    Watched,
    build_example,
    needs_korean_font,
    serve_folder,
    watched_page,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

SPARKS = "a-mesmerizing-shower-of-golden-sparks"
# Material 9.8 draws its copy button in a nav; older releases used .md-clipboard.
COPY_BUTTON = "button[data-md-type=copy], button.md-clipboard"
PHONE = {"width": 390, "height": 844}


def _magazine(site: ServedSite) -> Magazine:
    return load_magazine(site.root)


def _entry(site: ServedSite, slug: str) -> Entry:
    return next(entry for entry in _magazine(site).entries if entry.slug == slug)


def _comparison(site: ServedSite, prefix: str) -> Comparison:
    return next(c for c in _magazine(site).comparisons if c.slug.startswith(prefix))


def _section(page: Page, heading: str) -> Locator:
    """Everything between an h2 (or h3) with this text and the next h2, as one locator."""
    article = page.locator("article")
    start = article.locator("h2, h3", has_text=heading).first
    assert start.count() == 1, heading
    return article.locator(
        "xpath=./*[preceding-sibling::*[self::h2 or self::h3][1]"
        f"[normalize-space(.)={_xpath_literal(start.inner_text().strip())}]]"
    )


def _xpath_literal(text: str) -> str:
    return f'"{text}"' if '"' not in text else f"'{text}'"


def _open(watched: Watched, site: ServedSite, path: str) -> Page:
    watched.page.goto(site.url(path), wait_until="networkidle")
    return watched.page


def _tooltip(target: Locator) -> str:
    """The text the browser shows on hovering an element: its `title` (the example leaves
    Material's styled tooltips off, as a new magazine does: mounting one per titled table
    cell cost the leaderboard 5 Lighthouse points)."""
    target.scroll_into_view_if_needed()
    assert target.is_visible()
    return target.get_attribute("title") or ""


# ---------------------------------------------------------------- entry page


def test_entry_prompt_is_shown_exactly_and_copies(
    example_ko: ServedSite, chromium: Browser
) -> None:
    entry = _entry(example_ko, "sparks-sora")
    with watched_page(chromium) as watched:
        watched.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = _open(watched, example_ko, "trials/sparks-sora/")
        quote = page.locator("figure.magazine-prompt-quote blockquote p")
        shown = quote.all_inner_texts()
        copy = page.locator("figure.magazine-prompt-quote button[data-magazine-copy]")
        copy.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        said = copy.inner_text()

    # Prose on the page (the writer's hard wraps are spaces), the exact prompt in the clipboard.
    assert shown == [" ".join(block.split()) for block in entry.prompt.split("\n\n")]
    assert copied.rstrip("\n") == entry.prompt.rstrip("\n")
    assert said == "복사했습니다"


def test_entry_video_is_lazy_with_a_poster_and_plays(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, "trials/sparks-sora/")
        video = page.locator("article video").first
        poster = video.get_attribute("poster") or ""
        requested_before_play = [url for url in watched.requests if url.endswith(".mp4")]
        poster_loaded = page.evaluate(
            "async (src) => { const i = new Image(); i.src = src; await i.decode();"
            " return i.naturalWidth; }",
            poster,
        )

        video.evaluate("v => { v.muted = true; return v.play(); }")
        page.wait_for_function(
            "v => v.currentTime > 0.5", arg=video.element_handle(), timeout=15_000
        )
        attributes = video.evaluate("v => [v.preload, v.hasAttribute('playsinline'), v.controls]")

    assert poster and poster_loaded > 0
    assert attributes == ["none", True, True]
    assert requested_before_play == [], "preload=none must not fetch the video before play"
    assert any(url.endswith(".mp4") for url in watched.requests)


def test_stand_in_clip_is_labelled_and_media_facts_are_shown(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, "trials/sparks-sora/")
        label = page.locator("figure.magazine-clip .magazine-stand-in").first
        facts = _section(page, "미디어 정보").locator("tbody tr").first.locator("td")

        label_visible = label.is_visible()
        label_text = label.inner_text()
        cells = [facts.nth(i).inner_text() for i in range(facts.count())]
        page.goto(example_ko.url("trials/lantern-market-midjourney/"), wait_until="networkidle")
        image_label = page.locator("figure.magazine-clip .magazine-stand-in").first.inner_text()

    assert label_visible
    assert "대체" in label_text and "결과물이 아님" in label_text
    assert "영상" not in image_label  # the same words fit a still image
    assert image_label == label_text
    assert cells[0] == "1"
    assert re.fullmatch(r"\d+×\d+", cells[1]), cells
    assert re.fullmatch(r"[\d.]+초", cells[2]), cells
    assert cells[4].startswith("h264"), cells


def test_pending_timeline_says_still_waiting_at_least_and_the_promise_ratio(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, "trials/sparks-kling/")
        text = page.locator(".magazine-facts").inner_text()
        lead = page.locator(".magazine-lead-empty").inner_text()
        # The small comparison viewer below plays the other services' clips; this attempt's
        # own place has none.
        videos = page.locator("article video:not(.theater-video)").count()

    # Submitted 01-03 10:05, last checked 01-05 10:05, promised 3 h: at least 48 h, 16×.
    assert "마지막 확인" in text
    assert "2일 넘게 기다리는 중" in text
    assert "약속의 16×" in text
    assert videos == 0
    # Where the clip would lead the page, the page says it is still waiting.
    assert "대기 중" in lead and "2일 넘게 기다리는 중" in lead


# ---------------------------------------------------------------- comparison page


def test_comparison_grid_shows_every_service_including_the_ones_that_never_delivered(
    example_ko: ServedSite, chromium: Browser
) -> None:
    comparison = _comparison(example_ko, SPARKS)
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, f"compare/{comparison.slug}/")
        cells = page.locator(".theater-grid > .theater-tile")
        texts = [
            cells.nth(i).locator(".theater-caption").inner_text() for i in range(cells.count())
        ]
        videos = [cells.nth(i).locator("video").count() for i in range(cells.count())]
        frames = [cells.nth(i).locator(".theater-frame").inner_text() for i in range(cells.count())]

    names = {"sora": "Sora", "kling": "Kling", "midjourney": "Midjourney", "veo": "Veo"}
    expected = {
        "delivered": "도착",
        "pending": "대기 중",
        "paywalled": "유료 전용",
        "waitlisted": "대기자 명단",
    }
    assert len(texts) == len(comparison.entries)
    rows = zip(comparison.entries, texts, videos, frames, strict=True)
    for entry, text, video_count, frame in rows:
        assert text.startswith(names[entry.service]), text
        assert expected[entry.status.value] in text
        if entry.status.value == "delivered":
            assert video_count == 1
        else:
            assert video_count == 0
            assert "도착하지 않음" in frame


# ---------------------------------------------------------------- leaderboard, service page


# The leaderboard's video services, by service (the first table of that view).
BOARD = "table[data-magazine-sortable][data-view=service] >> nth=0"


def _column(page: Page, header: str) -> list[str]:
    table = page.locator(BOARD)
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    index = headers.index(header) + 1
    return table.locator(f"tbody tr td:nth-child({index})").all_inner_texts()


def test_leaderboard_columns_sort_on_click(example_ko: ServedSite, chromium: Browser) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, "leaderboard/")
        services_before = _column(page, "서비스")
        heads = page.locator(BOARD).locator("thead th")
        header = heads.filter(has_text=re.compile("^시도$"))  # not "평가한 시도"

        # The first click sorts best first: the most attempts first.
        header.click()
        descending = [int(v) for v in _column(page, "시도")]
        services_descending = _column(page, "서비스")
        header.click()
        ascending = [int(v) for v in _column(page, "시도")]
        sort_state = header.get_attribute("aria-sort")

        page.locator(BOARD).locator("thead th", has_text="서비스").click()
        by_name = _column(page, "서비스")

    assert ascending == sorted(ascending) and ascending != descending
    assert descending == sorted(descending, reverse=True)
    assert sort_state == "ascending"
    assert sorted(services_descending) == sorted(services_before)
    assert by_name == sorted(services_before, key=str.lower)


def test_service_wait_chart_is_accessible_and_draws_the_pending_attempt_open(
    example_ko: ServedSite, chromium: Browser
) -> None:
    kling = [e for e in _magazine(example_ko).entries if e.service == "kling"]
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, "services/kling/")
        section = _section(page, "시도별 대기 시간")
        chart = section.locator("svg[role=img]").first
        name = chart.get_attribute("aria-label") or ""
        by_role = page.get_by_role("img", name=name).count()
        bars = chart.locator("rect.wait").count()
        open_bars = chart.locator("rect.wait.open")
        open_count = open_bars.count()
        dashed = open_bars.first.get_attribute("stroke-dasharray")
        arrows = chart.locator(".arrow").count()
        rows = section.locator("table tbody tr").all_inner_texts()
        waits = section.locator("table tbody .magazine-wait")
        tooltips = [_tooltip(waits.nth(i)) for i in range(waits.count())]

    assert name.strip() and by_role == 1
    assert bars == len(kling) == len(rows)
    pending = sum(1 for e in kling if e.status.value == "pending")
    assert open_count == arrows == pending == 1
    assert dashed
    # Compact in the table, the sentence in the tooltip.
    assert sum("≥" in row for row in rows) == 1
    assert sum("기다리는 중" in tip for tip in tooltips) == 1


def test_prompt_wraps_on_a_phone_instead_of_hiding_words(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium, **PHONE) as watched:
        page = _open(watched, example_ko, "trials/sparks-sora/")
        quote = page.locator("figure.magazine-prompt-quote blockquote").first
        widths = quote.evaluate("q => [q.scrollWidth, q.clientWidth]")
        family = quote.evaluate("q => getComputedStyle(q).fontFamily")
        box = quote.bounding_box()
        button = page.locator("button[data-magazine-copy]").first.bounding_box()

    assert widths[0] <= widths[1], widths
    assert "mono" not in family.lower(), family
    assert box is not None and button is not None
    assert button["y"] >= box["y"] + box["height"] - 1, "the copy button covers the prompt"


def test_charts_take_the_width_of_the_column(example_ko: ServedSite, chromium: Browser) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, "services/kling/")
        column = page.locator("article").evaluate("a => a.clientWidth")
        charts = page.locator("figure.magazine-chart svg").evaluate_all(
            "svgs => svgs.map(s => s.getBoundingClientRect().width)"
        )
        # A chart takes the column's width up to the cap the style sheet sets (26rem).
        cap = page.evaluate(
            "() => 26 * parseFloat(getComputedStyle(document.documentElement).fontSize)"
        )
        label_px = page.locator("figure.magazine-chart svg text").first.evaluate(
            "t => t.getBoundingClientRect().height"
        )

    # Waits, scores, and what was delivered against the claims: resolution, length,
    # distinct pictures a second, motion.
    assert len(charts) == 6
    assert all(width >= 0.9 * min(column, cap) for width in charts), (charts, column, cap)
    assert label_px >= 10  # axis labels stay readable


def test_leaderboard_table_is_styled_and_rows_stay_on_one_line(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, "leaderboard/")
        table = page.locator(BOARD)
        padding = table.locator("td").first.evaluate("td => getComputedStyle(td).paddingLeft")
        border = table.evaluate("t => getComputedStyle(t).borderTopStyle")
        heights = table.locator("tbody tr").evaluate_all(
            "rows => rows.map(r => r.getBoundingClientRect().height)"
        )
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )

    assert float(padding.removesuffix("px")) > 4
    assert border == "solid"
    assert max(heights) - min(heights) < 1, heights
    assert overflow <= 0  # the table scrolls inside its wrapper, not the page


# ---------------------------------------------------------------- every page type


PAGE_TYPES = {
    "home": "",
    "entry": "trials/sparks-sora/",
    "comparison": f"compare/{SPARKS}",
    "service": "services/kling/",
    "leaderboard": "leaderboard/",
    "report": "reports/2025-01/",
    "tags": "tags/",
    "data": "data/",
}


def _page_path(site: ServedSite, kind: str) -> str:
    path = PAGE_TYPES[kind]
    if kind == "comparison":
        return f"compare/{_comparison(site, SPARKS).slug}/"
    return path


@pytest.fixture(params=["ko", "en"])
def either_language(request: pytest.FixtureRequest) -> ServedSite:
    site: ServedSite = request.getfixturevalue(f"example_{request.param}")
    return site


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_loads_only_from_the_site_without_errors(
    either_language: ServedSite, chromium: Browser, kind: str
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, either_language, _page_path(either_language, kind))
        title = page.locator("article h1").first.inner_text()

    hosts = {urlsplit(url).hostname for url in watched.requests if url.startswith("http")}
    assert hosts == {"127.0.0.1"}, watched.requests
    assert all(url.startswith(("http:", "data:", "blob:")) for url in watched.requests)
    assert watched.failures == []
    assert watched.console_errors == []
    assert title.strip()


LABELS = {
    "ko": {
        "entry": [
            "프롬프트",
            "상태",
            "프레임 모음",
            "미디어 정보",
            "평가",
            "같은 프롬프트, 다른 서비스",
        ],
        "comparison": ["프롬프트", "결과물", "모두 재생", "비교"],
        "service": ["이용 조건의 변화", "시도별 대기 시간", "시간에 따른 점수"],
        "leaderboard": ["순위표", "서비스", "도착률"],
    },
    "en": {
        "entry": [
            "Prompt",
            "Status",
            "Contact sheet",
            "Media facts",
            "The same prompt on other services",
        ],
        "comparison": ["Prompt", "Clips", "Play all"],
        "service": ["Wait", "Attempts"],
        "leaderboard": ["Leaderboard", "Service"],
    },
}


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("kind", ["entry", "comparison", "service", "leaderboard"])
def test_labels_follow_the_site_language(
    request: pytest.FixtureRequest, chromium: Browser, language: str, kind: str
) -> None:
    site: ServedSite = request.getfixturevalue(f"example_{language}")
    other = "en" if language == "ko" else "ko"
    with watched_page(chromium) as watched:
        page = _open(watched, site, _page_path(site, kind))
        text = page.locator("article").inner_text()
        html_lang = page.locator("html").get_attribute("lang")
        # Headings, field names and controls are the generator's; the rest is the writer's.
        chrome = " ".join(
            page.locator("article :is(h1, h2, h3, strong, button, th)").all_inner_texts()
        )

    assert html_lang == language
    for label in LABELS[language][kind]:
        assert label in text, label
    # The generator's own words in the other language do not leak in.
    for label in LABELS[other][kind]:
        assert label not in chrome, label


# ---------------------------------------------------------------- hostile entry


ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '{: onclick="alert(1)" }',
    "# heading",
]
HOSTILE = """\
title: "<script>alert(1)</script> <img src=x onerror=alert(1)> # heading"
service: {service}
model: "<img src=x onerror=alert(1)>"
plan: free
prompt: |
  <script>alert(1)</script>
  <img src=x onerror=alert(1)>
  [x](javascript:alert(1))
  {{: onclick="alert(1)" }}
  # heading
  ```
  a fence ``` and ```` inside
  ````
prompt_source: "[x](javascript:alert(1)) <script>alert(1)</script>"
submitted_at: 2025-01-20T10:0{minute}:00+09:00
delivered_at: 2025-01-20T10:30:00+09:00
status: delivered
clips:
  - file: media/sparks-sora.mp4
    caption: "<img src=x onerror=alert(1)> [x](javascript:alert(1)) {{: onclick=\\"alert(1)\\" }}"
ratings: {{quality: 3}}
verdict: "<script>alert(1)</script> [x](javascript:alert(1)) {{: onclick=\\"alert(1)\\" }}"
notes: |
  <script>alert(1)</script>

  <img src=x onerror=alert(1)>

  [x](javascript:alert(1))

  paragraph
  {{: onclick="alert(1)" }}

  # heading

  ```
  <script>alert(1)</script>
  ```
tags: ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))"]
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The example magazine plus two entries (one comparison) written by an attacker."""
    extra = {
        f"entries/2025/01/hostile-{service}.yml": HOSTILE.format(service=service, minute=minute)
        for minute, service in enumerate(["sora", "kling"])
    }
    root, site = build_example(tmp_path_factory.mktemp("hostile"), extra=extra)
    with serve_folder(site) as base:
        yield ServedSite(root, site, base)


INJECTED = (
    "script:not([src]):not([id=__config])",
    "img[src=x]",
    "[onerror]",
    "[onclick]",
    "a[href^='javascript:' i]",
)


def _injected(page: Page) -> list[str]:
    found: list[str] = page.evaluate(
        """(selectors) => selectors.flatMap(s => [...document.querySelectorAll(s)]
            .filter(e => !(e.tagName === 'SCRIPT' && !e.textContent.includes('alert(1)')))
            .map(e => s + ': ' + e.outerHTML.slice(0, 120)))""",
        list(INJECTED),
    )
    return found


@pytest.mark.parametrize(
    "path",
    [
        "trials/hostile-sora/",
        "compare/",
        "trials/",
        "tags/",
        "reports/2025-01/",
        "latest/",
        "",
    ],
)
def test_hostile_text_never_runs_and_is_shown_literally(
    hostile_site: ServedSite, chromium: Browser, path: str
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, hostile_site, path)
        text = page.locator("body").inner_text()
        injected = _injected(page)

    assert watched.dialogs == []
    assert injected == []
    assert watched.console_errors == []
    if path in ("trials/hostile-sora/", "trials/", "tags/", "reports/2025-01/"):
        assert "<script>alert(1)</script>" in text


def test_hostile_entry_page_shows_every_field_literally(
    hostile_site: ServedSite, chromium: Browser
) -> None:
    entry = _entry(hostile_site, "hostile-sora")
    comparison = next(c for c in _magazine(hostile_site).comparisons if entry in c.entries)
    with watched_page(chromium) as watched:
        page = _open(watched, hostile_site, "trials/hostile-sora/")
        title = page.locator("article h1").first.inner_text()
        prompt = (
            page.locator("button[data-magazine-copy]").first.get_attribute("data-magazine-copy")
            or ""
        )
        prose = page.locator("figure.magazine-prompt-quote blockquote").first.inner_text()
        caption = page.locator("figure.magazine-clip figcaption").first.inner_text()
        verdict = page.locator("blockquote.magazine-verdict").inner_text()
        notes = page.locator(".magazine-notes")
        notes_code = notes.locator("pre code").inner_text()
        notes_links = notes.locator("a").evaluate_all("as => as.map(a => a.href)")
        tags = page.locator("nav.md-tags .md-tag").all_inner_texts()
        compare = _open(watched, hostile_site, f"compare/{comparison.slug}/")
        compare_prompt = (
            compare.locator("button[data-magazine-copy]").first.get_attribute("data-magazine-copy")
            or ""
        )
        compare_prose = compare.locator(
            "figure.magazine-prompt-quote blockquote"
        ).first.inner_text()
        compare_injected = _injected(compare)

    assert title.removesuffix("¶").strip() == entry.title
    assert prompt.rstrip("\n") == entry.prompt.rstrip("\n")
    assert " ".join(prose.split()) == " ".join(entry.prompt.split())
    assert compare_prompt.rstrip("\n") == entry.prompt.rstrip("\n")
    assert " ".join(compare_prose.split()) == " ".join(entry.prompt.split())
    assert caption == entry.clips[0].caption
    assert verdict == entry.verdict
    assert sorted(tags) == sorted(entry.tags)
    assert notes_code.strip() == "<script>alert(1)</script>"
    assert all(not link.lower().startswith("javascript:") for link in notes_links)
    assert compare_injected == []
    assert watched.dialogs == []


def test_example_entries_are_not_written_by_a_build(example_ko: ServedSite) -> None:
    repository = Path(__file__).resolve().parent.parent
    for path in sorted((example_ko.root / "entries").rglob("*.yml")):
        original = repository / path.relative_to(example_ko.root)
        assert path.read_bytes() == original.read_bytes()


# ---------------------------------------------------------------- compact tables, tooltips


def test_leaderboard_means_stand_alone_and_few_ones_explain_themselves(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, "leaderboard/")
        overall = _column(page, "종합")
        rated = _column(page, "평가한 시도")
        ranks = _column(page, "#")
        few = page.locator(BOARD).locator(".magazine-few").first
        style = few.evaluate("e => [getComputedStyle(e).opacity, getComputedStyle(e).fontStyle]")
        tip = _tooltip(few)
        legend = page.locator("article .magazine-legend").all_inner_texts()
        fits = page.locator(BOARD).evaluate(
            "t => t.parentElement.scrollWidth <= t.parentElement.clientWidth"
        )
        rate = page.locator(BOARD).locator("tbody td span[title*='/']").first
        rate_tip = _tooltip(rate)

        page.locator(BOARD).locator("thead th", has_text="종합").click()
        best_first = _column(page, "종합")

    assert all(re.fullmatch(r"\d\.\d|–", v) for v in overall), overall
    assert all(v.isdigit() for v in rated), rated
    assert "수=" not in " ".join(overall)
    # Only services resting on 3 rated attempts are ranked, first, in order; the others follow
    # unranked, and the legend says why.
    ranked = [r for r in ranks if r != "–"]
    assert ranked and ranked == [str(n) for n in range(1, len(ranked) + 1)]
    assert ranks[: len(ranked)] == ranked and set(ranks[len(ranked) :]) == {"–"}
    assert all(int(n) >= 3 for n in rated[: len(ranked)])
    assert all(int(n) < 3 for n in rated[len(ranked) :])
    # Told apart by its italic and a quieter grey that still keeps AA contrast (no opacity).
    assert float(style[0]) == 1 and style[1] == "italic"
    assert "평가" in tip and "3 미만" in tip
    assert len(legend) == 1 and "순위(#)" in legend[0]
    assert re.fullmatch(r"\d+ / \d+ \(\d+%\)", rate_tip), rate_tip
    numbers = [float(v) for v in best_first if v != "–"]
    assert numbers == sorted(numbers, reverse=True) and len(numbers) >= 2  # numeric order
    assert best_first[len(numbers) :] == ["–"] * (len(best_first) - len(numbers))
    needs_korean_font()
    assert fits  # every column in view on a desktop


def test_tables_show_compact_waits_on_one_line_with_the_sentence_in_a_tooltip(
    example_ko: ServedSite, chromium: Browser
) -> None:
    comparison = _comparison(example_ko, SPARKS)
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, f"compare/{comparison.slug}/")
        # The first table with a wait column (a comparison told in rounds has one per round).
        table = page.locator("article table", has=page.locator("thead th", has_text="대기")).first
        heads = [h.strip() for h in table.locator("thead th").all_inner_texts()]
        column = heads.index("대기") + 1
        cells = table.locator(f"tbody td:nth-child({column})")
        texts = cells.all_inner_texts()
        # A wrapped inline box has one client rect per line.
        lines = cells.locator(".magazine-wait").evaluate_all(
            "ws => ws.map(w => w.getClientRects().length)"
        )
        # Material wraps a Markdown table in a box that scrolls sideways when it is too wide.
        fits = table.evaluate(
            "t => { const w = t.closest('.md-typeset__scrollwrap'); "
            "return w !== null && w.scrollWidth <= w.clientWidth; }"
        )
        pending = texts.index("≥ 2일 · 16×")
        tip = _tooltip(cells.nth(pending).locator(".magazine-wait"))

    assert "40분 · 0.2×" in texts and "유료 전용" in texts
    assert tip == "2일 넘게 기다리는 중 (약속의 16×), 마지막 확인 2025년 1월 5일 10:05 KST 기준"
    needs_korean_font()
    assert lines == [1] * len(texts), lines
    assert fits  # every criterion in view on a desktop, no sideways scrolling


def test_grid_headings_tell_attempts_of_one_service_apart_and_lead_to_them(
    example_ko: ServedSite, chromium: Browser
) -> None:
    comparison = _comparison(example_ko, SPARKS)
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, f"compare/{comparison.slug}/")
        captions = page.locator(".theater-grid .theater-caption")
        texts = [
            f"{c.locator('a strong').inner_text()} · "
            + " · ".join(c.locator(".theater-facts").inner_text().split(" · ")[:2])
            for c in captions.all()
        ]
        headings = captions.locator("a")
        hrefs = [headings.nth(i).get_attribute("href") or "" for i in range(headings.count())]
        kling = next(i for i, t in enumerate(texts) if t.startswith("Kling") and "도착" in t)
        headings.nth(kling).click()
        page.wait_for_load_state("networkidle")
        landed = page.locator("article h1").first.inner_text()
        timeline = page.locator(".magazine-facts").inner_text()

    assert len(texts) == len(comparison.entries)
    klings = [t for t in texts if t.startswith("Kling")]
    assert klings == ["Kling · 대기 중 · 2025년 1월 3일", "Kling · 도착 · 2025년 4월 14일"]
    assert len(set(hrefs)) == len(hrefs)
    assert landed.startswith(_entry(example_ko, "sparks-kling-retry").title)
    assert "2025년 4월 14일 09:30 KST" in timeline and "UTC+" not in timeline


@pytest.mark.parametrize("language", ["ko", "en"])
def test_media_facts_headers_are_words(
    request: pytest.FixtureRequest, chromium: Browser, language: str
) -> None:
    site: ServedSite = request.getfixturevalue(f"example_{language}")
    with watched_page(chromium) as watched:
        page = _open(watched, site, "trials/sparks-kling-retry/")
        facts = _section(page, "미디어 정보" if language == "ko" else "Media facts")
        table = facts.locator("table").first  # the measurements' panel follows it
        heads = [h.strip() for h in table.locator("thead th").all_inner_texts()]
        cells = table.locator("tbody tr").first.locator("td").all_inner_texts()

    expected = {
        "ko": ["#", "해상도", "길이", "프레임 속도", "코덱", "오디오", "크기"],
        "en": ["#", "Resolution", "Duration", "Frame rate", "Codec", "Audio", "Size"],
    }
    assert heads == expected[language]
    assert cells[5] == ("없음" if language == "ko" else "none")
