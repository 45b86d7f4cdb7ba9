"""The source stage: the writer's YAML read strictly, validated, and loaded as a `Magazine`.

Public face: `load_magazine` (with an optional `EntryCache`), `read_magazine`, `load_settings`,
`entry_files`, `clip_path`, `locate`, `registry_path`.
"""

from __future__ import annotations

from .config import config_path, load_settings
from .entries import (
    EntryCache,
    clip_path,
    entry_files,
    load_magazine,
    locate,
    read_magazine,
    registry_path,
)

__all__ = [
    "EntryCache",
    "clip_path",
    "config_path",
    "entry_files",
    "load_magazine",
    "load_settings",
    "locate",
    "read_magazine",
    "registry_path",
]
