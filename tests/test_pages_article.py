"""Entry pages read like an article: the prompt as quoted prose, the result with its contact
sheet, the ratings once, a headline; the leaderboard ranks honestly; the front page is a cover."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup, Tag

from generator.errors import ContentError
from generator.media.renditions import MediaIndex
from generator.model import Magazine, Service, TagLabel, group_comparisons
from generator.pages import GeneratedFile, PageMemo, render_pages
from generator.site.staging import fill_snippets
from generator.source.entries import load_magazine
from tests.browser_fixtures import ServedSite, serve_folder, watched_page
from tests.build_fixtures import invoke, write_small_magazine
from tests.pages_fixtures import HOSTILE, at, entry, magazine, to_html

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ASSETS = Path(__file__).resolve().parent.parent / "generator/pages/assets"


def _page(magazine: Magazine, media: MediaIndex, path: str) -> BeautifulSoup:
    found = render_pages(magazine, media).files[path]
    assert isinstance(found, GeneratedFile)
    return to_html(found.text)


def test_prompt_is_quoted_prose_broken_only_at_blank_lines(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = _page(small_magazine, small_media, "trials/sparks-sora.md")
    prompt = small_magazine.entry("sparks-sora").prompt
    quote = soup.select_one("figure.magazine-prompt-quote blockquote")
    assert quote is not None
    # YAML's hard break inside the paragraph is a space: the prose wraps to the screen.
    assert [p.get_text() for p in quote.find_all("p")] == [" ".join(prompt.split())]
    assert soup.find("pre") is None and soup.find("code") is None
    button = soup.select_one("figure.magazine-prompt-quote button[data-magazine-copy]")
    assert button is not None and button.has_attr("hidden")
    assert button["data-magazine-copy"] == prompt
    assert button.get_text() == "Copy prompt"


def test_comparison_page_quotes_the_prompt_as_prose_too(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    """Not a monospace block keeping YAML's hard breaks (a lone word on a line on a phone)."""
    comparison = next(
        c for c in small_magazine.comparisons if any(e.slug == "sparks-sora" for e in c.entries)
    )
    page = f"compare/{comparison.slug}.md"
    soup = _page(small_magazine, small_media, page)
    quote = soup.select_one("figure.magazine-prompt-quote blockquote")
    assert quote is not None
    assert [p.get_text() for p in quote.find_all("p")] == [" ".join(comparison.prompt.split())]
    assert soup.find("pre") is None
    button = soup.select_one("figure.magazine-prompt-quote button[data-magazine-copy]")
    assert button is not None and button["data-magazine-copy"] == comparison.prompt.rstrip("\n")


