from __future__ import annotations

import io
import json
import shutil
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from generator.errors import FetchError
from generator.media.fetch import FetchResult, fetch_clips
from generator.media.renditions import ClipRef
from generator.model import Clip, Entry, Magazine
from generator.progress import PlainProgress, SilentProgress
from generator.settings import FetchSettings, Settings
from tests.http_fixtures import (
    ClipServer,
    clip_bytes,
    cut_off,
    drip,
    ok,
    redirect,
    sequence,
    sha256,
    status,
)

BODY = clip_bytes(20_000)
FAST = {
    "concurrency": 4,
    "connect_timeout": 2.0,
    "read_timeout": 2.0,
    "deadline": 10.0,
    "retries": 3,
    "backoff": 0.01,
    "max_retry_after": 2.0,
}


def make_entry(slug: str, *clips: Clip, day: int = 1) -> Entry:
    return Entry(
        title=slug,
        service="sora",
        prompt="golden sparks",
        submitted_at=datetime(2025, 1, day, 10, tzinfo=UTC),
        status="delivered",
        clips=clips,
        path=f"entries/{slug}.yml",
        slug=slug,
    )


def make_magazine(root: Path, *entries: Entry, allow_http: bool = True, **fetch: float) -> Magazine:
    settings = Settings(allow_http=allow_http, fetch=FetchSettings(**{**FAST, **fetch}))
    return Magazine(root=root, settings=settings, entries=entries, services={})


def one_clip(root: Path, url: str, pin: str | None = None, **fetch: float) -> Magazine:
    return make_magazine(root, make_entry("sparks", Clip(url=url, sha256=pin)), **fetch)


def run(magazine: Magazine, **options: bool) -> FetchResult:
    return fetch_clips(magazine, progress=SilentProgress(), **options)


REF = ClipRef("sparks", 0)


def only_error(result: FetchResult) -> FetchError:
    assert not result.sources
    assert len(result.errors) == 1, result.errors
    return result.errors[0]


def archived_files(root: Path) -> list[Path]:
    return sorted((root / ".magazine" / "archive" / "sha256").rglob("*.*"))


def read_lock(root: Path) -> dict[str, dict[str, object]]:
    data = json.loads((root / "magazine.lock").read_text(encoding="utf-8"))
    assert data["version"] == 1
    clips: dict[str, dict[str, object]] = data["clips"]
    return clips


