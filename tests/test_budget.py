"""The size budget: totals, the largest files, and refusing what GitHub Pages would refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BudgetError
from generator.media.renditions import ClipMedia, ClipRef, MediaFacts, MediaIndex, Rendition, Role
from generator.settings import LimitSettings, Settings
from generator.site.budget import check_budget, media_files, site_files
from generator.sizes import format_bytes
from tests.build_fixtures import invoke, write_small_magazine
from tests.site_fixtures import tree_digest

MiB = 1024**2


def test_report_totals_and_largest_first() -> None:
    files = [("index.html", 10), ("media/a/video.mp4", 5 * MiB), ("media/b/poster.jpg", 300)]
    report = check_budget(files, LimitSettings(), largest=2)
    assert report.total_bytes == 5 * MiB + 310
    assert report.files == 3
    assert report.largest == (("media/a/video.mp4", 5 * MiB), ("media/b/poster.jpg", 300))
    assert "media/a/video.mp4" in report.summary() and "5.0 MiB" in report.summary()


def test_one_file_over_100_mib_fails_naming_it() -> None:
    files = [("media/a/video.mp4", 100 * MiB + 1), ("media/b/video.mp4", 100 * MiB)]
    with pytest.raises(BudgetError) as caught:
        check_budget(files, LimitSettings())
    message = str(caught.value)
    assert "media/a/video.mp4" in message and "media/b/video.mp4" not in message
    assert "limits.file_bytes" in message


def test_site_over_1_gb_fails_with_largest_files() -> None:
    files = [(f"media/{n:02d}/video.mp4", 90 * MiB) for n in range(11)] + [("index.html", 5)]
    with pytest.raises(BudgetError, match=r"limits\.site_bytes") as caught:
        check_budget(files, LimitSettings())
    assert "media/00/video.mp4" in str(caught.value)
    small = LimitSettings(site_bytes=1000, file_bytes=600)
    assert check_budget([("a", 500), ("b", 500)], small).total_bytes == 1000
    with pytest.raises(BudgetError):
        check_budget([("a", 500), ("b", 501)], small)


def _index() -> MediaIndex:
    facts = MediaFacts(kind="video", width=2, height=2)
    renditions = (
        Rendition(Role.VIDEO, Path("/c/v.mp4"), "media/abc/video-1.mp4", "video/mp4", size_bytes=7),
        Rendition(
            Role.POSTER, Path("/c/p.jpg"), "media/abc/poster-1.jpg", "image/jpeg", size_bytes=3
        ),
    )
    return MediaIndex(
        clips={
            ClipRef("one", 0): ClipMedia(ClipRef("one", 0), "abc", facts, renditions),
            ClipRef("two", 0): ClipMedia(ClipRef("two", 0), "abc", facts, renditions),
        }
    )


def test_media_files_counts_each_published_file_once() -> None:
    assert media_files(_index(), Settings()) == [
        ("media/abc/poster-1.jpg", 3),
        ("media/abc/video-1.mp4", 7),
    ]


def test_media_on_another_host_is_not_in_the_site_budget() -> None:
    settings = Settings(media_base_url="https://media.example/")
    assert media_files(_index(), settings) == []


def test_site_files_weighs_every_file_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "assets/js").mkdir(parents=True)
    (tmp_path / "assets/js/bundle.js").write_bytes(b"x" * 300)
    (tmp_path / "index.html").write_bytes(b"<p>" * 10)
    (tmp_path / ".nojekyll").write_bytes(b"")
    assert site_files(tmp_path) == [
        (".nojekyll", 0),
        ("assets/js/bundle.js", 300),
        ("index.html", 30),
    ]


def _published(site: Path) -> tuple[int, int]:
    """The built folder weighed independently of the generator: (bytes, files)."""
    files = [path for path in site.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


def _set_limits(root: Path, limits: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text + f"    limits: {{{limits}}}\n", encoding="utf-8")


def test_the_printed_site_size_is_the_published_folder(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output
    total, count = _published(root / "site")
    # The magazine is Korean: "사이트 크기: 파일 N개, SIZE".
    assert f"사이트 크기: 파일 {count}개, {format_bytes(total)}" in result.output
    # Theme assets and the search index weigh too, not only pages and media.
    assert "assets/javascripts/" in result.output


def test_a_site_over_its_budget_keeps_the_previous_site(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    assert invoke(root, "build", "-q").exit_code == 0
    before = tree_digest(root / "site")
    total, _ = _published(root / "site")
    # Over the pages' Markdown and the media together, under what is really published.
    _set_limits(root, f"site_bytes: {total // 2}")
    sora = root / "entries/2025/01/sora.yml"
    sora.write_text(sora.read_text("utf-8").replace("흐려진다", "또렷하다"), encoding="utf-8")
    result = invoke(root, "build", "-q")
    assert result.exit_code == 1, result.output
    assert "limits.site_bytes" in result.output
    assert format_bytes(total // 2) in result.output
    assert tree_digest(root / "site") == before
    assert not (root / ".magazine/site.build").exists()


def test_a_theme_asset_over_the_file_limit_is_named(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    staged_limit = 300 * 1024  # every page and rendition of this magazine is smaller
    _set_limits(root, f"file_bytes: {staged_limit}")
    result = invoke(root, "build", "-q")
    assert result.exit_code == 1, result.output
    assert "limits.file_bytes" in result.output
    assert "assets/javascripts/" in result.output
    assert not (root / "site").exists()


def test_media_too_heavy_alone_stops_before_mkdocs_runs(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    _set_limits(root, "site_bytes: 100000")  # the two clips' renditions weigh more
    result = invoke(root, "build", "-q")
    assert result.exit_code == 1, result.output
    # A Korean magazine is told in Korean, the remedy with it.
    assert "오류: 미디어만으로도 크기가 " in result.output
    assert "(limits.site_bytes). 가장 큰 파일:" in result.output
    assert "media.max_height를 낮추거나 media.crf를 높이세요" in result.output
    assert not (root / ".magazine/mkdocs.yml").exists()  # MkDocs was never configured
    assert not (root / "site").exists()
