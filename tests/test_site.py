from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from generator.errors import SiteError
from generator.site.builder import build_site, source_date_epoch
from tests.site_fixtures import (
    MagazineRoot,
    generated,
    generated_pages,
    rendered,
    stage_and_build,
    tree_digest,
)


def test_build_writes_every_page_and_leaves_the_writer_files_alone(
    built_magazine: MagazineRoot,
) -> None:
    site = built_magazine.site
    for page in ("index.html", "about/index.html", "entries/sora-waitlist/index.html"):
        assert (site / page).is_file(), page
    assert (site / "data/_entries.json").read_text("utf-8") == '{"entries": 2}\n'
    assert (site / ".nojekyll").is_file()
    assert (built_magazine.cache / "mkdocs.yml").is_file()
    assert built_magazine.git("status", "--porcelain") == ""
    assert sorted(p.name for p in built_magazine.root.iterdir()) == [
        ".git",
        ".gitignore",
        ".magazine",
        "docs",
        "entries",
        "mkdocs.yml",
        "site",
    ]


def test_nav_has_writer_pages_and_sections_but_not_entries(built_magazine: MagazineRoot) -> None:
    html = (built_magazine.site / "index.html").read_text("utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    assert 'href="services/"' in nav
    assert 'href="about/"' in nav
    assert "sora-waitlist" not in nav


def test_pages_request_no_third_party_fonts(built_magazine: MagazineRoot) -> None:
    for page in built_magazine.site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text("utf-8"), page


def test_search_index_declares_korean_subwords_for_the_worker(
    built_magazine: MagazineRoot,
) -> None:
    index = json.loads((built_magazine.site / "search/search_index.json").read_text("utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    entry = by_location["entries/kling-list/"]

    # The search worker derives the subwords from the text (tests/test_search.py searches).
    assert "subwords" not in entry
    assert "<p>웨이팅리스트에" in entry["text"]
    assert index["config"]["fields"]["subwords"] == {"boost": 0.5}


def test_broken_anchor_fails_the_strict_build_and_keeps_the_previous_site(
    magazine: MagazineRoot,
) -> None:
    stage_and_build(magazine)
    before = tree_digest(magazine.site)
    files = generated_pages()
    files["services/index.md"] = "# 서비스\n\n[메모](../entries/sora-waitlist.md#no-such-part)\n"

    with pytest.raises(SiteError) as caught:
        stage_and_build(magazine, files=files)

    message = str(caught.value)
    assert "services/index.md" in message
    assert "no-such-part" in message
    assert tree_digest(magazine.site) == before
    assert sorted(p.name for p in magazine.cache.iterdir()) == [
        ".gitignore",
        "CACHEDIR.TAG",
        "mkdocs.yml",
        "staging",
        "theme",
    ]


def test_missing_page_link_fails_the_strict_build(magazine: MagazineRoot) -> None:
    files = generated_pages()
    files["services/index.md"] = "# 서비스\n\n[없음](../entries/nowhere.md)\n"

    with pytest.raises(SiteError, match=r"services/index.md.*nowhere.md"):
        stage_and_build(magazine, files=files)
    assert not magazine.site.exists()


def test_non_strict_build_returns_the_warnings(magazine: MagazineRoot) -> None:
    files = generated_pages()
    files["services/index.md"] = "# 서비스\n\n[없음](../entries/nowhere.md)\n"
    from generator.site.staging import write_staging

    write_staging(magazine.root, magazine.settings, generated(files), {}, magazine.staging)
    warnings = build_site(
        magazine.root,
        magazine.settings,
        magazine.staging,
        magazine.site,
        rendered(files),
        strict=False,
    )

    assert any("nowhere.md" in w for w in warnings)
    assert (magazine.site / "index.html").is_file()


def test_two_builds_are_byte_identical(
    magazine: MagazineRoot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    stage_and_build(magazine)
    first = tmp_path / "first"
    shutil.copytree(magazine.site, first)

    stage_and_build(magazine)

    assert tree_digest(magazine.site) == tree_digest(first)
    with gzip.open(magazine.site / "sitemap.xml.gz") as sitemap:
        assert b"<lastmod>2025-01-03</lastmod>" in sitemap.read()


def test_source_date_epoch_is_the_latest_entry_moment() -> None:
    from generator.model import Entry, Magazine, Status
    from generator.settings import Settings

    seoul = timezone(timedelta(hours=9))
    submitted = datetime(2025, 1, 3, 10, 0, tzinfo=seoul)
    entry = Entry(
        title="t",
        service="sora",
        prompt="p",
        submitted_at=submitted,
        delivered_at=submitted + timedelta(hours=40),
        status=Status.DELIVERED,
        path="entries/t.yml",
        slug="t",
    )
    magazine = Magazine(root=Path("."), settings=Settings(), entries=(entry,), services={})

    assert source_date_epoch(magazine) == int((submitted + timedelta(hours=40)).timestamp())
    assert source_date_epoch(Magazine(Path("."), Settings(), (), {})) is None


def test_zensical_builds_the_derived_config(built_magazine: MagazineRoot, tmp_path: Path) -> None:
    zensical = str(Path(sys.executable).parent / "zensical")
    if not Path(zensical).exists():
        pytest.skip("zensical is not installed (pip install zensical)")
    # A copy, so the module's shared build stays untouched.
    root = tmp_path / "mag"
    shutil.copytree(built_magazine.root, root, symlinks=True)
    config = root / ".magazine" / "mkdocs.yml"

    result = subprocess.run(
        [zensical, "build", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1"},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    out = root / ".magazine" / "site.build"
    assert (out / "entries/sora-waitlist/index.html").is_file()
    assert "대기열" in (out / "entries/sora-waitlist/index.html").read_text("utf-8")


def test_build_from_relative_paths(magazine: MagazineRoot, monkeypatch: pytest.MonkeyPatch) -> None:
    # `magazine --root mag build --site-dir out` hands the stage paths relative to the caller.
    monkeypatch.chdir(magazine.root.parent)
    relative = MagazineRoot(Path(magazine.root.name))
    from generator.site.staging import write_staging

    write_staging(
        relative.root, relative.settings, generated(generated_pages()), {}, relative.staging
    )
    build_site(
        relative.root,
        relative.settings,
        relative.staging,
        Path("out"),
        rendered(),
    )

    assert (magazine.root.parent / "out" / "entries" / "kling-list" / "index.html").is_file()


def test_generated_pages_are_marked_so_they_get_no_edit_link(magazine: MagazineRoot) -> None:
    # MkDocs offers an "edit this page" link for files in the repository; a generated page
    # has no file there, and only the staging step's mark tells MkDocs so.
    config = magazine.root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "theme:\n  name: material\n",
            "repo_url: https://git.example/magazine\nedit_uri: edit/main/docs/\n"
            "theme:\n  name: material\n  features: [content.action.edit]\n",
        ),
        encoding="utf-8",
    )
    stage_and_build(magazine)
    about = (magazine.site / "about" / "index.html").read_text("utf-8")
    generated = (magazine.site / "services" / "index.html").read_text("utf-8")
    assert "https://git.example/magazine/edit/main/docs/about.md" in about
    assert "/edit/main/docs/" not in generated
