"""Link-preview cards drawn with Pillow: size, the same bytes every time, a cache by content."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from generator.generated import GeneratedFile
from generator.site.cardfiles import CardFiles
from generator.site.sharecards import ShareCard, card_path, draw_card, kept_card, stored_card
from tests.site_fixtures import MagazineRoot

CARD = ShareCard(
    "trials/sparks-kling.md", "생성형 AI 체험", "금빛 불꽃이 사람으로", "Kling · ≥ 2일 · 16×"
)


def test_a_card_is_1200_by_630_and_the_same_bytes_every_time() -> None:
    drawn = draw_card(CARD)
    assert drawn == draw_card(CARD)
    with Image.open(io.BytesIO(drawn)) as image:
        assert image.size == (1200, 630) and image.format == "PNG"
    assert draw_card(ShareCard(CARD.page, CARD.site_name, CARD.title, "Kling · 1×")) != drawn


def test_a_long_title_is_cut_not_drawn_off_the_card() -> None:
    long = ShareCard("x.md", "M", "대기열 " * 80, "figure " * 40)
    with Image.open(io.BytesIO(draw_card(long))) as image:
        assert image.size == (1200, 630)


def test_cards_are_drawn_once_and_then_taken_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert kept_card(CARD, cache) is None
    assert stored_card(CARD, cache) == draw_card(CARD)
    assert card_path(CARD.page) == "cards/trials/sparks-kling.png"
    # Another page showing the same: the same card, from the cache.
    again = ShareCard("index.md", CARD.site_name, CARD.title, CARD.figure)
    assert kept_card(again, cache) == stored_card(again, cache) == draw_card(CARD)
    assert len(list((cache / "cards").iterdir())) == 1


def test_without_a_hangul_font_the_card_leaves_korean_out_instead_of_drawing_boxes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.site import sharecards

    monkeypatch.setattr(sharecards, "_FONTS", ())
    monkeypatch.delenv("MAGAZINE_CARD_FONT", raising=False)
    sharecards._font_file.cache_clear()
    sharecards._font.cache_clear()
    try:
        assert sharecards._shown("금빛 불꽃 — Kling · 16×", 44) == "Kling · 16"
        with Image.open(io.BytesIO(draw_card(CARD))) as image:
            assert image.size == (1200, 630)
    finally:
        sharecards._font_file.cache_clear()
        sharecards._font.cache_clear()


def test_card_files_keep_what_they_can_between_saves(magazine: MagazineRoot) -> None:
    settings = magazine.settings.model_copy(update={"site_url": "https://example.org/m/"})
    page = "---\ntitle: 대기 중\nmagazine_figure: Kling · 16×\n---\n\n본문\n"
    poster = "---\ntitle: Sora\nmagazine_image: media/ab/poster.jpg\n---\n"
    (magazine.root / "docs/more.markdown").write_text("# More\n", encoding="utf-8")
    cards = CardFiles()
    first = cards.files(
        magazine.root,
        settings,
        {"trials/kling.md": GeneratedFile(page), "trials/sora.md": GeneratedFile(poster)},
    )
    # The writer's pages too (where the theme override addresses them: `src_uri[:-3]`); none
    # for a page with a poster.
    assert set(first) == {
        "cards/index.png",
        "cards/about.png",
        "cards/more.markd.png",
        "cards/trials/kling.png",
    }
    assert all(not file.made for file in first.values())  # drawn when first read
    assert first["cards/trials/kling.png"].data == draw_card(
        ShareCard("trials/kling.md", settings.site_name, "대기 중", "Kling · 16×")
    )
    changed = "---\ntitle: 도착\nmagazine_figure: Kling · 1×\n---\n\n본문\n"
    again = cards.files(magazine.root, settings, {"trials/kling.md": GeneratedFile(changed)})
    assert again["cards/index.png"] is first["cards/index.png"]
    assert not again["cards/trials/kling.png"].made
    # Back to what it showed before: the card drawn then, from the cache folder.
    back = cards.files(magazine.root, settings, {"trials/kling.md": GeneratedFile(page)})
    assert back["cards/trials/kling.png"].made
    # A card of the writer's own stays; without an address there is none.
    (magazine.root / "docs/cards").mkdir()
    (magazine.root / "docs/cards/about.png").write_bytes(b"\x89PNG mine")
    assert "cards/about.png" not in cards.files(magazine.root, settings, {})
    assert cards.files(magazine.root, magazine.settings, {"x.md": GeneratedFile(page)}) == {}
