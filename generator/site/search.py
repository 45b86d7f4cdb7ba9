"""Korean search: find words inside compounds (대기열 by 기열, 웨이팅리스트 by 리스트).

Material's search (lunr in a web worker) matches whole words and their prefixes only, and
Korean writes compounds and particles together: `웨이팅리스트에서` is one word to lunr. So after
the build, every section of `search/search_index.json` gets one more field, `subwords`,
holding each Korean word's suffixes that start at a Hangul syllable (`이팅리스트에서`,
`리스트에서`, ...). A query is a prefix search, so `리스트` now matches `리스트에서`.

The field is declared in the index's own `config.fields`, which the worker indexes like title
and text; the reader never sees it, because result previews show only title and text, which
stay exactly as MkDocs wrote them.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

SUBWORDS = "subwords"
"""Name of the added index field."""

SUBWORD_BOOST = 0.5
"""A match inside a word counts for less than a whole-word match in the text (boost 1)."""

_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&#?\w+;")
_WORD = re.compile(r"\w+")
_HANGUL_FIRST, _HANGUL_LAST = "\uac00", "\ud7a3"


def hangul_subwords(text: str) -> list[str]:
    """Inner suffixes of the words in `text` that start at a Hangul syllable, each once.

    `대기열에서 waitlist` gives `기열에서`, `열에서`, `에서`; one-syllable suffixes are left out
    (they would match nearly every page). Markup and entities are ignored.
    """
    plain = _ENTITY.sub(" ", _TAG.sub(" ", text))
    found: dict[str, None] = {}
    for word in dict.fromkeys(_WORD.findall(plain.lower())):
        found.update(dict.fromkeys(_word_subwords(word)))
    return list(found)


# A magazine repeats its vocabulary on every page: each distinct word is split once.
@lru_cache(maxsize=65536)
def _word_subwords(word: str) -> tuple[str, ...]:
    return tuple(
        word[start:]
        for start in range(1, len(word) - 1)
        if _HANGUL_FIRST <= word[start] <= _HANGUL_LAST
    )


def add_subwords(index_path: Path) -> None:
    """Add the `subwords` field to every section of a built search index, in place.

    Does nothing when the site has no search index (search disabled). Running it twice gives
    the same file.
    """
    if not index_path.is_file():
        return
    index: dict[str, Any] = json.loads(index_path.read_text(encoding="utf-8"))
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields[SUBWORDS] = {"boost": SUBWORD_BOOST}
    for doc in index.get("docs", []):
        words = hangul_subwords(f"{doc.get('title', '')} {doc.get('text', '')}")
        if words:
            doc[SUBWORDS] = " ".join(words)
        else:
            doc.pop(SUBWORDS, None)
    # The same compact form Material writes, so the file stays as small as before.
    index_path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
