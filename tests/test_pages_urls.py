"""Relative addresses between docs files."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from generator.pages.urls import SiteUrls, markdown_link, relative_path

PATHS = [
    ".",
    "index.md",
    "tags.md",
    "trials",
    "trials/",
    "trials/index.md",
    "trials/page-2.md",
    "trials/a-b.md",
    "trials/a-b/",
    "compare/x.md",
    "reports/2025-01/",
    "media/ab/cd/video.mp4",
    "./trials/x.md",
    "trials//x.md",
    "../outside.md",
]


@pytest.mark.parametrize(("target", "start"), list(itertools.product(PATHS, PATHS)))
def test_relative_path_agrees_with_posixpath_relpath(target: str, start: str) -> None:
    assert relative_path(target, start) == posixpath.relpath(target, start)


def test_links_between_pages() -> None:
    assert markdown_link("trials/a.md", "services/sora.md") == "../services/sora.md"
    assert markdown_link("index.md", "trials/index.md") == "trials/index.md"
    assert markdown_link("trials/a.md", "trials/b.md") == "b.md"
    urls = SiteUrls()
    assert urls.relative("trials/a.md", "trials/index.md") == "../"
    assert urls.relative("trials/a.md", "media/x.mp4") == "../../media/x.mp4"
    assert urls.relative("index.md", "index.md") == "./"
