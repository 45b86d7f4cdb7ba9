"""`magazine build` as a writer runs it: exit status, problems, a kept site, kills mid-build."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.build_fixtures import (
    REPOSITORY,
    article,
    command,
    environment,
    invoke,
    make_clip,
    run_magazine,
    write_small_magazine,
    writer_digest,
)
from tests.http_fixtures import ClipServer, ok
from tests.site_fixtures import tree_digest

pytestmark = pytest.mark.slow

LOCATED = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<field>[^:]+): .+")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small magazine, built once; tests break it, check the site survives, then mend it."""
    root = write_small_magazine(tmp_path_factory.mktemp("cli") / "mag")
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    return root


@contextmanager
def changed(path: Path, text: str | bytes) -> Iterator[None]:
    """Replace a file's content for the duration, then put the original back."""
    original = path.read_bytes() if path.exists() else None
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    try:
        yield
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


def located(stderr: str) -> list[dict[str, str]]:
    return [m.groupdict() for line in stderr.splitlines() if (m := LOCATED.match(line))]


def test_content_problems_exit_1_all_located_and_the_site_is_kept(good: Path) -> None:
    site = tree_digest(good / "site")
    sora = good / "entries/2025/01/sora.yml"
    kling = good / "entries/2025/01/kling.yml"
    bad_sora = sora.read_text("utf-8").replace("quality: 4", "quality: 9")
    bad_kling = kling.read_text("utf-8") + "colour: red\n"
    with changed(sora, bad_sora), changed(kling, bad_kling):
        done = run_magazine(good, "build", "-q")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    problems = located(done.stderr)
    assert [(p["path"], p["field"]) for p in problems] == [
        ("entries/2025/01/kling.yml", "colour"),
        ("entries/2025/01/sora.yml", "ratings.quality"),
    ]
    assert problems[0]["line"] == "10" and problems[1]["line"] == "14"
    assert done.stderr.rstrip().endswith("문제 2개")  # a Korean magazine
    assert tree_digest(good / "site") == site


def test_broken_clips_exit_1_each_located_and_the_site_is_kept(good: Path) -> None:
    site = tree_digest(good / "site")
    sora = good / "entries/2025/01/media/sora.mp4"
    runway = good / "entries/2025/02/media/runway.mp4"
    with changed(sora, sora.read_bytes()[:2000]), changed(runway, b"not a video at all\n"):
        result = invoke(good, "build", "-q")
    assert result.exit_code == 1
    problems = located(result.stderr)
    assert [(p["path"], p["line"], p["col"], p["field"]) for p in problems] == [
        ("entries/2025/01/sora.yml", "12", "11", "clips[0].file"),
        ("entries/2025/02/runway.yml", "10", "11", "clips[0].file"),
    ]
    assert "결과물 2개를 처리하지 못해 사이트를 게시하지 않았습니다" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(good / "site") == site


def test_a_strict_mkdocs_warning_in_a_writer_page_exits_1_located(good: Path) -> None:
    site = tree_digest(good / "site")
    about = good / "docs/about.md"
    with changed(about, "# About\n\nOlder trials are [here](archive.md).\n"):
        result = invoke(good, "build", "-q")
        assert result.exit_code == 1
        assert located(result.stderr) == [
            {"path": "docs/about.md", "line": "3", "col": "25", "field": "link"}
        ], result.stderr
        assert "archive.md" in result.stderr
    shutil.rmtree(good / "docs")
    assert tree_digest(good / "site") == site


def test_verbose_shows_the_traceback(good: Path) -> None:
    sora = good / "entries/2025/01/sora.yml"
    with changed(sora, sora.read_text("utf-8").replace("quality: 4", "quality: 9")):
        done = run_magazine(good, "-v", "build", "-q")
    assert done.returncode == 1
    assert "Traceback" in done.stderr
    assert "ratings.quality" in done.stderr


def test_usage_errors_exit_2_without_a_traceback(good: Path, tmp_path: Path) -> None:
    unknown = run_magazine(good, "build", "--no-such-option")
    assert unknown.returncode == 2
    assert "사용법 오류: 그런 옵션은 없습니다: --no-such-option" in unknown.stderr  # Korean
    (tmp_path / "empty").mkdir()
    for verbose in ((), ("-v",)):
        done = subprocess.run(
            command(tmp_path / "empty", *verbose, "build"),
            capture_output=True,
            text=True,
            check=False,
            cwd=REPOSITORY,
            env=environment(),
        )
        assert done.returncode == 2
        assert "has no mkdocs.yml" in done.stderr
        assert ("Traceback" in done.stderr) == bool(verbose)


