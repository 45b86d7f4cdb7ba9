"""A full disk: one clear message and exit 1, the previous site and the writer's files intact.

The disk fills up in a child process limited with `RLIMIT_FSIZE`: a write past the limit fails
with EFBIG and leaves the file cut at the limit, exactly what a full disk does to a writer that
is not atomic (see FACTS.md). A small tmpfs is used too where this machine may mount one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.media.lockfile import Lock, render_lock
from generator.schema import schema_text
from tests.build_fixtures import (
    REPOSITORY,
    command,
    environment,
    run_magazine,
    write_small_magazine,
    writer_digest,
)
from tests.http_fixtures import ClipServer, clip_bytes, ok
from tests.site_fixtures import tree_digest

# The disk is filled with a POSIX file-size limit (and a Linux tmpfs): on Windows there is
# neither, so these tests are skipped there with that reason.
resource = pytest.importorskip("resource", reason="RLIMIT_FSIZE exists on POSIX systems only")


def limited(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_limited(root: Path, *args: str, limit: int) -> subprocess.CompletedProcess[str]:
    """`magazine ARGS` in a child that cannot write more than `limit` bytes to any file."""
    return subprocess.run(
        command(root, *args),
        capture_output=True,
        text=True,
        check=False,
        cwd=REPOSITORY,
        env=environment(),
        preexec_fn=limited(limit),
    )


def assert_one_clear_message(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "File too large" in result.stderr or "No space left" in result.stderr, result.stderr


def leftovers(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.tmp")
        if ".magazine" not in p.relative_to(root).parts
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A magazine built once without limits, to be copied by each test."""
    root = write_small_magazine(tmp_path_factory.mktemp("full") / "mag")
    result = run_magazine(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def magazine(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "mag"
    shutil.copytree(built, root, symlinks=True)
    return root


def test_a_build_on_a_full_disk_keeps_the_previous_site(magazine: Path) -> None:
    entry = magazine / "entries/2025/02/runway.yml"
    entry.write_text(entry.read_text("utf-8").replace("Paper boat", "Paper ship"), encoding="utf-8")
    site, writer = tree_digest(magazine / "site"), writer_digest(magazine)

    result = run_limited(magazine, "build", limit=16_000)

    assert_one_clear_message(result)
    # In the magazine's language (Korean): nothing published, the old site and files kept.
    assert "아무것도 게시하지 않았고, 이전 사이트와 작성한 파일은 그대로입니다" in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("오류:")]
    assert len(errors) == 1, result.stderr
    assert tree_digest(magazine / "site") == site
    assert writer_digest(magazine) == writer
    assert run_magazine(magazine, "build").returncode == 0  # and the next build is whole


@pytest.mark.parametrize("schema_present", [True, False])
def test_a_new_entry_on_a_full_disk_leaves_no_half_file(
    magazine: Path, schema_present: bool
) -> None:
    schema = magazine / "entries/schema.json"
    if schema_present:
        schema.write_text(schema_text(), encoding="utf-8")
    else:
        schema.unlink(missing_ok=True)
    writer = writer_digest(magazine)

    result = run_limited(
        magazine, "new", "--service", "sora", "--prompt", "a lantern market " * 40, limit=200
    )

    assert_one_clear_message(result)
    assert writer_digest(magazine) == writer
    assert leftovers(magazine) == []


def test_schema_write_on_a_full_disk_keeps_the_old_schema(magazine: Path) -> None:
    schema = magazine / "entries/schema.json"
    schema.write_text('{"old": true}\n', encoding="utf-8")

    result = run_limited(magazine, "schema", "--write", limit=1_000)

    assert_one_clear_message(result)
    assert schema.read_text("utf-8") == '{"old": true}\n'
    assert leftovers(magazine) == []


def test_a_fetch_on_a_full_disk_keeps_the_lock_file(magazine: Path) -> None:
    config = magazine / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("    timezone:", "    allow_http: true\n    timezone:"),
        encoding="utf-8",
    )
    (magazine / "magazine.lock").write_text(render_lock(Lock({})), encoding="utf-8")
    server = ClipServer()
    server.start()
    try:
        url = server.serve("/big.mp4", ok(clip_bytes(200_000)))
        runway = magazine / "entries/2025/02/runway.yml"
        runway.write_text(
            runway.read_text("utf-8").replace("  - file: media/runway.mp4", f"  - url: {url}"),
            encoding="utf-8",
        )
        writer = writer_digest(magazine)
        result = run_limited(magazine, "fetch", limit=50_000)
    finally:
        server.stop()

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "entries/2025/02/runway.yml:" in result.stderr and "File too large" in result.stderr
    assert writer_digest(magazine) == writer


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 24 MiB tmpfs, where this machine lets the tests mount one."""
    mount = tmp_path / "tmpfs"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root and the mount command")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_build_that_fills_a_small_tmpfs_keeps_the_previous_site(
    built: Path, small_tmpfs: Path
) -> None:
    root = small_tmpfs / "mag"
    shutil.copytree(built, root, symlinks=True)
    entry = root / "entries/2025/02/runway.yml"
    entry.write_text(entry.read_text("utf-8").replace("Paper boat", "Paper ship"), "utf-8")
    site, writer = tree_digest(root / "site"), writer_digest(root)
    filler = small_tmpfs / "filler"
    free = shutil.disk_usage(small_tmpfs).free
    filler.write_bytes(b"\0" * max(0, free - 100_000))

    result = run_magazine(root, "build")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(root / "site") == site
    assert writer_digest(root) == writer
