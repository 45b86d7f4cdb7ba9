"""Shared fixtures: each area keeps its own in tests/<area>_fixtures.py, imported here."""

from tests.http_fixtures import clip_server, loopback_certificate, tls_clip_server
from tests.magazine_fixtures import magazine_root
from tests.media_fixtures import media_clips
from tests.pages_fixtures import small_magazine, small_media

__all__ = [
    "clip_server",
    "loopback_certificate",
    "magazine_root",
    "media_clips",
    "small_magazine",
    "small_media",
    "tls_clip_server",
]
