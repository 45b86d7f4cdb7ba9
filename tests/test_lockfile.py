from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.addresses import public_url
from generator.errors import ContentError
from generator.media.lockfile import (
    Lock,
    LockRecord,
    read_lock,
    render_lock,
    url_key,
    write_lock,
)

SIGNED = "https://user:pw@cdn.example/v/clip.mp4?X-Amz-Signature=SECRET&exp=1#t=3"


def record(sha: str = "a" * 64) -> LockRecord:
    return LockRecord(
        url=public_url(SIGNED),
        sha256=sha,
        size=1234,
        content_type="video/mp4",
        fetched_at="2025-01-03T01:40:00Z",
    )


def test_records_are_keyed_by_a_hash_of_the_full_url() -> None:
    lock = Lock({url_key(SIGNED): record()})
    assert lock.get(SIGNED) == record()
    assert lock.get(public_url(SIGNED)) is None  # another signature is another record
    assert len(url_key(SIGNED)) == 64
    assert "SECRET" not in render_lock(lock)


def test_missing_lock_reads_as_empty(tmp_path: Path) -> None:
    assert read_lock(tmp_path / "magazine.lock") == Lock({})


def test_round_trip_is_stable_and_sorted(tmp_path: Path) -> None:
    path = tmp_path / "magazine.lock"
    lock = Lock({"f" * 64: record("b" * 64), "0" * 64: record()})
    assert write_lock(path, lock) is True
    text = path.read_text(encoding="utf-8")
    assert text.index("0" * 64) < text.index("f" * 64)
    assert text.endswith("}\n") and '"version": 1' in text
    assert read_lock(path) == lock
    before = path.stat().st_mtime_ns
    assert write_lock(path, read_lock(path)) is False  # unchanged: not rewritten
    assert path.stat().st_mtime_ns == before
    assert [p.name for p in tmp_path.iterdir()] == ["magazine.lock"]  # no temp file left


def test_broken_json_is_located(tmp_path: Path) -> None:
    path = tmp_path / "magazine.lock"
    path.write_text('{\n  "version": 1,\n  "clips": {,}\n}\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_lock(path, root=tmp_path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("magazine.lock", 3)
    assert "not valid JSON" in str(problem)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ([], "clips"),
        ({"version": 2, "clips": {}}, "version"),
        ({"version": 1, "clips": {"not-a-hash": {}}}, "clips.not-a-hash"),
        ({"version": 1, "clips": {"a" * 64: {"url": "x"}}}, "clips." + "a" * 64),
        (
            {
                "version": 1,
                "clips": {
                    "a" * 64: {
                        "url": "https://x/a.mp4",
                        "sha256": "A" * 64,
                        "size": 1,
                        "content_type": "video/mp4",
                        "fetched_at": "2025-01-01T00:00:00Z",
                    }
                },
            },
            "clips." + "a" * 64,
        ),
    ],
)
def test_damaged_lock_is_a_content_error(tmp_path: Path, data: object, field: str) -> None:
    path = tmp_path / "magazine.lock"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_lock(path, root=tmp_path)
    assert [p.field for p in caught.value.problems] == [field]
