"""The cache folder (`.magazine/` by default): everything a build makes except the site.

It holds the download archive, the renditions, the staging docs and the derived mkdocs.yml,
all of which a build can make again. The folder ignores itself: it carries a `.gitignore`
that matches everything in it, so `git status` stays clean after a build whether or not the
writer's own `.gitignore` names it, and a `CACHEDIR.TAG` so that backup tools skip it.

One command at a time works in it: `hold_cache_folder` takes an exclusive lock (`flock` on
`<cache>/lock`, released by the kernel when the process ends, however it ends) for build,
fetch, serve and deploy. A second command waits for it, saying so, up to
`extra.magazine.lock_wait` seconds, then gives up with a clear message: two builds at once
would otherwise swap each other's staging folder and site, and two fetches would append to the
same partial download.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import BusyError
from ..settings import Settings

LOCK_NAME = "lock"
_POLL_SECONDS = 0.1
_held = threading.local()

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


@contextmanager
def hold_cache_folder(
    root: Path,
    settings: Settings,
    command: str,
    *,
    notify: Callable[[str], None],
) -> Iterator[Path]:
    """Hold the cache folder for `command` (build, fetch, serve, deploy); yield its path.

    Re-entrant within one thread (deploy builds, then publishes, under one hold).

    Raises:
        BusyError: another process held it for longer than `settings.lock_wait` seconds.
    """
    folder = make_cache_folder(root, settings)
    key = str(folder.resolve())
    holding: set[str] = getattr(_held, "folders", set())
    if key in holding:
        yield folder
        return
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, settings, notify)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"magazine {command} (process {os.getpid()})\n".encode(), 0)
        _held.folders = holding | {key}
        try:
            yield folder
        finally:
            _held.folders = holding
    finally:
        os.close(fd)  # releases the lock


def _acquire(fd: int, path: Path, settings: Settings, notify: Callable[[str], None]) -> None:
    deadline = time.monotonic() + settings.lock_wait
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _holder(path)
        if time.monotonic() >= deadline:
            raise BusyError(
                f"{holder} is using {settings.cache_dir}/ and did not finish within "
                f"{settings.lock_wait:g} s (extra.magazine.lock_wait); run this again when "
                "it has finished"
            )
        if not told:
            notify(f"waiting for {holder} to finish with {settings.cache_dir}/")
            told = True
        time.sleep(_POLL_SECONDS)


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return text or "another magazine command"
