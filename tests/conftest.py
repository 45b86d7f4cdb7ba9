"""Shared fixtures; each area keeps its own in a module imported here."""

from tests.media_fixtures import media_clips  # noqa: F401
