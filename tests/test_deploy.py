from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.errors import SiteError
from generator.site.deploy import deploy_gh_pages
from tests.site_fixtures import MagazineRoot


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def _site(folder: Path, pages: dict[str, str]) -> Path:
    for rel, text in pages.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def remote(magazine: MagazineRoot, tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    _git(tmp_path, "init", "-q", "--bare", str(bare))
    magazine.git("remote", "add", "origin", str(bare))
    return bare


def test_deploy_pushes_the_site_with_nojekyll(
    magazine: MagazineRoot, remote: Path, tmp_path: Path
) -> None:
    site = _site(
        tmp_path / "site",
        {"index.html": "<h1>잡지</h1>", "_assets/app.js": "x", "entries/a/index.html": "a"},
    )

    deploy_gh_pages(site, magazine.root, message="Publish 1")

    files = _git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert files == [".nojekyll", "_assets/app.js", "entries/a/index.html", "index.html"]
    assert _git(remote, "show", "gh-pages:index.html") == "<h1>잡지</h1>"
    assert magazine.git("status", "--porcelain") == ""
    assert magazine.git("branch", "--show-current").strip() == "main"


def test_second_deploy_keeps_history_and_drops_removed_files(
    magazine: MagazineRoot, remote: Path, tmp_path: Path
) -> None:
    deploy_gh_pages(_site(tmp_path / "one", {"index.html": "1", "old.html": "o"}), magazine.root)
    # A fresh clone elsewhere publishes next: it must build on the remote's branch.
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(remote), str(clone))

    deploy_gh_pages(_site(tmp_path / "two", {"index.html": "2"}), clone, message="Publish 2")

    assert _git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split() == [
        ".nojekyll",
        "index.html",
    ]
    log = _git(remote, "log", "--format=%s", "gh-pages").splitlines()
    assert log == ["Publish 2", "Publish the magazine"]


def test_deploy_without_a_built_site_is_refused(magazine: MagazineRoot, tmp_path: Path) -> None:
    with pytest.raises(SiteError, match="no built site"):
        deploy_gh_pages(tmp_path / "missing", magazine.root)


def test_push_to_an_unknown_remote_fails_clearly(magazine: MagazineRoot, tmp_path: Path) -> None:
    site = _site(tmp_path / "site", {"index.html": "x"})

    with pytest.raises(SiteError, match="publishing to gh-pages failed"):
        deploy_gh_pages(site, magazine.root, remote="nowhere")
