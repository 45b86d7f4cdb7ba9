"""`magazine serve` and `magazine serve --site` answer HTTP `Range`, as GitHub Pages does, so
the comparison viewer can seek, pause on a frame and step in the preview too."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.site.ranges import byte_range
from tests.magazine_fixtures import MKDOCS, SERVICES, write_magazine
from tests.media_fixtures import run as ffmpeg
from tests.media_fixtures import testsrc as lavfi_pattern

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CLIP_ENTRY = """\
title: {name} in the storm
service: {service}
prompt: A lighthouse in a storm.
experiment: storm
submitted_at: 2025-01-03T10:00:00+09:00
delivered_at: 2025-01-03T10:{minutes}:00+09:00
status: delivered
clips:
  - file: media/{service}.mp4
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@dataclass(frozen=True)
class Serving:
    """A `magazine serve` process and where it answers."""

    root: Path
    base: str
    process: subprocess.Popen[bytes]


def _start(root: Path, *args: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(root),
            "serve",
            "--port",
            str(port),
            *args,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    return process, f"http://127.0.0.1:{port}/"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_for(url: str, text: bytes, process: subprocess.Popen[bytes]) -> bytes:
    """Poll until the page holds `text` (bounded by attempts, not by a clock)."""
    body = b""
    for _ in range(900):
        assert process.poll() is None, "the server stopped"
        try:
            status, _, body = _get(url)
        except (urllib.error.URLError, OSError):
            status = 0
        if status == 200 and text in body:
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serving]:
    """A two-clip comparison (24 fps, 4 s) in a live preview."""
    root = tmp_path_factory.mktemp("ranges") / "m"
    entries = {
        f"2025/01/{service}.yml": CLIP_ENTRY.format(name=name, service=service, minutes=minutes)
        for service, name, minutes in (("sora", "Sora", 40), ("kling", "Kling", 50))
    }
    write_magazine(root, entries, services=SERVICES, mkdocs=MKDOCS, files={})
    for service in ("sora", "kling"):
        target = root / "entries/2025/01/media" / f"{service}.mp4"
        target.parent.mkdir(parents=True, exist_ok=True)
        ffmpeg(*lavfi_pattern("320x180", seconds=4, rate=24), "-pix_fmt", "yuv420p", str(target))
    process, base = _start(root)
    try:
        _wait_for(base + "compare/storm/", b"theater", process)
        yield Serving(root, base, process)
    finally:
        _stop(process)


def _a_rendition(serving: Serving) -> str:
    page = _wait_for(serving.base + "compare/storm/", b".mp4", serving.process).decode()
    start = page.index('src="', page.index("<video")) + 5
    src = page[start : page.index('"', start)]
    return urllib.request.urljoin(serving.base + "compare/storm/", src)


@pytest.mark.slow
def test_the_preview_answers_a_range_with_exactly_those_bytes(preview: Serving) -> None:
    url = _a_rendition(preview)
    status, headers, whole = _get(url)
    assert status == 200 and headers["Accept-Ranges"] == "bytes"
    status, headers, part = _get(url, {"Range": "bytes=100-199"})
    assert status == 206
    assert headers["Content-Range"] == f"bytes 100-199/{len(whole)}"
    assert part == whole[100:200]
    status, headers, tail = _get(url, {"Range": "bytes=-10"})
    assert (status, tail) == (206, whole[-10:])
    status, headers, _ = _get(url, {"Range": f"bytes={len(whole)}-"})
    assert status == 416 and headers["Content-Range"] == f"bytes */{len(whole)}"


def test_byte_ranges_as_rfc_9110_reads_them() -> None:
    assert byte_range("bytes=0-", 10) == (0, 9)
    assert byte_range("bytes=2-5", 10) == (2, 5)
    assert byte_range("bytes=5-100", 10) == (5, 9)
    assert byte_range("bytes=-3", 10) == (7, 9)
    assert byte_range("bytes=-30", 10) == (0, 9)
    assert byte_range("bytes=0-1,4-5", 10) is None  # several ranges: the whole file
    assert byte_range("items=0-1", 10) is None
    assert byte_range("bytes=5-2", 10) is None
    with pytest.raises(ValueError):
        byte_range("bytes=10-", 10)


