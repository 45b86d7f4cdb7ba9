"""Rendered pages compared with files in tests/golden/.

Refresh after an intended change (then review the diff):

    UPDATE_GOLDEN=1 python -m pytest tests/test_pages_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pages import render_pages
from tests.pages_fixtures import magazine, media_index

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    ("en", "trials/sparks-sora.md", "en-trials-sparks-sora.md"),
    ("en", "trials/hostile-sora.md", "en-trials-hostile-sora.md"),
    ("ko", "compare/a-mesmerizing-shower-of-golden-sparks-74c249.md", "ko-compare-sparks.md"),
    ("ko", "services/kling.md", "ko-services-kling.md"),
]


@pytest.mark.parametrize(("language", "page", "golden"), CASES)
def test_page_matches_golden(language: str, page: str, golden: str) -> None:
    content = render_pages(magazine(language), media_index()).files[page].text
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(content, encoding="utf-8")
    assert content == path.read_text(encoding="utf-8")
