"""`magazine media push` and `media gc` against a real SeaweedFS, and through a proxy that
misbehaves: every fault is one clear line, exit 1, and nothing published."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.progress import SilentProgress
from generator.settings import Settings, StoreSettings
from generator.site.manifest import CACHE_CONTROL, CONTENT_TYPES, MediaManifest, MediaObject
from generator.site.push import push_media
from tests import store_fixtures
from tests.build_fixtures import command, environment, invoke
from tests.magazine_fixtures import DELIVERED, MKDOCS, write_magazine
from tests.media_fixtures import X264, run, sine
from tests.media_fixtures import testsrc as pattern
from tests.store_fixtures import (
    BUCKET,
    FaultProxy,
    Seaweed,
    admin,
    free_ports,
    media_urls,
)

pytestmark = pytest.mark.usefixtures("english_messages")  # the rules, in English words

PREFIX = "mag/"
FAST = "    store: {retries: 2, backoff: 0.01, connect_timeout: 2, read_timeout: 2}\n"


def hosted_mkdocs(seaweed: Seaweed, store: str = f"s3://{BUCKET}/{PREFIX}") -> str:
    """The small magazine's mkdocs.yml with its media on the store (read anonymously).

    The magazine is English: these tests name the store's rules in their English words (the
    Korean ones are in `tests/test_messages_commands.py`).
    """
    bucket_and_prefix = store.removeprefix("s3://")
    return MKDOCS.replace("  language: ko\n", "  language: en\n").replace(
        "    timezone: Asia/Seoul\n",
        "    timezone: Asia/Seoul\n"
        f"    media_store: {store}\n"
        f"    media_base_url: {seaweed.endpoint}/{bucket_and_prefix}\n"
        "    media: {preset: ultrafast}\n" + FAST,
    )


def stored(seaweed: Seaweed, prefix: str = PREFIX) -> dict[str, int]:
    return store_fixtures.stored(seaweed, prefix)


def empty(seaweed: Seaweed, prefix: str = PREFIX) -> None:
    store_fixtures.empty(seaweed, prefix)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, seaweed: Seaweed) -> Path:
    """The small magazine with two clips, built once with its media on the store."""
    folder = tmp_path_factory.mktemp("hosted")
    root = folder / "mag"
    run(*pattern("320x180", 2), *sine(2), *X264, "-pix_fmt", "yuv420p", str(folder / "a.mp4"))
    run(*pattern("180x320", 1), *X264, "-pix_fmt", "yuv420p", str(folder / "b.mp4"))
    files = {
        "entries/2025/01/media/sparks-sora.mp4": (folder / "a.mp4").read_bytes(),
        "entries/2025/01/media/sparks-kling.mp4": (folder / "b.mp4").read_bytes(),
    }
    entries = {
        "2025/01/sora.yml": DELIVERED,
        "2025/01/kling.yml": DELIVERED.replace("service: sora", "service: kling").replace(
            "sparks-sora.mp4", "sparks-kling.mp4"
        ),
    }
    write_magazine(root, entries, mkdocs=hosted_mkdocs(seaweed), files=files)
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    return root


@pytest.fixture
def hosted(built: Path, tmp_path: Path, seaweed: Seaweed, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built magazine, an empty prefix in the store, and the store's keys set."""
    root = tmp_path / "mag"
    shutil.copytree(built, root, symlinks=True)
    empty(seaweed)
    for name, value in seaweed.environment().items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    return root


