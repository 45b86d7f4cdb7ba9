"""Shared fixtures: each area keeps its own in a module imported here."""

from tests.site_fixtures import built_magazine, magazine

__all__ = ["built_magazine", "magazine"]
