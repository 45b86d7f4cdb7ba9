from __future__ import annotations

from datetime import UTC, datetime

import pytest

from generator.media.payload import (
    content_range,
    file_label,
    is_accepted_type,
    looks_like_html,
    media_type,
    not_media,
    retry_after_seconds,
    suffix_for,
)


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("video/mp4", True),
        ("Video/MP4; codecs=avc1", True),
        ("image/png", True),
        ("application/octet-stream", True),
        ("binary/octet-stream", True),
        (None, True),
        ("text/html; charset=utf-8", False),
        ("application/json", False),
        ("text/plain", False),
    ],
)
def test_accepted_types(header: str | None, accepted: bool) -> None:
    assert is_accepted_type(media_type(header)) is accepted


@pytest.mark.parametrize(
    ("head", "html"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf\r\n <html>", True),
        (b"<HEAD><title>x", True),
        (b"\x00\x00\x00\x18ftypmp42", False),
        (b"\x89PNG\r\n\x1a\n", False),
        (b"GIF89a<html>", False),
    ],
)
def test_html_sniffing(head: bytes, html: bool) -> None:
    assert looks_like_html(head) is html


def test_content_range() -> None:
    assert content_range("bytes 100-199/200") == (100, 199, 200)
    assert content_range("bytes 0-9/*") == (0, 9, None)
    assert content_range("items 1-2/3") is None
    assert content_range(None) is None


def test_retry_after() -> None:
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 01 Jan 2025 12:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Wed, 01 Jan 2025 11:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_suffix() -> None:
    assert suffix_for("https://cdn.example/a/Clip.MP4", "application/octet-stream") == ".mp4"
    assert suffix_for("https://cdn.example/download", "video/webm") == ".webm"
    assert suffix_for("https://cdn.example/download", "image/png") == ".png"
    assert suffix_for("https://cdn.example/x.php", "application/octet-stream") == ""
    assert suffix_for("https://cdn.example/x.exe", "video/mp4") == ".mp4"


def test_file_label_is_plain() -> None:
    assert file_label("https://cdn.example/v/Clip%201.mp4?sig=x") == "Clip_1.mp4"
    assert file_label("https://cdn.example/[bold red]x.mp4") == "bold_red_x.mp4"
    assert file_label("https://cdn.example/") == "download"


@pytest.mark.parametrize(
    "head",
    [
        b"\x00\x00\x00\x18ftypmp42",
        b"\x00\x00\x00\x1cftypavif",
        b"\x00\x00\x00\x08wide\x00\x00\x00\x00mdat",
        b"\x1a\x45\xdf\xa3\x01\x00",
        b"\x89PNG\r\n\x1a\n\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"GIF89a\x01\x00",
        b"RIFF\x00\x00\x00\x00WEBPVP8 ",
        b"RIFF\x00\x00\x00\x00AVI LIST",
        b"\x47" + bytes(187) + b"\x47",
    ],
)
def test_media_containers_are_recognised(head: bytes) -> None:
    assert not_media(head) is None


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x1f\x8b\x08\x00", "gzip data"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\xef\xbb\xbf<!-- x -->", "an HTML page"),
        (b"Forbidden", "text"),
        ("만료된 링크입니다".encode()[:-1], "text"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "data of an unknown kind"),
        (b"", "data of an unknown kind"),
    ],
)
def test_other_bodies_are_named(head: bytes, kind: str) -> None:
    assert not_media(head) == kind
