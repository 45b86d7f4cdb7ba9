"""The cache folder (`.magazine/` by default): everything a build makes except the site.

It holds the download archive, the renditions, the staging docs and the derived mkdocs.yml,
all of which a build can make again. The folder ignores itself: it carries a `.gitignore`
that matches everything in it, so `git status` stays clean after a build whether or not the
writer's own `.gitignore` names it, and a `CACHEDIR.TAG` so that backup tools skip it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..settings import Settings

GITIGNORE = "# Made by `magazine build`; everything in this folder can be made again.\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by the magazine generator.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def make_cache_folder(root: Path, settings: Settings) -> Path:
    """Create the cache folder with its self-ignoring `.gitignore`; return its path."""
    folder = settings.cache_path(root)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            partial = folder / f".{name}.{os.getpid()}.partial"
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
    return folder