def test_writer_blank_lines_make_paragraphs(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    prompt = "First line\nof one paragraph.\n\n  \nSecond paragraph.\n\n\nThird."
    entries = tuple(
        e.model_copy(update={"prompt": prompt}) if e.slug == "lantern-sora" else e
        for e in small_magazine.entries
    )
    magazine = dataclasses.replace(
        small_magazine, entries=entries, comparisons=group_comparisons(entries)
    )
    soup = _page(magazine, small_media, "trials/lantern-sora.md")
    quote = soup.select_one("figure.magazine-prompt-quote blockquote")
    assert quote is not None
    texts = [p.get_text() for p in quote.find_all("p")]
    assert texts == ["First line of one paragraph.", "Second paragraph.", "Third."]
    button = soup.select_one("button[data-magazine-copy]")
    assert button is not None and button["data-magazine-copy"] == prompt


def test_hostile_prompt_stays_inert_as_prose(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    page = render_pages(small_magazine, small_media).files["trials/hostile-sora.md"]
    assert isinstance(page, GeneratedFile)
    soup = to_html(page.text)
    prompt = small_magazine.entry("hostile-sora").prompt
    quote = soup.select_one("figure.magazine-prompt-quote blockquote")
    assert quote is not None
    shown = " ".join(p.get_text() for p in quote.find_all("p"))
    assert shown == " ".join(prompt.split())
    assert HOSTILE in shown
    assert quote.find_all(True) == quote.find_all("p")  # text only: no element, link or heading
    assert soup.find("script") is None and soup.find("img", src="x") is None
    for element in soup.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element
    assert not [h for h in soup.find_all(["h1", "h2", "h3"]) if "not a heading" in h.get_text()]
    button = soup.select_one("button[data-magazine-copy]")
    assert button is not None and button["data-magazine-copy"] == prompt
    # The raw HTML stays on one line, so Markdown cannot end it early and read the rest.
    line = next(x for x in page.text.splitlines() if "magazine-prompt-quote" in x)
    assert line.startswith("<figure") and line.endswith("</figure>")


def test_result_holds_the_clip_and_its_contact_sheet_in_view(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = _page(small_magazine, small_media, "trials/sparks-sora.md")
    result = soup.select_one("section.magazine-result")
    assert result is not None and result["aria-label"] == "Clips"
    assert result.find("video") is not None
    sheet = result.select_one("figure.magazine-sheet img")
    assert sheet is not None and sheet["loading"] == "lazy"
    assert soup.find("details") is None, "the contact sheet is not hidden behind a disclosure"
    # The result leads: the verdict, ratings and facts follow it.
    order = [el for el in soup.find_all(True) if el.name in ("section", "blockquote", "table")]
    assert order[0] is result


def test_ratings_are_shown_once_as_one_table(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = _page(small_magazine, small_media, "trials/sparks-sora.md")
    tables = soup.select("table.magazine-ratings")
    assert len(tables) == 1
    table = tables[0]
    assert table.caption is not None and table.caption.get_text() == "mean score 4.0 / 5"
    rows = [
        (tr.th.get_text(), tr.select_one(".magazine-rating").get_text())
        for tr in table.tbody.find_all("tr")
    ]
    assert rows == [("Quality", "4 / 5"), ("Composition", "3 / 5"), ("Lighting", "5 / 5")]
    assert all(th["scope"] == "row" for th in table.tbody.find_all("th"))
    assert all(bar["aria-hidden"] == "true" for bar in table.select(".magazine-bar"))
    # Nowhere else: no second list of the same scores.
    assert "Composition 3 ·" not in soup.get_text()
    assert soup.select(".magazine-score-summary") == []


def test_headline_is_marked_and_no_writer_text_is_set_in_italic(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = _page(small_magazine, small_media, "trials/sparks-sora.md")
    assert soup.h1 is not None and "magazine-headline" in soup.h1["class"]
    assert soup.find("em") is None or soup.find("em").find_parent(class_="magazine-notes")
    css = (ASSETS / "magazine.css").read_text("utf-8")
    for rule in css.split("}"):
        if "verdict" in rule or "prompt" in rule:
            assert "italic" not in rule, rule


# ---------------------------------------------------------------- leaderboard


def _leaderboard(site_magazine: Magazine, media: MediaIndex) -> BeautifulSoup:
    return _page(site_magazine, media, "leaderboard.md")


def _sections(soup: BeautifulSoup) -> dict[str, list[Tag]]:
    """The tables under each kind's h2."""
    found: dict[str, list[Tag]] = {}
    current = ""
    for element in soup.find_all(["h2", "table"]):
        if element.name == "h2":
            current = element.get_text()
            found[current] = []
        else:
            found[current].append(element)
    return found


def _names(table: Tag, column: int) -> list[str]:
    return [tr.find_all("td")[column].get_text() for tr in table.tbody.find_all("tr")]


def test_video_and_image_services_are_ranked_apart(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    sections = _sections(_leaderboard(small_magazine, small_media))
    assert list(sections) == ["Video", "Image"]
    video_services = _names(sections["Video"][1], 1)
    image_services = _names(sections["Image"][1], 1)
    assert "Midjourney" not in video_services and "Sora" in video_services
    assert image_services == ["Midjourney"]
    assert [t["data-view"] for t in sections["Video"]] == ["model", "service"]


def test_models_are_ranked_with_the_service_grouping_as_a_second_view(
    small_media: MediaIndex,
) -> None:
    base = magazine()
    extra = tuple(
        entry(
            f"model-{n}-{version}",
            service="kling",
            model=model,
            prompt=f"Prompt {n}",
            submitted_at=at(f"2025-03-0{n + 1}T00:40:00"),
            delivered_at=at(f"2025-03-0{n + 1}T01:00:00"),
            ratings={"quality": score},
        )
        for version, model, score in (("16", "Kling 1.6", 2), ("21", "kling 2.1", 5))
        for n in range(3)
    )
    items = (*base.entries, *extra)
    site_magazine = dataclasses.replace(base, entries=items, comparisons=group_comparisons(items))
    video = _sections(_leaderboard(site_magazine, small_media))["Video"]
    by_model, by_service = video
    models = _names(by_model, 1)
    assert "kling 2.1" in models and "Kling 1.6" in models and "Sora Sora 1.0" not in models
    assert "Sora 1.0" in models  # the writer's model text already names the service
    assert "Sora (not recorded)" in models  # attempts without a model stay visible
    # Kling 2.1 (5.0 over 3 attempts) ranks first; Kling 1.6 (2.0 over 3) after Sora's models.
    assert models[0] == "kling 2.1" and _names(by_model, 0)[0] == "1"
    assert _names(by_service, 1).count("Kling") == 1


def test_every_mean_shows_how_many_values_it_rests_on(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = _leaderboard(small_magazine, small_media)
    for table in soup.find_all("table"):
        heads = [th.get_text() for th in table.thead.find_all("th")]
        overall = heads.index("Overall")
        assert heads[overall + 1] == "Rated attempts"  # the overall mean's n, beside it
        for tr in table.tbody.find_all("tr"):
            for cell in tr.find_all("td"):
                if cell.select_one(".magazine-mean") and cell is not tr.find_all("td")[overall]:
                    n = cell.select_one(".magazine-n")
                    assert n is not None and re.fullmatch(r"n=\d+", n.get_text()), cell


SORTABLE = """<!doctype html><html lang="en"><title>t</title><link rel="icon" href="data:,"><body>
<table data-magazine-sortable><thead><tr>
<th data-sort-type="number" data-sort-best="low">#</th><th>Name</th>
<th data-sort-type="number" data-sort-best="high">Score</th>
<th data-sort-type="number" data-sort-best="low">Wait</th></tr></thead><tbody>
<tr><td data-sort="">–</td><td>A</td><td data-sort="">–</td><td data-sort="60">1 min</td></tr>
<tr><td data-sort="2">2</td><td>B</td><td data-sort="3.5">3.5</td><td data-sort="">–</td></tr>
<tr><td data-sort="1">1</td><td>C</td><td data-sort="4.5">4.5</td><td data-sort="7200">2 h</td></tr>
<tr><td data-sort="">–</td><td>D</td><td data-sort="1.0">1.0</td><td data-sort="30">30 s</td></tr>
</tbody></table><script src="magazine.js"></script></body></html>"""


@pytest.mark.browser
def test_first_click_sorts_best_first_and_dashes_stay_last(
    tmp_path: Path, chromium: Browser
) -> None:
    (tmp_path / "index.html").write_text(SORTABLE, encoding="utf-8")
    (tmp_path / "magazine.js").write_bytes((ASSETS / "magazine.js").read_bytes())
    orders = {}
    with serve_folder(tmp_path) as base, watched_page(chromium) as watched:
        page = watched.page
        page.goto(base)

        def names() -> str:
            return "".join(page.locator("tbody tr td:nth-child(2)").all_inner_texts())

        for head in ("Score", "Wait", "#", "Name"):
            header = page.locator("th", has_text=head).first
            header.click()
            first = (names(), header.get_attribute("aria-sort"))
            header.click()
            orders[head] = (first, (names(), header.get_attribute("aria-sort")))
        errors = watched.console_errors

    assert orders["Score"] == (("CBDA", "descending"), ("DBCA", "ascending"))
    assert orders["Wait"] == (("DACB", "ascending"), ("CADB", "descending"))
    assert orders["#"] == (("CBAD", "ascending"), ("BCAD", "descending"))
    assert orders["Name"] == (("ABCD", "ascending"), ("DCBA", "descending"))
    assert errors == []


# ---------------------------------------------------------------- front page


def _card_links(text: str) -> list[str]:
    soup = to_html(text)
    return [a["href"] for a in soup.select(".magazine-card-title a")]


def test_front_page_latest_leaves_out_what_the_lead_shows(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    rendered = render_pages(small_magazine, small_media, home=True)
    home = rendered.files["index.md"]
    latest = rendered.files["latest.md"]
    assert isinstance(home, GeneratedFile) and isinstance(latest, GeneratedFile)
    # The lead is the newest comparison: the paper boat, on Sora and Kling.
    lead = home.text.split("## Latest")[0]
    assert "trials/boat-sora.md" in lead and "trials/boat-kling.md" in lead
    assert not [h for h in _card_links(home.text) if "boat-" in h]
    assert len([h for h in _card_links(latest.text) if "boat-" in h]) == 2
    assert len(_card_links(home.text)) == len(small_magazine.entries) - 2
    # A writer's page that places the lead gets the same latest; one without it, all of them.
    snippets = rendered.snippets
    with_lead = fill_snippets("<!-- magazine:lead -->\n\n<!-- magazine:latest -->", snippets)
    alone = fill_snippets("<!-- magazine:latest -->", snippets)
    assert "boat-kling" not in with_lead.split("magazine-cards")[1]
    assert "boat-kling" in alone


def test_services_index_is_sorted_by_the_names_readers_see(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    services = {
        **small_magazine.services,
        "aaa": Service(key="aaa", name="Zeta Video"),
        "luma": Service(key="luma", name="Dream Machine"),
    }
    site_magazine = dataclasses.replace(small_magazine, services=services)
    soup = _page(site_magazine, small_media, "services/index.md")
    names = [tr.find("td").get_text() for tr in soup.find("tbody").find_all("tr")]
    assert names == sorted(names, key=str.casefold)
    assert names[0] == "Dream Machine" and names[-1] == "Zeta Video"


@pytest.mark.browser
def test_cover_placeholders_take_one_line_on_a_phone(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium, width=390, height=844) as watched:
        watched.page.goto(example_ko.url(""), wait_until="networkidle")
        empty = watched.page.locator(".magazine-card-empty")
        heights = empty.evaluate_all("es => es.map(e => e.getBoundingClientRect().height)")
        poster = watched.page.locator(".magazine-card-poster img").first
        poster_height = poster.evaluate("e => e.getBoundingClientRect().height")

    assert heights and max(heights) <= 40, heights
    assert poster_height > 2 * max(heights)


# ---------------------------------------------------------------- built for real


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_small_magazine(tmp_path_factory.mktemp("article") / "mag")
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    return root / "site"


@pytest.mark.slow
def test_search_results_show_the_verdict_as_the_snippet(small_site: Path) -> None:
    index = json.loads((small_site / "search/search_index.json").read_text("utf-8"))
    first = next(doc for doc in index["docs"] if doc["location"] == "trials/sora/")
    # The page's own text before its first section: the verdict, not a caption or a label.
    assert first["text"] == "<p>느낌은 있는데 인물이 흐려진다</p>"
    assert "한 번에 나온 영상" not in first["text"]


def test_open_data_page_says_nothing_meant_for_the_writer(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    assert small_magazine.settings.site_url is None  # what the writer has yet to set
    soup = _page(small_magazine, small_media, "data/index.md")
    text = soup.get_text()
    assert "site_url" not in text and "mkdocs.yml" not in text
    links = [a["href"] for a in soup.find_all("a", href=True)]
    assert links == ["entries.json", "entries.csv", "../feed.xml", "measured.schema.json"]


# ---------------------------------------------------------------- tag labels


TAGS_YML = """\
text-to-video:
  label: {ko: 텍스트로 영상, en: Text to video}
슬로모션:
  label: {en: Slow motion}
"""


def _labelled(base: Magazine, tags: dict[str, dict[str, str]]) -> Magazine:
    labels = {key: TagLabel(key=key, label=label) for key, label in tags.items()}
    return dataclasses.replace(base, tags=labels)


def _front_tags(text: str) -> list[str]:
    front = text.split("\n---\n", 1)[0]
    return [
        line.removeprefix("  - ").strip('"')
        for line in front.splitlines()
        if line.startswith("  - ")
    ]


def test_tags_show_in_the_site_language_where_labelled(small_media: MediaIndex) -> None:
    tags = {"text-to-video": {"ko": "텍스트로 영상", "en": "Text to video"}}
    for language, first in (("ko", "텍스트로 영상"), ("en", "Text to video")):
        site = render_pages(_labelled(magazine(language), tags), small_media)
        page = site.files["trials/sparks-sora.md"]
        assert isinstance(page, GeneratedFile)
        # Labelled tags in the site's language, the others as written.
        assert _front_tags(page.text) == [first, "slow-motion"]


def test_a_changed_tag_label_reaches_the_kept_pages(small_media: MediaIndex) -> None:
    memo = PageMemo(later=True)
    before = _labelled(magazine(), {"slow-motion": {"en": "Slow"}})
    shown = render_pages(before, small_media, memo=memo).files["trials/sparks-sora.md"]
    assert isinstance(shown, GeneratedFile) and "Slow" in _front_tags(shown.text)  # made now
    # The same entries (as the entry cache hands them back): only tags.yml changed.
    after = _labelled(before, {"slow-motion": {"en": "Slow motion"}})
    kept = render_pages(after, small_media, memo=memo).files["trials/sparks-sora.md"]
    fresh = render_pages(after, small_media).files["trials/sparks-sora.md"]
    assert isinstance(kept, GeneratedFile) and isinstance(fresh, GeneratedFile)
    assert kept.text == fresh.text and "Slow motion" in _front_tags(kept.text)


def test_tags_registry_is_read_and_checked_with_located_problems(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    (root / "entries/tags.yml").write_text(TAGS_YML, encoding="utf-8")
    loaded = load_magazine(root)
    assert loaded.tags["text-to-video"].label_for("ko") == "텍스트로 영상"
    assert loaded.tags["슬로모션"].label_for("ko") == "슬로모션"  # no Korean label: as written
    assert all(entry.path != "entries/tags.yml" for entry in loaded.entries)

    (root / "entries/tags.yml").write_text(
        "text-to-video:\n  label: {ko: 영상}\n  colour: red\nrain: 7\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_magazine(root)
    found = [str(problem) for problem in caught.value.problems]
    assert any(p.startswith("entries/tags.yml:3:3: text-to-video.colour:") for p in found), found
    assert any(p.startswith("entries/tags.yml:4:") and "rain" in p for p in found), found


@pytest.mark.browser
def test_no_writer_text_is_slanted_on_the_entry_page_or_the_cards(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = watched.page
        page.goto(example_ko.url("trials/sparks-sora/"), wait_until="networkidle")
        styles = page.evaluate(
            """(selector) => [...document.querySelectorAll(selector)].map(e =>
                 [e.className || e.tagName, getComputedStyle(e).fontStyle,
                  getComputedStyle(e).fontWeight])""",
            ".magazine-result figcaption, blockquote.magazine-verdict p,"
            " .magazine-prompt-quote p, h1",
        )
        page.goto(example_ko.url(""), wait_until="networkidle")
        cards = page.locator(".magazine-card-verdict").evaluate_all(
            "es => es.map(e => getComputedStyle(e).fontStyle)"
        )

    assert len(styles) >= 4 and all(style == "normal" for _, style, _ in styles), styles
    headline = next(weight for name, _, weight in styles if "headline" in name)
    assert int(headline) >= 700
    assert cards and set(cards) == {"normal"}


@pytest.mark.browser
def test_the_site_name_shows_once_in_the_desktop_navigation(
    example_ko: ServedSite, chromium: Browser
) -> None:
    # The header names the site; the sidebar's home item says "홈" (on a phone the drawer's
    # title is the site's name, tests/test_phone.py).
    with watched_page(chromium, width=1280) as watched:
        page = watched.page
        page.goto(example_ko.url("leaderboard/"), wait_until="networkidle")
        name = page.locator(".md-header__topic .md-ellipsis").first.inner_text().strip()
        shown = page.locator(
            ".md-header__topic:not([data-md-component=header-topic]),"
            " .md-sidebar--primary :is(.md-nav__title, .md-nav__link)"
        ).evaluate_all(
            "(es, name) => es.filter(e => e.offsetParent !== null"
            " && e.innerText.trim() === name).length",
            name,
        )
        home = page.locator(".md-sidebar--primary .md-nav--primary > ul > li > a").first

        assert name == "생성 AI 체험기"
        assert shown == 1
        assert home.inner_text().strip() == "홈"


def test_a_magazine_of_one_comparison_has_no_empty_latest_under_its_lead(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    boats = tuple(e for e in small_magazine.entries if e.slug.startswith("boat-"))
    only = dataclasses.replace(small_magazine, entries=boats, comparisons=group_comparisons(boats))
    home = render_pages(only, small_media, home=True).files["index.md"]
    assert isinstance(home, GeneratedFile)
    assert "## Latest" not in home.text and "magazine-cards" not in home.text
    assert "trials/boat-sora.md" in home.text  # in the lead


@pytest.mark.browser
def test_short_titles_and_dates_stay_on_one_line_in_table_cells(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium, width=390, height=844) as watched:
        page = watched.page
        page.goto(example_ko.url(""), wait_until="networkidle")
        cells = page.locator(".magazine-waiting td").evaluate_all(
            """cells => cells.map(c => {
                 const r = document.createRange(); r.selectNodeContents(c);
                 const tops = new Set([...r.getClientRects()].filter(b => b.width > 1)
                   .map(b => Math.round(b.top)));
                 return [c.innerText.trim(), tops.size]; })"""
        )

    assert cells
    short = [(text, lines) for text, lines in cells if len(text) <= 16]
    assert short and all(lines == 1 for _, lines in short), cells


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    ["services/kling/", "compare/storm-lighthouse/", "leaderboard/", "reports/2025-06/", ""],
)
def test_no_hangul_is_slanted_on_any_page(
    example_ko: ServedSite, chromium: Browser, path: str
) -> None:
    """Hangul has no italic face: a browser slants it synthetically. Emphasis, captions and
    notes on a Korean page stand upright (text in another language keeps its italic)."""
    with watched_page(chromium) as watched:
        page = watched.page
        page.goto(example_ko.url(path), wait_until="networkidle")
        slanted = page.evaluate(
            """() => [...document.querySelectorAll("article *")].filter(e =>
                 getComputedStyle(e).fontStyle !== "normal" &&
                 [...e.childNodes].some(n => n.nodeType === 3 && /[\\uac00-\\ud7a3]/.test(n.data))
               ).map(e => e.tagName + "." + e.className + ": " + e.textContent.slice(0, 40))"""
        )
    assert slanted == []
