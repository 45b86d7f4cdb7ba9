"""Entry pages read like an article: the prompt as quoted prose, the result with its contact
sheet, the ratings once, a headline; the leaderboard ranks honestly; the front page is a cover."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bs4 import BeautifulSoup

from generator.media.renditions import MediaIndex
from generator.model import Magazine, group_comparisons
from generator.pages import GeneratedFile, render_pages
from tests.pages_fixtures import HOSTILE, to_html

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
