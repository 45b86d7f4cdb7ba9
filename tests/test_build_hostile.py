"""A hostile entry built for real: nothing it carries runs in the reader's browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build_fixtures import MKDOCS, SERVICES, invoke, make_clip, page
from tests.magazine_fixtures import write_magazine

pytestmark = pytest.mark.slow

SCRIPT = "<script>alert('prompt')</script>"
IMG = '<img src=x onerror="alert(1)">'
JS_LINK = "[click me](javascript:alert(document.cookie))"
ATTR = "{: onclick=\"alert('attr')\" }"


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


HOSTILE = f"""\
title: {q(f"Pwn {SCRIPT} {IMG}")}
service: sora
prompt: |
  {SCRIPT}
  # Not a heading
  ```
  fence breaker ```` {IMG}
  {JS_LINK}
  last line {ATTR}
submitted_at: 2025-01-03T10:00:00+09:00
delivered_at: 2025-01-03T10:40:00+09:00
status: delivered
clips:
  - file: media/clip.mp4
    caption: {q(f"caption {SCRIPT} {ATTR}")}
verdict: {q(f"verdict {IMG} {JS_LINK}")}
notes: |
  # Injected heading

  {SCRIPT}

  {IMG}

  {JS_LINK} and <a href="javascript:alert(2)">raw link</a>

  paragraph with handler
  {ATTR}

  ```
  code fence {SCRIPT}
  ```
tags: [{q(SCRIPT)}, {q(f"tag {ATTR}")}]
"""

HANDLERS = ("onerror", "onclick", "onload", "onmouseover")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "mag"
    write_magazine(root, {"2025/01/pwn.yml": HOSTILE}, services=SERVICES, mkdocs=MKDOCS, files={})
    make_clip(root / "entries/2025/01/media/clip.mp4")
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    return root / "site"


def pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [
        (path.relative_to(site).as_posix(), page(site, path.relative_to(site).as_posix()))
        for path in sorted(site.rglob("*.html"))
    ]


def test_no_script_handler_or_javascript_link_from_the_entry(site: Path) -> None:
    for name, doc in pages(site):
        for script in doc.find_all("script"):
            assert "alert" not in script.get_text(), name
        for element in doc.find_all(True):
            for attribute, value in element.attrs.items():
                assert attribute.lower() not in HANDLERS, (name, element)
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not text.strip().lower().startswith("javascript:"), (name, element)
        assert doc.find("img", src="x") is None, name


def test_the_writer_text_is_shown_literally(site: Path) -> None:
    doc = page(site, "trials/pwn")
    article = doc.select_one("article")
    assert article is not None
    quote = article.select_one("figure.magazine-prompt-quote blockquote")
    assert quote is not None
    prompt = quote.get_text()
    for part in (SCRIPT, "# Not a heading", "fence breaker ````", JS_LINK, ATTR):
        assert part in prompt
    assert quote.find_all(True) == quote.find_all("p")
    button = article.select_one("button[data-magazine-copy]")
    assert button is not None
    assert button["data-magazine-copy"].splitlines()[0] == SCRIPT
    headings = [h.get_text(" ", strip=True) for h in article.find_all(["h1", "h2", "h3"])]
    assert not any(h.startswith("Not a heading") for h in headings)
    assert SCRIPT in article.h1.get_text() if article.h1 else False
    text = article.get_text()
    assert "verdict" in text and IMG in text
    assert f"caption {SCRIPT}" in text


def test_the_title_is_literal_in_the_head_and_feed(site: Path) -> None:
    doc = page(site, "trials/pwn")
    assert doc.title is not None and SCRIPT in doc.title.get_text()
    feed = (site / "feed.xml").read_text("utf-8")
    assert "<script>" not in feed
