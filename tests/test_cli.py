"""The `magazine` command: output, exit status 0/1/2, no tracebacks unless -v."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main
from generator.schema import schema_text
from tests.magazine_fixtures import DELIVERED, MKDOCS, write_magazine


def run(root: Path, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--root", str(root), *args], input=stdin)


def broken(tmp_path: Path, language: str = "ko") -> Path:
    bad = DELIVERED.replace("service: sora", "service: sorra").replace("lighting: 5", "lighting: 7")
    mkdocs = MKDOCS.replace("language: ko", f"language: {language}")
    return write_magazine(
        tmp_path / "m",
        {"2025/01/bad.yml": bad, "2025/01/list.yml": "- a\n"},
        files={},
        mkdocs=mkdocs,
    )


def test_check_ok(magazine_root: Path) -> None:
    result = run(magazine_root, "check")
    assert result.exit_code == 0
    assert result.stdout == "이상 없음: 체험기 2개, 서비스 2개, 비교 1개\n"  # a Korean magazine
    assert result.stderr == ""


def test_check_lists_every_problem_on_stderr_and_exits_1(tmp_path: Path) -> None:
    result = run(broken(tmp_path, "en"), "check")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "entries/2025/01/bad.yml:2:10: service: unknown service 'sorra' (did you mean 'sora'?); "
        "add it to entries/services.yml",
        "entries/2025/01/bad.yml:10:11: clips[0].file: file not found: "
        "entries/2025/01/media/sparks-sora.mp4 (paths are relative to this entry's folder)",
        "entries/2025/01/bad.yml:11:33: ratings.lighting: must be a whole number from 1 to 5 "
        "(got 7)",
        "entries/2025/01/list.yml:1:1: an entry is a mapping of fields (title: ..., service: ...), "
        "not a list",
        "4 problems found",
    ]


def test_a_korean_magazine_is_told_in_korean(tmp_path: Path) -> None:
    result = run(broken(tmp_path), "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "entries/2025/01/bad.yml:2:10: service: 알 수 없는 서비스 'sorra'입니다 "
        "('sora'을(를) 쓰려던 건가요?). entries/services.yml에 더하세요",
        "entries/2025/01/bad.yml:10:11: clips[0].file: 파일이 없습니다: "
        "entries/2025/01/media/sparks-sora.mp4(경로는 이 체험기 폴더 기준입니다)",
        "entries/2025/01/bad.yml:11:33: ratings.lighting: 1부터 5까지의 정수여야 합니다(지금은 7)",
        "entries/2025/01/list.yml:1:1: 체험기는 필드의 매핑(title: ..., service: ...)이어야 "
        "합니다. 지금은 목록입니다",
        "문제 4개",
    ]


def test_verbose_adds_the_traceback(tmp_path: Path) -> None:
    quiet = run(broken(tmp_path), "check")
    loud = CliRunner().invoke(main, ["--root", str(tmp_path / "m"), "-v", "check"])
    assert "Traceback" not in quiet.stderr
    assert loud.exit_code == 1
    assert "Traceback (most recent call last)" in loud.stderr
    assert "generator.errors.ContentError" in loud.stderr
    assert loud.stderr.endswith("문제 4개\n")


def test_not_a_magazine_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path, "check")
    assert result.exit_code == 2
    assert result.stderr == (
        f"usage error: not a magazine folder: {tmp_path} has no mkdocs.yml (use --root)\n"
    )


def test_click_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(tmp_path / "missing", "check").exit_code == 2
    assert run(tmp_path, "no-such-command").exit_code == 2


def test_new_from_option_file_and_stdin_then_check(magazine_root: Path, tmp_path: Path) -> None:
    prompt_file = tmp_path / "prompt.txt"
    prompt_file.write_text("A dog: #1 of 3\n", encoding="utf-8")
    now = ["--now", "2025-02-01T12:00:00+09:00"]
    by_option = run(magazine_root, "new", "--service", "sora", "--prompt", "A cat", *now)
    by_file = run(
        magazine_root, "new", "--service", "kling", "--prompt-file", str(prompt_file), *now
    )
    by_stdin = run(
        magazine_root, "new", "--service", "sora", "--title", "새", *now, stdin="A bird\n"
    )
    assert [r.exit_code for r in (by_option, by_file, by_stdin)] == [0, 0, 0]
    assert [r.stdout for r in (by_option, by_file, by_stdin)] == [
        "entries/2025/02/sora-a-cat.yml\n",
        "entries/2025/02/kling-a-dog-1-of-3.yml\n",
        "entries/2025/02/sora-sae.yml\n",
    ]
    check = run(magazine_root, "check")
    assert check.exit_code == 0, check.stderr
    assert check.stdout == "이상 없음: 체험기 5개, 서비스 2개, 비교 1개\n"


def test_new_usage_errors(magazine_root: Path, tmp_path: Path) -> None:
    prompt_file = tmp_path / "p.txt"
    prompt_file.write_text("x", encoding="utf-8")
    both = run(
        magazine_root,
        "new",
        "--service",
        "sora",
        "--prompt",
        "x",
        "--prompt-file",
        str(prompt_file),
    )
    unknown = run(magazine_root, "new", "--service", "runway", "--prompt", "x")
    bad_time = run(magazine_root, "new", "--service", "sora", "--prompt", "x", "--now", "soon")
    assert [r.exit_code for r in (both, unknown, bad_time)] == [2, 2, 2]
    # A Korean magazine: the command line's mistakes are told in Korean too.
    assert both.stderr == "사용법 오류: --prompt와 --prompt-file 중 하나만 주세요\n"
    assert unknown.stderr.startswith("사용법 오류: 알 수 없는 서비스 'runway'입니다")
    assert "'soon'을(를) 시각으로 읽을 수 없습니다" in bad_time.stderr


def test_pending(magazine_root: Path) -> None:
    result = run(magazine_root, "pending")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "체험기  서비스  상태     제출                    기다린 시간  약속   배수",
        "kling   Kling   대기 중  2025-01-03 10:05 +0900  ≥ 2일        3시간  ≥ 16×",
    ]
    later = run(magazine_root, "pending", "--now", "2025-01-05 22:05")
    assert "≥ 2일 12시간" in later.stdout
    assert "≥ 20×" in later.stdout


def test_schema_print_and_write(magazine_root: Path) -> None:
    printed = run(magazine_root, "schema")
    assert printed.exit_code == 0
    assert json.loads(printed.stdout)["title"] == "Hands-on magazine entry"
    written = run(magazine_root, "schema", "--write")
    assert written.stdout == "entries/schema.json을(를) 썼습니다\n"
    assert (magazine_root / "entries/schema.json").read_text(encoding="utf-8") == schema_text()
    elsewhere = run(magazine_root, "schema", "--write", "entry.schema.json")
    assert elsewhere.exit_code == 0
    assert (magazine_root / "entry.schema.json").read_text(encoding="utf-8") == schema_text()
    assert run(magazine_root, "check").exit_code == 0


def test_python_dash_m_generator(tmp_path: Path) -> None:
    root = broken(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 1
    assert done.stderr.endswith("문제 4개\n")
    assert "Traceback" not in done.stderr
