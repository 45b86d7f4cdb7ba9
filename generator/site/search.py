"""Korean search: find words inside compounds (대기열 by 기열, 웨이팅리스트 by 리스트).

Material's search (lunr in a web worker) matches whole words and their prefixes only, and
Korean writes compounds and particles together: `웨이팅리스트에서` is one word to lunr. So the
worker indexes one more field, `subwords`, holding each Korean word's suffixes that start at a
Hangul syllable (`이팅리스트에서`, `리스트에서`, ...); a query is a prefix search, so `리스트`
matches `리스트에서`.

The suffixes are not written into `search/search_index.json`, which every reader downloads on
the first page: at 1,000 entries they were a tenth of its weight. A small script
(`assets/search-subwords.js`) takes the place of Material's worker file, derives them from each
section's title and text when the index arrives, and then loads Material's worker, renamed. The
index declares the field in its own `config.fields` (boost 0.5: a match inside a word counts
for less than a whole-word match); result previews show only title and text, as MkDocs wrote
them. The index is written as UTF-8 rather than `\\uXXXX` escapes, a third smaller.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

SUBWORDS = "subwords"
"""Name of the field the worker adds."""

SUBWORD_BOOST = 0.5
"""A match inside a word counts for less than a whole-word match in the text (boost 1)."""

INDEX = "search/search_index.json"
"""Where MkDocs writes the search index in a built site."""

WORKERS = Path("assets/javascripts/workers")
"""Where Material keeps its search worker in a built site."""

_MARK = "/* Korean search inside compounds"


def finish_search(site_dir: Path) -> None:
    """Put the subword script in front of a built site's search worker; running it again is
    a no-op. The index itself is written finished by the build (`index_text`).

    Does nothing when the site has no search index (search disabled).
    """
    if not (site_dir / INDEX).is_file():
        return
    for worker in sorted((site_dir / WORKERS).glob("search.*.min.js")):
        if ".lunr." not in worker.name:
            wrap_worker(worker)


def record_json(record: dict[str, Any]) -> str:
    """One search record as the finished index holds it."""
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False, default=str)


def index_text(config: dict[str, Any], chunks: Iterable[str]) -> str:
    """The finished index from Material's search configuration and records already in JSON
    (`record_json`, several joined by commas), in page order.

    The live preview keeps each page's records as JSON and writes the index from them, so a
    save does not serialise every page again; a full build passes through here too, so both
    write the same bytes.
    """
    config = json.loads(json.dumps(config, default=str))
    config.setdefault("fields", {})[SUBWORDS] = {"boost": SUBWORD_BOOST}
    head = json.dumps(config, separators=(",", ":"), ensure_ascii=False)
    return '{"config":' + head + ',"docs":[' + ",".join(c for c in chunks if c) + "]}"


def wrap_worker(worker: Path) -> None:
    """Put the subword script at the worker's address and Material's worker beside it."""
    if worker.read_text(encoding="utf-8").startswith(_MARK):
        return
    material = worker.with_name(worker.name.removesuffix(".min.js") + ".lunr.min.js")
    worker.replace(material)
    script = resources.files(__package__).joinpath("assets", "search-subwords.js")
    text = script.read_text(encoding="utf-8").replace("MATERIAL_WORKER", json.dumps(material.name))
    worker.write_text(text, encoding="utf-8", newline="\n")
