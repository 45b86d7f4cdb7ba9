"""Real-browser fixtures: Debian's Chromium through Playwright, and built magazines served on
127.0.0.1, each once per test session."""

from __future__ import annotations

import http.server
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, Response

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPOSITORY = Path(__file__).resolve().parent.parent


def needs_chromium() -> None:
    """Skip the calling test, with the reason, when Chromium is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)")


def needs_korean_font() -> None:
    """Skip the rest of the calling test when no Korean font is installed.

    Checks of how Korean text fits a layout only mean something with real glyphs; without a
    font the browser draws same-width boxes.
    """
    found = (
        subprocess.run(
            ["fc-list", ":lang=ko", "family"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if shutil.which("fc-list")
        else ""
    )
    if not found:
        pytest.skip("no Korean font installed (apt-get install -y fonts-noto-cjk)")


_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, with byte ranges as GitHub Pages serves them: a video is only seekable
    (`currentTime` moves anywhere but 0) when the server answers `Range` requests."""

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def send_head(self) -> Any:
        found = _RANGE.match(self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if found is None or not path.is_file() or not any(found.groups()):
            return super().send_head()
        size = path.stat().st_size
        first, last = found.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        else:
            start, end = max(0, size - int(last)), size - 1
        if start >= size or start > end:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        handle = path.open("rb")
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return _Slice(handle, end - start + 1)


class _Slice:
    """The part of an open file that a range asks for, read like a file by `copyfile`."""

    def __init__(self, handle: Any, length: int) -> None:
        self.handle, self.left = handle, length

    def read(self, size: int = -1) -> bytes:
        size = self.left if size < 0 else min(size, self.left)
        data: bytes = self.handle.read(size)
        self.left -= len(data)
        return data

    def close(self) -> None:
        self.handle.close()


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a folder over HTTP on 127.0.0.1 (a free port) and yield its base URL."""
    handler = partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Chromium for the whole session (Playwright allows one sync driver)."""
    needs_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watched:
    """A browser page and everything it did: requests, failures, console errors, dialogs."""

    page: Page
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self) -> None:
        def on_response(response: Response) -> None:
            if response.status >= 400:
                self.failures.append(f"{response.status} {response.url}")

        def on_failed(request: Request) -> None:
            failure = request.failure or ""
            # A <video preload="none"> the test paused or left is cancelled by the browser.
            if "ERR_ABORTED" not in failure or request.resource_type != "media":
                self.failures.append(f"{failure} {request.url}")

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                self.console_errors.append(f"{message.text} @ {message.location}")

        def on_dialog(dialog: Dialog) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("response", on_response)
        self.page.on("requestfailed", on_failed)
        self.page.on("console", on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("dialog", on_dialog)


@contextmanager
def watched_page(
    browser: Browser, *, width: int = 1280, height: int = 900, dark: bool = False
) -> Iterator[Watched]:
    """A fresh page in its own context, with every request, error and dialog recorded."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme="dark" if dark else "light",
        service_workers="block",
    )
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        watched = Watched(page)
        watched.attach()
        yield watched
    finally:
        context.close()


@dataclass(frozen=True)
class ServedSite:
    """A magazine built into `site` from `root` and served at `base`."""

    root: Path
    site: Path
    base: str

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")


def copy_example(destination: Path, *, language: str = "ko") -> Path:
    """Copy the repository's example magazine (mkdocs.yml, docs/, entries/) to `destination`."""
    destination.mkdir(parents=True)
    shutil.copytree(REPOSITORY / "docs", destination / "docs")
    shutil.copytree(REPOSITORY / "entries", destination / "entries")
    config = (REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8")
    config, count = re.subn(r"(?m)^(  language:) ko$", rf"\1 {language}", config)
    assert count == 1, "mkdocs.yml no longer sets theme.language: ko"
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    return destination


def build_example(
    destination: Path, *, language: str = "ko", extra: Mapping[str, str] | None = None
) -> tuple[Path, Path]:
    """Build the example magazine, plus `extra` entry files, into a site folder of its own."""
    from generator.build import build
    from generator.progress import SilentProgress

    root = copy_example(destination / "magazine", language=language)
    for rel, text in (extra or {}).items():
        (root / rel).write_text(text, encoding="utf-8")
    site = destination / "site"
    build(root, site_dir=site, offline=True, progress=SilentProgress())
    return root, site


@contextmanager
def _served(destination: Path, **kwargs: Any) -> Iterator[ServedSite]:
    root, site = build_example(destination, **kwargs)
    with serve_folder(site) as base:
        yield ServedSite(root, site, base)


@pytest.fixture(scope="session")
def example_ko(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The example magazine as written (theme.language: ko), built and served."""
    with _served(tmp_path_factory.mktemp("example-ko")) as served:
        yield served


@pytest.fixture(scope="session")
def example_en(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The same magazine with theme.language: en."""
    with _served(tmp_path_factory.mktemp("example-en"), language="en") as served:
        yield served
