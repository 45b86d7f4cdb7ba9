"""Stable, ASCII-only slugs, with Hangul romanised rather than dropped."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Revised Romanization of Korean, letter by letter (initial, medial, final jamo).
_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FINALS = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3


def romanize(text: str) -> str:
    """Spell Hangul syllables in Latin letters; other characters pass through."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            index = code - _HANGUL_FIRST
            initial, rest = divmod(index, 21 * 28)
            medial, final = divmod(rest, 28)
            out.append(_INITIALS[initial] + _MEDIALS[medial] + _FINALS[final])
        else:
            out.append(char)
    return "".join(out)


def slugify(text: str, *, max_length: int = 60) -> str:
    """Make a lowercase ASCII slug: `금빛 불꽃 Sora` → `geumbit-bulkkot-sora`.

    Returns an empty string when nothing slug-worthy remains; callers choose a fallback.
    """
    ascii_text = (
        unicodedata.normalize("NFKD", romanize(unicodedata.normalize("NFC", text)))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def short_hash(text: str, length: int = 8) -> str:
    """A short, stable hex digest of text (not for security)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]