def test_downloads_once_into_the_archive_and_records_the_lock(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve("/sparks.mp4", ok(BODY))
    magazine = one_clip(tmp_path, url)

    first = run(magazine)

    path = first.sources[REF]
    assert path.read_bytes() == BODY
    digest = sha256(BODY)
    assert path == tmp_path / ".magazine/archive/sha256" / digest[:2] / f"{digest}.mp4"
    assert (first.downloaded, first.reused, first.errors, first.warnings) == (1, 0, (), ())
    (record,) = read_lock(tmp_path).values()
    assert record["url"] == url
    assert record["sha256"] == digest
    assert record["size"] == len(BODY)
    assert record["content_type"] == "video/mp4"
    assert str(record["fetched_at"]).endswith("Z")
    assert sorted(p.name for p in (tmp_path / ".magazine/archive/partial").iterdir()) == []

    lock_before = (tmp_path / "magazine.lock").stat().st_mtime_ns
    second = run(magazine)

    assert second.sources == {REF: path}
    assert (second.downloaded, second.reused) == (0, 1)
    assert clip_server.hits["/sparks.mp4"] == 1  # no network at all the second time
    assert (tmp_path / "magazine.lock").stat().st_mtime_ns == lock_before


def test_no_url_clips_means_no_lock_file(tmp_path: Path) -> None:
    magazine = make_magazine(tmp_path, make_entry("local", Clip(file="media/a.mp4")))
    result = run(magazine)
    assert result == FetchResult({}, (), (), 0, 0)
    assert not (tmp_path / "magazine.lock").exists()


def test_lock_file_is_sorted_and_stable(tmp_path: Path, clip_server: ClipServer) -> None:
    urls = [clip_server.serve(f"/{n}.mp4", ok(clip_bytes(500, n))) for n in "cab"]
    entries = [make_entry(f"e{i}", Clip(url=u)) for i, u in enumerate(urls)]
    run(make_magazine(tmp_path, *entries))
    text = (tmp_path / "magazine.lock").read_text(encoding="utf-8")
    keys = list(read_lock(tmp_path))
    assert keys == sorted(keys) and len(keys) == 3
    assert text.endswith("}\n")


def test_cut_off_with_length_resumes_with_range(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve(
        "/cut.mp4", sequence(cut_off(BODY, 7000, etag='"v1"'), ok(BODY, etag='"v1"'))
    )
    result = run(one_clip(tmp_path, url))

    assert result.sources[REF].read_bytes() == BODY
    first, second = clip_server.requests_for("/cut.mp4")
    assert "Range" not in first.headers
    assert second.headers["Range"] == "bytes=7000-"
    assert second.headers["If-Range"] == '"v1"'
    assert second.headers["Accept-Encoding"] == "identity"


def test_interrupted_download_leaves_nothing_trusted_and_resumes_next_run(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve("/flaky.mp4", cut_off(BODY, 5000, etag='"e"'))
    failed = run(one_clip(tmp_path, url, retries=0))

    assert "closed" in str(only_error(failed)) or "connection" in str(only_error(failed))
    assert archived_files(tmp_path) == []
    assert not (tmp_path / "magazine.lock").exists()
    (partial,) = (tmp_path / ".magazine/archive/partial").glob("*.part")
    assert partial.read_bytes() == BODY[:5000]

    clip_server.serve("/flaky.mp4", ok(BODY, etag='"e"'))
    resumed = run(one_clip(tmp_path, url, retries=0))

    assert resumed.sources[REF].read_bytes() == BODY
    assert clip_server.requests_for("/flaky.mp4")[-1].headers["Range"] == "bytes=5000-"


def test_server_ignoring_range_restarts_from_zero(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve(
        "/norange.mp4",
        sequence(cut_off(BODY, 9000, etag='"x"'), ok(BODY, etag='"x"', honour_range=False)),
    )
    result = run(one_clip(tmp_path, url))

    assert result.sources[REF].read_bytes() == BODY
    assert sha256(result.sources[REF].read_bytes()) == sha256(BODY)
    assert clip_server.requests_for("/norange.mp4")[1].headers["Range"] == "bytes=9000-"


def test_close_delimited_body_cut_short_is_caught_by_the_pin(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve(
        "/nolength.mp4", sequence(cut_off(BODY, 3000, length=False), ok(BODY, length=False))
    )
    result = run(one_clip(tmp_path, url, pin=sha256(BODY)))

    assert result.errors == ()
    assert result.sources[REF].read_bytes() == BODY
    requests = clip_server.requests_for("/nolength.mp4")
    assert len(requests) == 2
    assert "Range" not in requests[1].headers  # no validator: the retry starts from zero


def test_503_then_200_is_retried(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/busy.mp4", sequence(status(503), status(502), ok(BODY)))
    result = run(one_clip(tmp_path, url))
    assert result.sources[REF].read_bytes() == BODY
    assert clip_server.hits["/busy.mp4"] == 3


def test_429_with_retry_after_is_honoured(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/limited.mp4", sequence(status(429, retry_after="1"), ok(BODY)))
    result = run(one_clip(tmp_path, url))
    assert result.sources[REF].read_bytes() == BODY
    assert clip_server.hits["/limited.mp4"] == 2


def test_retries_are_capped(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/down.mp4", status(503))
    error = only_error(run(one_clip(tmp_path, url, retries=2)))
    assert "HTTP 503" in str(error) and "gave up after 3 attempts" in str(error)
    assert clip_server.hits["/down.mp4"] == 3


def test_retry_after_beyond_the_deadline_gives_up(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/later.mp4", status(503, retry_after="3600"))
    error = only_error(run(one_clip(tmp_path, url, deadline=1.0, max_retry_after=60.0)))
    assert "no time left" in str(error)
    assert clip_server.hits["/later.mp4"] == 1


def test_slow_drip_hits_the_total_deadline(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/drip.mp4", drip(BODY[:200], 0.2))
    error = only_error(run(one_clip(tmp_path, url, deadline=0.5)))
    assert "took longer than the 0.5 s deadline" in str(error)
    assert archived_files(tmp_path) == []


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "application/xhtml+xml"])
def test_html_content_type_is_refused(
    tmp_path: Path, clip_server: ClipServer, content_type: str
) -> None:
    page = b"<!DOCTYPE html><html><body>Sign in to download</body></html>"
    url = clip_server.serve("/login", ok(page, content_type=content_type))
    error = only_error(run(one_clip(tmp_path, url)))
    assert "expected a video or image" in str(error)
    assert clip_server.hits["/login"] == 1  # not retried
    assert archived_files(tmp_path) == []


@pytest.mark.parametrize("start", [b"<!doctype html>", b"\n  <HTML lang=en>", b"<html>"])
def test_html_sniffed_behind_a_generic_type_is_refused(
    tmp_path: Path, clip_server: ClipServer, start: bytes
) -> None:
    url = clip_server.serve(
        "/clip.mp4", ok(start + b"<body>expired</body>", content_type="application/octet-stream")
    )
    error = only_error(run(one_clip(tmp_path, url)))
    assert "not a video or image: it is an HTML page" in str(error)
    assert archived_files(tmp_path) == []
    assert list((tmp_path / ".magazine/archive/partial").glob("*.part")) == []


@pytest.mark.parametrize("length", [True, False])
def test_too_big_is_refused(tmp_path: Path, clip_server: ClipServer, length: bool) -> None:
    url = clip_server.serve("/huge.mp4", ok(BODY, length=length))
    error = only_error(run(one_clip(tmp_path, url, max_bytes=10_000)))
    assert "max_bytes (10000)" in str(error)
    assert archived_files(tmp_path) == []
    assert list((tmp_path / ".magazine/archive/partial").glob("*.part")) == []


@pytest.mark.parametrize(
    ("location", "scheme"),
    [("file:///etc/passwd", "file"), ("ftp://127.0.0.1/clip.mp4", "ftp"), ("data:,hi", "data")],
)
def test_redirect_to_another_scheme_is_refused(
    tmp_path: Path, clip_server: ClipServer, location: str, scheme: str
) -> None:
    url = clip_server.serve("/moved.mp4", redirect(location))
    error = only_error(run(one_clip(tmp_path, url)))
    assert f"redirected to a {scheme}: address, which is refused" in str(error)
    assert "/etc/passwd" not in str(error) or scheme != "file"


def test_redirects_are_followed(tmp_path: Path, clip_server: ClipServer) -> None:
    clip_server.serve("/final.mp4", ok(BODY))
    clip_server.serve("/hop.mp4", redirect(clip_server.base + "/final.mp4", 301))
    url = clip_server.serve("/start.mp4", redirect("/hop.mp4", 307))
    result = run(one_clip(tmp_path, url))
    assert result.sources[REF].read_bytes() == BODY
    (record,) = read_lock(tmp_path).values()
    assert record["url"] == url  # recorded under the writer's URL, not the last hop


def test_redirect_loop_is_cut(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/loop.mp4", redirect("/loop.mp4"))
    error = only_error(run(one_clip(tmp_path, url)))
    assert "more than 10 redirects" in str(error)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.mp4", "file:///etc/passwd"])
def test_unsupported_clip_url_is_an_error_without_network(tmp_path: Path, url: str) -> None:
    error = only_error(run(one_clip(tmp_path, url)))
    assert "only https:// links can be fetched" in str(error)
    assert error.entry == "entries/sparks.yml"


def test_http_needs_allow_http(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/plain.mp4", ok(BODY))
    magazine = make_magazine(tmp_path, make_entry("sparks", Clip(url=url)), allow_http=False)
    error = only_error(run(magazine))
    assert "allow_http" in str(error)
    assert clip_server.hits == {}


def test_declared_checksum_mismatch_is_an_error(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/other.mp4", ok(BODY))
    pin = sha256(b"something else")
    error = only_error(run(one_clip(tmp_path, url, pin=pin)))
    assert f"sha256 mismatch: declared {pin}, downloaded {sha256(BODY)}" in str(error)
    assert str(error).startswith("entries/sparks.yml: clips[0].url:")
    assert archived_files(tmp_path) == []
    assert not (tmp_path / "magazine.lock").exists()


def test_mismatch_keeps_the_previously_verified_copy(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve("/pinned.mp4", ok(BODY))
    magazine = one_clip(tmp_path, url, pin=sha256(BODY))
    first = run(magazine)
    lock_text = (tmp_path / "magazine.lock").read_text(encoding="utf-8")

    clip_server.serve("/pinned.mp4", ok(clip_bytes(20_000, "re-encoded")))
    second = run(magazine, force=True)

    (error,) = second.errors
    assert "sha256 mismatch" in str(error) and "previously verified copy is kept" in str(error)
    assert second.sources == first.sources
    assert first.sources[REF].read_bytes() == BODY
    assert (tmp_path / "magazine.lock").read_text(encoding="utf-8") == lock_text
    assert archived_files(tmp_path) == [first.sources[REF]]


@pytest.mark.parametrize("code", [403, 404, 410])
def test_expired_link_with_archived_copy_is_a_warning(
    tmp_path: Path, clip_server: ClipServer, code: int
) -> None:
    url = clip_server.serve("/signed.mp4", sequence(ok(BODY), status(code)))
    magazine = one_clip(tmp_path, url)
    first = run(magazine)

    second = run(magazine, force=True)

    assert second.errors == ()
    assert second.sources == first.sources
    (warning,) = second.warnings
    assert warning.startswith("entries/sparks.yml: clips[0].url:")
    assert f"HTTP {code}" in warning and "using the archived copy" in warning
    assert clip_server.hits["/signed.mp4"] == 2


def test_expired_link_with_lock_missing_uses_the_pinned_archived_copy(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve("/signed.mp4", sequence(ok(BODY), status(410)))
    magazine = one_clip(tmp_path, url, pin=sha256(BODY))
    run(magazine)
    (tmp_path / "magazine.lock").unlink()

    result = run(magazine)

    assert result.errors == () and len(result.warnings) == 1
    assert result.sources[REF].read_bytes() == BODY


def test_expired_link_without_copy_is_an_error(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/gone.mp4", status(410))
    error = only_error(run(one_clip(tmp_path, url)))
    assert "expired" in str(error) and "the archive has no copy" in str(error)
    assert error.url == url
    assert clip_server.hits["/gone.mp4"] == 1  # a gone link is not retried


def test_lost_archive_is_refetched_and_verified_against_the_lock(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    url = clip_server.serve("/clip.mp4", ok(BODY))
    magazine = one_clip(tmp_path, url)
    run(magazine)
    lock_text = (tmp_path / "magazine.lock").read_text(encoding="utf-8")
    shutil.rmtree(tmp_path / ".magazine")  # a fresh clone, or a CI cache miss

    again = run(magazine)
    assert again.sources[REF].read_bytes() == BODY and again.downloaded == 1
    assert (tmp_path / "magazine.lock").read_text(encoding="utf-8") == lock_text

    shutil.rmtree(tmp_path / ".magazine")
    clip_server.serve("/clip.mp4", ok(clip_bytes(20_000, "changed")))
    error = only_error(run(magazine))
    assert f"sha256 mismatch: recorded in the lock file {sha256(BODY)}" in str(error)
    assert (tmp_path / "magazine.lock").read_text(encoding="utf-8") == lock_text


def test_lost_archive_and_expired_link_is_an_error(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/clip.mp4", sequence(ok(BODY), status(403)))
    magazine = one_clip(tmp_path, url)
    run(magazine)
    shutil.rmtree(tmp_path / ".magazine")
    error = only_error(run(magazine))
    assert "HTTP 403" in str(error) and "no copy" in str(error)
    assert len(read_lock(tmp_path)) == 1  # the record stays: the writer may restore the file


def test_query_string_secrets_never_leak(tmp_path: Path, clip_server: ClipServer) -> None:
    secret = "Signature=SECRETabc123&X-Amz-Credential=KEY987"
    clip_server.serve("/ok.mp4", ok(BODY, etag='"s"'))
    clip_server.serve("/gone.mp4", status(404))
    clip_server.serve("/away.mp4", redirect(f"ftp://127.0.0.1/x.mp4?{secret}"))
    clip_server.serve("/cut.mp4", cut_off(BODY, 100, etag='"c"'))
    refused = "http://127.0.0.1:1/closed.mp4"  # nothing listens on port 1
    entries = [
        make_entry(f"e{i}", Clip(url=f"{base}?{secret}"), day=i + 1)
        for i, base in enumerate(
            [clip_server.base + p for p in ("/ok.mp4", "/gone.mp4", "/away.mp4", "/cut.mp4")]
            + [refused]
        )
    ]
    result = run(make_magazine(tmp_path, *entries, retries=1))

    assert len(result.sources) == 1 and len(result.errors) == 4
    assert clip_server.requests_for("/ok.mp4")[0].query == secret  # the full URL was used
    texts = [str(e) for e in result.errors] + [e.url for e in result.errors]
    texts.append((tmp_path / "magazine.lock").read_text(encoding="utf-8"))
    texts += [p.read_text() for p in (tmp_path / ".magazine").rglob("*.json")]
    for text in texts:
        assert "SECRET" not in text and "KEY987" not in text, text
    assert any("127.0.0.1:1/closed.mp4" in t for t in texts)


def test_several_downloads_run_concurrently(tmp_path: Path, clip_server: ClipServer) -> None:
    barrier = threading.Barrier(3, timeout=5)

    def together(body: bytes) -> object:
        def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
            barrier.wait()  # only passes when three requests are in flight at once
            ok(body)(handler, hit)

        return respond

    bodies = {f"/c{i}.mp4": clip_bytes(3000, str(i)) for i in range(3)}
    for path, body in bodies.items():
        clip_server.serve(path, together(body))  # type: ignore[arg-type]
    entries = [
        make_entry(f"e{i}", Clip(url=clip_server.base + path)) for i, path in enumerate(bodies)
    ]
    result = run(make_magazine(tmp_path, *entries, concurrency=3, retries=0))

    assert result.errors == () and result.downloaded == 3
    for i, body in enumerate(bodies.values()):
        assert result.sources[ClipRef(f"e{i}", 0)].read_bytes() == body


def test_shared_url_is_downloaded_once(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/shared.mp4", ok(BODY))
    magazine = make_magazine(
        tmp_path, make_entry("a", Clip(url=url)), make_entry("b", Clip(file="x.mp4"), Clip(url=url))
    )
    result = run(magazine)
    assert result.sources[ClipRef("a", 0)] == result.sources[ClipRef("b", 1)]
    assert clip_server.hits["/shared.mp4"] == 1 and result.downloaded == 2


def test_offline_uses_the_archive_only(tmp_path: Path, clip_server: ClipServer) -> None:
    have = clip_server.serve("/have.mp4", ok(BODY))
    missing = clip_server.serve("/missing.mp4", ok(BODY[:100]))
    run(make_magazine(tmp_path, make_entry("have", Clip(url=have))))
    lock_text = (tmp_path / "magazine.lock").read_text(encoding="utf-8")
    hits = dict(clip_server.hits)

    magazine = make_magazine(
        tmp_path,
        make_entry("have", Clip(url=have)),
        make_entry("lacking", Clip(url=missing), day=2),
    )
    result = run(magazine, offline=True)

    assert result.sources[ClipRef("have", 0)].read_bytes() == BODY
    (error,) = result.errors
    assert error.entry == "entries/lacking.yml" and "offline" in str(error)
    assert clip_server.hits == hits
    assert (tmp_path / "magazine.lock").read_text(encoding="utf-8") == lock_text


def test_stale_lock_records_are_dropped(tmp_path: Path, clip_server: ClipServer) -> None:
    old = clip_server.serve("/old.mp4", ok(BODY))
    new = clip_server.serve("/new.mp4", ok(BODY[:5000]))
    run(make_magazine(tmp_path, make_entry("a", Clip(url=old))))
    run(make_magazine(tmp_path, make_entry("a", Clip(url=new))))
    assert [r["url"] for r in read_lock(tmp_path).values()] == [new]


def test_plain_progress_reports_bytes(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/sparks.mp4", ok(BODY))
    out = io.StringIO()
    fetch_clips(one_clip(tmp_path, url), progress=PlainProgress(out))
    assert out.getvalue() == "  done: sparks: sparks.mp4 (19.5 KiB)\n"


def test_plain_progress_says_done_only_for_success(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/cut.mp4", cut_off(BODY, 500))
    out = io.StringIO()
    fetch_clips(one_clip(tmp_path, url, retries=0), progress=PlainProgress(out))
    assert "done" not in out.getvalue()


def test_invalid_url_is_an_error(tmp_path: Path) -> None:
    error = only_error(run(one_clip(tmp_path, "https://cdn.example:b:c/x.mp4")))
    assert "not a valid URL" in str(error)


@pytest.mark.parametrize("allow_http", [False, True])
def test_https_to_http_downgrade_is_refused(
    tmp_path: Path, clip_server: ClipServer, tls_clip_server: ClipServer, allow_http: bool
) -> None:
    plain = clip_server.serve("/plain.mp4", ok(BODY))
    url = tls_clip_server.serve("/secure.mp4", redirect(plain + "?token=SECRET"))
    magazine = make_magazine(tmp_path, make_entry("sparks", Clip(url=url)), allow_http=allow_http)
    error = only_error(run(magazine))
    assert f"redirected from https:// to http:// ({plain})" in str(error)
    assert "SECRET" not in str(error)
    assert clip_server.hits == {}
    assert tls_clip_server.hits["/secure.mp4"] == 1


def test_later_build_ignores_an_expired_link(tmp_path: Path, clip_server: ClipServer) -> None:
    url = clip_server.serve("/signed.mp4", sequence(ok(BODY), status(403)))
    magazine = one_clip(tmp_path, url)
    first = run(magazine)
    later = run(magazine)
    assert later == FetchResult(first.sources, (), (), 0, 1)
    assert clip_server.hits["/signed.mp4"] == 1


def test_changed_file_between_attempts_restarts_from_zero(
    tmp_path: Path, clip_server: ClipServer
) -> None:
    new = clip_bytes(20_000, "v2")
    url = clip_server.serve(
        "/moving.mp4", sequence(cut_off(BODY, 8000, etag='"v1"'), ok(new, etag='"v2"'))
    )
    result = run(one_clip(tmp_path, url))
    assert result.sources[REF].read_bytes() == new  # not BODY[:8000] + new[8000:]
    assert clip_server.requests_for("/moving.mp4")[1].headers["If-Range"] == '"v1"'
