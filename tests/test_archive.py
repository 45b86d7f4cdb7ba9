from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator.media.archive import Archive, ArchiveMismatch, hash_file

DATA = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8
DIGEST = hashlib.sha256(DATA).hexdigest()


def stored(tmp_path: Path) -> tuple[Archive, Path]:
    archive = Archive(tmp_path / "archive")
    partial = archive.partial("k" * 64)
    partial.begin('"etag"', len(DATA), "https://cdn.example/a.mp4")
    partial.data.write_bytes(DATA)
    return archive, archive.store(partial, DIGEST, ".mp4")


def test_store_moves_the_download_under_its_hash(tmp_path: Path) -> None:
    archive, path = stored(tmp_path)
    assert path == tmp_path / "archive" / "sha256" / DIGEST[:2] / f"{DIGEST}.mp4"
    assert path.read_bytes() == DATA
    assert list((tmp_path / "archive" / "partial").iterdir()) == []
    assert archive.find(DIGEST, len(DATA)) == path
    assert archive.find(DIGEST) == path
    assert hash_file(path) == DIGEST


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    assert Archive(tmp_path / "archive").find("0" * 64) is None


def test_damaged_file_is_not_trusted_and_removed(tmp_path: Path) -> None:
    archive, path = stored(tmp_path)
    damaged = bytearray(DATA)
    damaged[100] ^= 0xFF
    path.write_bytes(bytes(damaged))  # same size, different bytes
    os.utime(path, ns=(1, 1))  # a different modification time than the verified one
    assert archive.find(DIGEST, len(DATA)) is None
    assert not path.exists()


def test_wrong_size_is_not_trusted(tmp_path: Path) -> None:
    archive, path = stored(tmp_path)
    assert archive.find(DIGEST, len(DATA) + 1) is None
    assert not path.exists()


def test_file_named_by_another_hash_is_not_trusted(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    fake = "ab" + "0" * 62
    target = archive.path_for(fake, ".mp4")
    target.parent.mkdir(parents=True)
    target.write_bytes(DATA)  # e.g. a half-written file from another tool
    assert archive.find(fake) is None


def test_partial_keeps_bytes_and_resumes_only_with_a_strong_etag_and_total(
    tmp_path: Path,
) -> None:
    partial = Archive(tmp_path / "archive").partial("u" * 64)
    assert partial.size == 0 and partial.resumable() is None
    partial.begin('"strong"', 10, "https://cdn.example/a.mp4")
    with partial.data.open("ab") as out:
        out.write(b"12345")
    assert partial.size == 5 and partial.resumable() == ('"strong"', 10)
    for validator, total in (('W/"weak"', 10), ('"strong"', None), (None, 10)):
        partial.begin(validator, total, "https://cdn.example/a.mp4")
        assert partial.size == 0 and partial.resumable() is None
    partial.discard()
    assert not partial.data.exists() and not partial.meta.exists()


def test_store_refuses_bytes_that_changed_on_disk_after_hashing(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    partial = archive.partial("c" * 64)
    partial.begin('"etag"', len(DATA), "https://cdn.example/a.mp4")
    partial.data.write_bytes(DATA[:-1] + b"!")  # another writer appended or changed a byte
    with pytest.raises(ArchiveMismatch, match="changed on disk"):
        archive.store(partial, DIGEST, ".mp4")
    assert not archive.path_for(DIGEST, ".mp4").exists()
    assert not partial.data.exists()
