"""Link-preview cards drawn with Pillow: size, the same bytes every time, a cache by content."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from generator.site.sharecards import ShareCard, card_path, draw_card, stored_card

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
    assert stored_card(CARD, cache) == (draw_card(CARD), True)
    assert card_path(CARD.page) == "cards/trials/sparks-kling.png"
    # Another page showing the same: the same card, from the cache.
    again = ShareCard("index.md", CARD.site_name, CARD.title, CARD.figure)
    assert stored_card(again, cache) == (draw_card(CARD), False)
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
