"""Symbolic links: nothing outside the magazine folder is read or published, and a refused
link is reported where it is, never skipped silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.build_fixtures import KLING, invoke, write_small_magazine

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")

SECRET = "root:x:0:0:SECRET-7c1e"
OUTSIDE = "is a link to something outside the magazine folder; it is not read"


@pytest.fixture
def magazine(tmp_path: Path) -> Path:
    root = write_small_magazine(tmp_path / "mag")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs/about.md").write_text("# About\n\nHello.\n", encoding="utf-8")
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "passwd").write_text(SECRET + "\n", encoding="utf-8")
    entry = KLING.replace("title:", "title: SECRET-7c1e", 1)
    (folder / "entry.yml").write_text(entry, encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub/entry.yml").write_text(entry, encoding="utf-8")
    return folder


def test_a_page_linked_from_outside_is_refused_and_not_published(
    magazine: Path, outside: Path
) -> None:
    os.symlink(outside / "passwd", magazine / "docs/passwd.txt")

    checked = invoke(magazine, "check")
    built = invoke(magazine, "build")

    for result in (checked, built):
        assert result.exit_code == 1, result.output
        assert f"docs/passwd.txt: {OUTSIDE}" in result.output
        assert SECRET not in result.output and "Traceback" not in result.output
    site = magazine / "site"
    assert not site.exists() or not any(
        SECRET.encode() in p.read_bytes() for p in site.rglob("*") if p.is_file()
    )


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("entries/2025/03/stolen.yml", "entry.yml"),
        ("entries/2025/03", "sub"),
        ("entries/services.yml", "entry.yml"),
        ("docs/private", "sub"),
    ],
)
def test_entries_and_folders_linked_from_outside_are_refused(
    magazine: Path, outside: Path, link: str, target: str
) -> None:
    path = magazine / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.symlink(outside / target, path)

    result = invoke(magazine, "check")

    assert result.exit_code == 1, result.output
    assert f"{link}: {OUTSIDE}" in result.output
    assert "SECRET" not in result.output


@pytest.mark.parametrize("folder", ["docs", "entries"])
def test_a_whole_folder_linked_from_outside_is_refused(
    magazine: Path, outside: Path, folder: str
) -> None:
    moved = outside / f"{folder}-copy"
    (magazine / folder).rename(moved)
    os.symlink(moved, magazine / folder)

    result = invoke(magazine, "check")

    assert result.exit_code == 1, result.output
    assert f"{folder}: {OUTSIDE}" in result.output


def test_broken_links_and_loops_are_reported(magazine: Path) -> None:
    os.symlink(magazine / "docs/nowhere.md", magazine / "docs/broken.md")
    os.symlink("loop-b.yml", magazine / "entries/loop-a.yml")
    os.symlink("loop-a.yml", magazine / "entries/loop-b.yml")
    os.symlink("..", magazine / "entries/2025/up")

    result = invoke(magazine, "check")

    assert result.exit_code == 1, result.output
    for link in ("docs/broken.md", "entries/loop-a.yml", "entries/loop-b.yml"):
        assert f"{link}: is a link that leads nowhere" in result.output
    assert "entries/2025/up: is a link to a folder it is in" in result.output
    assert "Traceback" not in result.output


def test_links_inside_the_magazine_are_followed(magazine: Path) -> None:
    shelf = magazine / "drafts/2025-03"
    shelf.mkdir(parents=True)
    entry = (magazine / "entries/2025/01/kling.yml").read_text("utf-8")
    (shelf / "kling-again.yml").write_text(
        entry.replace("title: ", "title: Again ", 1).replace("golden", "silver"), "utf-8"
    )
    os.symlink(shelf, magazine / "entries/2025/03")
    os.symlink(magazine / "docs/about.md", magazine / "docs/about-us.md")

    checked = invoke(magazine, "check")

    assert checked.exit_code == 0, checked.output
    assert "ok: 4 entries" in checked.output  # the linked sub-folder is no longer skipped
