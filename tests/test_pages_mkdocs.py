"""The generated pages through a real `mkdocs build --strict` with Material and its tags plugin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.pages import render_pages
from tests.pages_fixtures import SITE_EXTENSIONS, magazine, media_index


@pytest.mark.slow
def test_generated_pages_build_strict_and_stay_inert(tmp_path: Path) -> None:
    media = media_index()
    site = render_pages(magazine("ko"), media)
    docs = tmp_path / "docs"
    for name, content in site.files.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.data)
    for clip in media.clips.values():
        for rendition in clip.renditions:
            target = docs / rendition.url_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"\0")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    config = {
        "site_name": "Magazine",
        "docs_dir": "docs",
        "theme": {"name": "material", "language": "ko"},
        "markdown_extensions": SITE_EXTENSIONS,
        "plugins": ["search", "tags"],
        "nav": [{"Home": "index.md"}, *site.nav],
        "extra_css": list(site.extra_css),
        "extra_javascript": list(site.extra_javascript),
        "validation": {"links": {"unrecognized_links": "warn", "anchors": "warn"}},
    }
    (tmp_path / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/trials/hostile-sora/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert not [s for s in soup.find_all("script") if "alert" in s.get_text()]
    for tag in soup.find_all(True):
        handlers = [v for k, v in tag.attrs.items() if k.lower().startswith("on")]
        assert not [v for v in handlers if "alert" in str(v)], tag.name
        assert not str(tag.get("href", "")).lower().startswith("javascript"), tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tags = (tmp_path / "site/tags/index.html").read_text(encoding="utf-8")
    assert "<b>tag</b>" not in tags and "&lt;b&gt;tag&lt;/b&gt;" in tags
