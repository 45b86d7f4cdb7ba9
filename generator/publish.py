"""`magazine media push` and `magazine media gc`: the media store commands, in order.

Each holds the cache folder (as build, fetch and serve do), so the renditions and the last
build's manifest cannot change under it, then hands the work to the site stage's `push`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .messages import Message
from .progress import Progress
from .site import (
    PushReport,
    StoredObject,
    delete_objects,
    hold_cache_folder,
    push_media,
    read_manifest,
    unreferenced,
)
from .sizes import format_bytes
from .source import load_settings

Confirm = Callable[[Sequence[StoredObject]], bool]


def push(
    root: Path, *, progress: Progress, sleep: Callable[[float], None] = time.sleep
) -> PushReport:
    """Upload what the last build's pages load from the store, then verify all of it.

    Raises:
        StoreError: no build for this store yet, or the store refused, failed or lied.
    """
    root = root.resolve()
    settings = load_settings(root)
    with hold_cache_folder(root, settings, "media push", notify=progress.note) as cache:
        manifest = read_manifest(cache, root, settings)
        return push_media(manifest, settings, progress=progress, sleep=sleep)


def push_summary(report: PushReport, language: str = "en") -> str:
    """One line in `language`: what was sent, what was there, that everything was verified."""
    sent = (
        Message(
            "push.uploaded" if report.uploaded != 1 else "push.uploaded_one",
            count=report.uploaded,
            size=format_bytes(report.uploaded_bytes),
        )
        if report.uploaded
        else Message("push.uploaded_nothing")
    )
    return Message(
        "push.summary",
        store=report.store,
        sent=sent,
        present=report.present,
        present_size=format_bytes(report.present_bytes),
        verified=report.verified,
    ).render(language)


def garbage_summary(
    garbage: Sequence[StoredObject], deleted: int, *, delete: bool, language: str = "en"
) -> str:
    """One line in `language`: what no page loads, and whether it was deleted."""
    total = format_bytes(sum(item.size for item in garbage))
    if deleted:
        said = Message("gc.deleted", count=deleted, size=total)
    elif garbage:
        said = Message("gc.found" if delete else "gc.found_hint", count=len(garbage), size=total)
    else:
        said = Message("gc.clean")
    return said.render(language)


def collect_garbage(
    root: Path, *, delete: bool, confirm: Confirm, progress: Progress
) -> tuple[list[StoredObject], int]:
    """The store's objects under the prefix that no page of the last build loads, and how many
    were deleted (only with `delete`, and only when `confirm` agrees)."""
    root = root.resolve()
    settings = load_settings(root)
    with hold_cache_folder(root, settings, "media gc", notify=progress.note) as cache:
        manifest = read_manifest(cache, root, settings)
        store, garbage = unreferenced(manifest, settings)
        if not delete or not garbage or not confirm(garbage):
            return garbage, 0
        return garbage, delete_objects(store, garbage, settings, progress=progress)
