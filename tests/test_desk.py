"""The writer's desk: deliver, checked, mark and resend edit entries in place, comments kept."""

from __future__ import annotations

import difflib
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.source.entries import load_magazine
from tests.magazine_fixtures import MKDOCS, write_magazine

# A pending entry as a writer keeps it: comments everywhere, their own key order and quoting.
HANDWRITTEN = """\
# Kling, first try. The queue said "about 3 hours".
service: kling   # the free queue
title: 'Kling is still thinking'
prompt: |
  A mesmerizing shower of golden sparks swirls in slow motion.
  # not a comment: part of the prompt
submitted_at: 2025-01-03T10:05:00+09:00   # sent from my phone
promised_wait: "3h"
status: pending      # still nothing

# my notes while waiting
checked_at: 2025-01-05T10:05:00+09:00  # looked again on Sunday
verdict: 아직 아무것도 없다   # written while waiting
ratings: {quality: 1}
tags: [text-to-video]   # keep
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--root", str(root), *args])


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": HANDWRITTEN}, files={})
    return root


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines between two texts."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:] for line in diff if line.startswith("+ ")]
    return removed, added


def test_deliver_changes_only_its_lines_and_copies_the_clip(desk: Path, tmp_path: Path) -> None:
    clip = tmp_path / "Downloaded Clip.MP4"
    clip.write_bytes(b"clip bytes")
    entry = desk / "entries/2025/01/kling.yml"
    result = run(desk, "deliver", "kling", "--clip", str(clip), "--at", "2025-01-05T14:00")
    assert result.exit_code == 0, result.output
    after = entry.read_text(encoding="utf-8")
    removed, added = changed_lines(HANDWRITTEN, after)
    assert removed == [
        "status: pending      # still nothing",
        "checked_at: 2025-01-05T10:05:00+09:00  # looked again on Sunday",
    ]
    assert added == [
        "delivered_at: 2025-01-05T14:00:00+09:00",
        "status: delivered      # still nothing",
        "clips:",
        "  - file: media/kling.mp4",
    ]
    assert (desk / "entries/2025/01/media/kling.mp4").read_bytes() == b"clip bytes"
    lines = result.stdout.splitlines()
    assert "entries/2025/01/kling.yml: status: pending → delivered" in lines
    assert "entries/2025/01/kling.yml: checked_at 지움" in lines
    assert "Kling: 2일 3시간 (약속의 17×)" in lines
    assert any("한줄평과 평가" in line for line in lines)  # revise what was written waiting
    entry_loaded = load_magazine(desk).entry("kling")
    assert entry_loaded.status.value == "delivered"
    assert entry_loaded.clips[0].file == "media/kling.mp4"


def test_checked_and_mark_advance_the_wait_line(desk: Path) -> None:
    entry = desk / "entries/2025/01/kling.yml"
    result = run(desk, "checked", "entries/2025/01/kling.yml", "--at", "2025-01-06 10:05")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "Kling: 3일 넘게 기다리는 중 (약속의 24×)"
    removed, added = changed_lines(HANDWRITTEN, entry.read_text(encoding="utf-8"))
    assert removed == ["checked_at: 2025-01-05T10:05:00+09:00  # looked again on Sunday"]
    assert added == ["checked_at: 2025-01-06T10:05:00+09:00  # looked again on Sunday"]

    result = run(desk, "mark", "kling", "abandoned", "--at", "2025-01-07T10:05:00+09:00")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "Kling: 4일 기다리다 포기 (약속의 32×)"
    assert "status: abandoned      # still nothing\n" in entry.read_text(encoding="utf-8")


@pytest.mark.usefixtures("english_messages")  # the rule, in its English words
def test_entry_is_a_path_a_slug_or_a_service_with_one_open_attempt(desk: Path) -> None:
    second = HANDWRITTEN.replace("2025-01-03T10:05", "2025-01-04T10:05")
    (desk / "entries/2025/01/kling.yml").rename(desk / "entries/2025/01/first.yml")
    (desk / "entries/2025/01/second.yml").write_text(second, encoding="utf-8")
    result = run(desk, "checked", "kling", "--at", "2025-01-06T10:00")
    assert result.exit_code == 2
    assert "kling has 2 open attempts (first, second); name one" in result.stderr
    assert run(desk, "checked", "second", "--at", "2025-01-06T10:00").exit_code == 0
    assert run(desk, "mark", "second", "refused").exit_code == 0
    assert run(desk, "checked", "kling", "--at", "2025-01-06T10:00").exit_code == 0  # one open
    result = run(desk, "checked", "sora", "--at", "2025-01-06T10:00")
    assert result.exit_code == 2
    assert "no entry, slug or service 'sora'" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("english_messages")  # the rule, in its English words
def test_a_time_before_submission_or_without_offset_is_refused(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/kling.yml": HANDWRITTEN},
        mkdocs=MKDOCS.replace("    timezone: Asia/Seoul\n", "    {}\n"),
        files={},
    )
    before = (root / "entries/2025/01/kling.yml").read_bytes()
    result = run(root, "checked", "kling", "--at", "2025-01-06T10:00")
    assert result.exit_code == 2
    assert (
        "has no UTC offset" in result.stderr and "or set extra.magazine.timezone" in result.stderr
    )
    result = run(root, "checked", "kling", "--at", "2025-01-01T10:00:00+09:00")
    assert result.exit_code == 2
    assert "before submitted_at" in result.stderr
    assert (root / "entries/2025/01/kling.yml").read_bytes() == before


def test_a_file_with_problems_is_not_edited(desk: Path) -> None:
    entry = desk / "entries/2025/01/kling.yml"
    broken = HANDWRITTEN.replace("status: pending", "status: no")
    entry.write_text(broken, encoding="utf-8")
    result = run(desk, "checked", "entries/2025/01/kling.yml", "--at", "2025-01-06T10:00")
    assert result.exit_code == 2
    # In the magazine's language, each problem located as `check` locates it.
    first, problem = result.stderr.splitlines()
    assert first == (
        "사용법 오류: entries/2025/01/kling.yml에 문제가 있습니다. 명령으로 고치기 전에 먼저 "
        "바로잡으세요:"
    )
    assert problem == (
        "entries/2025/01/kling.yml:9:9: status: no은(는) false(으)로 읽힙니다(YAML 1.1). "
        '텍스트라면 "no"(으)로, 아니면 true/false로 쓰세요'
    )
    assert entry.read_text(encoding="utf-8") == broken


def test_deliver_adds_to_a_list_of_clips_and_urls(desk: Path, tmp_path: Path) -> None:
    entry = desk / "entries/2025/01/kling.yml"
    entry.write_text(
        HANDWRITTEN + "clips:   # what came back\n    - url: https://example.org/a.mp4\n",
        encoding="utf-8",
    )
    clip = tmp_path / "b.webm"
    clip.write_bytes(b"webm")
    result = run(
        desk,
        "deliver",
        "kling",
        "--clip",
        str(clip),
        "--url",
        "https://example.org/c d.mp4",
        "--at",
        "2025-01-05T14:00",
    )
    assert result.exit_code == 0, result.output
    text = entry.read_text(encoding="utf-8")
    assert text.endswith(
        "clips:   # what came back\n"
        "    - url: https://example.org/a.mp4\n"
        "    - file: media/kling.webm\n"
        '    - url: "https://example.org/c d.mp4"\n'
    )


@pytest.mark.usefixtures("english_messages")  # the rule, in its English words
def test_new_refuses_the_same_attempt_twice_and_takes_the_new_fields(desk: Path) -> None:
    args = ["new", "--service", "sora", "--prompt", "A cat", "--now", "2025-02-01T10:00"]
    first = run(desk, *args, "--model", "Sora 1.0", "--plan", "paid", "--promised-wait", "3h")
    assert first.exit_code == 0, first.output
    path = first.stdout.strip()
    text = (desk / path).read_text(encoding="utf-8")
    assert 'model: "Sora 1.0"\nplan: paid\n' in text
    assert "promised_wait: 3h\n" in text
    again = run(desk, *args[:-1], "2025-02-01T10:00:40+09:00")
    assert again.exit_code == 2
    assert f"{path} already records this attempt" in again.stderr
    waitlisted = run(
        desk, "new", "--service", "kling", "--prompt", "A dog", "--status", "waitlisted",
        "--experiment", "dogs", "--now", "now",
    )  # fmt: skip
    assert waitlisted.exit_code == 0, waitlisted.output
    entry = load_magazine(desk).entry(Path(waitlisted.stdout.strip()).stem)
    assert entry.status.value == "waitlisted"
    assert entry.checked_at is None  # never "waitlisted for at least 0 s"
    assert entry.experiment == "dogs"


def test_resend_keeps_one_comparison_at_its_address(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m")
    before = load_magazine(root)
    (comparison,) = before.comparisons
    originals = {p: p.read_text(encoding="utf-8") for p in (root / "entries/2025/01").glob("*.yml")}
    result = run(root, "resend", "kling", "--service", "kling", "--service", "sora", "--at", "now")
    assert result.exit_code == 0, result.output
    after = load_magazine(root)
    (again,) = after.comparisons
    assert again.slug == comparison.slug
    assert len(again.entries) == 4
    assert {e.experiment for e in after.entries} == {comparison.slug}
    for path, text in originals.items():
        removed, added = changed_lines(text, path.read_text(encoding="utf-8"))
        assert (removed, added) == ([], [f"experiment: {comparison.slug}"])


def test_a_crlf_file_keeps_its_line_ends(desk: Path) -> None:
    entry = desk / "entries/2025/01/kling.yml"
    entry.write_bytes(HANDWRITTEN.replace("\n", "\r\n").encode("utf-8"))
    result = run(desk, "deliver", "kling", "--url", "https://example.org/a.mp4", "--at", "now")
    assert result.exit_code == 0, result.output
    raw = entry.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert b"clips:\r\n  - url: https://example.org/a.mp4\r\n" in raw


@pytest.mark.usefixtures("english_messages")  # the rule, in its English words
def test_a_delivered_entry_is_not_marked_or_checked(desk: Path) -> None:
    assert run(desk, "deliver", "kling", "--url", "https://example.org/a.mp4").exit_code == 0
    entry = desk / "entries/2025/01/kling.yml"
    text = entry.read_text(encoding="utf-8")
    for args in (["checked", "kling"], ["mark", "kling", "failed"]):
        result = run(desk, *args)
        assert result.exit_code == 2
        assert "is delivered" in result.stderr
    assert entry.read_text(encoding="utf-8") == text


def test_a_clip_already_beside_the_entry_is_listed_where_it_is(desk: Path) -> None:
    clip = desk / "entries/2025/01/clips/kling take 1.mp4"
    clip.parent.mkdir()
    clip.write_bytes(b"clip")
    result = run(desk, "deliver", "kling", "--clip", str(clip), "--at", "2025-01-05T14:00")
    assert result.exit_code == 0, result.output
    text = (desk / "entries/2025/01/kling.yml").read_text(encoding="utf-8")
    assert '  - file: "clips/kling take 1.mp4"\n' in text
    assert not (desk / "entries/2025/01/media").exists()


@pytest.mark.usefixtures("english_messages")  # the rule, in its English words
def test_resend_to_an_unknown_service_changes_nothing(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m")
    before = {p: p.read_bytes() for p in (root / "entries").rglob("*") if p.is_file()}
    result = run(root, "resend", "kling", "--service", "kling", "--service", "nosuch")
    assert result.exit_code == 2
    assert "unknown service 'nosuch'" in result.stderr
    assert {p: p.read_bytes() for p in (root / "entries").rglob("*") if p.is_file()} == before


def test_an_english_magazine_says_the_wait_in_english(tmp_path: Path) -> None:
    mkdocs = MKDOCS.replace("language: ko", "language: en")
    root = write_magazine(
        tmp_path / "m", {"2025/01/kling.yml": HANDWRITTEN}, mkdocs=mkdocs, files={}
    )
    result = run(root, "checked", "kling", "--at", "2025-01-06T10:05")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "Kling: still waiting after 3 d (24× the promise)"
    result = run(root, "deliver", "kling", "--url", "https://example.org/a.mp4", "--at", "지금")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("the verdict and ratings were written")


def _limited(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize("clip_bytes", [0, 20_000])
def test_deliver_on_a_full_disk_leaves_the_entry_and_no_half_file(
    desk: Path, tmp_path: Path, clip_bytes: int
) -> None:
    """In a child that cannot write more than 400 bytes to a file (the entry is longer): the
    clip copy or the entry's write fails, with one message; nothing half-written stays."""
    entry = desk / "entries/2025/01/kling.yml"
    before = entry.read_bytes()
    args = ["deliver", "kling", "--at", "2025-01-05T14:00", "--url", "https://example.org/a.mp4"]
    if clip_bytes:
        clip = tmp_path / "clip.mp4"
        clip.write_bytes(b"x" * clip_bytes)
        args += ["--clip", str(clip)]
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(desk), *args],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=_limited(400),
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "File too large" in done.stderr and "Traceback" not in done.stderr
    assert entry.read_bytes() == before
    assert [p.name for p in desk.rglob("*") if p.name.endswith(".tmp")] == []
    assert not (desk / "entries/2025/01/media/kling.mp4").exists()
