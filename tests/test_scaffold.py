"""`magazine new` writes an entry that passes `check` as written, and never overwrites."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from generator.errors import UsageError
from generator.model import Status
from generator.scaffold import new_entry
from generator.schema import schema_text
from generator.source.entries import load_magazine
from tests.magazine_fixtures import MKDOCS, write_magazine

NOW = datetime(2025, 3, 31, 16, 30, 15, 123456, tzinfo=UTC)  # 2025-04-01 01:30 in Seoul

TRICKY = (
    'A mesmerizing shower of "golden" sparks: #ff0000 at 1:30, no, off, 0755 — 금빛 불꽃\n'
    "\n"
    "  - not a list item\n"
    "key: not a key # not a comment\n"
    "```\n"
    "<script>alert(1)</script>\n"
    "trailing backslash \\"
)


def test_new_entry_passes_check_as_written(magazine_root: Path) -> None:
    path = new_entry(magazine_root, "sora", TRICKY, now=NOW)
    assert (
        path
        == magazine_root / "entries/2025/04/sora-a-mesmerizing-shower-of-golden-sparks-ff0000.yml"
    )
    magazine = load_magazine(magazine_root)
    entry = magazine.entry(path.stem)
    assert entry.prompt == TRICKY
    assert entry.status is Status.PENDING
    assert entry.submitted_at == NOW.replace(microsecond=0)
    assert entry.submitted_at.utcoffset() == timedelta(hours=9)
    assert entry.checked_at == entry.submitted_at
    assert entry.title == 'A mesmerizing shower of "golden" sparks: #ff0000 at 1:30…'
    assert entry.path == "entries/2025/04/" + path.name


def test_new_entry_text_starts_with_schema_comment_and_writes_the_schema(
    magazine_root: Path,
) -> None:
    path = new_entry(magazine_root, "kling", "A cat", title="고양이", now=NOW)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[:5] == [
        "# yaml-language-server: $schema=../../schema.json",
        'title: "고양이"',
        "service: kling",
        "prompt: |-",
        "  A cat",
    ]
    assert "submitted_at: 2025-04-01T01:30:15+09:00\n" in text
    schema = magazine_root / "entries/schema.json"
    assert (path.parent / "../../schema.json").resolve() == schema.resolve()
    assert schema.read_text(encoding="utf-8") == schema_text()


def test_new_entry_never_overwrites(magazine_root: Path) -> None:
    first = new_entry(magazine_root, "sora", "A cat", now=NOW)
    first_text = first.read_text(encoding="utf-8")
    second = new_entry(magazine_root, "sora", "A cat", now=NOW + timedelta(minutes=5))
    assert first.name == "sora-a-cat.yml"
    assert second.name == "sora-a-cat-2.yml"
    assert first.read_text(encoding="utf-8") == first_text
    assert len(load_magazine(magazine_root).entries) == 4


def test_new_entry_avoids_a_slug_used_elsewhere(magazine_root: Path) -> None:
    (magazine_root / "entries/2025/01/sora.yml").rename(magazine_root / "entries/2025/01/x.yml")
    text = (magazine_root / "entries/2025/01/x.yml").read_text(encoding="utf-8")
    (magazine_root / "entries/2025/01/x.yml").write_text(text + "slug: sora-a-cat\n")
    path = new_entry(magazine_root, "sora", "A cat", now=NOW)
    assert path.name == "sora-a-cat-2.yml"
    load_magazine(magazine_root)


def test_prompt_with_leading_spaces_and_crlf_is_kept(magazine_root: Path) -> None:
    path = new_entry(magazine_root, "sora", "   indented\r\nsecond\r\n\r\n", now=NOW)
    assert load_magazine(magazine_root).entry(path.stem).prompt == "   indented\nsecond"


def test_without_a_time_zone_the_given_offset_is_kept(tmp_path: Path) -> None:
    mkdocs = MKDOCS.replace("    timezone: Asia/Seoul\n", "    allow_http: false\n")
    root = write_magazine(tmp_path / "m", mkdocs=mkdocs)
    path = new_entry(root, "sora", "A cat", now=NOW)
    assert path.parent == root / "entries/2025/03"
    assert load_magazine(root).entry(path.stem).submitted_at.isoformat() == (
        "2025-03-31T16:30:15+00:00"
    )


@pytest.mark.parametrize(
    ("service", "prompt", "message"),
    [
        ("runway", "A cat", r"unknown service 'runway' \(known: kling, sora\)"),
        ("sora", " \n\t\n", "the prompt is empty"),
        ("sora", "a\x00b", r"control character \(U\+0000\)"),
    ],
)
def test_bad_input_is_a_usage_error(
    magazine_root: Path, service: str, prompt: str, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        new_entry(magazine_root, service, prompt, now=NOW)
    assert not (magazine_root / "entries/2025/04").exists()
