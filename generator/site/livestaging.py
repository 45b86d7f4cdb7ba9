"""The preview's staging folder, kept up to date in place: a save writes only what it changed.

A build assembles the staging docs folder afresh and swaps it in whole (`staging`). The live
preview stages the magazine on every save, and at a few thousand entries writing (or linking)
every file again costs more than the rest of a one-entry save. `LiveStaging` remembers what it
put in the folder and, on the next save, writes only the files whose content differs, removes
the ones that are gone and reports both, so that the site stage can rebuild from that list
instead of comparing every page again.

Nothing reads the folder while it is updated (MkDocs runs after), so a page is rewritten in
place; a rendition is linked in under a new name and renamed over the old one, so the
rendition cache it shares its data with is never written through. Any failure forgets what
the folder holds, and the next update writes it whole again; a `magazine build` never trusts
this folder either (it compares every file it reuses byte for byte).

Pages that only changed (none added or removed) can be left to write later: the update hands
their text over in `StagingChanges.pending`, the site stage reads them from there, and
`write_pending` puts them in the folder once the pages a reader waits for are served. A save
that renames a service rewrites thousands of pages, and writing them first cost a third of the
time before the first of them could be shown.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..generated import GeneratedFile
from ..pages.urls import SiteUrls
from ..settings import Settings
from .staging import (
    check_clashes,
    fill_snippets,
    link_or_copy,
    remove_file,
    snippet_way_back,
    write_staging,
    writer_files,
)

Content = GeneratedFile | Path
"""What a staged file holds: generated text or bytes (or a page the generator left for later),
or the rendition file it links to."""


@dataclass(frozen=True)
class StagingChanges:
    """What one update changed in the staging folder, by docs-relative POSIX path."""

    written: frozenset[str]
    """Files added or rewritten."""
    added: frozenset[str]
    """Of `written`, the files that were not there before."""
    removed: frozenset[str]
    """Files deleted."""
    pending: Mapping[str, GeneratedFile] = field(default_factory=dict)
    """Of `written`, pages whose new text is not in the folder yet: read them from here
    (a page left for later is made when read, so the page a reader waits for is made
    first); and pictures still to draw (changed link-preview cards), drawn after the pages."""
    write_pending: Callable[[], None] = field(default=lambda: None, compare=False)
    """Puts the `pending` pages in the folder (call it once the build no longer waits)."""


class LiveStaging:
    """A staging folder that the preview updates in place, one changed file at a time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._held: dict[str, Content] | None = None
        self._pending: dict[str, GeneratedFile] = {}
        self._checked: tuple[frozenset[str], ...] = ()

    def update(
        self,
        root: Path,
        settings: Settings,
        files: Mapping[str, GeneratedFile],
        media_files: Mapping[str, Path],
        snippets: Mapping[str, str] | None = None,
        *,
        defer_pages: bool = False,
    ) -> StagingChanges | None:
        """Bring the folder up to date; the changes made, or None when it was written whole.

        With `defer_pages`, pages already in the folder whose text changed, and pictures
        there still to draw, are not written yet: they are in the changes' `pending` until
        its `write_pending` is called. Without it, or for a file new to the folder, a file
        left for later is made now.

        Raises what `write_staging` raises, before anything is written.
        """
        self.write_pending()  # left by an update whose build did not get to it
        writer = writer_files(root, settings)
        wanted: dict[str, Content] = {}
        for rel, source in writer.items():
            data = source.read_bytes()
            if snippets and "/" not in rel and rel.endswith(".md"):
                back = snippet_way_back(SiteUrls(directory_urls=settings.use_directory_urls), rel)
                data = fill_snippets(data.decode("utf-8"), snippets, back).encode("utf-8")
            wanted[rel] = GeneratedFile(data)
        # Whether two files clash depends on their paths alone: check again when they change.
        paths = (frozenset(writer), frozenset(files), frozenset(media_files))
        if self._held is None:
            write_staging(root, settings, files, media_files, self.folder, snippets)
            self._held = {**wanted, **files, **media_files}
            self._checked = paths
            return None
        if paths != self._checked:
            served = SiteUrls(directory_urls=settings.use_directory_urls)
            check_clashes(root, root / settings.docs_dir, writer, files, media_files, served)
            self._checked = paths
        wanted.update(files)
        wanted.update(media_files)
        held, self._held = self._held, None
        written = {rel for rel, content in wanted.items() if not _same(held.get(rel), content)}
        removed = held.keys() - wanted.keys()
        pending: dict[str, GeneratedFile] = {}
        for rel in sorted(written):
            content = wanted[rel]
            if (
                defer_pages
                and isinstance(content, GeneratedFile)
                and rel in held
                and (rel.endswith(".md") if content.is_text else not content.made)
            ):
                pending[rel] = content
            else:
                _put(self.folder / rel, content)
        for rel in sorted(removed):
            remove_file(self.folder, rel)
        self._held, self._pending = wanted, pending
        return StagingChanges(
            written=frozenset(written),
            added=frozenset(written - held.keys()),
            removed=frozenset(removed),
            pending=pending,
            write_pending=self.write_pending,
        )

    def write_pending(self) -> None:
        """Write the pages the last update left pending; a failure forgets what the folder
        holds (the next update writes it whole)."""
        pending, self._pending = self._pending, {}
        try:
            for rel, content in pending.items():
                _put(self.folder / rel, content)
        except BaseException:
            self._held = None
            raise


def _same(held: Content | None, content: Content) -> bool:
    # Pages the generator kept from the last save are the very same objects: `is` settles most.
    # A page left for later is written, even should it come out the same (the site stage then
    # finds its page unchanged); one held is made by now (every pending page is written before
    # an update).
    if isinstance(content, Path) or isinstance(held, Path):
        return held == content
    return content.same_as(held)


def _put(target: Path, content: Content) -> None:
    """Write one staged file. A page is rewritten where it lies (a rename per file costs
    as much again, and only MkDocs, after this update, reads the folder); a rendition, or
    a file that shares its data with another name, is replaced by a new file instead."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not isinstance(content, Path):
        data = content.data
        try:
            alone = os.stat(target).st_nlink == 1
        except FileNotFoundError:
            alone = True
        if alone:
            target.write_bytes(data)
            return
    beside = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.new")
    try:
        if isinstance(content, Path):
            link_or_copy(content, beside)
        else:
            beside.write_bytes(data)
        os.replace(beside, target)
    except BaseException:
        beside.unlink(missing_ok=True)
        raise
