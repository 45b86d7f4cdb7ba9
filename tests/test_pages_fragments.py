"""Markup lives in templates: the fragments' one-line rule, their escaping, and a ceiling on
HTML written in Python under generator/pages/."""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from generator.errors import MediaError
from generator.media.renditions import ClipRef, MediaIndex
from generator.model import Clip, Magazine, group_comparisons
from generator.pages import escape, render, render_pages
from tests.pages_fixtures import HOSTILE, magazine, to_html
from tests.test_pages_golden import mixed_media

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "generator" / "pages"

TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*")
HTML_IN_PYTHON_BEFORE = 124
"""Opening tags in string literals of generator/pages/*.py when issue 17 moved markup into
templates (the viewer 50, the leaderboard 26, charts 19, clips 15, cards 6, ...)."""
CEILING = HTML_IN_PYTHON_BEFORE // 4
"""What may stay: the charts' SVG shapes, the notes block `escape` makes, little else."""


def html_tags_in_strings(source: str) -> int:
    """Opening HTML tags in a module's string literals (f-string parts too), docstrings aside."""
    tree = ast.parse(source)
    scopes = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    docstrings = {
        id(statement.value)
        for node in ast.walk(tree)
        if isinstance(node, scopes)
        for statement in node.body
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
    }
    return sum(
        len(TAG.findall(node.value))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    )


def test_the_tag_count_sees_f_strings_and_skips_docstrings() -> None:
    source = '''
"""A <b>module</b> docstring."""
X = "<p>one</p>"
"""An attribute's <i>docstring</i>."""
def f(a: str) -> str:
    """A <em>function</em> docstring."""
    return f'<span title="{a}">{a}</span><br>' + "a < b"
'''
    assert html_tags_in_strings(source) == 3


def test_html_written_in_python_stays_under_a_quarter_of_what_it_was() -> None:
    counts = {
        path.name: n
        for path in sorted(PAGES.glob("*.py"))
        if (n := html_tags_in_strings(path.read_text("utf-8")))
    }
    assert sum(counts.values()) <= CEILING, (
        f"{sum(counts.values())} HTML tags in string literals under generator/pages/ "
        f"(ceiling {CEILING}): {counts}; put markup in templates/fragments/"
    )


def test_every_template_folder_ships_with_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    shipped = set(project["tool"]["setuptools"]["package-data"]["generator"])
    folders = {PAGES / "templates", *(p for p in (PAGES / "templates").rglob("*") if p.is_dir())}
    for folder in folders:
        pattern = f"{folder.relative_to(ROOT / 'generator').as_posix()}/*"
        assert pattern in shipped, f"{pattern} is missing from package-data"


def test_a_fragment_is_read_as_one_line() -> None:
    cells = render.macros("cells")
    assert "\n" not in cells.wait_cell("full", "compact")
    assert cells.best(5, "best") == '<strong class="magazine-best" title="best">5 ★</strong>'


def test_templates_cannot_declare_text_safe() -> None:
    with pytest.raises(jinja2.TemplateAssertionError, match="safe"):
        render._environment().from_string("{{ value|safe }}")


def test_fill_escapes_each_argument_once_for_markdown_and_html() -> None:
    link = escape.fill("[{}]({})", "a [b](javascript:x) <i>", escape.Safe("../x.md"))
    assert link == "[a &#91;b&#93;&#40;javascript&#58;x&#41; &#60;i&#62;](../x.md)"
    assert escape.fill("<b>{}</b>", escape.text("<i>")) == "<b>&#60;i&#62;</b>"
    best = render.macros("cells").best(4, "x")
    assert isinstance(best, escape.Safe)
    assert escape.fill("{}", best).startswith("<strong")
    assert escape.fill("{}", str(best)).startswith("&#60;strong")  # a plain string is text
    assert isinstance(link, escape.Safe)


def _hostile_magazine(language: str) -> tuple[Magazine, MediaIndex]:
    """The small magazine with a hostile service name, model, caption and failure message."""
    base = magazine(language)
    services = dict(base.services)
    services["kling"] = services["kling"].model_copy(update={"name": HOSTILE})
    clips = (Clip(file="media/boat-sora.mp4", caption=HOSTILE),)
    entries = tuple(
        e.model_copy(update={"model": HOSTILE, "clips": clips}) if e.slug == "boat-sora" else e
        for e in base.entries
    )
    media = mixed_media()
    failures = {ClipRef("boat-sora", 0): MediaError(HOSTILE)}
    clips = {ref: m for ref, m in media.clips.items() if ref != ClipRef("boat-sora", 0)}
    grouped = group_comparisons(entries)
    return replace(base, services=services, entries=entries, comparisons=grouped), replace(
        media, clips=clips, failures=failures
    )


def _no_active_content(page: str, soup: BeautifulSoup) -> None:
    assert soup.find("script") is None, page
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], (page, tag)
        for name in ("href", "src"):
            assert not str(tag.get(name, "")).strip().lower().startswith("javascript"), page


@pytest.mark.parametrize("language", ["en", "ko"])
def test_hostile_names_in_every_fragment_stay_text(language: str) -> None:
    hostile, media = _hostile_magazine(language)
    files = render_pages(hostile, media).files
    flat = " ".join(HOSTILE.split())
    for path, content in files.items():
        if not path.endswith(".md"):
            continue
        _no_active_content(path, to_html(content.text))
    board = to_html(files["leaderboard.md"].text)
    assert flat in [a.get_text() for a in board.select("table a")]
    compare = to_html(files["compare/a-paper-boat-drifts-down-a-d37469.md"].text)
    captions = [c.get_text() for c in compare.select(".theater-caption")]
    assert sum(flat in caption for caption in captions) == 2  # Kling's name, Sora's model
    assert any(flat in why.get_text() for why in compare.select(".theater-why"))
    for line in files["compare/a-paper-boat-drifts-down-a-d37469.md"].text.splitlines():
        if line.startswith("<section"):
            assert line.endswith("</section>")
