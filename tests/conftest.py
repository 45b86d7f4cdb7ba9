"""Shared fixtures: each area keeps its own in a module imported here."""

from tests.pages_fixtures import small_magazine, small_media

__all__ = ["small_magazine", "small_media"]