def kill_when(root: Path, ready: str) -> int:
    """Start a build, kill -9 it as soon as a path matching `ready` exists; its exit status."""
    process = subprocess.Popen(
        command(root, "build", "-q"),
        cwd=REPOSITORY,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while process.poll() is None:
            if any(root.glob(ready)):
                process.kill()
                break
        return process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_build_killed_midway_then_rebuilt_equals_a_clean_build(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    mkdocs = root / "mkdocs.yml"
    # A slower preset and more clips, so that there is a moment to kill the build in.
    mkdocs.write_text(mkdocs.read_text("utf-8").replace("preset: ultrafast", "preset: slow"))
    for number in range(3):
        make_clip(root / f"entries/2025/03/media/extra-{number}.mp4", size="320x240", seconds=2)
        (root / f"entries/2025/03/extra-{number}.yml").write_text(
            f"title: Extra {number}\nservice: runway\nprompt: extra {number}\n"
            f"submitted_at: 2025-03-0{number + 1}T09:00:00+09:00\nstatus: delivered\n"
            f"delivered_at: 2025-03-0{number + 1}T10:00:00+09:00\n"
            f"clips:\n  - file: media/extra-{number}.mp4\n",
            encoding="utf-8",
        )
    writer = writer_digest(root)
    kills = [
        kill_when(root, ".magazine/renditions/*/*"),  # while transcoding
        kill_when(root, ".magazine/*site.build*"),  # while MkDocs writes the site
    ]
    assert -9 in kills, kills  # at least one build was really killed mid-way
    assert run_magazine(root, "build", "-q").returncode == 0
    after_kills = tree_digest(root / "site")
    shutil.rmtree(root / "site")
    shutil.rmtree(root / ".magazine")
    assert run_magazine(root, "build", "-q").returncode == 0
    assert tree_digest(root / "site") == after_kills
    assert writer_digest(root) == writer


def test_a_served_clip_is_fetched_locked_rendered_then_built_offline(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("    timezone:", "    allow_http: true\n    timezone:"),
        encoding="utf-8",
    )
    clip = make_clip(tmp_path / "served.mp4", size="128x96").read_bytes()
    runway = root / "entries/2025/02/runway.yml"
    (root / "entries/2025/02/media/runway.mp4").unlink()
    server = ClipServer()
    server.start()
    try:
        url = server.serve("/files/boat.mp4", ok(clip))
        runway.write_text(
            runway.read_text("utf-8").replace(
                "  - file: media/runway.mp4", f"  - url: {url}?signature=secret"
            ),
            encoding="utf-8",
        )
        result = invoke(root, "build", "-q")
        assert result.exit_code == 0, result.output + result.stderr
        assert len(server.requests_for("/files/boat.mp4")) == 1
    finally:
        server.stop()
    lock = json.loads((root / "magazine.lock").read_text("utf-8"))
    [record] = lock["clips"].values()
    assert record["url"] == url  # recorded without the signature
    assert record["sha256"] == hashlib.sha256(clip).hexdigest()
    assert record["size"] == len(clip)
    assert "secret" not in (root / "magazine.lock").read_text("utf-8")

    def runway_video() -> Path:
        doc = article(root / "site", "trials/runway")
        source = doc.select_one("video source")
        assert source is not None
        return (root / "site/trials/runway" / str(source["src"])).resolve()

    assert runway_video().is_file()
    assert "128×96" in article(root / "site", "trials/runway").get_text()
    online = tree_digest(root / "site")
    lock_text = (root / "magazine.lock").read_bytes()
    shutil.rmtree(root / "site")
    # The server is gone: only the archived copy can serve the build.
    result = invoke(root, "build", "-q", "--offline")
    assert result.exit_code == 0, result.output + result.stderr
    assert tree_digest(root / "site") == online
    assert (root / "magazine.lock").read_bytes() == lock_text
    assert runway_video().is_file()
    assert "secret" not in "".join(p.read_text("utf-8") for p in (root / "site").rglob("*.html"))


@pytest.mark.parametrize("cache_dir", [".", "entries", "docs/cache", "../elsewhere"])
def test_a_cache_dir_over_the_writer_files_is_a_problem(tmp_path: Path, cache_dir: str) -> None:
    root = write_small_magazine(tmp_path / "mag")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "    timezone:", f"    cache_dir: {json.dumps(cache_dir)}\n    timezone:"
        ),
        encoding="utf-8",
    )
    result = invoke(root, "check")
    assert result.exit_code == 1
    [problem] = located(result.stderr)
    assert problem["path"] == "mkdocs.yml"
    assert "cache_dir" in result.stderr
