"""Shared fixtures; each area keeps its own in tests/<area>_fixtures.py."""

from tests.magazine_fixtures import magazine_root

__all__ = ["magazine_root"]
