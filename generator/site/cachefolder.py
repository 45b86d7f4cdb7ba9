"""The cache folder (`.magazine/` by default): everything a build makes except the site.

It holds the download archive, the renditions, the staging docs and the derived mkdocs.yml,
all of which a build can make again. The folder ignores itself: it carries a `.gitignore`
that matches everything in it, so `git status` stays clean after a build whether or not the
writer's own `.gitignore` names it, and a `CACHEDIR.TAG` so that backup tools skip it.

One command at a time works in it: `hold_cache_folder` takes an exclusive lock on
`<cache>/lock` for build, fetch, serve and deploy, through `filelock` (the only module that
imports it): `flock` on Linux and macOS, `LockFileEx` on Windows, both released by the
operating system when the process ends, however it ends. Who holds it is written beside it, in
`<cache>/lock.holder`, because Windows forbids reading a locked byte. A second command waits,
saying for whom, up to `extra.magazine.lock_wait` seconds, then gives up with a clear message:
two builds at once would otherwise swap each other's staging folder and site, and two fetches
would append to the same partial download.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BusyError
from ..messages import Message
from ..settings import Settings

if TYPE_CHECKING:
    from filelock import BaseFileLock

LOCK_NAME = "lock"
HOLDER_NAME = "lock.holder"
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
            _replace(folder / name, text)
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
    lock = _file_lock(folder / LOCK_NAME)
    _acquire(lock, folder / HOLDER_NAME, settings, notify)
    try:
        # Only ever shown to a waiting command, so a holder file that cannot be replaced
        # (another process reading it on Windows) costs a stale name, never the build.
        with contextlib.suppress(OSError):
            _replace(folder / HOLDER_NAME, f"magazine {command} (process {os.getpid()})\n")
        _held.folders = holding | {key}
        try:
            yield folder
        finally:
            _held.folders = holding
    finally:
        lock.release()


def _file_lock(path: Path) -> BaseFileLock:
    """The operating system's lock on `path` (a marker naming its process where it has none)."""
    with warnings.catch_warnings():
        # Where neither flock nor LockFileEx exists, filelock warns once and uses a marker
        # file naming its process and host, broken when that process is gone: still a lock
        # a killed command cannot leave behind, so the warning would only alarm the writer.
        warnings.simplefilter("ignore")
        import filelock

        return filelock.FileLock(path)


def _acquire(
    lock: BaseFileLock,
    holder: Path,
    settings: Settings,
    notify: Callable[[str], None],
) -> None:
    import filelock

    deadline = time.monotonic() + settings.lock_wait
    told = False
    while True:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the marker fallback again, on a file system
                lock.acquire(timeout=0)  # without flock (see `_file_lock`)
            return
        except filelock.Timeout:
            pass
        who = _holder(holder)
        if time.monotonic() >= deadline:
            raise BusyError(
                Message("busy.timeout", who=who, folder=settings.cache_dir, wait=settings.lock_wait)
            )
        if not told:
            waiting = Message("busy.waiting", who=who, folder=settings.cache_dir)
            notify(waiting.render(settings.language))
            told = True
        time.sleep(_POLL_SECONDS)


def _holder(path: Path) -> str | Message:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return text or Message("busy.someone")


def _replace(path: Path, text: str) -> None:
    """Write `text` to `path` under a temporary name, then rename it over `path`."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(text.encode("utf-8"))
    os.replace(partial, path)
