"""Link-preview cards (Open Graph images) for pages without a poster, drawn with Pillow.

A card is 1200×630 (the size Open Graph readers crop least): the magazine's name, the page
title and its key figure (an entry's "Kling · 16× the promise"). It is drawn when the docs
are staged (by a build and by the preview alike: `cardfiles.py` says which pages get one),
without a browser, and kept in the cache folder by the hash of what it shows, like a rendition.
The theme override (`theme.py`) points a page's `og:image` at `cards/<page>.png` when the page
names no poster and the site's address is known; without an address no card is made, since
crawlers reject relative images.

Korean text needs a font with Hangul. None installs portably from the package registries here,
so the card uses the font file named by the `MAGAZINE_CARD_FONT` environment variable, else the
first CJK font the system has (Noto Sans CJK from Debian's `fonts-noto-cjk`, Apple SD Gothic
Neo, Malgun Gothic); without one it falls back to Pillow's own Latin font and leaves out the
characters it lacks rather than drawing boxes.

This is the only module that imports Pillow.
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
CARDS = "cards"
"""Folder of the docs (and the site) that holds the cards."""
_VERSION = b"card-2"
"""Changes whenever the drawing changes, so cached cards are drawn again."""

_BACKGROUND = (30, 27, 46)
_TEXT = (255, 255, 255)
_MUTED = (190, 186, 210)
_ACCENT = (255, 171, 0)

_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
    "/Library/Fonts/NanumGothic.ttf",
    "C:/Windows/Fonts/malgunbd.ttf",
    "C:/Windows/Fonts/malgun.ttf",
)
_KOREAN_INDEX = 1
"""Face of a Noto Sans CJK collection that prefers Korean glyph forms (JP, KR, SC, TC, HK)."""


@dataclass(frozen=True)
class ShareCard:
    """What one page's card shows."""

    page: str
    """The page's path in the docs (posix, `.md`)."""
    site_name: str
    title: str
    figure: str = ""


def card_path(page: str) -> str:
    """Where a page's card lands in the docs, as the theme override addresses it: the page's
    path without its last three characters (`.md`; a writer's `about.markdown` has its card at
    `cards/about.markd.png`, which is where its `og:image` points)."""
    return f"{CARDS}/{page[:-3]}.png"


@cache
def _font_file() -> str | None:
    """The first font file with Hangul on this system, or None."""
    wanted = os.environ.get("MAGAZINE_CARD_FONT")
    for candidate in (wanted, *_FONTS):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    found = _font_file()
    if found is not None:
        index = _KOREAN_INDEX if "NotoSansCJK" in found else 0
        return ImageFont.truetype(found, size, index=index)
    return ImageFont.load_default(size)


def _shown(text: str, size: int) -> str:
    """`text` as the card's font can draw it: without the characters it lacks (boxes would say
    less than nothing), spaces kept single."""
    font = _font(size)
    return " ".join("".join(ch for ch in " ".join(text.split()) if _has(font, ch)).split())


_NOTDEF = "\ue000"
"""A private-use character no font is expected to draw: what a missing glyph looks like."""


@cache
def _has(font: ImageFont.FreeTypeFont | ImageFont.ImageFont, ch: str) -> bool:
    """Whether `font` draws `ch` as something other than its missing-glyph box."""
    if ch.isspace():
        return True
    return _glyph(font, ch) != _glyph(font, _NOTDEF)


def _glyph(font: ImageFont.FreeTypeFont | ImageFont.ImageFont, ch: str) -> bytes:
    """`ch` as `font` draws it: its box and pixels."""
    box = tuple(int(v) for v in font.getbbox(ch))
    image = Image.new("L", (max(1, box[2]), max(1, box[3])))
    ImageDraw.Draw(image).text((0, 0), ch, font=font, fill=255)
    return repr(box).encode() + image.tobytes()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: object, width: int, lines: int) -> list[str]:
    """`text` in at most `lines` lines of `width` pixels: broken between words, and inside a
    word only when one word alone is too wide; the last line ends with "…" when cut."""
    out: list[str] = []
    line = ""
    for word in text.split(" "):
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:  # type: ignore[arg-type]
            line = trial
            continue
        if line:
            out.append(line)
        line = ""
        for ch in word:
            if draw.textlength(line + ch, font=font) > width and line:  # type: ignore[arg-type]
                out.append(line)
                line = ""
            line += ch
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        while last and draw.textlength(last + "…", font=font) > width:  # type: ignore[arg-type]
            last = last[:-1]
        out[-1] = last + "…"
    return out


def draw_card(card: ShareCard) -> bytes:
    """The card as PNG bytes (the same bytes for the same card, font and Pillow)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    draw.rectangle((0, 0, 16, HEIGHT), fill=_ACCENT)
    small, big, figure_font = _font(36), _font(68), _font(44)
    draw.text((MARGIN, MARGIN), _shown(card.site_name, 36), font=small, fill=_MUTED)
    y = MARGIN + 90
    for line in _wrap(draw, _shown(card.title, 68), big, inner, 3):
        draw.text((MARGIN, y), line, font=big, fill=_TEXT)
        y += 90
    if card.figure:
        lines = _wrap(draw, _shown(card.figure, 44), figure_font, inner, 2)
        y = HEIGHT - MARGIN - 60 * len(lines)
        for line in lines:
            draw.text((MARGIN, y), line, font=figure_font, fill=_ACCENT)
            y += 60
    out = io.BytesIO()
    # Not `optimize`: it halves how many cards a save can draw for 5 % fewer bytes.
    image.save(out, format="PNG")
    return out.getvalue()


def _key(card: ShareCard) -> str:
    digest = hashlib.sha256(_VERSION)
    for part in (card.site_name, card.title, card.figure, _font_file() or ""):
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()


def kept_card(card: ShareCard, cache_dir: Path) -> bytes | None:
    """The card as drawn before and kept in `cache_dir` (by what it shows), or None."""
    try:
        return (cache_dir / CARDS / f"{_key(card)}.png").read_bytes()
    except FileNotFoundError:
        return None


def stored_card(card: ShareCard, cache_dir: Path) -> bytes:
    """The card as PNG bytes, drawn once and then taken from `cache_dir` (by what it shows).

    A card is written to a name of its own and renamed, so nothing ever reads half a picture.
    """
    found = kept_card(card, cache_dir)
    if found is not None:
        return found
    store = cache_dir / CARDS
    kept = store / f"{_key(card)}.png"
    data = draw_card(card)
    store.mkdir(parents=True, exist_ok=True)
    partial = kept.with_name(f".{kept.stem}.{uuid.uuid4().hex[:12]}.part")
    try:
        partial.write_bytes(data)
        partial.replace(kept)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return data
