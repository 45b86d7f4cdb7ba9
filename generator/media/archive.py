"""The content-addressed archive of downloaded originals, outside the writer's files.

```
<root>/<cache_dir>/archive/
├── sha256/ab/ab12…ef.mp4      complete, verified files, named by the SHA-256 of their bytes
└── partial/<url key>.part     a download in progress (kept to resume it)
    partial/<url key>.json     its strong ETag, the announced total size and the URL it came from
```

A file reaches `sha256/` only by an atomic rename after its bytes were hashed and flushed to
disk, so a killed process leaves at most a `.part` file that nothing trusts as complete. A file
found in `sha256/` is still trusted only once its bytes hash to its name: each file is hashed on
its first use in a process (then remembered by size and modification time). Hashing always costs
one read of the file, which the media stage does anyway, and it catches a cache that a disk
error, a sync tool or a person changed behind our back; a file that fails is deleted, so the
clip is fetched again.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ..atomic import sync_folder
from ..errors import DownloadFailure
from ..messages import Message

_CHUNK = 1024 * 1024
_verified: set[tuple[str, int, int]] = set()
_verified_lock = threading.Lock()


def hash_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, lowercase hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path), stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True)
class Partial:
    """A download in progress: its bytes so far and the validator they were fetched under."""

    data: Path
    meta: Path

    @property
    def size(self) -> int:
        """Bytes kept so far (0 when there is no partial file)."""
        try:
            return self.data.stat().st_size
        except FileNotFoundError:
            return 0

    def resumable(self) -> tuple[str, int] | None:
        """The strong ETag and total size the kept bytes belong to, when both were recorded.

        Without both, kept bytes cannot be proven to be the start of the same version of the
        file that a resumed answer continues, so a download starts again from zero.
        """
        try:
            meta = json.loads(self.meta.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        if not isinstance(meta, dict):
            return None
        validator, total = meta.get("validator"), meta.get("total")
        if not isinstance(validator, str) or not validator or validator.startswith("W/"):
            return None
        if not isinstance(total, int) or isinstance(total, bool) or total <= 0:
            return None
        return validator, total

    def begin(self, validator: str | None, total: int | None, url: str) -> None:
        """Start afresh: empty the data file and record what the new bytes belong to."""
        self.data.parent.mkdir(parents=True, exist_ok=True)
        self.data.write_bytes(b"")
        if validator and total:
            self.meta.write_text(
                json.dumps({"validator": validator, "total": total, "url": url}, sort_keys=True)
                + "\n",
                encoding="utf-8",
                newline="\n",
            )
        else:
            self.meta.unlink(missing_ok=True)

    def discard(self) -> None:
        """Forget the partial download."""
        self.data.unlink(missing_ok=True)
        self.meta.unlink(missing_ok=True)


class Archive:
    """Complete files by content hash, plus partial downloads by URL key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, sha256: str, suffix: str = "") -> Path:
        """Where a file with this hash lives: `sha256/ab/<hash><suffix>`."""
        return self.folder / "sha256" / sha256[:2] / f"{sha256}{suffix}"

    def find(self, sha256: str, size: int | None = None) -> Path | None:
        """The archived file with this hash, verified; None when absent or damaged.

        A damaged file (wrong size or hash) is deleted so that it is fetched again.
        """
        shard = self.folder / "sha256" / sha256[:2]
        try:
            candidates = sorted(
                p for p in shard.iterdir() if p.name == sha256 or p.name.startswith(sha256 + ".")
            )
        except FileNotFoundError:
            return None
        for path in candidates:
            if self._trusted(path, sha256, size):
                return path
        return None

    def _trusted(self, path: Path, sha256: str, size: int | None) -> bool:
        try:
            stamp = _stamp(path)
        except FileNotFoundError:
            return False
        if size is not None and stamp[1] != size:
            path.unlink(missing_ok=True)
            return False
        with _verified_lock:
            if stamp in _verified:
                return True
        if hash_file(path) != sha256:
            path.unlink(missing_ok=True)
            return False
        with _verified_lock:
            _verified.add(stamp)
        return True

    def partial(self, key: str) -> Partial:
        """The partial download of the URL with this key (see `lockfile.url_key`)."""
        folder = self.folder / "partial"
        return Partial(folder / f"{key}.part", folder / f"{key}.json")

    def store(self, partial: Partial, sha256: str, suffix: str) -> Path:
        """Move a complete download into place atomically, once its bytes on disk hash right.

        The caller hashed the bytes as they arrived; the file is hashed again as it lies on
        disk (a second writer, a disk error or a sync tool may have changed it since) and
        flushed before the rename, so a named file always holds exactly the bytes its name
        says and a crash cannot leave one with missing bytes.

        Raises:
            ArchiveMismatch: the bytes on disk are not the ones downloaded (they are deleted).
        """
        target = self.path_for(sha256, suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        with partial.data.open("rb+") as handle:
            os.fsync(handle.fileno())
        if hash_file(partial.data) != sha256:
            partial.discard()
            raise ArchiveMismatch(Message("download.changed_on_disk"))
        os.replace(partial.data, target)
        partial.meta.unlink(missing_ok=True)
        sync_folder(target.parent)
        with _verified_lock:
            _verified.add(_stamp(target))
        return target


class ArchiveMismatch(DownloadFailure):
    """A partial download's bytes on disk no longer hash to what was downloaded."""
