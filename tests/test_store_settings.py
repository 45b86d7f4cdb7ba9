"""`media_store` and `media_base_url`: validated, located, and never echoing a secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.settings import store_address
from tests.build_fixtures import invoke
from tests.magazine_fixtures import MKDOCS, write_magazine

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")


def _check(tmp_path: Path, lines: str) -> tuple[int, str]:
    mkdocs = MKDOCS.replace("    timezone: Asia/Seoul\n", "    timezone: Asia/Seoul\n" + lines)
    root = write_magazine(tmp_path / "mag", mkdocs=mkdocs)
    result = invoke(root, "check")
    return result.exit_code, result.stderr


def test_media_store_without_media_base_url_is_a_located_problem(tmp_path: Path) -> None:
    code, stderr = _check(tmp_path, "    media_store: s3://media-bucket/mag\n")
    assert code == 1
    assert "mkdocs.yml:12:5: extra.magazine.media_store: needs media_base_url" in stderr


def test_media_base_url_without_media_store_is_a_located_problem(tmp_path: Path) -> None:
    code, stderr = _check(tmp_path, "    media_base_url: https://media.example/mag/\n")
    assert code == 1
    assert "mkdocs.yml:12:5: extra.magazine.media_base_url: needs media_store" in stderr


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("s3://AKIAEXAMPLEKEY:wJalrSECRETKEY@media-bucket/mag", "must not hold credentials"),
        ("s3://media-bucket:9000/mag", "must not hold credentials or a port"),
        ("s3://media-bucket/mag?X-Amz-Signature=SECRETSIGNATURE", "must not have a query"),
        ("s3://media-bucket/mag#SECRETFRAGMENT", "must not have a query"),
        ("https://media-bucket/mag", "must be an address like s3://bucket/prefix"),
        ("s3://Media_Bucket/mag", "bucket name must be 3 to 63"),
        ("s3://media-bucket/a/../b", "the prefix must be a plain path"),
    ],
)
def test_a_bad_s3_address_is_located_and_not_repeated(
    tmp_path: Path, address: str, expected: str
) -> None:
    code, stderr = _check(
        tmp_path,
        f"    media_store: '{address}'\n    media_base_url: https://media.example/mag/\n",
    )
    assert code == 1
    assert "mkdocs.yml:12:" in stderr and "extra.magazine.media_store:" in stderr
    assert expected in stderr
    for secret in ("SECRETKEY", "SECRETSIGNATURE", "SECRETFRAGMENT", "AKIAEXAMPLEKEY"):
        assert secret not in stderr


def test_the_address_gives_the_bucket_and_a_key_prefix() -> None:
    assert store_address("s3://media-bucket") == ("media-bucket", "")
    assert store_address("s3://media-bucket/") == ("media-bucket", "")
    assert store_address("s3://media-bucket/a/b") == ("media-bucket", "a/b/")
    assert store_address("s3://media.example.org/a/b/") == ("media.example.org", "a/b/")


def test_both_together_check_clean(tmp_path: Path) -> None:
    code, stderr = _check(
        tmp_path,
        "    media_store: s3://media-bucket/mag\n    media_base_url: https://media.example/mag\n",
    )
    assert code == 0, stderr
