"""Servers that lie: short resumes, ignored If-Range, web pages and gzip dressed as clips.

Each server here misbehaves on purpose over real HTTP on 127.0.0.1. The promise under test:
no file is archived or recorded in the lock unless its bytes are exactly one complete response
chain for one version of the file, and that file starts like a video or an image.
"""

from __future__ import annotations

import gzip
import json
import re
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from generator.model import Clip
from tests.build_fixtures import invoke, write_small_magazine
from tests.http_fixtures import (
    ClipServer,
    Responder,
    clip_bytes,
    cut_off,
    ok,
    redirect,
    sequence,
    sha256,
)
from tests.test_fetch import BODY, REF, archived_files, make_entry, make_magazine, one_clip, run

V2 = clip_bytes(len(BODY), "version two")


def _head(handler: BaseHTTPRequestHandler, code: int, headers: dict[str, object]) -> None:
    handler.send_response(code)
    for name, value in headers.items():
        handler.send_header(name, str(value))
    handler.end_headers()


def short_resume(body: bytes, etag: str, *, deliver: int) -> Responder:
    """Answers a resume with a 206 whose Content-Range covers only `deliver` bytes."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        start = int(handler.headers["Range"].removeprefix("bytes=").rstrip("-"))
        part = body[start : start + deliver]
        _head(
            handler,
            206,
            {
                "Content-Type": "video/mp4",
                "Content-Length": len(part),
                "Content-Range": f"bytes {start}-{start + len(part) - 1}/{len(body)}",
                "ETag": etag,
            },
        )
        handler.wfile.write(part)

    return respond


def ranges_regardless(body: bytes, etag: str | None, *, total: int | None = None) -> Responder:
    """Honours any Range without looking at If-Range (a server that ignores validators)."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        wanted = handler.headers.get("Range")
        if not wanted:
            ok(body, etag=etag)(handler, hit)
            return
        start = int(wanted.removeprefix("bytes=").rstrip("-"))
        part = body[start:]
        headers: dict[str, object] = {
            "Content-Type": "video/mp4",
            "Content-Length": len(part),
            "Content-Range": f"bytes {start}-{len(body) - 1}/{total or len(body)}",
        }
        if etag:
            headers["ETag"] = etag
        _head(handler, 206, headers)
        handler.wfile.write(part)

    return respond


