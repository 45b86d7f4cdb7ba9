"""Shared fixtures: each area keeps its own in tests/<area>_fixtures.py, imported here."""

from tests.browser_fixtures import chromium, example_en, example_ko
from tests.http_fixtures import clip_server, loopback_certificate, tls_clip_server
from tests.magazine_fixtures import english_messages, magazine_root
from tests.media_fixtures import media_clips
from tests.pages_fixtures import small_magazine, small_media
from tests.site_fixtures import built_magazine, magazine
from tests.store_fixtures import fault_proxy, seaweed

__all__ = [
    "built_magazine",
    "chromium",
    "clip_server",
    "english_messages",
    "example_en",
    "example_ko",
    "fault_proxy",
    "loopback_certificate",
    "magazine",
    "magazine_root",
    "media_clips",
    "seaweed",
    "small_magazine",
    "small_media",
    "tls_clip_server",
]
