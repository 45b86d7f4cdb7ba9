"""Hostile entries: each is a located `path:line:col` problem with exit 1, never a traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.build_fixtures import invoke
from tests.magazine_fixtures import DELIVERED, MKDOCS, PENDING, STAND_IN, write_magazine

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")

LOCATED = re.compile(r"^(entries/[^:]+\.yml):(\d+):(\d+): ")
MEDIA = {"entries/2025/01/media/sparks-sora.mp4": STAND_IN}


def check(root: Path) -> list[str]:
    """`magazine check`: exit 1 with located problems, never an exception; the problem lines."""
    result = invoke(root, "check")
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}"
    )
    assert result.exit_code == 1, result.output
    return [line for line in result.stderr.splitlines() if LOCATED.match(line)]


def pending_with(*lines: str) -> str:
    return PENDING + "".join(line + "\n" for line in lines)


def wait(value: str) -> str:
    return PENDING.replace("promised_wait: 3h", f"promised_wait: {value}")


CASES = {
    "weeks-overflow": (wait("99999999999999w"), "6:16: promised_wait:"),
    "400-digit-seconds": (wait("9" * 400 + "s"), "6:16: promised_wait:"),
    "iso-overflow": (wait("P" + "9" * 400 + "D"), "6:16: promised_wait:"),
    "wait-past-year-9999": (wait("3000000d"), "6:16: promised_wait:"),
    "5000-digit-rating": (pending_with("ratings: {quality: " + "9" * 5000 + "}"), "9:20: ratings"),
    "5000-digit-title": (
        PENDING.replace("title: Kling is still thinking", "title: " + "9" * 5000),
        "1:8: title:",
    ),
    "cost-1e4300": (pending_with("cost: {amount: 1e4300, unit: USD}"), "9:16: cost.amount:"),
    "cost-quoted-1e4300": (
        pending_with("cost: {amount: '1e4300', unit: USD}"),
        "9:16: cost.amount:",
    ),
    "cost-1e-4300": (pending_with("cost: {amount: '1e-4300', unit: USD}"), "9:16: cost.amount:"),
    "checked-at-year-9999": (
        PENDING.replace("2025-01-05T10:05:00+09:00", "9999-12-31T23:59:59-12:00"),
        "8:13: checked_at:",
    ),
    "submitted-at-year-1": (
        PENDING.replace(
            "submitted_at: 2025-01-03T10:05:00+09:00", "submitted_at: 0001-01-01T00:00:00+14:00"
        ),
        "5:15: submitted_at:",
    ),
    "lone-surrogate-notes": (pending_with('notes: "a \\ud800 b"'), "9:8: notes:"),
    "lone-surrogate-tag": (pending_with('tags: [ok, "\\udfff"]'), "9:12: tags[1]:"),
    "300-character-slug": (pending_with("slug: " + "a" * 300), "9:7: slug:"),
}


@pytest.mark.parametrize("text, where", CASES.values(), ids=CASES.keys())
def test_hostile_value_is_a_located_problem(tmp_path: Path, text: str, where: str) -> None:
    root = write_magazine(
        tmp_path / "m", {"2025/01/sora.yml": DELIVERED, "2025/01/kling.yml": text}, files=MEDIA
    )
    problems = check(root)
    assert any(line.startswith(f"entries/2025/01/kling.yml:{where}") for line in problems), problems


def clip(path: str) -> str:
    return DELIVERED.replace("file: media/sparks-sora.mp4", f"file: {path}")


def test_hostile_clip_paths_are_located_problems(tmp_path: Path) -> None:
    root = tmp_path / "m"
    media = root / "entries/2025/01/media"
    entries = {
        "2025/01/nul.yml": clip('"media/a\\0b.mp4"'),
        "2025/01/pathmax.yml": clip("/".join(["a" * 200] * 30)),
        "2025/01/long-name.yml": clip("a" * 300 + ".mp4"),
        "2025/01/loop.yml": clip("media/loop.mp4"),
        "2025/01/fifo.yml": clip("media/fifo.mp4"),
    }
    write_magazine(root, entries, files=MEDIA)
    os.symlink("loop.mp4", media / "loop.mp4")
    os.mkfifo(media / "fifo.mp4")
    problems = check(root)
    found = {LOCATED.match(line).group(1): line for line in problems}  # type: ignore[union-attr]
    for name in ("nul", "pathmax", "long-name", "loop", "fifo"):
        line = found[f"entries/2025/01/{name}.yml"]
        assert ":10:11: clips[0].file:" in line, line
    assert "control character" in found["entries/2025/01/nul.yml"]
    assert "too long" in found["entries/2025/01/pathmax.yml"]
    assert "too long" in found["entries/2025/01/long-name.yml"]
    assert "loop" in found["entries/2025/01/loop.yml"]
    assert "not a regular file" in found["entries/2025/01/fifo.yml"]
    assert "folder" not in found["entries/2025/01/fifo.yml"]


LIMITS = (
    MKDOCS + "    limits: {text_chars: 20, prompt_chars: 100, notes_chars: 50, tags: 3, clips: 1}\n"
)


def test_limits_are_settings_reported_by_check(tmp_path: Path) -> None:
    text = PENDING.replace("title: Kling is still thinking", "title: " + "t" * 21) + (
        "verdict: " + "v" * 21 + "\n"
        "notes: " + "n" * 51 + "\n"
        "tags: [a, b, c, d]\n"
        "clips: [{file: media/sparks-sora.mp4}, {file: media/sparks-sora.mp4}]\n"
        "cost: {amount: 1, unit: " + "u" * 21 + "}\n"
    )
    text = text.replace("  A mesmerizing", "  " + "p" * 101 + " A mesmerizing")
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": text}, mkdocs=LIMITS, files=MEDIA)
    problems = "\n".join(check(root))
    for where, setting in [
        ("1:8: title:", "limits.text_chars"),
        ("3:9: prompt:", "limits.prompt_chars"),
        ("9:10: verdict:", "limits.text_chars"),
        ("10:8: notes:", "limits.notes_chars"),
        ("11:7: tags:", "limits.tags"),
        ("12:8: clips:", "limits.clips"),
        ("13:25: cost.unit:", "limits.text_chars"),
    ]:
        line = next((p for p in problems.splitlines() if f"kling.yml:{where}" in p), "")
        assert setting in line, (where, problems)


def test_an_entry_file_over_the_size_limit_is_not_parsed(tmp_path: Path) -> None:
    mkdocs = MKDOCS + "    limits: {entry_bytes: 2000}\n"
    text = pending_with("notes: |", *["  " + "x" * 100] * 30)
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": text}, mkdocs=mkdocs, files={})
    problems = check(root)
    assert problems[0].startswith("entries/2025/01/kling.yml:1:1: ")
    assert "limits.entry_bytes" in problems[0]


def test_one_bad_file_among_a_hundred_hides_no_other_problem(tmp_path: Path) -> None:
    entries = {
        f"2025/01/e{n:02d}.yml": PENDING.replace("service: kling", "service: klingg")
        for n in range(99)
    }
    entries["2025/01/bad.yml"] = wait("99999999999999w")
    root = write_magazine(tmp_path / "m", entries, files={})
    problems = check(root)
    assert len([p for p in problems if "unknown service 'klingg'" in p]) == 99
    assert any(p.startswith("entries/2025/01/bad.yml:6:16: promised_wait:") for p in problems)


def test_a_key_with_cr_or_escape_cannot_forge_or_colour_a_problem_line(tmp_path: Path) -> None:
    text = pending_with('ratings: {"x\\rentries/fake.yml:1:1: forged\\e[31m": 3}')
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": text}, files={})
    result = invoke(root, "check")
    assert result.exit_code == 1
    assert "\r" not in result.stderr and "\x1b" not in result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith("entries/2025/01/kling.yml:9:") for line in lines[:-1]), lines
    assert "\\r" in lines[0] and "\\x1b" in lines[0]
