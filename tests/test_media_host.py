"""`media_base_url`: pages load renditions from another host, and the build lays them out."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from generator.build import build, media_upload_dir
from generator.progress import SilentProgress
from generator.source.entries import load_magazine
from tests.magazine_fixtures import MKDOCS, write_magazine

HOSTED = MKDOCS.replace(
    "    timezone: Asia/Seoul\n",
    "    timezone: Asia/Seoul\n    media_base_url: https://media.example.org/mag\n"
    "    media_store: s3://media-bucket/mag\n"
    "    media: {preset: ultrafast}\n",
)


def test_renditions_are_served_from_the_media_host(
    tmp_path: Path, media_clips: dict[str, Path]
) -> None:
    root = write_magazine(tmp_path / "mag", mkdocs=HOSTED, files={})
    clip = root / "entries" / "2025" / "01" / "media" / "sparks-sora.mp4"
    clip.parent.mkdir(parents=True)
    shutil.copyfile(media_clips["audio"], clip)

    report = build(root, progress=SilentProgress())

    html = (report.site_dir / "trials" / "sora" / "index.html").read_text(encoding="utf-8")
    video = BeautifulSoup(html, "html.parser").select_one("video")
    assert video is not None
    sources = [video.get("poster")] + [s.get("src") for s in video.select("source")]
    sources += [video.get("src")]
    hosted = [str(s) for s in sources if s]
    assert hosted
    assert all(s.startswith("https://media.example.org/mag/media/") for s in hosted)
    # nothing of the media is in the site; all of it is laid out for upload
    assert not (report.site_dir / "media").exists()
    upload = media_upload_dir(load_magazine(root))
    for url in hosted:
        assert (upload / url.removeprefix("https://media.example.org/mag/")).is_file()
