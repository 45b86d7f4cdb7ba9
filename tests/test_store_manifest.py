"""What the pages load from the media store, found in the generated files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import StoreError, UsageError
from generator.generated import GeneratedFile
from generator.settings import Settings
from generator.site.manifest import media_manifest, read_manifest, referenced_media, write_manifest

BASE = "https://media.example/mag/"


def test_addresses_in_pages_and_escaped_json_are_found_and_nothing_else(tmp_path: Path) -> None:
    renditions = {
        "media/0123456789abcdef/video-aaaa.mp4": tmp_path / "v.mp4",
        "media/0123456789abcdef/poster-aaaa.jpg": tmp_path / "p.jpg",
        "media/fedcba9876543210/sheet-bbbb.jpg": tmp_path / "s.jpg",
    }
    pages = [
        f'<video src="{BASE}media/0123456789abcdef/video-aaaa.mp4"></video>',
        '{"poster": "' + BASE.replace("/", "\\/") + 'media\\/0123456789abcdef\\/poster-aaaa.jpg"}',
        b"no media here",
    ]
    found = referenced_media(BASE, [GeneratedFile(page) for page in pages], renditions)
    assert set(found) == {
        "media/0123456789abcdef/video-aaaa.mp4",
        "media/0123456789abcdef/poster-aaaa.jpg",
    }


def test_an_address_no_clip_made_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="which no clip made"):
        referenced_media(BASE, [GeneratedFile(f"{BASE}media/0123456789abcdef/gone.mp4")], {})


def test_the_manifest_is_read_back_and_refused_when_the_cache_changed(tmp_path: Path) -> None:
    settings = Settings(media_store="s3://media-bucket/mag", media_base_url=BASE)
    cache = tmp_path / ".magazine"
    cache.mkdir()
    clip = cache / "renditions" / "video.mp4"
    clip.parent.mkdir()
    clip.write_bytes(b"0" * 100)
    manifest = media_manifest(settings, {"media/0123456789abcdef/video-aaaa.mp4": clip})
    assert manifest.objects[0].content_type == "video/mp4"
    write_manifest(cache, tmp_path, manifest)
    again = read_manifest(cache, tmp_path, settings)
    assert again.objects == manifest.objects and again.total_bytes == 100

    other = settings.model_copy(update={"media_store": "s3://media-bucket/other/"})
    with pytest.raises(StoreError, match="another media_store"):
        read_manifest(cache, tmp_path, other)
    with pytest.raises(UsageError, match="media_store is not set"):
        read_manifest(cache, tmp_path, Settings())
    clip.write_bytes(b"1" * 99)
    with pytest.raises(StoreError, match="missing from the cache or changed"):
        read_manifest(cache, tmp_path, settings)


def test_a_file_of_a_type_the_table_does_not_know_is_refused(tmp_path: Path) -> None:
    settings = Settings(media_store="s3://media-bucket/mag", media_base_url=BASE)
    odd = tmp_path / "clip.mov"
    odd.write_bytes(b"x")
    with pytest.raises(StoreError, match="no content type"):
        media_manifest(settings, {"media/0123456789abcdef/clip.mov": odd})
