"""Running ffmpeg: the binary lookup, time limits, errors with context, no stderr deadlock."""

from __future__ import annotations

from pathlib import Path

import imageio_ffmpeg
import pytest

from generator.errors import MediaError
from generator.media import transcode
from generator.media.transcode import find_ffmpeg, run_ffmpeg, spawn_count, supports_drawtext


def test_binary_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IMAGEIO_FFMPEG_EXE", raising=False)
    assert find_ffmpeg() == imageio_ffmpeg.get_ffmpeg_exe()
    other = tmp_path / "my-ffmpeg"
    other.write_text("")
    monkeypatch.setenv("IMAGEIO_FFMPEG_EXE", str(other))
    assert find_ffmpeg() == str(other)
    setting = tmp_path / "from-settings"
    setting.write_text("")
    assert find_ffmpeg(str(setting)) == str(setting)
    with pytest.raises(MediaError, match="ffmpeg not found at"):
        find_ffmpeg(str(tmp_path / "missing"))


def test_failure_carries_command_and_stderr_tail(tmp_path: Path) -> None:
    ffmpeg = find_ffmpeg()
    command = [
        ffmpeg,
        "-nostdin",
        "-v",
        "error",
        "-i",
        str(tmp_path / "absent.mp4"),
        "-f",
        "null",
        "-",
    ]
    before = spawn_count()
    with pytest.raises(MediaError) as caught:
        run_ffmpeg(command, timeout=60, source="entries/clip.mp4")
    error = caught.value
    assert spawn_count() == before + 1
    assert error.command == tuple(command)
    assert "absent.mp4" in error.stderr_tail
    assert "No such file" in error.stderr_tail
    assert str(error).startswith("entries/clip.mp4: ffmpeg failed (exit")


def test_time_limit_kills_the_run() -> None:
    endless = [find_ffmpeg(), "-nostdin", "-re", "-f", "lavfi", "-i", "testsrc2", "-f", "null", "-"]
    with pytest.raises(MediaError, match="longer than 1 s"):
        run_ffmpeg(endless, timeout=1)


def test_heavy_stderr_does_not_block() -> None:
    # showinfo prints a long line per frame: far more than a pipe buffer holds.
    chatty = [
        find_ffmpeg(), "-nostdin", "-f", "lavfi", "-i", "testsrc2=s=32x32:d=40:r=50",
        "-vf", "showinfo", "-f", "null", "-",
    ]  # fmt: skip
    run_ffmpeg(chatty, timeout=120)


def test_binary_that_cannot_start(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="cannot start ffmpeg"):
        run_ffmpeg([str(tmp_path / "no-such-binary")], timeout=5)


def test_drawtext_support_is_checked_once() -> None:
    ffmpeg = find_ffmpeg()
    transcode._drawtext_support.pop(ffmpeg, None)
    first = supports_drawtext(ffmpeg)
    before = spawn_count()
    assert supports_drawtext(ffmpeg) is first
    assert spawn_count() == before
