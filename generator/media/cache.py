"""The rendition cache: files named by (source content hash, recipe), trusted only when complete.

```
<cache_dir>/renditions/<first 16 hex of the source's sha256>/
    facts.json                 probe result for this content (written after a good probe)
    video-<recipe key>.mp4     a rendition ...
    video-<recipe key>.mp4.json  ... and its marker, written last
    .tmp-*                     work in progress; never trusted, swept before new work
```

A build killed at any moment leaves either a temporary file, or a finished file without its
marker; neither is trusted, so the next build makes that rendition again.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .renditions import MediaFacts

PROBE_VERSION = 1
"""Bump when probing changes what it reports; every cached probe result is then ignored."""

SHORT_HASH = 16
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class CachedFile:
    """What a marker records about a finished rendition."""

    path: Path
    width: int
    height: int
    size_bytes: int


class RenditionCache:
    """The folder of one source's renditions."""

    def __init__(self, root: Path, source_sha256: str) -> None:
        self.source_sha256 = source_sha256
        self.short = source_sha256[:SHORT_HASH]
        self.folder = root / self.short

    def url_path(self, name: str) -> str:
        """Where the site publishes a rendition: media/<short hash>/<name>."""
        return f"media/{self.short}/{name}"

    def lookup(self, name: str) -> CachedFile | None:
        """The finished rendition of this name, or None when absent, partial or unmarked."""
        final = self.folder / name
        try:
            marker = json.loads((self.folder / f"{name}.json").read_text("utf-8"))
            size = final.stat().st_size
        except (OSError, ValueError):
            return None
        if not isinstance(marker, dict) or marker.get("size_bytes") != size:
            return None
        return CachedFile(final, int(marker["width"]), int(marker["height"]), size)

    def temporary(self, name: str) -> Path:
        """A fresh work-in-progress path beside the final one (so the rename is atomic)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder / f".tmp-{secrets.token_hex(4)}-{name}"

    def commit(self, temporary: Path, name: str, width: int, height: int) -> CachedFile:
        """Rename a finished file into place, then write its marker (last, atomically)."""
        final = self.folder / name
        os.replace(temporary, final)
        size = final.stat().st_size
        marker = {"width": width, "height": height, "size_bytes": size, "source": self.short}
        _write_atomically(self.folder / f"{name}.json", json.dumps(marker, sort_keys=True))
        return CachedFile(final, width, height, size)

    def sweep(self) -> None:
        """Delete work-in-progress files left by a build that was killed."""
        if self.folder.is_dir():
            for leftover in self.folder.glob(".tmp-*"):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def load_json(self, name: str) -> dict[str, object] | None:
        """A JSON object kept for this content under `name` (written whole, or absent)."""
        try:
            data = json.loads((self.folder / name).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("sha256") != self.source_sha256:
            return None
        return data

    def store_json(self, name: str, data: dict[str, object]) -> None:
        """Keep a JSON object for this content, atomically (a killed build leaves no half)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        whole = {**data, "sha256": self.source_sha256}
        _write_atomically(self.folder / name, json.dumps(whole, sort_keys=True))

    def load_facts(self) -> MediaFacts | None:
        """The probe result cached for this content, if any."""
        try:
            data = json.loads((self.folder / "facts.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("probe_version") != PROBE_VERSION:
            return None
        if data.get("sha256") != self.source_sha256:
            return None
        known = {f.name for f in fields(MediaFacts)}
        try:
            return MediaFacts(**{k: v for k, v in data["facts"].items() if k in known})
        except (TypeError, KeyError):
            return None

    def store_facts(self, facts: MediaFacts) -> None:
        """Remember a probe result for this content."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {
            "probe_version": PROBE_VERSION,
            "sha256": self.source_sha256,
            "facts": asdict(facts),
        }
        _write_atomically(self.folder / "facts.json", json.dumps(data, sort_keys=True))


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".tmp-{secrets.token_hex(4)}-{path.name}")
    temporary.write_text(text, "utf-8", newline="\n")
    os.replace(temporary, path)
