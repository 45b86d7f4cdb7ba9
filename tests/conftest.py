"""Shared fixtures; each area keeps its own in a module imported here."""

from tests.http_fixtures import clip_server, loopback_certificate, tls_clip_server  # noqa: F401
