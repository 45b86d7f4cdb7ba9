"""What an incremental build keeps of the last build, what it plans, and what it did."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .pagework import PageState


@dataclass(frozen=True)
class BuildCounts:
    """How much of the site a build converted and rendered (for tests and benchmarks)."""

    pages: int
    converted: int
    rendered: int
    patched: bool = False
    """Only the changed pages were touched (the search index is already finished)."""
    warnings: tuple[str, ...] = ()
    """Every warning the site stands under: this build's, and those of pages it kept."""
    stopped: bool = False
    """The build stopped before its end for a newer save (the next build finishes it)."""


@dataclass
class Built:
    """The structure of the last build, kept for a save that changes no file's presence."""

    files: Files
    nav: Any
    docs: list[File]
    epoch: str | None


@dataclass
class Plan:
    """What is left of a build once every page is read: the pages to convert and write."""

    files: Files
    nav: Any
    docs: list[File]
    states: dict[str, PageState]
    shared: str
    """What every page's template shows of the others (nav, tag listings)."""
    write: dict[str, Page]
    """The pages to write, by output path, in site order."""
    unread: set[str] = field(default_factory=set)
    """Of those, the ones still to convert (by source path)."""
    anchors: dict[str, set[str] | None] = field(default_factory=dict)
    """Every page whose source changed, with the anchors it had before (None: new)."""
    converted: int = 0
    patched: bool = False
    everything: bool = False
    """A first build: every page is written, whatever its fingerprint says."""
    deferred: set[str] = field(default_factory=set)
    """Of those, the ones still to read as well (their front matter is unchanged)."""
