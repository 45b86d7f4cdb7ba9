"""Two commands at once on one magazine: real processes racing for the cache folder."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from filelock import FileLock

from generator.media.archive import hash_file
from generator.site.cachefolder import HOLDER_NAME, LOCK_NAME
from tests.build_fixtures import REPOSITORY, command, environment, write_small_magazine
from tests.http_fixtures import ClipServer, clip_bytes
from tests.site_fixtures import tree_digest


def set_option(root: Path, line: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("    timezone:", f"    {line}\n    timezone:", 1), "utf-8")


def start(root: Path, *args: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            command(root, *args),
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=REPOSITORY,
            env=environment(),
        )


@contextmanager
def held(root: Path, holder: str) -> Iterator[None]:
    """The cache folder's lock, held by this test process as another command would."""
    folder = root / ".magazine"
    folder.mkdir(exist_ok=True)
    with FileLock(folder / LOCK_NAME):
        (folder / HOLDER_NAME).write_text(holder, encoding="utf-8")
        yield


def wait_for_text(log: Path, text: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if text in log.read_text("utf-8", "replace"):
            return
        assert process.poll() is None, log.read_text("utf-8", "replace")
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared: {log.read_text('utf-8', 'replace')}")


@pytest.mark.parametrize(
    "args", [("build",), ("fetch",), ("serve", "--port", "0"), ("deploy", "--no-push")]
)
def test_a_second_command_gives_up_with_a_clear_message_when_told_not_to_wait(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    root = write_small_magazine(tmp_path / "mag")
    set_option(root, "lock_wait: 0")
    with held(root, "magazine serve (process 4242)"):
        process = start(root, *args, log=tmp_path / "command.log")
        code = process.wait(timeout=120)
    output = (tmp_path / "command.log").read_text("utf-8")
    assert code == 1, output
    assert (
        "오류: magazine serve (process 4242)이(가) .magazine/를 쓰고 있고 0초 안에 끝나지 "
        "않았습니다(extra.magazine.lock_wait)"
    ) in output
    assert "Traceback" not in output
    assert not (root / "site").exists()


def test_a_second_build_waits_for_the_first_and_then_builds(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    log = tmp_path / "build.log"
    with held(root, "magazine fetch (process 4242)"):
        process = start(root, "build", log=log)
        said = "magazine fetch (process 4242)이(가) .magazine/ 사용을 마칠 때까지 기다립니다"
        wait_for_text(log, said, process)
        assert not (root / "site").exists()
    assert process.wait(timeout=600) == 0, log.read_text("utf-8")
    assert (root / "site/index.html").is_file()


def test_two_builds_at_once_both_succeed_and_leave_the_clean_site(tmp_path: Path) -> None:
    clean = write_small_magazine(tmp_path / "clean")
    racing = write_small_magazine(tmp_path / "racing")
    reference = start(clean, "build", log=tmp_path / "clean.log")
    assert reference.wait(timeout=600) == 0, (tmp_path / "clean.log").read_text("utf-8")

    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    processes = [start(racing, "build", log=log) for log in logs]
    codes = [p.wait(timeout=600) for p in processes]

    assert codes == [0, 0], [log.read_text("utf-8") for log in logs]
    assert tree_digest(racing / "site") == tree_digest(clean / "site")


def test_two_fetches_at_once_leave_one_verified_archive_file(tmp_path: Path) -> None:
    body = clip_bytes(400_000, "race")

    def slow(handler: BaseHTTPRequestHandler, hit: int) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "video/mp4")
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("ETag", '"race"')
        handler.end_headers()
        for start_at in range(0, len(body), 20_000):
            handler.wfile.write(body[start_at : start_at + 20_000])
            handler.wfile.flush()
            time.sleep(0.05)

    root = write_small_magazine(tmp_path / "mag")
    set_option(root, "allow_http: true")
    server = ClipServer()
    server.start()
    try:
        url = server.serve("/race.mp4", slow)
        runway = root / "entries/2025/02/runway.yml"
        runway.write_text(
            runway.read_text("utf-8").replace("  - file: media/runway.mp4", f"  - url: {url}"),
            encoding="utf-8",
        )
        logs = [tmp_path / "a.log", tmp_path / "b.log"]
        processes = [start(root, "fetch", log=log) for log in logs]
        codes = [p.wait(timeout=300) for p in processes]
    finally:
        server.stop()

    assert codes == [0, 0], [log.read_text("utf-8") for log in logs]
    assert server.hits["/race.mp4"] == 1  # the second one waited and found the archived copy
    archived = sorted((root / ".magazine/archive/sha256").rglob("*.mp4"))
    assert len(archived) == 1
    assert hash_file(archived[0]) == archived[0].name.removesuffix(".mp4")
    assert archived[0].read_bytes() == body