def one_line_failure(result: Any) -> str:
    """The error line of a failed command (exit 1, no traceback)."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


# ---------------------------------------------------------------- the happy path


def test_push_uploads_what_the_pages_load_and_a_second_push_uploads_nothing(
    hosted: Path, seaweed: Seaweed
) -> None:
    base = f"{seaweed.endpoint}/{BUCKET}/{PREFIX}"
    site = hosted / "site"
    assert not (site / "media").exists()
    urls = media_urls(site, base)
    assert len(urls) >= 6  # two clips: video, poster, preview, sheet each

    first = invoke(hosted, "media", "push")
    assert first.exit_code == 0, first.output + first.stderr
    keys = {PREFIX + url.removeprefix(base) for url in urls}
    assert set(stored(seaweed)) == keys
    assert f"uploaded {len(keys)} objects" in first.output
    assert f"all {len(keys)} verified" in first.output

    for url in sorted(urls):  # read anonymously, as a reader's browser does
        with urllib.request.urlopen(url, timeout=10) as answer:
            body = answer.read()
            assert answer.headers["Content-Type"] == CONTENT_TYPES[url.rsplit(".", 1)[1]]
            assert answer.headers["Cache-Control"] == CACHE_CONTROL
        local = hosted / ".magazine" / "media-upload" / url.removeprefix(base)
        assert body == local.read_bytes()

    second = invoke(hosted, "media", "push")
    assert second.exit_code == 0, second.output + second.stderr
    assert "uploaded nothing" in second.output
    assert f"{len(keys)} already there" in second.output


def test_the_build_says_what_the_store_will_hold_and_weighs_only_the_pages(
    built: Path, seaweed: Seaweed
) -> None:
    result = invoke(built, "build")
    assert result.exit_code == 0, result.output + result.stderr
    line = next(line for line in result.output.splitlines() if "media store" in line)
    assert f"s3://{BUCKET}/{PREFIX}" in line
    sizes = re.search(r"site size: \S+ \S+ in (\d+) files", result.output)
    assert sizes is not None
    site_files = sum(1 for path in (built / "site").rglob("*") if path.is_file())
    assert int(sizes.group(1)) < site_files + 1  # pages and assets, no media
    largest = re.findall(r"(?m)^ +[\d.,]+ [KMG]?i?B  (\S+)$", result.output)
    assert largest and not [path for path in largest if path.startswith("media/")]


def test_an_object_changed_in_the_store_is_sent_again(hosted: Path, seaweed: Seaweed) -> None:
    assert invoke(hosted, "media", "push").exit_code == 0
    key = sorted(stored(seaweed))[0]
    admin(seaweed).put_object(Bucket=BUCKET, Key=key, Body=b"not the clip")
    again = invoke(hosted, "media", "push")
    assert again.exit_code == 0, again.output + again.stderr
    assert "uploaded 1 object " in again.output
    assert stored(seaweed)[key] > len(b"not the clip")


def test_an_object_with_the_wrong_type_is_sent_again(hosted: Path, seaweed: Seaweed) -> None:
    assert invoke(hosted, "media", "push").exit_code == 0
    key = next(k for k in sorted(stored(seaweed)) if k.endswith(".mp4"))
    client = admin(seaweed)
    body = client.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    client.put_object(Bucket=BUCKET, Key=key, Body=body, ContentType="text/html")
    again = invoke(hosted, "media", "push")
    assert again.exit_code == 0, again.output + again.stderr
    assert "uploaded 1 object " in again.output
    assert client.head_object(Bucket=BUCKET, Key=key)["ContentType"] == "video/mp4"


def test_push_before_any_build_or_after_a_settings_change_asks_for_a_build(
    hosted: Path, seaweed: Seaweed
) -> None:
    (hosted / ".magazine" / "media-store.json").unlink()
    assert "run `magazine build` first" in one_line_failure(invoke(hosted, "media", "push"))
    config = hosted / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(f"/{PREFIX}", "/other/"), encoding="utf-8")
    invoke(hosted, "build", "-q")
    config.write_text(config.read_text("utf-8").replace("/other/", f"/{PREFIX}"), encoding="utf-8")
    assert "another media_store" in one_line_failure(invoke(hosted, "media", "push"))
    assert stored(seaweed) == {}


def test_without_media_store_push_if_configured_does_nothing(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "plain")
    result = invoke(root, "media", "push", "--if-configured")
    assert result.exit_code == 0, result.output + result.stderr
    assert "nothing to push" in result.output
    plain = invoke(root, "media", "push")
    assert plain.exit_code == 2 and "media_store is not set" in plain.stderr


# ---------------------------------------------------------------- faults


def test_wrong_credentials_are_one_line_naming_the_credentials(
    hosted: Path, seaweed: Seaweed, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    line = one_line_failure(invoke(hosted, "media", "push"))
    assert "HTTP 403" in line and "AWS_SECRET_ACCESS_KEY" in line
    assert stored(seaweed) == {}


def test_no_credentials_at_all(hosted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    assert "no credentials" in one_line_failure(invoke(hosted, "media", "push"))


def test_a_bucket_that_does_not_exist(hosted: Path, seaweed: Seaweed) -> None:
    config = hosted / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(f"/{BUCKET}/", "/no-such-bucket/"), encoding="utf-8"
    )
    assert invoke(hosted, "build", "-q").exit_code == 0
    line = one_line_failure(invoke(hosted, "media", "push"))
    assert "'no-such-bucket' does not exist" in line


def test_an_endpoint_that_does_not_answer(hosted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [port] = free_ports(1)
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", f"http://127.0.0.1:{port}")
    line = one_line_failure(invoke(hosted, "media", "push"))
    assert f"cannot reach the media store at http://127.0.0.1:{port}" in line
    assert "gave up after 3 attempts" in line


def test_an_endpoint_that_accepts_and_never_answers(
    hosted: Path, fault_proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", fault_proxy.endpoint)
    fault_proxy.faults.hang = True
    line = one_line_failure(invoke(hosted, "media", "push"))
    assert "lost or timed out" in line and "gave up after 3 attempts" in line


def test_500s_are_retried_and_then_the_push_succeeds(
    hosted: Path, seaweed: Seaweed, fault_proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", fault_proxy.endpoint)
    fault_proxy.faults.fail_status, fault_proxy.faults.fail_times = 500, 2
    result = invoke(hosted, "media", "push")
    assert result.exit_code == 0, result.output + result.stderr
    assert [s for _, _, s in fault_proxy.faults.seen].count(500) == 2
    assert len(stored(seaweed)) >= 6


@pytest.mark.parametrize("status", [500, 503, 429])
def test_a_store_that_keeps_failing_gives_up_with_one_line(
    hosted: Path,
    seaweed: Seaweed,
    fault_proxy: FaultProxy,
    monkeypatch: pytest.MonkeyPatch,
    status: int,
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", fault_proxy.endpoint)
    fault_proxy.faults.fail_status, fault_proxy.faults.fail_times = status, -1
    line = one_line_failure(invoke(hosted, "media", "push"))
    assert f"HTTP {status}" in line and "gave up after 3 attempts" in line
    assert stored(seaweed) == {}


def test_dropped_connections_are_retried_and_then_the_push_succeeds(
    hosted: Path, seaweed: Seaweed, fault_proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", fault_proxy.endpoint)
    fault_proxy.faults.drop_times = 2
    result = invoke(hosted, "media", "push")
    assert result.exit_code == 0, result.output + result.stderr
    assert fault_proxy.faults.drop_times == 0
    second = invoke(hosted, "media", "push")
    assert "uploaded nothing" in second.output


def test_connections_dropped_every_time_give_up_with_one_line(
    hosted: Path, seaweed: Seaweed, fault_proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", fault_proxy.endpoint)
    fault_proxy.faults.drop_times = 1000
    line = one_line_failure(invoke(hosted, "media", "push"))
    assert "lost or timed out" in line and "gave up after 3 attempts" in line


def test_a_store_that_reports_another_size_fails_the_push(
    hosted: Path, fault_proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", fault_proxy.endpoint)
    fault_proxy.faults.lie_about_size = True
    line = one_line_failure(invoke(hosted, "media", "push"))
    assert re.search(r"the store reports [\d,]+ bytes, but [\d,]+ were sent", line), line
    assert f"s3://{BUCKET}/{PREFIX}media/" in line


def test_a_push_killed_mid_upload_is_completed_by_the_next(
    hosted: Path, seaweed: Seaweed, fault_proxy: FaultProxy
) -> None:
    config = hosted / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("retries: 2,", "concurrency: 1, retries: 2,"),
        encoding="utf-8",
    )
    assert invoke(hosted, "build", "-q").exit_code == 0
    fault_proxy.faults.put_delay = 0.2  # per 64 KiB: a slow link, so the kill lands mid-body
    env = {**environment(), **seaweed.environment(fault_proxy.endpoint)}
    child = subprocess.Popen(
        command(hosted, "media", "push", "-q"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while sum(1 for m, _, s in fault_proxy.faults.seen if m == "PUT" and s == 200) < 2:
        assert time.monotonic() < deadline and child.poll() is None, "the push ended too soon"
        time.sleep(0.01)
    time.sleep(0.05)  # into the next object's body
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    while fault_proxy.faults.active:  # what the proxy was relaying has reached the store
        assert time.monotonic() < deadline
        time.sleep(0.01)
    child.stdout.close()  # type: ignore[union-attr]
    child.stderr.close()  # type: ignore[union-attr]
    before = stored(seaweed)
    assert before  # some objects went up whole ...
    manifest = (hosted / ".magazine" / "media-upload").rglob("*")
    expected = {
        PREFIX + p.relative_to(hosted / ".magazine" / "media-upload").as_posix(): p
        for p in manifest
        if p.is_file()
    }
    assert len(before) < len(expected)  # ... and not all of them
    for key, size in before.items():  # the store kept no half object
        assert size == expected[key].stat().st_size

    fault_proxy.faults.put_delay = 0
    again = invoke(hosted, "media", "push")
    assert again.exit_code == 0, again.output + again.stderr
    assert f"{len(before)} already there" in again.output
    assert set(stored(seaweed)) == set(expected)


# ---------------------------------------------------------------- gc


def test_gc_lists_what_no_page_loads_and_deletes_only_when_told(
    hosted: Path, seaweed: Seaweed
) -> None:
    assert invoke(hosted, "media", "push").exit_code == 0
    referenced = set(stored(seaweed))
    client = admin(seaweed)
    client.put_object(Bucket=BUCKET, Key=f"{PREFIX}media/0123456789/old.mp4", Body=b"old")
    client.put_object(Bucket=BUCKET, Key="elsewhere/keep.mp4", Body=b"not ours")

    listed = invoke(hosted, "media", "gc")
    assert listed.exit_code == 0, listed.output + listed.stderr
    assert f"{PREFIX}media/0123456789/old.mp4" in listed.output
    assert "elsewhere" not in listed.output and "1 objects" in listed.output
    assert len(stored(seaweed)) == len(referenced) + 1

    refused = CliRunnerInput.invoke(hosted, "n\n", "media", "gc", "--delete")
    assert refused.exit_code == 0 and len(stored(seaweed)) == len(referenced) + 1

    deleted = invoke(hosted, "media", "gc", "--delete", "--yes")
    assert deleted.exit_code == 0, deleted.output + deleted.stderr
    assert "deleted 1 objects" in deleted.output
    assert set(stored(seaweed)) == referenced
    assert stored(seaweed, "elsewhere/") == {"elsewhere/keep.mp4": 8}
    client.delete_object(Bucket=BUCKET, Key="elsewhere/keep.mp4")


class CliRunnerInput:
    """`magazine` in this process with text on its standard input."""

    @staticmethod
    def invoke(root: Path, text: str, *args: str) -> Any:
        from click.testing import CliRunner

        from generator.cli import main

        return CliRunner().invoke(main, ["--root", str(root), *args], input=text)


# ---------------------------------------------------------------- multipart


@pytest.fixture
def store_env(seaweed: Seaweed, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in seaweed.environment().items():
        monkeypatch.setenv(name, value)
    yield


def test_large_files_go_up_in_parts_and_are_recognised_next_time(
    tmp_path: Path, seaweed: Seaweed, store_env: None
) -> None:
    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(11 * 1024**2 + 5))
    small = tmp_path / "poster.jpg"
    small.write_bytes(os.urandom(1000))
    prefix = "parts/"
    settings = Settings(
        media_store=f"s3://{BUCKET}/{prefix}",
        media_base_url=f"{seaweed.endpoint}/{BUCKET}/{prefix}",
        store=StoreSettings(multipart_bytes=5 * 1024**2, part_bytes=5 * 1024**2, backoff=0),
    )
    manifest = MediaManifest(
        str(settings.media_store),
        str(settings.media_base_url),
        (
            MediaObject("media/abcdef/video.mp4", big, big.stat().st_size, "video/mp4"),
            MediaObject("media/abcdef/poster.jpg", small, 1000, "image/jpeg"),
        ),
    )
    empty(seaweed, prefix)
    first = push_media(manifest, settings, progress=SilentProgress())
    assert (first.uploaded, first.present, first.verified) == (2, 0, 2)
    head = admin(seaweed).head_object(Bucket=BUCKET, Key=f"{prefix}media/abcdef/video.mp4")
    assert head["ETag"].strip('"').endswith("-3")
    assert head["ContentLength"] == big.stat().st_size
    assert head["CacheControl"] == CACHE_CONTROL
    second = push_media(manifest, settings, progress=SilentProgress())
    assert (second.uploaded, second.present) == (0, 2)
    empty(seaweed, prefix)


# ---------------------------------------------------------------- secrets and publishing


def test_the_credentials_reach_no_file_and_no_message(
    hosted: Path, seaweed: Seaweed, fault_proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def run_all(*args: str) -> None:
        result = invoke(hosted, *args)
        said.append(result.output + result.stderr)

    run_all("build")
    run_all("media", "push")
    run_all("media", "push", "-q")
    run_all("media", "gc")
    run_all("media", "gc", "--delete", "--yes")
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", fault_proxy.endpoint)
    fault_proxy.faults.fail_status, fault_proxy.faults.fail_times = 500, -1
    empty(seaweed)
    run_all("-v", "media", "push")
    fault_proxy.faults.fail_status = 0
    fault_proxy.faults.lie_about_size = True
    run_all("-v", "media", "push")
    # An endpoint written with a user and password: the messages show the host only.
    monkeypatch.setenv(
        "AWS_ENDPOINT_URL_S3",
        f"http://{seaweed.access_key}:{seaweed.secret_key}@127.0.0.1:{free_ports(1)[0]}",
    )
    run_all("-v", "media", "push")
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", seaweed.endpoint)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", seaweed.secret_key + "x")
    run_all("-v", "media", "push")

    assert len(said) == 9
    secrets = (seaweed.access_key, seaweed.secret_key)
    for text in said:
        assert not [s for s in secrets if s in text], text
    for path in hosted.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            assert not [s for s in secrets if s.encode() in data], path


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def test_deploy_pushes_the_media_before_the_pages_and_publishes_nothing_when_it_fails(
    hosted: Path, seaweed: Seaweed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = tmp_path / "remote.git"
    _git(tmp_path, "init", "-q", "--bare", str(bare))
    _git(hosted, "init", "-q", "-b", "main")
    _git(hosted, "remote", "add", "origin", str(bare))
    for name, value in (("user.name", "Writer"), ("user.email", "writer@example.org")):
        _git(hosted, "config", name, value)

    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    refused = invoke(hosted, "deploy", "--offline")
    assert "HTTP 403" in one_line_failure(refused)
    assert _git(bare, "branch", "--list") == ""  # no pages were published

    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", seaweed.secret_key)
    published = invoke(hosted, "deploy", "--offline")
    assert published.exit_code == 0, published.output + published.stderr
    assert "gh-pages" in _git(bare, "branch", "--list")
    assert "all " in published.output + published.stderr
    pages = _git(bare, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "index.html" in pages and not [p for p in pages if p.startswith("media/")]
    assert len(stored(seaweed)) >= 6
