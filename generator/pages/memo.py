"""Pages rendered earlier in this process, reused while everything they show is unchanged.

The live preview renders the magazine again on every save, and most pages come out the same.
An entry page shows its entry, its service, the other attempts of its comparison, the criteria,
its clips' media and the site settings; a comparison page shows the same for each of its
entries. `PageMemo` keeps each such page with the inputs it was made from and gives it back
when the new inputs compare equal, so a save re-renders only the pages whose inputs changed.
Rendering stays a pure function of the magazine: with or without a memo the text is the same.
"""

from __future__ import annotations

from collections.abc import Callable


class PageMemo:
    """Rendered pages by path, each with the inputs it was rendered from."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[object, str]] = {}

    def page(self, path: str, inputs: object, render: Callable[[], str]) -> str:
        """The page at `path`: the kept text when `inputs` equal the kept ones, else rendered."""
        kept = self._pages.get(path)
        if kept is not None and kept[0] == inputs:
            return kept[1]
        text = render()
        self._pages[path] = (inputs, text)
        return text
