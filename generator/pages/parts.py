"""Parts of pages that show one entry: declared as such, so a render may make each once.

A card, a list row, a viewer tile or an entry's line of open data shows one entry on one page
and nothing else beyond the render-wide settings. `@entry_part` says so where the function is
defined; the function stays a plain function of `(ctx, page, entry, *args)`. Whoever built the
context decides what that declaration buys: a fresh render calls the function, and the live
preview's render (`pages/kinds.py`) gives back what it made last time while the entry, its
clips' media and its service stand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from ..model import Entry
from .context import PageContext

P = ParamSpec("P")
T = TypeVar("T")


def entry_part(
    render: Callable[Concatenate[PageContext, str, Entry, P], T],
) -> Callable[Concatenate[PageContext, str, Entry, P], T]:
    """Declare `render(ctx, page, entry, *args)` a function of one entry on one page.

    Its extra arguments are positional and hashable (they tell parts of one entry apart).
    """

    def part(ctx: PageContext, page: str, entry: Entry, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if kwargs:
            raise TypeError("an entry part takes its arguments by position")
        return ctx.reuse(
            lambda: render(ctx, page, entry, *args, **kwargs), render, page, entry, args
        )

    return part
