"""Remote clips: which verified copy each `url` clip uses, and what the lock file records.

The decisions of `fetch.fetch_clips` that need no network: whether the archive already holds
a clip's bytes, which hash a download must have (the writer's pin, else the lock's), and what a
finished or failed download means for every clip that shares its URL: a source, a warning (the
link failed but an archived copy is used) or an error. Runs on the main thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..addresses import public_url
from ..errors import DownloadFailure, FetchError
from ..messages import Message
from ..model import Clip, Entry
from .archive import Archive, ArchiveMismatch, Partial
from .lockfile import Lock, LockRecord
from .renditions import ClipRef


@dataclass(frozen=True)
class RemoteClip:
    """One url clip of one entry."""

    ref: ClipRef
    entry: Entry
    clip: Clip

    @property
    def url(self) -> str:
        return str(self.clip.url)

    @property
    def where(self) -> str:
        return f"clips[{self.ref.position}].url"

    def error(self, message: str | Message) -> FetchError:
        return FetchError(
            message, url=public_url(self.url), entry=self.entry.path, field=self.where
        )

    def warning(self, message: Message) -> Message:
        url = public_url(self.url)
        return Message(
            "fetch.warning", entry=self.entry.path, field=self.where, reason=message, url=url
        )


@dataclass(frozen=True)
class Download:
    """Complete bytes in a partial file, hashed, not yet in the archive."""

    partial: Partial
    sha256: str
    size: int
    content_type: str
    suffix: str


class Ledger:
    """Collects sources, warnings, errors and new lock records (main thread only)."""

    def __init__(self, archive: Archive, lock: Lock) -> None:
        self.archive, self.lock = archive, lock
        self.sources: dict[ClipRef, Path] = {}
        self.warnings: list[Message] = []
        self.errors: list[FetchError] = []
        self.new_records: dict[str, LockRecord] = {}
        self.downloaded = 0
        self.reused = 0

    def record(self, url: str) -> LockRecord | None:
        """The lock record of a URL after this run: a new one, else the old one."""
        return self.new_records.get(url) or self.lock.get(url)

    def expected(self, url: str, wanted: RemoteClip, *, force: bool) -> str | None:
        """The hash a clip must have: its declared pin, else the lock's (unless forced)."""
        if wanted.clip.sha256:
            return wanted.clip.sha256
        record = self.lock.get(url)
        return record.sha256 if record is not None and not force else None

    def archived(self, url: str, wanted: RemoteClip) -> Path | None:
        """An archived copy the clip may use: its pin's, else the locked one's."""
        record = self.lock.get(url)
        sha256 = wanted.clip.sha256 or (record.sha256 if record else None)
        if sha256 is None:
            return None
        size = record.size if record is not None and record.sha256 == sha256 else None
        return self.archive.find(sha256, size)

    def reusable(self, url: str, members: Sequence[RemoteClip]) -> bool:
        """The lock knows the URL, every pin agrees with it and the archive has the bytes."""
        record = self.lock.get(url)
        if record is None or any(m.clip.sha256 not in (None, record.sha256) for m in members):
            return False
        return self.archive.find(record.sha256, record.size) is not None

    def use_archive(self, members: Sequence[RemoteClip], *, missing: Message) -> None:
        """Serve clips from the archive without network; `missing` says why one has no copy."""
        for wanted in members:
            path = self.archived(wanted.url, wanted)
            if path is not None:
                self.sources[wanted.ref] = path
                self.reused += 1
            else:
                self.errors.append(wanted.error(missing))

    def failed(self, url: str, members: Sequence[RemoteClip], failure: DownloadFailure) -> None:
        """A download failed: clips with an archived copy use it (a warning), others error."""
        for wanted in members:
            path = self.archived(url, wanted)
            if path is not None:
                self.sources[wanted.ref] = path
                self.reused += 1
                using = Message("fetch.using_archive", reason=failure.words)
                self.warnings.append(wanted.warning(using))
            elif failure.expired:
                self.errors.append(
                    wanted.error(Message("fetch.expired_no_copy", reason=failure.words))
                )
            else:
                self.errors.append(wanted.error(failure.words))

    def finished(
        self, url: str, members: Sequence[RemoteClip], done: Download, force: bool
    ) -> None:
        """A download finished: store it for the clips it satisfies, report the mismatches.

        The lock record changes only when every clip sharing the URL accepted the bytes, and
        keeps its first `fetched_at` when the bytes are the ones already recorded.
        """
        accepted = [m for m in members if self.expected(url, m, force=force) in (None, done.sha256)]
        if not accepted:
            done.partial.discard()
            path = None
        else:
            try:
                path = self.archive.store(done.partial, done.sha256, done.suffix)
            except ArchiveMismatch as exc:
                self.failed(url, members, exc)
                return
        for wanted in members:
            if path is not None and wanted in accepted:
                self.sources[wanted.ref] = path
                self.downloaded += 1
                continue
            expected = self.expected(url, wanted, force=force)
            source = Message("fetch.declared" if wanted.clip.sha256 else "fetch.locked")
            kept = self.archived(url, wanted)
            if kept is not None:
                self.sources[wanted.ref] = kept
                self.reused += 1
            mismatch = "fetch.mismatch" if kept is None else "fetch.mismatch_kept"
            self.errors.append(
                wanted.error(
                    Message(
                        mismatch,
                        source=source,
                        expected=str(expected),
                        got=done.sha256,
                        size=done.size,
                    )
                )
            )
        if len(accepted) == len(members):
            old = self.lock.get(url)
            if old is None or old.sha256 != done.sha256 or old.size != done.size:
                self.new_records[url] = LockRecord(
                    url=public_url(url),
                    sha256=done.sha256,
                    size=done.size,
                    content_type=done.content_type,
                    fetched_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                )


def scheme_problem(url: str, allow_http: bool) -> Message | None:
    """Why a clip URL may not be fetched at all, or None (https, or http with allow_http)."""
    scheme = url.partition(":")[0].lower()
    if scheme == "https" or (scheme == "http" and allow_http):
        return None
    if scheme == "http":
        return Message("fetch.http_needs_allow")
    return Message("fetch.only_https", scheme=scheme)