def test_serve_site_serves_the_built_site_with_ranges(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", files={})
    site = root / "site"
    (site / "media").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / "404.html").write_text("<p>lost</p>", encoding="utf-8")
    (site / "trials/x").mkdir(parents=True)
    (site / "trials/x/index.html").write_text("<p>x</p>", encoding="utf-8")
    clip = bytes(range(256)) * 8
    (site / "media/clip.mp4").write_bytes(clip)
    process, base = _start(root, "--site")
    try:
        _wait_for(base, b"home", process)
        status, headers, body = _get(base + "media/clip.mp4", {"Range": "bytes=1000-1099"})
        assert (status, body) == (206, clip[1000:1100])
        assert headers["Content-Type"] == "video/mp4"
        assert headers["Content-Range"] == f"bytes 1000-1099/{len(clip)}"
        assert _get(base + "trials/x/")[2] == b"<p>x</p>"
        assert _get(base + "trials/x")[2] == b"<p>x</p>"  # redirected to the folder
        status, _, body = _get(base + "../mkdocs.yml")
        assert (status, body) == (404, b"<p>lost</p>")
        status, _, body = _get(base + "%2e%2e/mkdocs.yml")
        assert (status, body) == (404, b"<p>lost</p>")
    finally:
        _stop(process)


def test_serve_site_before_a_build_says_so(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", files={})
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "serve", "--site"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "먼저 magazine build를 실행하세요" in done.stderr  # a Korean magazine


VIDEOS = "[...document.querySelectorAll('.theater--full .theater-grid video')]"
TIMES = f"() => {VIDEOS}.map(v => ({{t: v.currentTime, seeking: v.seeking, paused: v.paused}}))"
SETTLED = f"() => {VIDEOS}.every(v => !v.seeking && v.readyState >= 2)"


@pytest.mark.browser
@pytest.mark.slow
def test_the_viewer_seeks_pauses_and_steps_inside_the_preview(
    preview: Serving, chromium: Browser
) -> None:
    from tests.browser_fixtures import watched_page

    with watched_page(chromium) as watched:
        page = watched.page
        # The preview holds a live-reload request open: the network is never idle.
        page.goto(preview.base + "compare/storm/", wait_until="load")
        grid = page.locator(".theater--full")
        grid.locator('[data-theater-step="1"]').click()  # loads the clips, shows frame 1
        page.wait_for_function(SETTLED)
        for _ in range(2):
            page.keyboard.press("ArrowRight")  # a second further each
            page.wait_for_function(SETTLED)
        sought = page.evaluate(TIMES)
        page.keyboard.press(".")  # one frame on
        page.wait_for_function(SETTLED)
        stepped = page.evaluate(TIMES)
        grid.locator("[data-theater-play]").click()
        page.wait_for_function(f"() => {VIDEOS}.every(v => !v.paused && v.currentTime > 2.5)")
        grid.locator("[data-theater-play]").click()  # pause
        page.wait_for_function(SETTLED)
        paused = page.evaluate(TIMES)

    # Without ranges, Chromium lands every seek on 0: each clip shows the new time.
    assert len(sought) == 2
    assert all(abs(s["t"] - sought[0]["t"]) < 1e-3 and s["t"] > 1.5 for s in sought), sought
    assert all(abs(s["t"] - (sought[0]["t"] + 1 / 24)) < 0.01 for s in stepped), stepped
    assert all(s["paused"] for s in stepped + paused)
    assert all(abs(s["t"] - paused[0]["t"]) < 1e-3 and s["t"] > 2.5 for s in paused), paused
