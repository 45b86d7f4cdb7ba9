"""Rendered pages compared with files in tests/golden/.

Refresh after an intended change (then review the diff):

    UPDATE_GOLDEN=1 python -m pytest tests/test_pages_golden.py
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.media.renditions import ClipRef, MediaIndex, Rendition, Role
from generator.pages import render_pages
from tests.pages_fixtures import magazine, media_index

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    ("en", "trials/sparks-sora.md", "en-trials-sparks-sora.md"),
    ("en", "trials/hostile-sora.md", "en-trials-hostile-sora.md"),
    ("ko", "compare/a-mesmerizing-shower-of-golden-sparks-74c249.md", "ko-compare-sparks.md"),
    ("ko", "services/kling.md", "ko-services-kling.md"),
    # The viewer on an entry page (this trial's stand-in, a failed clip, another service's clip)
    # and on a comparison page; the leaderboard's table; cards, list rows and badges.
    ("en", "trials/boat-sora.md", "en-trials-boat-sora.md"),
    ("en", "compare/a-paper-boat-drifts-down-a-d37469.md", "en-compare-boat.md"),
    ("en", "leaderboard.md", "en-leaderboard.md"),
    ("ko", "leaderboard.md", "ko-leaderboard.md"),
    ("en", "latest.md", "en-latest.md"),
    ("en", "trials/index.md", "en-trials-index.md"),
    ("en", "services/sora.md", "en-services-sora.md"),
    ("en", "services/index.md", "en-services-index.md"),
    ("ko", "reports/2025-02.md", "ko-reports-2025-02.md"),
    ("en", "compare/index.md", "en-compare-index.md"),
]
# Pages whose links and media addresses depend on the site's settings.
SETTINGS_CASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("en", {"use_directory_urls": False}, "trials/boat-sora.md", "en-flat-trials-boat-sora.md"),
    (
        "ko",
        {"media_base_url": "https://media.example/m/"},
        "compare/a-paper-boat-drifts-down-a-d37469.md",
        "ko-host-compare-boat.md",
    ),
    ("ko", {"media_base_url": "https://media.example/m/"}, "index.md", "ko-host-index.md"),
    ("en", {}, "index.md", "en-index.md"),
]

# Pages whose clips are of other kinds: an image, a clip with sound and a published original,
# a video without a poster.
MIXED_CASES = [
    ("en", "trials/sparks-sora.md", "mixed-en-trials-sparks-sora.md"),
    ("en", "compare/a-mesmerizing-shower-of-golden-sparks-74c249.md", "mixed-en-compare-sparks.md"),
    ("ko", "compare/a-paper-boat-drifts-down-a-d37469.md", "mixed-ko-compare-boat.md"),
    ("en", "trials/boat-kling.md", "mixed-en-trials-boat-kling.md"),
    ("en", "trials/lantern-sora.md", "mixed-en-trials-lantern-sora.md"),
    ("en", "latest.md", "mixed-en-latest.md"),
]


def mixed_media() -> MediaIndex:
    """The small magazine's media with an image clip, sound, an original and no poster."""
    base = media_index()
    clips = dict(base.clips)
    sparks = clips[ClipRef("sparks-sora", 0)]
    image = Rendition(Role.IMAGE, Path("/cache/i.jpg"), "media/a/image.jpg", "image/jpeg", 800, 600)
    stills = tuple(
        Rendition(Role.STILL, Path(f"/c/{w}.webp"), f"media/a/still-{w}.webp", "image/webp", w, h)
        for w, h in ((320, 240), (640, 480))
    )
    clips[sparks.ref] = replace(
        sparks,
        facts=replace(sparks.facts, kind="image", duration=None, fps=None),
        renditions=(image, *stills),
    )
    kling = clips[ClipRef("boat-kling", 0)]
    original = Rendition(Role.ORIGINAL, Path("/cache/o.mp4"), "media/c/original.mp4", "video/mp4")
    clips[kling.ref] = replace(
        kling,
        facts=replace(kling.facts, has_audio=True, audio_codec="aac", fps=23.976),
        renditions=(*kling.renditions, original),
    )
    lantern = clips[ClipRef("boat-sora", 0)]
    clips[ClipRef("lantern-sora", 0)] = replace(
        lantern,
        ref=ClipRef("lantern-sora", 0),
        facts=replace(lantern.facts, duration=None, fps=None),
        renditions=tuple(r for r in lantern.renditions if r.role is Role.VIDEO),
    )
    return replace(base, clips=clips)


def _matches_golden(content: str, golden: str) -> None:
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(content, encoding="utf-8")
    assert content == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "page", "golden"), CASES)
def test_page_matches_golden(language: str, page: str, golden: str) -> None:
    content = render_pages(magazine(language), media_index()).files[page].text
    _matches_golden(content, golden)


@pytest.mark.parametrize(("language", "settings", "page", "golden"), SETTINGS_CASES)
def test_page_with_settings_matches_golden(
    language: str, settings: dict[str, Any], page: str, golden: str
) -> None:
    rendered = render_pages(magazine(language, **settings), media_index(), home=True)
    _matches_golden(rendered.files[page].text, golden)


@pytest.mark.parametrize(("language", "page", "golden"), MIXED_CASES)
def test_page_with_other_media_matches_golden(language: str, page: str, golden: str) -> None:
    _matches_golden(render_pages(magazine(language), mixed_media()).files[page].text, golden)
