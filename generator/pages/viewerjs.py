"""The comparison viewer's ES modules, shipped from `assets/viewer/` into the docs folder.

`magazine.js` (the one script every page loads) imports `viewer.js` on a page that has a viewer,
and that module imports the others by relative address, so the folder is copied whole and no
file of it is named in `extra_javascript`.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

VIEWER_FOLDER = "assets/magazine/viewer"
"""Where the modules land, relative to the docs root (next to `magazine.js`)."""


def _modules() -> list[Traversable]:
    folder = resources.files(__package__).joinpath("assets", "viewer")
    found = [item for item in folder.iterdir() if item.is_file() and item.name.endswith(".js")]
    return sorted(found, key=lambda item: item.name)


def viewer_script_paths() -> list[str]:
    """The docs path of every viewer module, sorted."""
    return [f"{VIEWER_FOLDER}/{item.name}" for item in _modules()]


def viewer_scripts() -> dict[str, str]:
    """Docs path → text of every viewer module, sorted by path."""
    return {f"{VIEWER_FOLDER}/{item.name}": item.read_text(encoding="utf-8") for item in _modules()}
