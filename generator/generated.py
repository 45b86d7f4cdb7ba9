"""A file the pages stage makes for the site stage: its content now, or made when first read.

Every generated file is one `GeneratedFile`, whether its content was made at once (a data file,
a page that did not change) or left to be made when the site stage first reads it (the preview
leaves the pages a save reaches for later, so the page a reader waits for is made first). A
file left for later knows how its text starts (`head`: at least its front matter, the title and
tags other pages show of it), so the site stage can plan a build before the rest is made. The
site stage never asks how a file was made: it reads `head`, `text` or `data`.
"""

from __future__ import annotations

from collections.abc import Callable


class GeneratedFile:
    """One generated file: text (or bytes) made now, or text made when first asked for."""

    __slots__ = ("_binary", "_content", "_make", "head")

    def __init__(self, content: str | bytes) -> None:
        """A file whose content is made already."""
        self._content: str | bytes | None = content
        self._make: Callable[[], str | bytes] | None = None
        self._binary = isinstance(content, bytes)
        self.head = content if isinstance(content, str) else ""
        """How the text starts, known now (the whole text once it is made)."""

    @classmethod
    def later(cls, head: str, make: Callable[[], str]) -> GeneratedFile:
        """A page made when first read; `make` returns its whole text, which starts with
        `head`."""
        page = cls.__new__(cls)
        page._content, page._make, page._binary, page.head = None, make, False, head
        return page

    @classmethod
    def later_picture(cls, make: Callable[[], bytes]) -> GeneratedFile:
        """A picture made when first read (the preview draws a changed link-preview card once
        the pages a reader waits for are served)."""
        picture = cls.__new__(cls)
        picture._content, picture._make, picture._binary, picture.head = None, make, True, ""
        return picture

    @property
    def made(self) -> bool:
        """Whether the content is made already."""
        return self._content is not None

    @property
    def is_text(self) -> bool:
        """Whether the file is text (a page, a data file) rather than bytes (a picture)."""
        return not self._binary

    def _made(self) -> str | bytes:
        if self._content is None:
            assert self._make is not None
            made = self._make()
            if isinstance(made, str) and not made.startswith(self.head):
                raise AssertionError("a page left for later does not start as it said it would")
            self._content, self._make = made, None
        return self._content

    @property
    def text(self) -> str:
        """The whole text, made now if it is not yet."""
        content = self._made()
        if isinstance(content, bytes):
            raise TypeError("a binary file has no text")
        return content

    @property
    def data(self) -> bytes:
        """The content as bytes (text in UTF-8), made now if it is not yet."""
        content = self._made()
        return content if isinstance(content, bytes) else content.encode("utf-8")

    def same_as(self, other: GeneratedFile | None) -> bool:
        """Whether `other` is this very file, or both are made and hold the same content.

        A file still to be make is never the same as another: it was left for later because
        what it shows changed.
        """
        if other is self:
            return True
        if other is None or self._content is None or other._content is None:
            return False
        return type(self._content) is type(other._content) and self._content == other._content

    def __eq__(self, other: object) -> bool:
        """Files are equal when their contents are (each is made now if it is not yet)."""
        if not isinstance(other, GeneratedFile):
            return NotImplemented
        return self.same_as(other) or self.data == other.data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        state = "made" if self.made else "later"
        return f"GeneratedFile({state}, head={self.head[:40]!r})"
