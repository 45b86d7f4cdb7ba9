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
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from ..errors import ContentError, Problem, SiteError, UsageError
from ..generated import GeneratedFile
from ..messages import Message
from ..pages.urls import SiteUrls
from ..settings import Settings
from ..source.tree import walk_inside

_NEW = ".new-"
_OLD = ".old-"


def write_staging(
    root: Path,
    settings: Settings,
    files: Mapping[str, GeneratedFile],
    media_files: Mapping[str, Path],
    staging_dir: Path,
    snippets: Mapping[str, str] | None = None,
) -> None:
    """Assemble the docs folder MkDocs builds from, replacing `staging_dir` as a whole.

    Args:
        root: the magazine folder.
        settings: magazine settings (`docs_dir` names the writer's pages).
        files: generated files, docs-relative POSIX path → text (UTF-8), bytes, or a page
            left for later (made now).
        media_files: rendition `url_path` → the file in the rendition cache.
        staging_dir: the folder to (re)create.
        snippets: generated Markdown by name; `<!-- magazine:NAME -->` in a writer's page at
            the top of docs/ (such as index.md) is replaced by it in the staged copy.

    Raises:
        ContentError: a generated path would overwrite one of the writer's pages.
        SiteError: a generated path is not a plain relative path, or two generated paths clash.
    """
    docs = root / settings.docs_dir
    writer = writer_files(root, settings)
    served = SiteUrls(directory_urls=settings.use_directory_urls)
    check_clashes(root, docs, writer, files, media_files, served)

    with _replacing(staging_dir) as fresh:
        for rel, source in writer.items():
            target = fresh / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = source.read_bytes()
            if snippets and "/" not in rel and rel.endswith(".md"):
                back = snippet_way_back(served, rel)
                data = fill_snippets(data.decode("utf-8"), snippets, back).encode("utf-8")
            _place(target, data, staging_dir / rel)
        for rel, content in sorted(files.items()):
            target = fresh / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            _place(target, content.data, staging_dir / rel)
        _link_all(media_files, fresh)


def write_media_folder(media_files: Mapping[str, Path], target: Path) -> None:
    """Lay out renditions by their site paths in `target`, for upload to a media host.

    Used with `media_base_url`: the pages point at that host, and this folder holds exactly
    what to put there (the same `media/<hash>/<file>` paths). Replaced as a whole.
    """
    for rel in media_files:
        _check_relative(rel)
    with _replacing(target) as fresh:
        _link_all(media_files, fresh)


@contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """A fresh sibling folder to fill; it replaces `target` only when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    discard_leftovers(target)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}{_NEW}", dir=target.parent))
    try:
        yield fresh
        replace_dir(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def _link_all(media_files: Mapping[str, Path], folder: Path) -> None:
    for rel, source in sorted(media_files.items()):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source, target)


_SNIPPET = re.compile(r"<!--\s*magazine:([a-z-]+)\s*-->")
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


def fill_snippets(text: str, snippets: Mapping[str, str], way_back: str = "") -> str:
    """Replace each `<!-- magazine:NAME -->` marker with its snippet; unknown names stay.

    On a page that also places the lead story, `latest` is the snippet `latest-cover` when
    there is one: the latest trials the lead does not already show. Snippets address files
    as the home page does; `way_back` (`../` for `about.md` served at `about/`) is put before
    each `srcset` address, which the builder does not rewrite as it rewrites `src`.
    """
    chosen = snippets
    if "latest-cover" in snippets and "lead" in _SNIPPET.findall(text):
        chosen = {**snippets, "latest": snippets["latest-cover"]}

    def placed(found: re.Match[str]) -> str:
        snippet = chosen.get(found.group(1))
        if snippet is None:
            return found.group(0)
        return _SRCSET.sub(lambda m: m.group(1) + _rebased(m.group(2), way_back) + '"', snippet)

    return _SNIPPET.sub(placed, text)


def snippet_way_back(served: SiteUrls, page: str) -> str:
    """What leads from where `page` (at the top of docs/) is served back to the site root."""
    back = served.relative(page, "index.md")
    return "" if back == "./" else back


def _rebased(srcset: str, way_back: str) -> str:
    """Each candidate of a `srcset` with `way_back` before its relative address."""
    if not way_back:
        return srcset
    candidates = []
    for candidate in srcset.split(", "):
        address = candidate.split(" ", 1)[0]
        relative = "://" not in address and not address.startswith("/")
        candidates.append(way_back + candidate if relative else candidate)
    return ", ".join(candidates)


def check_site_target(root: Path, settings: Settings, site_dir: Path) -> None:
    """Refuse a site folder whose replacement would delete the writer's files or the cache.

    The built site replaces `site_dir` as a whole, so it must not be, contain or lie inside
    the magazine folder's own parts (mkdocs.yml, docs, entries, the lock file, the cache), and
    must not contain the magazine folder itself.

    Raises:
        UsageError: `site_dir` (from mkdocs.yml or --site-dir) overlaps one of them.
    """
    target = Path(os.path.abspath(site_dir))
    home = Path(os.path.abspath(root))
    if target == home or target in home.parents:
        raise UsageError(Message("site.dir_is_root", site_dir=str(site_dir), root=str(root)))
    kept = {
        "docs_dir": home / settings.docs_dir,
        "entries": home / settings.entries_dir,
        "cache_dir": home / settings.cache_dir,
        "lock file": home / settings.lock_file,
        "mkdocs.yml": home / "mkdocs.yml",
    }
    for name, path in kept.items():
        path = Path(os.path.abspath(path))
        if target == path or target in path.parents or path in target.parents:
            raise UsageError(
                Message("site.dir_overlaps", site_dir=str(site_dir), name=name, path=str(path))
            )


def writer_files(root: Path, settings: Settings) -> dict[str, Path]:
    """Every file under the writer's docs folder, by docs-relative POSIX path, sorted.

    A link is followed only to a place inside the magazine folder: a page linked from
    outside (`docs/passwd.txt → /etc/passwd`) is never read or published (`load_magazine`
    reports it).
    """
    return walk_inside(root, settings.docs_dir).files


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


def remove_file(folder: Path, rel: str) -> None:
    """Delete `folder/rel` (if there) and the folders below `folder` it leaves empty."""
    path = folder / rel
    path.unlink(missing_ok=True)
    for parent in path.parents:
        if parent == folder or folder not in parent.parents:
            break
        try:
            parent.rmdir()
        except OSError:
            break


def link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copyfile(source, target)


def check_clashes(
    root: Path,
    docs: Path,
    writer: Mapping[str, Path],
    files: Mapping[str, GeneratedFile],
    media_files: Mapping[str, Path],
    served: SiteUrls,
) -> None:
    # Case-folded, because the writer's machine (macOS, Windows) may not tell `About.md` from
    # `about.md` while GitHub Pages does: either way one file would hide the other. Compared
    # by path and by the file each becomes in the site too: `leaderboard/index.md` and
    # `leaderboard.md` are both `leaderboard/index.html`.
    taken = {key: rel for rel in writer for key in _keys(rel, served)}
    generated: dict[str, str] = {}
    problems: list[Problem] = []
    for kind, paths in (("page", sorted(files)), ("media file", sorted(media_files))):
        for rel in paths:
            _check_relative(rel)
            key = next((k for k in _keys(rel, served) if k in taken), rel.casefold())
            if key in taken:
                mine = (docs / taken[key]).relative_to(root).as_posix()
                problems.append(
                    Problem(
                        mine,
                        0,
                        0,
                        "",
                        Message(
                            "claim.writer_page" if kind == "page" else "claim.writer_media",
                            rel=repr(rel),
                        ),
                    )
                )
            elif key in generated:
                shared = f"{generated[key]!r}/{rel!r}"
                raise SiteError(Message("site.generated_twice", path=shared))
            else:
                generated[key] = rel
    if problems:
        raise ContentError(problems)


def _keys(rel: str, served: SiteUrls) -> set[str]:
    return {rel.casefold(), served.output(rel).casefold()}


def _check_relative(rel: str) -> None:
    path = PurePosixPath(rel)
    if (
        not rel
        or "\\" in rel
        or path.is_absolute()
        or any(part in ("", ".", "..") for part in rel.split("/"))
    ):
        raise SiteError(Message("site.generated_path", path=repr(rel)))
