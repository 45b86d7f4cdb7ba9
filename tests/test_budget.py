"""The size budget: totals, the largest files, and refusing what GitHub Pages would refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BudgetError
from generator.media.renditions import ClipMedia, ClipRef, MediaFacts, MediaIndex, Rendition, Role
from generator.settings import LimitSettings, Settings
from generator.site.budget import check_budget, media_files

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