def dated(body: bytes, *, cut_at: int | None = None) -> Responder:
    """A server with only Last-Modified (no ETag) that ignores If-Range."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        stamp = "Wed, 01 Jan 2025 00:00:00 GMT"
        wanted = handler.headers.get("Range")
        if wanted:
            ranges_regardless(body, None)(handler, hit)
            return
        _head(
            handler,
            200,
            {"Content-Type": "video/mp4", "Content-Length": len(body), "Last-Modified": stamp},
        )
        handler.wfile.write(body if cut_at is None else body[:cut_at])
        handler.close_connection = True

    return respond


def _lock(root: Path) -> dict[str, object]:
    path = root / "magazine.lock"
    if not path.exists():
        return {}
    clips = json.loads(path.read_text("utf-8"))["clips"]
    assert isinstance(clips, dict)
    return clips


def test_a_resume_answered_with_too_few_bytes_is_not_locked(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve(
        "/short.mp4",
        sequence(cut_off(BODY, 10_000, etag='"v1"'), short_resume(BODY, '"v1"', deliver=10)),
    )
    result = run(one_clip(tmp_path, url, retries=1))

    assert len(result.errors) == 1 and not result.sources
    assert "range" in str(result.errors[0]).lower()
    assert archived_files(tmp_path) == []
    assert _lock(tmp_path) == {}


def test_a_short_resume_then_an_honest_answer_gives_the_whole_file(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve(
        "/short.mp4",
        sequence(
            cut_off(BODY, 10_000, etag='"v1"'),
            short_resume(BODY, '"v1"', deliver=10),
            ok(BODY, etag='"v1"'),
        ),
    )
    result = run(one_clip(tmp_path, url))

    assert result.errors == ()
    assert result.sources[REF].read_bytes() == BODY
    assert [r.headers.get("Range") for r in clip_server.requests_for("/short.mp4")] == [
        None,
        "bytes=10000-",
        None,  # the short resume discarded the kept bytes: start again from zero
    ]


def test_a_server_ignoring_if_range_does_not_stitch_two_versions(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve(
        "/moved.mp4",
        sequence(cut_off(BODY, 8_000, etag='"v1"'), ranges_regardless(V2, '"v2"')),
    )
    result = run(one_clip(tmp_path, url))

    assert result.errors == ()
    assert result.sources[REF].read_bytes() == V2  # never BODY[:8000] + V2[8000:]
    assert [sha256(p.read_bytes()) for p in archived_files(tmp_path)] == [sha256(V2)]


def test_a_206_without_the_validator_restarts_from_zero(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve(
        "/anon.mp4", sequence(cut_off(BODY, 8_000, etag='"v1"'), ranges_regardless(V2, None))
    )
    result = run(one_clip(tmp_path, url))

    assert result.sources[REF].read_bytes() == V2
    assert clip_server.requests_for("/anon.mp4")[-1].headers.get("Range") is None


def test_a_206_announcing_another_total_restarts_from_zero(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve(
        "/grown.mp4",
        sequence(
            cut_off(BODY, 8_000, etag='"v1"'),
            ranges_regardless(BODY, '"v1"', total=len(BODY) + 500),
            ok(BODY, etag='"v1"'),
        ),
    )
    result = run(one_clip(tmp_path, url))

    assert result.sources[REF].read_bytes() == BODY
    assert clip_server.requests_for("/grown.mp4")[-1].headers.get("Range") is None


def test_last_modified_alone_is_not_trusted_to_resume(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve("/dated.mp4", sequence(dated(BODY, cut_at=6_000), dated(V2)))
    result = run(one_clip(tmp_path, url))

    assert result.sources[REF].read_bytes() == V2
    second = clip_server.requests_for("/dated.mp4")[1]
    assert "Range" not in second.headers and "If-Range" not in second.headers


PAGE = b"<!-- cdn -->\n<title>Sign in</title><p>Your link has expired</p>"


@pytest.mark.parametrize(
    ("body", "what"),
    [
        (gzip.compress(BODY), "gzip"),
        (PAGE, "HTML"),
        (b"   \n<script>location='/login'</script>", "HTML"),
        (b"Access denied. Request id 4f2c.", "text"),
        (b"PK\x03\x04" + BODY, "a ZIP archive"),
        (b'{"error": "expired"}', "text"),
    ],
)
def test_a_body_that_is_no_video_or_image_is_not_locked(
    tmp_path: Path, clip_server: ClipServer, body: bytes, what: str
) -> None:
    url = clip_server.serve("/clip.mp4", ok(body, content_type="application/octet-stream"))
    result = run(one_clip(tmp_path, url))

    assert len(result.errors) == 1 and not result.sources
    message = str(result.errors[0])
    assert "not a video or image" in message and what in message
    assert archived_files(tmp_path) == [] and _lock(tmp_path) == {}


def test_a_resumed_body_is_sniffed_too(tmp_path: Path, clip_server: ClipServer) -> None:
    page = PAGE.ljust(len(BODY), b" ")
    url = clip_server.serve(
        "/clip.mp4", sequence(cut_off(page, 3, etag='"p"'), ok(page, etag='"p"'))
    )
    result = run(one_clip(tmp_path, url))

    assert len(result.errors) == 1 and "not a video or image" in str(result.errors[0])
    assert archived_files(tmp_path) == [] and _lock(tmp_path) == {}


def test_a_compressed_transfer_is_refused(tmp_path: Path, clip_server: ClipServer) -> None:
    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        packed = gzip.compress(BODY)
        _head(
            handler,
            200,
            {
                "Content-Type": "video/mp4",
                "Content-Encoding": "gzip",
                "Content-Length": len(packed),
            },
        )
        handler.wfile.write(packed)

    url = clip_server.serve("/packed.mp4", respond)
    result = run(one_clip(tmp_path, url))

    assert len(result.errors) == 1 and "Content-Encoding: gzip" in str(result.errors[0])
    assert archived_files(tmp_path) == [] and _lock(tmp_path) == {}


@pytest.mark.parametrize("code", [301, 302, 307, 308])
def test_https_to_http_is_refused_even_with_allow_http(
    tmp_path: Path, clip_server: ClipServer, tls_clip_server: ClipServer, code: int
) -> None:
    plain = clip_server.serve("/plain.mp4", ok(BODY))
    hop = tls_clip_server.serve("/hop.mp4", redirect(plain + "?token=SECRET", code))
    url = tls_clip_server.serve("/secure.mp4", redirect(hop))
    magazine = make_magazine(tmp_path, make_entry("sparks", Clip(url=url)), allow_http=True)
    result = run(magazine)

    assert len(result.errors) == 1 and not result.sources
    message = str(result.errors[0])
    assert "from https:// to http://" in message and "SECRET" not in message
    assert clip_server.hits == {}
    assert archived_files(tmp_path) == [] and _lock(tmp_path) == {}


@pytest.mark.parametrize("command", ["fetch", "build"])
@pytest.mark.usefixtures("english_messages")  # where the failure is named, in English words
def test_fetch_errors_name_the_entry_line_and_column(
    tmp_path: Path, clip_server: ClipServer, command: str
) -> None:
    root = write_small_magazine(tmp_path / "mag")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("    timezone:", "    allow_http: true\n    timezone:"),
        encoding="utf-8",
    )
    url = clip_server.serve("/gone.mp4", ok(PAGE, content_type="application/octet-stream"))
    runway = root / "entries/2025/02/runway.yml"
    text = runway.read_text("utf-8").replace("  - file: media/runway.mp4", f"  - url: {url}")
    runway.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"  - url: {url}") + 1

    result = invoke(root, command)

    assert result.exit_code == 1, result.output
    located = rf"^entries/2025/02/runway\.yml:{line}:\d+: clips\[0\]\.url: the download is not"
    assert re.search(located, result.output, re.MULTILINE), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "target",
    [
        "http://user:PASSWORD-9e@127.0.0.1:1/y.mp4?sig=TOKEN-41",
        "ftp://user:PASSWORD-9e@cdn.example/y.mp4?sig=TOKEN-41",
        "http://user:PASSWORD-9e@[::1/y.mp4?sig=TOKEN-41",
    ],
)
def test_failed_downloads_name_no_credentials_or_query(
    tmp_path: Path, clip_server: ClipServer, target: str
) -> None:
    hop = clip_server.serve("/hop.mp4", redirect(target))
    url = hop.replace("http://", "http://writer:PASSWORD-9e@") + "?sig=TOKEN-41"
    result = run(one_clip(tmp_path, url, retries=0))

    assert len(result.errors) == 1
    for text in (str(result.errors[0]), *result.warnings):
        assert "PASSWORD-9e" not in text and "TOKEN-41" not in text
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"PASSWORD-9e" not in path.read_bytes() and b"TOKEN-41" not in path.read_bytes()
