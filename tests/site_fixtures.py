"""A small magazine and generated pages of the shape the pages stage hands to the site stage."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator.settings import Settings

WRITER_CONFIG = """\
site_name: 생성 AI 체험기
site_url: https://example.org/magazine/
theme:
  name: material
  language: ko
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
extra:
  magazine:
    timezone: Asia/Seoul
"""

WRITER_PAGES = {
    "index.md": "# 생성 AI 체험기\n\n같은 프롬프트를 여러 서비스에 보내 보았다.\n",
    "about.md": "# 소개\n\n이 잡지는 손으로 써 본 기록이다.\n",
}


def generated_pages() -> dict[str, str | bytes]:
    """Generated files: Korean text, tags front matter, a cross-page anchor link, a data file."""
    return {
        "entries/sora-waitlist.md": (
            "---\ntags:\n  - text-to-video\n  - 대기\n---\n\n"
            "# 소라 대기열 체험\n\n"
            "가입하자마자 대기열에 들어갔다. 48시간이 지나도 소식이 없었다.\n\n"
            "## Notes\n\nThe queue page said about three hours.\n"
        ),
        "entries/kling-list.md": (
            "---\ntags:\n  - text-to-video\n---\n\n"
            "# 클링 체험\n\n"
            "웨이팅리스트에 이름을 올리고 이틀을 기다렸다.\n\n"
            "The cinematography was surprisingly steady.\n"
        ),
        "services/index.md": (
            "# 서비스\n\n"
            "- [소라](../entries/sora-waitlist.md) — [메모](../entries/sora-waitlist.md#notes)\n"
            "- [클링](../entries/kling-list.md)\n"
        ),
        "tags.md": "# 태그\n\n<!-- material/tags -->\n",
        "data/_entries.json": '{"entries": 2}\n',
    }


GENERATED_NAV: list[Any] = [{"서비스": "services/index.md"}, {"태그": "tags.md"}]


def generated(files: Mapping[str, Any]) -> dict[str, Any]:
    """Generated files as the pages stage hands them over (text and bytes made already)."""
    from generator.pages import GeneratedFile

    return {
        path: content if isinstance(content, GeneratedFile) else GeneratedFile(content)
        for path, content in files.items()
    }


def rendered(files: Mapping[str, Any] | None = None, nav: list[Any] | None = None) -> Any:
    """What the pages stage would hand over for these generated files (text, bytes, or
    files already made as the pages stage makes them)."""
    from generator.pages import RenderedSite

    files = generated_pages() if files is None else files
    nav = GENERATED_NAV if nav is None else nav
    return RenderedSite(files=generated(files), nav=nav, extra_css=(), extra_javascript=())


@dataclass
class MagazineRoot:
    """A magazine folder on disk, under git, with the writer's files committed."""

    root: Path
    settings: Settings = field(default_factory=Settings)

    @property
    def cache(self) -> Path:
        return self.settings.cache_path(self.root)

    @property
    def staging(self) -> Path:
        return self.cache / "staging"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def git(self, *args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=self.root, check=True, capture_output=True, text=True
        ).stdout


def make_magazine(root: Path) -> MagazineRoot:
    """Write mkdocs.yml, docs/ and entries/ and commit them in a fresh git repository."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(WRITER_CONFIG, encoding="utf-8")
    for rel, text in WRITER_PAGES.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "entries").mkdir()
    (root / "entries" / "sora.yml").write_text("title: 소라\n", encoding="utf-8")
    (root / ".gitignore").write_text("/site/\n/.magazine/\n", encoding="utf-8")
    magazine = MagazineRoot(root)
    magazine.git("init", "-q", "-b", "main")
    magazine.git("add", "-A")
    magazine.git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "init")
    return magazine


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path → SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def magazine(tmp_path: Path) -> MagazineRoot:
    """A fresh magazine folder under git."""
    return make_magazine(tmp_path / "mag")


def stage_and_build(magazine: MagazineRoot, **kwargs: Any) -> None:
    """Stage the generated pages and build the site (strict unless told otherwise)."""
    from generator.site.builder import build_site
    from generator.site.staging import write_staging

    files = kwargs.pop("files", None) or generated_pages()
    write_staging(magazine.root, magazine.settings, generated(files), {}, magazine.staging)
    build_site(
        magazine.root,
        magazine.settings,
        magazine.staging,
        magazine.site,
        rendered(files, kwargs.pop("nav", None)),
        source_date_epoch=kwargs.pop("source_date_epoch", 1_735_866_000),
        **kwargs,
    )


@pytest.fixture(scope="module")
def built_magazine(tmp_path_factory: pytest.TempPathFactory) -> MagazineRoot:
    """A magazine built once per test module (read-only for the tests that use it)."""
    magazine = make_magazine(tmp_path_factory.mktemp("built") / "mag")
    stage_and_build(magazine)
    return magazine
