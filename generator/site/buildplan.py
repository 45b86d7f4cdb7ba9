"""What an incremental build keeps of the last build, what it plans, and what it did."""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..generated import GeneratedFile
from .pagework import PageState, PageWarnings, check_links


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


def recheck_links(
    plan: Plan, states: dict[str, PageState], config: MkDocsConfig, found: PageWarnings
) -> None:
    """Check again the links of every changed page, and of every page that links to an
    anchor of a page whose anchors changed; their warnings go to their states."""
    files = plan.files
    moved = {
        files.get_file_from_path(uri)
        for uri, before in plan.anchors.items()
        if states[uri].anchors != before
    }
    for file in plan.docs:
        linker = file.page
        if linker is None:
            continue
        linked = linker.links_to_anchors or {}
        if file.src_uri in plan.anchors or moved.intersection(linked):
            check_links(linker, config, files)
            states[file.src_uri].link_warnings = found.take(file.src_uri)


def write_pictures(files: Files, pending: Mapping[str, GeneratedFile]) -> None:
    """Put in the site the pictures the staging step left to draw (changed link-preview
    cards), once the pages are written: what copying them from the staging folder gives once
    it holds them. Each is written beside and renamed, so no reader gets half a picture."""
    for rel, content in pending.items():
        file = files.get_file_from_path(rel)
        if content.is_text or file is None:
            continue
        if not file.inclusion.is_included():  # type: ignore[no-untyped-call]
            continue
        target = Path(file.abs_dest_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        beside = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.new")
        try:
            beside.write_bytes(content.data)
            os.replace(beside, target)
        except BaseException:
            beside.unlink(missing_ok=True)
            raise
