"""Writing the writer's files so that a crash or a full disk never leaves half of one.

Every file the writer owns and the generator writes (`magazine new`, `schema --write`,
`magazine.lock`) goes through `write_file`: the bytes go to a temporary file in the same
folder, are flushed to disk, and only then replace the target by a rename, which the file
system makes atomic. A write that fails (no space left, a file-size limit, no permission)
removes the temporary file and leaves the previous file, or no file, exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from pathlib import Path

# The errors of a full or read-only disk, a quota, a size limit and missing permissions:
# reported as one clear message (errors.StorageError), never as a traceback.
STORAGE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM}
)


def write_file(path: Path, data: str | bytes, *, exclusive: bool = False) -> None:
    """Write `data` (text as UTF-8 with `\\n` line ends) to `path` atomically.

    Args:
        exclusive: refuse to replace an existing file (`FileExistsError`), as `open("x")`.

    Raises:
        OSError: the folder cannot be written or the disk is full; `path` is unchanged.
    """
    body = data.encode("utf-8") if isinstance(data, str) else data
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    # 0o666 less the umask, as a plain open() would; a replaced file keeps its own mode.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            with contextlib.suppress(FileNotFoundError):
                # os.chmod by name: os.fchmod exists on Windows only from Python 3.13.
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            os.link(temporary, path)  # fails when the name is taken, like open("x")
        else:
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (where the platform can open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def copy_file(source: Path, target: Path) -> None:
    """Copy `source` to a new file `target` atomically; never replaces an existing file.

    Raises:
        FileExistsError: `target` exists.
        OSError: the copy failed (no space left, ...); no file or temporary file is left.
    """
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with source.open("rb") as reader, temporary.open("xb") as handle:
            shutil.copyfileobj(reader, handle, 1 << 20)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temporary, target)  # fails when the name is taken, like open("x")
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    sync_folder(target.parent)
