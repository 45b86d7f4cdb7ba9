"""Walking the writer's folders without leaving the magazine: symbolic links are checked.

A link is followed only when what it points at lies inside the magazine folder; a link to
anything outside it (`docs/passwd.txt → /etc/passwd`, an entry file or an entries sub-folder
linked from elsewhere), a broken link and a link loop are refused with a located problem, so
nothing outside the magazine is ever read or published, and nothing is skipped silently.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..messages import Message

OUTSIDE = Message("link.outside")
BROKEN = Message("link.broken")


@dataclass
class Walk:
    """Files found under a folder, by folder-relative POSIX path (NFC), and what was refused."""

    files: dict[str, Path] = field(default_factory=dict)
    refused: list[Problem] = field(default_factory=list)


def link_problem(root: Path, path: Path) -> Message | None:
    """Why `path` may not be read: it leads outside `root`, or nowhere; None when it is fine.

    `root` must be resolved. Every link along the path counts, not only the last one.
    """
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return BROKEN if path.is_symlink() or _has_link(root, path) else None
    return None if real.is_relative_to(root) else OUTSIDE


def _has_link(root: Path, path: Path) -> bool:
    try:
        relative = path.relative_to(root)
    except ValueError:
        return False
    current = root
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def on_disk(root: Path, path: str) -> Path:
    """`path` (under `root`, normalised) as the disk spells it, whichever Unicode form it holds.

    macOS tools, zip archives and some sync tools store Korean names decomposed (NFD) while
    writers type them composed (NFC); the two are the same text. Linux compares bytes, so a
    name that is not found as written is looked for among its folder's names by its NFC form.
    Case is left to the file system, as before. A path found as written costs one `lstat`.
    """
    if os.path.lexists(path) or path.isascii():
        return Path(path)
    try:
        relative = Path(path).relative_to(root)
    except ValueError:
        return Path(path)
    current = root
    for part in relative.parts:
        candidate = current / part
        if not os.path.lexists(candidate):
            wanted = unicodedata.normalize("NFC", part)
            try:
                names = sorted(os.listdir(current))
            except OSError:
                return Path(path)
            same = [name for name in names if unicodedata.normalize("NFC", name) == wanted]
            if not same:
                return Path(path)
            candidate = current / same[0]
        current = candidate
    return current


def walk_inside(root: Path, relative: str) -> Walk:
    """Every file under the folder `relative` to `root` (any depth, sorted), following links
    only to places inside `root`.

    Names starting with a dot are walked like any other; callers filter what they want.
    """
    root = root.resolve()
    folder = root / relative
    walk = Walk()
    shown = _shown(root, folder)
    problem = link_problem(root, folder)
    if problem is not None:
        walk.refused.append(Problem(shown, 0, 0, "", problem))
        return walk
    if not folder.is_dir():
        return walk
    _walk(root, folder, "", walk, {folder.resolve()})
    walk.files = dict(sorted(walk.files.items()))
    walk.refused.sort()
    return walk


def _walk(root: Path, folder: Path, prefix: str, walk: Walk, seen: set[Path]) -> None:
    # Directory entries carry their type, so an ordinary file or folder costs no stat call:
    # the entries folder of a large magazine holds thousands of files, walked on every save.
    try:
        with os.scandir(folder) as found:
            items = sorted(found, key=lambda item: item.name)
    except OSError as exc:
        walk.refused.append(
            Problem(
                _shown(root, folder),
                0,
                0,
                "",
                Message("file.folder_unreadable", reason=str(exc.strerror or exc)),
            )
        )
        return
    for item in items:
        name = item.name
        path = folder / name
        # Keys are NFC whatever form the disk holds (macOS tools and zip archives write Korean
        # names decomposed), so that a writer's page is published at the address they typed.
        rel = unicodedata.normalize("NFC", f"{prefix}{name}")
        if item.is_symlink():
            problem = link_problem(root, path)
            if problem is not None:
                walk.refused.append(Problem(_shown(root, path), 0, 0, "", problem))
                continue
        if _is_dir(item):
            real = path.resolve()
            if real in seen:
                walk.refused.append(Problem(_shown(root, path), 0, 0, "", Message("link.loop")))
                continue
            _walk(root, path, f"{rel}/", walk, seen | {real})
        elif _is_file(item) and rel in walk.files:
            message = Message("name.unicode_twin", other=_shown(root, walk.files[rel]))
            walk.refused.append(Problem(_shown(root, path), 0, 0, "", message))
        elif _is_file(item):
            walk.files[rel] = path


def _is_dir(item: os.DirEntry[str]) -> bool:
    try:
        return item.is_dir()
    except OSError:
        return False


def _is_file(item: os.DirEntry[str]) -> bool:
    try:
        return item.is_file()
    except OSError:
        return False


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
