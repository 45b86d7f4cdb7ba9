"""Pages and parts of pages rendered earlier in this process, reused while their inputs stand.

The live preview renders the magazine again on every save, and almost everything comes out the
same. `PageMemo` keeps each page (and each part of a page that many pages share, such as a row
of a list or one entry's line of open data) with the inputs it was made from, and gives it back
when the new inputs compare equal, so a save re-renders only what its change reaches.

Inputs compare by identity wherever they can: the entry cache hands back the very `Entry`
objects of unchanged files, and `steady` turns each entry (with its clips' media) and the
render-wide inputs (settings, criteria) and each service of the registry into a `Token` that
stays the same object while they are unchanged. Tokens compare by identity only, so a key made of
tokens, strings and numbers compares in a few pointer checks, never by model equality (which
is slow, and calls two moments equal that a page writes differently: 09:00+09:00 and 00:00Z).
Rendering stays a pure function of the magazine: with or without a memo the text is the same.

A memo made with `later` (the preview's) leaves the longest pages a save reaches to be made when
first asked for (`GeneratedFile.later`): a renamed service reaches a thousand entry pages, and
the writer looks at one. Their front matter is made at once, since it is what other pages show
of them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial
from typing import Any, TypeVar

from ..generated import GeneratedFile

T = TypeVar("T")


class Token:
    """A stand-in for some inputs, equal only to itself: a new token means new inputs."""

    __slots__ = ("_facts", "value")

    def __init__(self, value: object) -> None:
        self.value = value
        self._facts: dict[str, Any] = {}

    def fact(self, name: str, make: Callable[[], T]) -> T:
        """Something that follows from the token's inputs alone, made once per token."""
        facts = self._facts
        if name not in facts:
            facts[name] = make()
        return facts[name]  # type: ignore[no-any-return]


class PageMemo:
    """Rendered pages and parts by key, each with the inputs it was rendered from.

    What a render does not ask for again is dropped when it ends (`sweep`), so the memo holds
    one magazine's worth of pages, not every version seen. A part made while rendering another
    (a row of a list page, a tile of a viewer) is kept as long as the part around it is: reusing
    a page counts as asking again for every part it was made of, so the next edit that reaches
    the page finds its unchanged parts still there.
    """

    def __init__(self, *, later: bool = False) -> None:
        """With `later`, `later` leaves changed pages to be made when first asked for."""
        self.leaves_for_later = later
        self._kept: dict[Hashable, tuple[object, object, frozenset[Hashable]]] = {}
        self._tokens: dict[Hashable, Token] = {}
        self._used: set[Hashable] = set()
        self.renders = 0
        """How many pages and parts were rendered rather than reused (for tests)."""

    def page(self, path: str, inputs: object, render: Callable[[], str]) -> str:
        """The page at `path`: the kept text when `inputs` equal the kept ones, else rendered."""
        return self.part(path, inputs, render)

    def part(self, key: Hashable, inputs: object, render: Callable[[], T]) -> T:
        """What `render` makes from `inputs`, kept under `key` (a page path, or a tuple)."""
        used = self._used
        used.add(key)
        kept = self._kept.get(key)
        if kept is not None and kept[0] == inputs:
            if kept[2]:
                used.update(kept[2])
            return kept[1]  # type: ignore[return-value]
        inner: set[Hashable] = set()
        self._used = inner
        try:
            made = render()
        finally:
            self._used = used
            used |= inner
        self.renders += 1
        self._kept[key] = (inputs, made, frozenset(inner))
        return made

    def later(
        self, key: Hashable, inputs: object, render: Callable[[], str], head: Callable[[], str]
    ) -> GeneratedFile:
        """A page kept under `key` as `part` keeps it; a page to make again is left for later
        when this memo does that, `head` (its front matter) made at once.

        The parts the last text was made of count as asked for: making the new one will most
        likely ask for them.
        """
        made = partial(self.part, key, inputs, lambda: GeneratedFile(render()))
        if not self.leaves_for_later:
            return made()
        used = self._used
        used.add(key)
        kept = self._kept.get(key)
        if kept is not None:
            used.update(kept[2])
            if kept[0] == inputs:
                return kept[1]  # type: ignore[return-value]
        return GeneratedFile.later(head(), lambda: made().text)

    def steady(self, key: Hashable, value: object, same: Callable[[Any, Any], bool]) -> Token:
        """The token kept under `key` while `same(kept value, value)`, else a new one."""
        self._used.add(key)
        kept = self._tokens.get(key)
        if kept is not None and same(kept.value, value):
            return kept
        token = Token(value)
        self._tokens[key] = token
        return token

    def sweep(self) -> None:
        """Forget what the render that just ended did not use (deleted entries, old months)."""
        used = self._used
        self._kept = {k: v for k, v in self._kept.items() if k in used}
        self._tokens = {k: v for k, v in self._tokens.items() if k in used}
        self._used = set()
