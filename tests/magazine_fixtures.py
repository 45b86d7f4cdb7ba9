"""A small, valid magazine written into a temporary folder, for any test that needs one."""

from __future__ import annotations

import re
import struct
import sys
import zlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

import pytest

MKDOCS = """\
site_name: Test magazine
site_url: https://example.org/magazine/
theme:
  name: material
  language: ko
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  magazine:
    timezone: Asia/Seoul
"""

SERVICES = """\
sora:
  name: Sora
  vendor: OpenAI
  kind: video
kling:
  name: Kling
  vendor: Kuaishou
  changes:
    - {date: 2025-02-01, access: paid, note: video now paid only}
"""

DELIVERED = """\
title: 금빛 불꽃이 사람으로
service: sora
prompt: |
  A mesmerizing shower of golden sparks swirls in slow motion.
submitted_at: 2025-01-03T10:00:00+09:00
promised_wait: 3h
delivered_at: 2025-01-03T10:40:00+09:00
status: delivered
clips:
  - file: media/sparks-sora.mp4
ratings: {quality: 4, lighting: 5}
"""

PENDING = """\
title: Kling is still thinking
service: kling
prompt: |
  A mesmerizing   shower of golden sparks swirls in slow motion.
submitted_at: 2025-01-03T10:05:00+09:00
promised_wait: 3h
status: pending
checked_at: 2025-01-05T10:05:00+09:00
"""


def pending_attempts(service: str, count: int) -> dict[str, str]:
    """`count` (at most 31) attempts still pending at one service, one a day from 1 January
    2025, each with a prompt of its own (entry paths relative to entries/ → YAML)."""
    first = datetime(2025, 1, 1, 10, 5)
    return {
        f"2025/01/{service}-{n:02d}.yml": (
            f"title: {service} attempt {n}\n"
            f"service: {service}\n"
            f"prompt: prompt number {n}\n"
            f"submitted_at: {first + timedelta(days=n):%Y-%m-%dT%H:%M}:00+09:00\n"
            "promised_wait: 3h\n"
            "status: pending\n"
            "checked_at: 2025-03-05T10:05:00+09:00\n"
        )
        for n in range(count)
    }


DEFAULT_ENTRIES = {"2025/01/sora.yml": DELIVERED, "2025/01/kling.yml": PENDING}


def tiny_png(width: int = 16, height: int = 16) -> bytes:
    """A small orange PNG, made here: a stand-in clip that probing reads (`magazine check`
    probes local clips, so bytes that are not media would be a problem)."""
    rows = b"".join(b"\x00" + bytes((200, 120, 40)) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


STAND_IN = tiny_png()
DEFAULT_FILES = {"entries/2025/01/media/sparks-sora.mp4": STAND_IN}


MESSAGES_IN: str | None = None
"""With `english_messages`, the language every magazine written here is set to (see there)."""


@pytest.fixture
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Magazines written by this test are English (`theme.language: en`), whatever the fixture
    text says, so its problems are worded in English.

    For tests about *which* rule a problem names and where, written against the English
    wording; `tests/test_messages.py` holds the Korean wording of every kind of mistake.
    """
    monkeypatch.setattr(sys.modules[__name__], "MESSAGES_IN", "en")


def write_magazine(
    root: Path,
    entries: Mapping[str, str] | None = None,
    *,
    services: str | None = SERVICES,
    criteria: str | None = None,
    mkdocs: str = MKDOCS,
    files: Mapping[str, bytes] | None = None,
) -> Path:
    """Write mkdocs.yml, the registries, entries (paths relative to entries/) and other files.

    With no arguments it writes a valid magazine of two entries (Sora delivered, Kling pending)
    sharing a prompt; `files` paths are relative to `root`. Returns `root`.
    """
    root.mkdir(parents=True, exist_ok=True)
    if MESSAGES_IN is not None:
        mkdocs = re.sub(r"(?m)^(\s+language:) ko$", rf"\1 {MESSAGES_IN}", mkdocs)
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    (root / "entries").mkdir(exist_ok=True)
    if services is not None:
        (root / "entries" / "services.yml").write_text(services, encoding="utf-8")
    if criteria is not None:
        (root / "entries" / "criteria.yml").write_text(criteria, encoding="utf-8")
    for name, text in (DEFAULT_ENTRIES if entries is None else entries).items():
        path = root / "entries" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, data in (DEFAULT_FILES if files is None else files).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.fixture
def magazine_root(tmp_path: Path) -> Path:
    """A valid two-entry magazine in a temporary folder."""
    return write_magazine(tmp_path / "magazine")
