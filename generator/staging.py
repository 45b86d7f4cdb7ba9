"""The staging docs folder: the writer's pages, the generated pages and the media, together.

MkDocs reads one docs folder. The writer's `docs/` is never written to, so a build assembles a
complete copy under the cache folder: the writer's files, then the generated files, then the
media renditions (hard links into the rendition cache when the file system allows it).

The folder is written to a fresh temporary sibling and swapped into place at the end, so a
build that is killed half-way never leaves a half-written staging folder that a later build
could trust. `replace_dir` does the swap and is also used for the built site. A file identical
to the one in the previous staging folder is hard-linked from it instead of written again.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import uuid
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .errors import ContentError, Problem, SiteError
from .settings import Settings

_NEW = ".new-"
_OLD = ".old-"


def write_staging(
    root: Path,
    settings: Settings,
    files: Mapping[str, str | bytes],
    media_files: Mapping[str, Path],
    staging_dir: Path,
) -> None:
    """Assemble the docs folder MkDocs builds from, replacing `staging_dir` as a whole.

    Args:
        root: the magazine folder.
        settings: magazine settings (`docs_dir` names the writer's pages).
        files: generated files, docs-relative POSIX path → text (UTF-8) or bytes.
        media_files: rendition `url_path` → the file in the rendition cache.
        staging_dir: the folder to (re)create.

    Raises:
        ContentError: a generated path would overwrite one of the writer's pages.
        SiteError: a generated path is not a plain relative path, or two generated paths clash.
    """
    docs = root / settings.docs_dir
    writer = writer_files(docs)
    _check_clashes(root, docs, writer, files, media_files)

    staging_dir.parent.mkdir(parents=True, exist_ok=True)
    discard_leftovers(staging_dir)
    fresh = Path(tempfile.mkdtemp(prefix=f".{staging_dir.name}{_NEW}", dir=staging_dir.parent))
    try:
        for rel, source in writer.items():
            target = fresh / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            _place(target, source.read_bytes(), staging_dir / rel)
        for rel, content in sorted(files.items()):
            target = fresh / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else content
            _place(target, data, staging_dir / rel)
        for rel, source in sorted(media_files.items()):
            target = fresh / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(source, target)
        replace_dir(fresh, staging_dir)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def writer_files(docs: Path) -> dict[str, Path]:
    """Every file under the writer's docs folder, by docs-relative POSIX path, sorted."""
    if not docs.is_dir():
        return {}
    found: dict[str, Path] = {}
    for folder, dirs, names in os.walk(docs):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            found[path.relative_to(docs).as_posix()] = path
    return found


def replace_dir(fresh: Path, target: Path) -> None:
    """Put the folder `fresh` at `target`, replacing what was there, in two renames.

    The old folder is renamed away first and deleted only after the new one is in place; if
    the second rename fails, the old folder is put back. A process killed between the two
    renames leaves the old folder under a hidden name that `discard_leftovers` restores.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if fresh.stat().st_dev != target.parent.stat().st_dev:
        # rename() cannot cross file systems: copy next to the target first, then swap.
        near = Path(tempfile.mkdtemp(prefix=f".{target.name}{_NEW}", dir=target.parent))
        near.rmdir()
        shutil.copytree(fresh, near, symlinks=True)
        shutil.rmtree(fresh)
        fresh = near
    old = target.with_name(f".{target.name}{_OLD}{uuid.uuid4().hex[:12]}")
    had_old = target.exists()
    if had_old:
        os.rename(target, old)
    try:
        os.rename(fresh, target)
    except OSError:
        if had_old:
            os.rename(old, target)
        raise
    if had_old:
        shutil.rmtree(old, ignore_errors=True)


def discard_leftovers(target: Path) -> None:
    """Remove half-written folders a killed build left next to `target`.

    When `target` is missing but an old copy survives (the process died between the two
    renames of `replace_dir`), the old copy is put back first.
    """
    parent = target.parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f".{target.name}{_OLD}*"), key=lambda p: p.stat().st_mtime)
    if olds and not target.exists():
        os.rename(olds.pop(), target)
    for leftover in [*olds, *parent.glob(f".{target.name}{_NEW}*")]:
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _place(target: Path, content: bytes, previous: Path) -> None:
    """Write `content` at `target`, or hard-link the previous staging's identical file.

    Most files of a rebuild are unchanged, and a new directory entry for an existing file
    costs a small fraction of creating and writing a new file (a tenth on ext4), which
    matters with thousands of pages. The previous staging is only ever replaced as a whole,
    and its file is compared byte for byte, so nothing stale is carried over.
    """
    try:
        same = previous.stat().st_size == len(content) and previous.read_bytes() == content
    except OSError:
        same = False
    if same:
        try:
            os.link(previous, target)
            return
        except OSError:
            pass
    target.write_bytes(content)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copyfile(source, target)


def _check_clashes(
    root: Path,
    docs: Path,
    writer: Mapping[str, Path],
    files: Mapping[str, str | bytes],
    media_files: Mapping[str, Path],
) -> None:
    # Case-folded, because the writer's machine (macOS, Windows) may not tell `About.md` from
    # `about.md` while GitHub Pages does: either way one file would hide the other.
    taken = {rel.casefold(): rel for rel in writer}
    generated: dict[str, str] = {}
    problems: list[Problem] = []
    for kind, paths in (("page", sorted(files)), ("media file", sorted(media_files))):
        for rel in paths:
            _check_relative(rel)
            key = rel.casefold()
            if key in taken:
                mine = (docs / taken[key]).relative_to(root).as_posix()
                problems.append(
                    Problem(
                        mine,
                        0,
                        0,
                        "",
                        f"the magazine generates the {kind} {rel!r} at the same place; "
                        "rename or move this file",
                    )
                )
            elif key in generated:
                raise SiteError(f"two generated files share the path {generated[key]!r}/{rel!r}")
            else:
                generated[key] = rel
    if problems:
        raise ContentError(problems)


def _check_relative(rel: str) -> None:
    path = PurePosixPath(rel)
    if (
        not rel
        or "\\" in rel
        or path.is_absolute()
        or any(part in ("", ".", "..") for part in rel.split("/"))
    ):
        raise SiteError(f"generated path {rel!r} must be a plain relative path inside the site")
