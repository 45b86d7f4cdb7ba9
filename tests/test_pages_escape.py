from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.pages import escape
from tests.pages_fixtures import HOSTILE, to_html


def _no_active_content(soup: BeautifulSoup) -> None:
    assert soup.find("script") is None
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], tag
        for name in ("href", "src"):
            assert not str(tag.get(name, "")).strip().lower().startswith("javascript"), tag


def test_text_keeps_markdown_and_html_literal() -> None:
    line = f"# {HOSTILE}\n===\n- item"
    soup = to_html(f"Title: {escape.text(line)}\n\n| a |\n|---|\n| {escape.text('x | y')} |")
    _no_active_content(soup)
    assert not soup.find(["h1", "h2", "ul", "img", "code"])
    paragraph = soup.find("p")
    assert paragraph is not None
    assert "<script>alert(1)</script>" in paragraph.get_text()
    assert '{: onclick="alert(2)" }' in paragraph.get_text()
    assert soup.find("td") is not None and soup.find("td").get_text() == "x | y"


def test_text_attribute_list_does_not_attach_a_handler() -> None:
    soup = to_html(f"## Heading {escape.text('{: onclick=alert(1) }')}")
    heading = soup.find("h2")
    assert heading is not None and not heading.has_attr("onclick")
    assert "{: onclick=alert(1) }" in heading.get_text()


def test_text_drops_markdown_placeholder_markers() -> None:
    assert "\x02" not in escape.text("a\x02wzxhzdk:0\x03b")


def test_notes_are_sanitised_and_stay_one_raw_block() -> None:
    notes = (
        "Intro *em*\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(2)) "
        '<a href="https://ok.example/" onclick="alert(3)">ok</a> '
        '<img src="https://tracker.example/p.gif" onerror="alert(4)">\n\n'
        "```\ncode\n\n\nmore\n```\n\n<div style='x'>s</div>"
    )
    block = escape.notes(notes)
    assert "\n" not in block
    soup = to_html(f"Before\n\n{block}\n\nAfter *x*")
    _no_active_content(soup)
    assert not soup.find("img")
    assert not soup.find(attrs={"style": True})
    links = {a.get_text(): a.get("href") for a in soup.find_all("a")}
    assert links["ok"] == "https://ok.example/"
    assert links["bad"] is None
    assert soup.find("em") is not None
    assert soup.find("pre").get_text() == "code\n\n\nmore\n"
    assert soup.find_all("p")[-1].find("em").get_text() == "x"


def test_url_allows_only_http_and_escapes_attributes() -> None:
    assert escape.url("javascript:alert(1)") is None
    assert escape.url("data:text/html,x") is None
    assert escape.url("https://") is None
    assert escape.url("https://a.example/x y") is None
    assert escape.url('https://a.example/"onmouseover="x') == (
        "https://a.example/%22onmouseover=%22x"
    )
    assert escape.url("HTTPS://a.example/?q=<b>&r=1") == "https://a.example/?q=%3Cb%3E&amp;r=1"


def test_front_matter_is_valid_yaml_and_html_inert() -> None:
    value = 'a "b" \\ <script>x</script>\n# c\x07\u2028'
    loaded = yaml.safe_load(f"title: {escape.front_matter(value)}")
    assert loaded["title"] == "a &quot;b&quot; \\ &lt;script&gt;x&lt;/script&gt; # c"


_NOTE_WORDS = ["word", "가나다", "x.", "(a)", ":", "'q'", '"q"', "!", "100%", " ", "\n", "\n\n"]
_NOTE_MARKUP = [
    *("  ", "1. ", "2) ", "- ", "+ ", "* ", "# ", "> ", "=", "---", "___", "    ", "\t"),
    *("_a_", "*b*", "`c`", "[l](u)", "<b>", "&amp;", "\\", "~~~", "| x |", "{: .c}"),
    *("\u00a0", "\u3000", "\u2028"),
]
"""Words, spaces, line ends and the Markdown that could hide among them."""


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(_NOTE_WORDS) | st.sampled_from(_NOTE_WORDS) | st.sampled_from(_NOTE_MARKUP),
        max_size=14,
    ).map("".join)
)
@example("a  \nb")
@example("1. a")
@example("a\n\n3. b")
@example("a\n# b")
@example("~~~\na\n~~~")
def test_plain_notes_read_as_markdown_reads_them(value: str) -> None:
    # The shortcut for prose gives what Markdown gives, or leaves the text to Markdown.
    source = escape.strip_controls(value)
    plain = escape.plain_paragraphs(source)
    if plain is not None:
        assert plain == escape._notes_markdown().reset().convert(source)


def test_prose_notes_take_the_shortcut_and_markdown_does_not() -> None:
    prose = "첫 문단, 두 줄.\n둘째 줄: 'quoted' (brackets) 100% done!\n\n\n다음 문단."
    assert escape.plain_paragraphs(prose) == (
        "<p>첫 문단, 두 줄.\n둘째 줄: 'quoted' (brackets) 100% done!</p>\n<p>다음 문단.</p>"
    )
    for markup in ("a *b*", "- item", "1. first", "# title", "a  \nb", "x | y", "a\u3000"):
        assert escape.plain_paragraphs(markup) is None, markup
