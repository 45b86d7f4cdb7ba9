"""The example magazine with its media on a real store: nothing of it in site/, every address
the pages use answers with the right type and caching, a second push sends nothing, and the
comparison viewer plays its clips from the store in Chromium."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.site.manifest import CACHE_CONTROL, CONTENT_TYPES
from tests.browser_fixtures import ServedSite, serve_folder, watched_page
from tests.build_fixtures import invoke
from tests.store_fixtures import BUCKET, Seaweed, empty, media_urls, stored

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow

PREFIX = "example/"
COMPARISON = "compare/storm-lighthouse/"


@pytest.fixture(scope="module")
def on_the_store(
    example_ko: ServedSite,
    seaweed: Seaweed,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, str]:
    """The example (renditions reused from the session's build) built with `media_store`,
    and pushed; (magazine folder, the store's public address)."""
    root = tmp_path_factory.mktemp("example-store") / "mag"
    shutil.copytree(example_ko.root, root, symlinks=True)
    base = f"{seaweed.endpoint}/{BUCKET}/{PREFIX}"
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "    timezone: Asia/Seoul\n",
            f"    timezone: Asia/Seoul\n    media_store: s3://{BUCKET}/{PREFIX}\n"
            f"    media_base_url: {base}\n",
        ),
        encoding="utf-8",
    )
    monkeypatch = pytest.MonkeyPatch()
    for name, value in seaweed.environment().items():
        monkeypatch.setenv(name, value)
    try:
        empty(seaweed, PREFIX)
        built = invoke(root, "build", "--offline", "-q")
        assert built.exit_code == 0, built.output + built.stderr
        pushed = invoke(root, "media", "push", "-q")
        assert pushed.exit_code == 0, pushed.output + pushed.stderr
        again = invoke(root, "media", "push", "-q")
        assert again.exit_code == 0, again.output + again.stderr
        assert "올린 것 없음" in again.output  # the Korean example's words: nothing uploaded
    finally:
        monkeypatch.undo()
    return root, base


def test_every_media_address_of_every_page_is_in_the_store(
    on_the_store: tuple[Path, str], seaweed: Seaweed
) -> None:
    root, base = on_the_store
    site = root / "site"
    assert not (site / "media").exists()
    assert not [p for p in site.rglob("*") if p.suffix in (".mp4", ".webp") and p.is_file()]
    urls = media_urls(site, base)
    assert len(urls) >= 40  # a video, poster, preview and sheet per delivered clip
    assert {PREFIX + url.removeprefix(base) for url in urls} == set(stored(seaweed, PREFIX))
    for url in sorted(urls):
        request = urllib.request.Request(url, method="HEAD")
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.headers["Content-Type"] == CONTENT_TYPES[url.rsplit(".", 1)[1]]
            assert answer.headers["Cache-Control"] == CACHE_CONTROL


@pytest.mark.browser
def test_the_comparison_viewer_plays_its_clips_from_the_store(
    on_the_store: tuple[Path, str], chromium: Browser
) -> None:
    root, base = on_the_store
    with serve_folder(root / "site") as site, watched_page(chromium) as watched:
        page = watched.page
        page.goto(site + COMPARISON, wait_until="networkidle")
        page.locator(".theater--full [data-theater-play]").click()
        videos = "[...document.querySelectorAll('.theater--full .theater-grid video')]"
        page.wait_for_function(
            f"() => {videos}.length >= 6 && {videos}.every(v => v.currentTime > 0.5"
            " || v.currentTime >= v.duration - 0.2)",
            timeout=40_000,
        )
        sources: list[str] = page.evaluate(f"() => {videos}.map(v => v.currentSrc)")
        media_requests = [url for url in watched.requests if "/media/" in url]
    assert sources and all(src.startswith(base + "media/") for src in sources), sources
    assert media_requests and all(url.startswith(base) for url in media_requests)
    assert watched.failures == [] and watched.console_errors == []
