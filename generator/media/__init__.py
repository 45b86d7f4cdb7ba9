"""The media stage: remote clips fetched into the archive, every clip probed and transcoded.

Where a clip travels: `fetch` downloads it (httpx, with `remotes`, `payload`, `archive` and
the `lockfile`); `stage` probes it (`probe`, PyAV), builds the ffmpeg commands (`recipes`),
runs them (`transcode`) and keeps the results in the rendition `cache`. What the pages stage
receives is a `MediaIndex` (`renditions`).

Public face: `fetch_clips`, `FetchResult`, `process_media` and the types of `renditions`.
"""

from __future__ import annotations

from .fetch import FetchResult, fetch_clips
from .renditions import ClipMedia, ClipRef, MediaFacts, MediaIndex, Rendition, Role
from .stage import clips_over_limits, process_media

__all__ = [
    "ClipMedia",
    "ClipRef",
    "FetchResult",
    "MediaFacts",
    "MediaIndex",
    "Rendition",
    "Role",
    "clips_over_limits",
    "fetch_clips",
    "process_media",
]
