"""The live preview as a writer meets it: a real `magazine serve`, edits, a browser.

After a sequence of edits (a verdict, a service's name, a new entry, a new month, a new
service, an error and its fix) the preview must serve exactly what a clean `magazine build` of
the same files makes, page by page; an error shows as a banner in the browser until fixed.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.build_fixtures import (
    REPOSITORY,
    command,
    environment,
    run_magazine,
    write_small_magazine,
)
from tests.site_fixtures import tree_digest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

BANNER = "magazine-preview-error"
_REQUEST = re.compile(r'^\[\d\d:\d\d:\d\d\] "')


@dataclass
class Served:
    """A running `magazine serve`: its address and what it printed so far."""

    url: str
    log: Path

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(root: Path, log: Path) -> Iterator[Served]:
    """`magazine serve` in its own process group, stopped with the group at the end."""
    port = _free_port()
    with log.open("wb") as sink:
        child = subprocess.Popen(
            command(root, "serve", "--port", str(port)),
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=REPOSITORY,
            env=environment(),
            start_new_session=True,
        )
    try:
        served = Served(f"http://127.0.0.1:{port}/", log)
        wait_for(served, "", lambda body: "<html" in body)
        yield served
    finally:
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def fetch(url: str) -> bytes | None:
    """The body served at `url` (an error page's too), or None when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as error:
        return bytes(error.read())
    except (urllib.error.URLError, OSError):
        return None


def wait_for(served: Served, rel: str, check: object, attempts: int = 900) -> str:
    """Poll a served page until `check(text)` holds (bounded by attempts, not by a clock)."""
    assert callable(check)
    body = ""
    for _ in range(attempts):
        raw = fetch(served.url + rel)
        body = raw.decode("utf-8", "replace") if raw is not None else ""
        if check(body):
            return body
        time.sleep(0.2)
    tail = "\n".join(served.lines()[-20:])
    raise AssertionError(f"{rel} never passed the check; last page:\n{body[:400]}\nlog:\n{tail}")


def _said_until(served: Served, check: object, *, after: int = 0, attempts: int = 600) -> list[str]:
    """The preview's own lines (not the request log) once the last one, beyond the first
    `after`, passes `check`."""
    assert callable(check)
    said: list[str] = []
    for _ in range(attempts):
        said = [line for line in served.lines() if not _REQUEST.match(line)]
        if len(said) > after and check(said[-1]):
            break
        time.sleep(0.1)
    return said


def shows(text: str) -> object:
    return lambda body: text in body


_LIVERELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>(?=</body>)", re.DOTALL)


def without_livereload(html: bytes) -> bytes:
    """A served page as built: without the script the preview server injects."""
    stripped, count = _LIVERELOAD.subn(b"", html)
    assert count == 1
    return stripped


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


NEW_MONTH = """\
title: 종이배 세 번째 달
service: runway
prompt: |
  A small paper boat drifts down a rainy street.
submitted_at: 2025-03-02T09:00:00+09:00
status: failed
checked_at: 2025-03-03T09:00:00+09:00
verdict: 세 번째 달의 실패
tags: [rain]
"""

NEW_SERVICE = """\
title: Veo의 첫 시도
service: veo
prompt: |
  A lighthouse blinks through fog.
submitted_at: 2025-03-05T09:00:00+09:00
status: waitlisted
checked_at: 2025-03-06T09:00:00+09:00
verdict: 아직 대기자 명단
tags: [fog]
"""

SAME_MONTH = """\
title: Kling의 두 번째 종이배
service: kling
prompt: |
  A small paper boat drifts down a rainy street.
submitted_at: 2025-02-11T09:00:00+09:00
status: refused
checked_at: 2025-02-11T09:30:00+09:00
verdict: 거절당한 종이배
tags: [rain]
"""


def test_after_edits_the_preview_serves_what_a_clean_build_makes(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "magazine")
    entries = root / "entries"
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs/notes.md").write_text("# 작업 노트\n\n첫 문단.\n", encoding="utf-8")
    with serving(root, tmp_path / "serve.log") as served:
        page = "trials/sora/"
        wait_for(served, page, shows("느낌은 있는데"))
        builds = len(_said_until(served, lambda line: line.startswith("다시 빌드함")))

        _edit(entries / "2025/01/sora.yml", "느낌은 있는데", "새 판정으로 빛이 살아 있다")
        wait_for(served, page, shows("새 판정으로 빛이 살아 있다"))
        # Only the pages that show the verdict were made anew, not the whole site.
        said = _said_until(served, lambda line: line.startswith("다시 빌드함"), after=builds)
        rebuilt = [line for line in said if line.startswith("다시 빌드함")]
        made, total = map(int, re.findall(r"(\d+)개", rebuilt[-1])[::-1])
        assert 0 < made < total / 2, rebuilt[-1]
        # What the save touched alone was rebuilt, and the site is still the one a clean
        # build makes: the other pages, the search index with the new verdict, the feed.
        assert_serves_a_clean_build(served, root, tmp_path / "clean-verdict")
        index = fetch(served.url + "search/search_index.json") or b""
        assert "새 판정으로 빛이 살아 있다" in index.decode("utf-8")

        # A writer's own page: only it changes.
        _edit(root / "docs/notes.md", "첫 문단.", "새로 쓴 소개 문단.")
        wait_for(served, "notes/", shows("새로 쓴 소개 문단"))
        assert_serves_a_clean_build(served, root, tmp_path / "clean-about")

        # A new section of the writer's own pages appears too.
        (root / "docs/guide").mkdir()
        (root / "docs/guide/index.md").write_text("# 안내\n\n새 섹션.\n", encoding="utf-8")
        wait_for(served, "guide/", shows("새 섹션."))

        _edit(entries / "services.yml", "name: Kling", "name: Kling AI")
        wait_for(served, "services/kling/", shows("Kling AI"))

        (entries / "2025/02/kling-boat.yml").write_text(SAME_MONTH, encoding="utf-8")
        wait_for(served, "trials/kling-boat/", shows("거절당한 종이배"))

        (entries / "2025/03").mkdir()
        (entries / "2025/03/runway-march.yml").write_text(NEW_MONTH, encoding="utf-8")
        wait_for(served, "reports/2025-03/", shows("종이배 세 번째 달"))

        with (entries / "services.yml").open("a", encoding="utf-8") as registry:
            registry.write("veo:\n  name: Veo\n  vendor: Google\n  kind: video\n")
        (entries / "2025/03/veo.yml").write_text(NEW_SERVICE, encoding="utf-8")
        wait_for(served, "services/veo/", shows("Veo의 첫 시도"))

        _edit(entries / "2025/02/runway.yml", "quality: 3", "quality: 9")
        wait_for(served, page, lambda body: BANNER in body and "runway.yml" in body)
        said = _said_until(served, lambda line: "runway.yml" in line)
        assert "runway.yml" in said[-1], said[-3:]

        _edit(entries / "2025/02/runway.yml", "quality: 9", "quality: 2")
        wait_for(served, page, lambda body: "<html" in body and BANNER not in body)
        # The terminal's last word is the rebuild, not the error that came before it (the
        # server's own lines about requests aside; the page is sent as soon as it is made,
        # and the rest of the site after it).
        said = _said_until(served, lambda line: line.startswith("다시 빌드함"))
        assert said[-1].startswith("다시 빌드함"), said[-3:]

        assert_serves_a_clean_build(served, root, tmp_path / "clean-end")
        pages = sorted(
            p.relative_to(tmp_path / "clean-end").as_posix()
            for p in (tmp_path / "clean-end").rglob("*.html")
        )
        assert "services/veo/index.html" in pages and "reports/2025-03/index.html" in pages


def assert_serves_a_clean_build(served: Served, root: Path, clean: Path) -> None:
    """Every page, the search index, the sitemap and the feed served equal a clean build's."""
    built = run_magazine(root, "build", "--site-dir", str(clean))
    assert built.returncode == 0, built.stderr
    preview = root / ".magazine" / "preview"
    pages = sorted(p.relative_to(clean).as_posix() for p in clean.rglob("*.html"))
    assert pages == sorted(p.relative_to(preview).as_posix() for p in preview.rglob("*.html"))
    differing = []
    for rel in pages:
        raw = fetch(served.url + rel)
        assert raw is not None, rel
        if without_livereload(raw) != (clean / rel).read_bytes():
            differing.append(rel)
    assert differing == []
    for rel in ("search/search_index.json", "sitemap.xml", "feed.xml"):
        assert fetch(served.url + rel) == (clean / rel).read_bytes(), rel
    # And every other file (link-preview cards, renditions, theme assets): the same set, the
    # same bytes; the cards are fetched as a reader's messenger would.
    made = tree_digest(clean)
    assert sorted(tree_digest(preview).items()) == sorted(made.items())
    cards = [rel for rel in made if rel.startswith("cards/")]
    assert [rel for rel in cards if fetch(served.url + rel) != (clean / rel).read_bytes()] == []


@pytest.mark.browser
def test_an_error_shows_as_a_banner_in_the_browser_until_fixed(
    tmp_path: Path, chromium: Browser
) -> None:
    from playwright.sync_api import expect

    root = write_small_magazine(tmp_path / "magazine")
    entry = root / "entries/2025/01/sora.yml"
    with serving(root, tmp_path / "serve.log") as served:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(served.url + "trials/sora/", wait_until="load")
            banner = page.locator(f"#{BANNER}")
            expect(banner).to_have_count(0)

            _edit(entry, "quality: 4", "quality: 7")
            # The preview reloads the page by itself; the banner names the file and field.
            expect(banner).to_be_visible(timeout=120_000)
            expect(banner).to_contain_text("entries/2025/01/sora.yml")
            expect(banner).to_contain_text("ratings.quality")
            expect(page.locator("h1")).to_contain_text("금빛 불꽃이 사람으로")

            _edit(entry, "quality: 7", "quality: 3")
            expect(banner).to_have_count(0, timeout=120_000)
        finally:
            context.close()


def test_a_magazine_with_an_error_at_start_is_served_with_the_banner(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "magazine")
    entry = root / "entries/2025/01/sora.yml"
    _edit(entry, "quality: 4", "quality: 7")
    with serving(root, tmp_path / "serve.log") as served:
        # No site yet: every address shows the problem, and reloads once it is fixed.
        for rel in ("", "trials/sora/"):
            body = wait_for(served, rel, shows(BANNER))
            assert "entries/2025/01/sora.yml" in body and "ratings.quality" in body
            assert "1부터 5까지의 정수여야 합니다" in body  # a Korean magazine, told in Korean
            assert "livereload" in body
        _edit(entry, "quality: 7", "quality: 3")
        wait_for(
            served, "trials/sora/", lambda body: "느낌은 있는데" in body and BANNER not in body
        )
