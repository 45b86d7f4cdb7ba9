"""`magazine init`: a magazine of one's own that checks and builds at once, in its language."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.source.config import load_settings


def magazine(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_init_builds_at_once_and_leaves_git_status_clean(tmp_path: Path) -> None:
    done = magazine("init", "mine", "--lang", "en", "--title", "My trials", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    root = tmp_path / "mine"
    assert "wrote mkdocs.yml" in done.stdout
    settings = load_settings(root)
    assert (settings.language, settings.timezone, settings.site_name) == (
        "en",
        "Asia/Seoul",
        "My trials",
    )
    assert settings.site_url is None  # left to the workflow's --site-url
    assert (root / ".github/workflows/publish.yml").is_file()
    assert "<!-- magazine:latest -->" in (root / "docs/index.md").read_text(encoding="utf-8")
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
        who = ["-c", "user.name=writer", "-c", "user.email=writer@example.org"]
        subprocess.run(["git", "-C", str(root), *who, "commit", "-qm", "start"], check=True)
    checked = magazine("check", cwd=root)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == "ok: 0 entries, 0 services, 0 comparisons\n"
    built = magazine("build", "-q", cwd=root)
    assert built.returncode == 0, built.stderr
    assert (root / "site/index.html").is_file()
    if shutil.which("git"):
        status = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=all"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert status.stdout == ""


def test_init_refuses_a_folder_that_holds_a_magazine(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    done = magazine("init", cwd=tmp_path)
    assert done.returncode == 2
    # The magazine's language is --lang's (Korean by default) before it has a mkdocs.yml.
    assert "이미 매거진(또는 그 시작)이 있으니 다른 폴더를 쓰세요" in done.stderr
    english = magazine("init", "--lang", "en", cwd=tmp_path)
    assert "already holds a magazine" in english.stderr
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"
    assert not (tmp_path / "entries").exists()


def test_init_keeps_a_gitignore_of_the_writers_own(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    done = magazine("--root", str(tmp_path), "init", "--lang", "ko", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.tmp\n"
    assert (
        "이미 있어 그대로 두었습니다: .gitignore — /site/와 /.magazine/을 더하세요" in done.stdout
    )
    assert load_settings(tmp_path).language == "ko"
    services = (tmp_path / "entries/services.yml").read_text(encoding="utf-8")
    assert "# kling:\n#   name: Kling\n" in services
