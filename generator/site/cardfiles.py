"""Which staged pages get a link-preview card, what each shows, and the cards as staged files.

Cards are staged with the pages, by the same step, for `magazine build` and the live preview
alike: whatever stages the docs folder stages the cards that go with it, so the preview serves
the cards a build publishes. Only with `site_url`: the theme override addresses a page's card
(`cards/<page>.png`) absolutely, and without an address there is none.

The preview stages on every save, so `CardFiles` is kept between saves: what a page source
shows on its card is parsed once per source (a page the generator kept is the very same text),
and each card's PNG is taken from memory, else from the cache folder, else drawn. A save that
changes a page's title or key figure draws that page's card alone; a new page gets its card,
a removed page's card leaves the staging folder with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from mkdocs.utils import is_markdown_file
from mkdocs.utils.meta import get_data

from ..generated import GeneratedFile
from ..settings import Settings
from .sharecards import ShareCard, card_path, kept_card, stored_card
from .staging import fill_snippets, writer_files


@dataclass(frozen=True)
class _Shown:
    """What a page source gives its card, before the site's name is known."""

    title: str | None
    """Its front matter's title, else its first heading (None: neither)."""
    described: object
    """`magazine_figure`, else the description (any YAML value)."""


_POSTER = _Shown(None, None)
"""A page that names a poster of its own (`magazine_image`): it has no card."""


class CardFiles:
    """The cards of the staged pages; kept between the preview's saves to reuse what it can."""

    def __init__(self) -> None:
        self._shown: dict[str, _Shown] = {}
        self._cards: dict[tuple[str, str, str], GeneratedFile] = {}

    def files(
        self,
        root: Path,
        settings: Settings,
        pages: Mapping[str, GeneratedFile],
        snippets: Mapping[str, str] | None = None,
    ) -> dict[str, GeneratedFile]:
        """The card of every staged page without a poster, by its path in the docs.

        `pages` are the generated files (pages among them); the writer's pages are read from
        the docs folder as the staging step stages them (snippets filled). A file of the
        writer's at a card's path is the writer's own card, and stays. A card neither in
        memory nor in the cache folder is drawn when it is first read (`later_picture`).
        """
        if not settings.site_url:
            self._shown, self._cards = {}, {}
            return {}
        writer = writer_files(root, settings)
        sources: list[tuple[str, str | GeneratedFile]] = []
        for rel, path in writer.items():
            if is_markdown_file(rel):  # `.markdown` too: MkDocs makes a page of it
                text = path.read_bytes().decode("utf-8-sig")
                if snippets and "/" not in rel:
                    text = fill_snippets(text, snippets)
                sources.append((rel, text))
        sources += [(rel, file) for rel, file in pages.items() if rel.endswith(".md")]
        shown: dict[str, _Shown] = {}
        cards: dict[tuple[str, str, str], GeneratedFile] = {}
        out: dict[str, GeneratedFile] = {}
        cache = settings.cache_path(root)
        for rel, source in sources:
            target = card_path(rel)
            if target in writer:
                continue
            found = self._shown_by(source, shown)
            if found is _POSTER:
                continue
            card = _card(rel, settings.site_name, found)
            key = (card.site_name, card.title, card.figure)
            staged = cards.get(key) or self._cards.get(key)
            if staged is None:
                kept = kept_card(card, cache)
                staged = (
                    GeneratedFile(kept)
                    if kept is not None
                    else GeneratedFile.later_picture(partial(stored_card, card, cache))
                )
            cards[key] = staged
            out[target] = staged
        # Only what this staging shows is kept: a save never holds on to every card ever made.
        self._shown, self._cards = shown, cards
        return out

    def _shown_by(self, source: str | GeneratedFile, shown: dict[str, _Shown]) -> _Shown:
        """What `source` shows on its card, parsed once per text (a page left for later is
        made only when its front matter has no title)."""
        text = source if isinstance(source, str) else source.head
        found = shown.get(text) or self._shown.get(text) or _parsed(text)
        if found.title is None and found is not _POSTER and not isinstance(source, str):
            # No title in its front matter: its first heading is, further down.
            whole = source.text
            if whole != text:
                text = whole
                found = shown.get(text) or self._shown.get(text) or _parsed(text)
        shown[text] = found
        return found


def _parsed(text: str) -> _Shown:
    body, meta = get_data(text)
    if meta.get("magazine_image"):
        return _POSTER
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        headings = [line[2:] for line in body.splitlines() if line.startswith("# ")]
        title = headings[0] if headings else None
    return _Shown(title, meta.get("magazine_figure") or meta.get("description"))


def _card(page: str, site_name: str, shown: _Shown) -> ShareCard:
    """A page's card: its title (else the site's name) and its key figure, when that says
    more than the title."""
    title = shown.title if shown.title is not None else site_name
    described = shown.described
    figure = described if isinstance(described, str) and described != title else ""
    return ShareCard(page, site_name, title.strip(), figure.strip())
