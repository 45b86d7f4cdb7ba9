"""The lock file: which remote URL gave which bytes, committed by the writer.

`magazine.lock` sits at the magazine root. It is JSON with sorted keys, so a diff shows exactly
which clip changed, and it is rewritten only when a record changes:

```json
{
  "clips": {
    "<sha-256 of the full URL, hex>": {
      "content_type": "video/mp4",
      "fetched_at": "2025-01-03T01:40:00Z",
      "sha256": "<sha-256 of the file, hex>",
      "size": 1234567,
      "url": "https://cdn.example/clip.mp4"
    }
  },
  "version": 1
}
```

Service links carry signatures in the query string, so a record is keyed by a hash of the full
URL and stores the URL only without its query string, fragment or user name and password.
`fetched_at` is when the bytes were first verified: a real-world event, the one place a clock
enters the build, and never shown on pages.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from ..atomic import write_file
from ..errors import ContentError, Problem
from ..messages import Message

LOCK_VERSION = 1
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class LockRecord:
    """What one URL gave when it was fetched and verified."""

    url: str  # without query string, fragment or credentials
    sha256: str
    size: int
    content_type: str
    fetched_at: str  # ISO 8601, UTC, whole seconds


@dataclass(frozen=True)
class Lock:
    """Every record, keyed by `url_key` of the full URL."""

    records: Mapping[str, LockRecord]

    def get(self, url: str) -> LockRecord | None:
        """The record of a full URL (query string included), if any."""
        return self.records.get(url_key(url))


def url_key(url: str) -> str:
    """The key of a URL in the lock: the SHA-256 of the full URL, so secrets stay out."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def read_lock(path: Path, *, root: Path | None = None) -> Lock:
    """Read the lock file; a missing file is an empty lock.

    Raises:
        ContentError: the file is not a lock file this version understands (named by its path
            relative to `root`, with line and column for broken JSON).
    """
    shown = (
        path.relative_to(root).as_posix()
        if root is not None and path.is_relative_to(root)
        else str(path)
    )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Lock({})
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(
            [Problem(shown, exc.lineno, exc.colno, "", Message("lock.json", detail=exc.msg))]
        ) from exc
    problems: list[Problem] = []

    def problem(field: str, message: Message) -> None:
        problems.append(Problem(shown, 0, 0, field, message))

    if not isinstance(data, dict) or not isinstance(data.get("clips"), dict):
        problem("clips", Message("lock.clips"))
        raise ContentError(problems)
    if data.get("version") != LOCK_VERSION:
        problem(
            "version", Message("lock.version", version=LOCK_VERSION, got=repr(data.get("version")))
        )
    records: dict[str, LockRecord] = {}
    for key, raw in data["clips"].items():
        field = f"clips.{key}"
        if not _HEX64.match(key):
            problem(field, Message("lock.key"))
            continue
        record = _record(raw)
        if record is None:
            problem(field, Message("lock.record"))
            continue
        records[key] = record
    if problems:
        raise ContentError(problems)
    return Lock(records)


def _record(raw: object) -> LockRecord | None:
    if not isinstance(raw, dict) or set(raw) != {
        "url",
        "sha256",
        "size",
        "content_type",
        "fetched_at",
    }:
        return None
    url, sha256, size = raw["url"], raw["sha256"], raw["size"]
    content_type, fetched_at = raw["content_type"], raw["fetched_at"]
    if not (
        isinstance(url, str)
        and isinstance(sha256, str)
        and _HEX64.match(sha256)
        and isinstance(size, int)
        and not isinstance(size, bool)
        and size >= 0
        and isinstance(content_type, str)
        and isinstance(fetched_at, str)
    ):
        return None
    return LockRecord(url, sha256, size, content_type, fetched_at)


def render_lock(lock: Lock) -> str:
    """The file's text: stable, sorted, one trailing newline."""
    data = {
        "version": LOCK_VERSION,
        "clips": {key: asdict(record) for key, record in lock.records.items()},
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_lock(path: Path, lock: Lock) -> bool:
    """Write the lock atomically when its text changed; return whether it was written."""
    text = render_lock(lock)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except FileNotFoundError:
        pass
    write_file(path, text)
    return True
