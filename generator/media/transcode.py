"""Run ffmpeg: find the binary, time-limit each run, read stderr while it runs.

Commands are built as data in `recipes`; this module only runs them. A failed run becomes a
`MediaError` carrying the command and the tail of ffmpeg's stderr, here and nowhere else.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from ..errors import MediaError
from ..messages import Message

_STDERR_LINES = 30
_spawned = 0
_spawn_lock = threading.Lock()
_drawtext_support: dict[str, bool] = {}


def find_ffmpeg(configured: str | None = None) -> str:
    """The ffmpeg binary: the setting, else IMAGEIO_FFMPEG_EXE, else the imageio-ffmpeg wheel's.

    Raises:
        MediaError: the configured binary does not exist, or no binary can be found.
    """
    chosen = configured or os.environ.get("IMAGEIO_FFMPEG_EXE")
    if chosen:
        if not Path(chosen).is_file():
            raise MediaError(Message("media.ffmpeg_missing_at", path=chosen))
        return chosen
    try:
        import imageio_ffmpeg
    except ImportError as exc:
        raise MediaError(Message("media.no_ffmpeg")) from exc
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError as exc:
        raise MediaError(Message("media.no_ffmpeg_binary", detail=str(exc))) from exc


def spawn_count() -> int:
    """How many ffmpeg processes this process has started (the cache is judged by it)."""
    return _spawned


def run_ffmpeg(command: Sequence[str], *, timeout: float, source: str = "") -> None:
    """Run one ffmpeg command to completion within `timeout` seconds.

    stderr is drained by a thread while the process runs (a full, unread pipe would block
    ffmpeg forever); only its last lines are kept for the error message.

    Raises:
        MediaError: ffmpeg could not start, exited non-zero, or ran out of time.
    """
    global _spawned
    with _spawn_lock:
        _spawned += 1
    try:
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise MediaError(
            Message("media.cannot_start", reason=str(exc.strerror)),
            source=source,
            command=command,
        ) from exc
    tail: deque[str] = deque(maxlen=_STDERR_LINES)
    assert process.stderr is not None
    reader = threading.Thread(target=_drain, args=(process.stderr, tail), daemon=True)
    reader.start()
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        process.kill()
        process.wait()
        reader.join()
        raise MediaError(
            Message("media.ffmpeg_timeout", timeout=timeout),
            source=source,
            command=command,
            stderr_tail="\n".join(tail),
        ) from exc
    finally:
        if process.poll() is None:  # interrupted (KeyboardInterrupt): leave no orphan behind
            process.kill()
            process.wait()
    reader.join()
    if code != 0:
        raise MediaError(
            Message("media.ffmpeg_failed", code=code),
            source=source,
            command=command,
            stderr_tail="\n".join(tail),
        )


def stream_ffmpeg(
    command: Sequence[str],
    *,
    timeout: float,
    chunk_bytes: int,
    consume: Callable[[bytes], None],
    source: str = "",
) -> None:
    """Run one ffmpeg command that writes fixed-size records to stdout, handing each to
    `consume` as it arrives (decoded frames for the analysis, never held all at once).

    The same discipline as `run_ffmpeg`: stderr drained by a thread, a wall-clock limit (a
    timer kills ffmpeg, so a blocked read ends), no orphan left behind. Records already
    consumed stay consumed when the run fails: the caller keeps what it could take.

    Raises:
        MediaError: ffmpeg could not start, exited non-zero, ran out of time, or stopped in
            the middle of a record.
    """
    global _spawned
    with _spawn_lock:
        _spawned += 1
    try:
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise MediaError(
            Message("media.cannot_start", reason=str(exc.strerror)),
            source=source,
            command=command,
        ) from exc
    tail: deque[str] = deque(maxlen=_STDERR_LINES)
    assert process.stderr is not None and process.stdout is not None
    reader = threading.Thread(target=_drain, args=(process.stderr, tail), daemon=True)
    reader.start()
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        process.kill()

    timer = threading.Timer(timeout, expire)
    timer.start()
    leftover = 0
    try:
        with process.stdout:
            while True:
                record = process.stdout.read(chunk_bytes)
                if len(record) < chunk_bytes:
                    leftover = len(record)
                    break
                consume(record)
        code = process.wait()
    finally:
        timer.cancel()
        if process.poll() is None:  # consume raised, or an interrupt: leave no orphan behind
            process.kill()
            process.wait()
    reader.join()
    if expired.is_set():
        raise MediaError(
            Message("media.ffmpeg_timeout", timeout=timeout),
            source=source,
            command=command,
            stderr_tail="\n".join(tail),
        )
    if code != 0:
        raise MediaError(
            Message("media.ffmpeg_failed", code=code),
            source=source,
            command=command,
            stderr_tail="\n".join(tail),
        )
    if leftover:
        raise MediaError(
            Message("media.ffmpeg_cut", leftover=leftover), source=source, command=command
        )


def _drain(stream: IO[bytes], tail: deque[str]) -> None:
    with stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip()
            if line:
                tail.append(line)


def supports_drawtext(ffmpeg: str, *, timeout: float = 60) -> bool:
    """Whether this ffmpeg can draw text (needs libfreetype and a font fontconfig can find).

    Checked once per binary, and only when a contact sheet is actually made.
    """
    if ffmpeg not in _drawtext_support:
        probe = [
            ffmpeg, "-nostdin", "-hide_banner", "-v", "error",
            "-f", "lavfi", "-i", "color=c=black:s=64x32:d=0.04",
            "-vf", "drawtext=text=0", "-f", "null", "-",
        ]  # fmt: skip
        try:
            run_ffmpeg(probe, timeout=timeout)
            _drawtext_support[ffmpeg] = True
        except MediaError:
            _drawtext_support[ffmpeg] = False
    return _drawtext_support[ffmpeg]


def remove_quietly(path: Path) -> None:
    """Delete a leftover temporary file, if it is there."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
