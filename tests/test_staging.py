from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import ContentError, SiteError
from generator.settings import Settings
from generator.site.staging import discard_leftovers, replace_dir, write_staging
from tests.site_fixtures import MagazineRoot, generated, generated_pages, tree_digest


def _media(tmp_path: Path) -> dict[str, Path]:
    clip = tmp_path / "renditions" / "ab" / "clip.mp4"
    clip.parent.mkdir(parents=True)
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42 not really a video")
    return {"media/ab12/clip.mp4": clip}


def test_staging_holds_writer_pages_generated_pages_and_media(
    magazine: MagazineRoot, tmp_path: Path
) -> None:
    media = _media(tmp_path)
    write_staging(
        magazine.root, magazine.settings, generated(generated_pages()), media, magazine.staging
    )

    staged = tree_digest(magazine.staging)
    assert set(staged) == {"index.md", "about.md", *generated_pages(), "media/ab12/clip.mp4"}
    assert (magazine.staging / "index.md").read_bytes() == (
        magazine.root / "docs" / "index.md"
    ).read_bytes()
    assert (magazine.staging / "entries/sora-waitlist.md").read_text("utf-8") == (
        generated_pages()["entries/sora-waitlist.md"]
    )
    # Same file system: the rendition is linked, not copied.
    assert (magazine.staging / "media/ab12/clip.mp4").stat().st_ino == media[
        "media/ab12/clip.mp4"
    ].stat().st_ino
    assert magazine.git("status", "--porcelain") == ""


def test_staging_is_replaced_as_a_whole(magazine: MagazineRoot) -> None:
    write_staging(
        magazine.root, magazine.settings, generated(generated_pages()), {}, magazine.staging
    )
    write_staging(
        magazine.root, magazine.settings, generated({"only.md": "# Only\n"}), {}, magazine.staging
    )

    assert set(tree_digest(magazine.staging)) == {"index.md", "about.md", "only.md"}
    assert [p.name for p in magazine.cache.iterdir()] == ["staging"]


def test_rebuild_links_unchanged_files_and_writes_changed_ones(magazine: MagazineRoot) -> None:
    pages: dict[str, str | bytes] = {"same.md": "# 같음\n", "changed.md": "# before\n"}
    write_staging(magazine.root, magazine.settings, generated(pages), {}, magazine.staging)
    inodes = {p.name: p.stat().st_ino for p in magazine.staging.iterdir()}
    (magazine.root / "docs" / "about.md").write_text("# About, edited\n", encoding="utf-8")

    pages = {"same.md": "# 같음\n", "changed.md": "# after, longer\n"}
    write_staging(magazine.root, magazine.settings, generated(pages), {}, magazine.staging)

    staged = magazine.staging
    assert (staged / "same.md").stat().st_ino == inodes["same.md"]
    assert (staged / "index.md").stat().st_ino == inodes["index.md"]
    assert (staged / "changed.md").read_text("utf-8") == "# after, longer\n"
    assert (staged / "about.md").read_text("utf-8") == "# About, edited\n"
    assert (staged / "about.md").stat().st_ino != inodes["about.md"]
    # Same size, different bytes: compared by content, not by size.
    write_staging(magazine.root, magazine.settings, generated({"same.md": "# 다름\n"}), {}, staged)
    assert (staged / "same.md").read_text("utf-8") == "# 다름\n"
    assert [p.name for p in magazine.cache.iterdir()] == ["staging"]


def test_text_is_written_as_utf8_without_newline_translation(magazine: MagazineRoot) -> None:
    files: dict[str, str | bytes] = {"a.md": "# 가\r\nb\n", "raw.bin": b"\xff\x00"}
    write_staging(magazine.root, magazine.settings, generated(files), {}, magazine.staging)

    assert (magazine.staging / "a.md").read_bytes() == "# 가\r\nb\n".encode()
    assert (magazine.staging / "raw.bin").read_bytes() == b"\xff\x00"


def test_generated_page_never_overwrites_a_writer_page(magazine: MagazineRoot) -> None:
    files: dict[str, str | bytes] = {"about.md": "# generated\n", "ok.md": "# ok\n"}

    with pytest.raises(ContentError) as caught:
        write_staging(magazine.root, magazine.settings, generated(files), {}, magazine.staging)

    message = str(caught.value)
    assert "docs/about.md" in message
    assert "'about.md'" in message
    assert not magazine.staging.exists()


def test_clash_that_differs_only_in_case_is_caught(magazine: MagazineRoot, tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"docs/index.md: .*media file 'Index.md'"):
        write_staging(
            magazine.root,
            magazine.settings,
            {},
            {"Index.md": _media(tmp_path)["media/ab12/clip.mp4"]},
            magazine.staging,
        )


@pytest.mark.parametrize("bad", ["../escape.md", "/abs.md", "a//b.md", "a\\b.md", "./a.md", ""])
def test_generated_paths_must_stay_inside_the_site(magazine: MagazineRoot, bad: str) -> None:
    with pytest.raises(SiteError, match="plain relative path"):
        write_staging(magazine.root, magazine.settings, generated({bad: "x"}), {}, magazine.staging)


def test_failed_write_keeps_the_previous_staging(magazine: MagazineRoot) -> None:
    write_staging(
        magazine.root, magazine.settings, generated(generated_pages()), {}, magazine.staging
    )
    before = tree_digest(magazine.staging)
    # `x` as a file and as a folder: the write fails half-way through.
    files: dict[str, str | bytes] = {"x": "file", "x/y.md": "# y\n"}

    with pytest.raises(OSError):
        write_staging(magazine.root, magazine.settings, generated(files), {}, magazine.staging)

    assert tree_digest(magazine.staging) == before
    assert [p.name for p in magazine.cache.iterdir()] == ["staging"]


def test_leftovers_of_a_killed_build_are_discarded(magazine: MagazineRoot) -> None:
    write_staging(
        magazine.root, magazine.settings, generated(generated_pages()), {}, magazine.staging
    )
    half = magazine.cache / ".staging.new-killed"
    (half / "entries").mkdir(parents=True)
    (half / "entries" / "half.md").write_text("# half", encoding="utf-8")

    write_staging(
        magazine.root, magazine.settings, generated({"n.md": "# n\n"}), {}, magazine.staging
    )

    assert [p.name for p in magazine.cache.iterdir()] == ["staging"]
    assert "entries/half.md" not in tree_digest(magazine.staging)


def test_swap_cut_between_renames_is_recovered(tmp_path: Path) -> None:
    target = tmp_path / "site"
    old = tmp_path / ".site.old-cut"
    old.mkdir()
    (old / "index.html").write_text("previous", encoding="utf-8")

    discard_leftovers(target)

    assert (target / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_replace_dir_puts_the_new_folder_in_place(tmp_path: Path) -> None:
    target, fresh = tmp_path / "site", tmp_path / "cache" / "build"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    fresh.mkdir(parents=True)
    (fresh / "new.html").write_text("new", encoding="utf-8")

    replace_dir(fresh, target)

    assert sorted(os.listdir(target)) == ["new.html"]
    assert not fresh.exists()
    assert sorted(os.listdir(tmp_path)) == ["cache", "site"]


def test_markers_in_top_level_pages_are_filled_in_the_staged_copy(tmp_path: Path) -> None:
    root = tmp_path / "mag"
    (root / "docs" / "essays").mkdir(parents=True)
    home = "# Home\n\n<!-- magazine:latest -->\n\n<!-- magazine:unknown -->\n"
    (root / "docs" / "index.md").write_text(home, encoding="utf-8")
    (root / "docs" / "essays" / "one.md").write_text("<!-- magazine:latest -->\n")
    staging = root / ".magazine" / "staging" / "docs"

    write_staging(root, Settings(), generated({}), {}, staging, {"latest": "- [a](trials/a.md)"})

    staged = (staging / "index.md").read_text(encoding="utf-8")
    assert "- [a](trials/a.md)" in staged
    assert "<!-- magazine:latest -->" not in staged
    assert "<!-- magazine:unknown -->" in staged
    # links in a snippet are relative to the docs root: pages in sub-folders are left alone
    assert (staging / "essays" / "one.md").read_text() == "<!-- magazine:latest -->\n"
    assert (root / "docs" / "index.md").read_text(encoding="utf-8") == home


def test_srcset_addresses_in_a_snippet_follow_the_page_it_lands_in(tmp_path: Path) -> None:
    """The builder rewrites an image's `src` for the page it is on, never its `srcset`: a
    snippet placed in `about.md` (served at `about/`) gets `../` before each address."""
    root = tmp_path / "mag"
    (root / "docs").mkdir(parents=True)
    for page in ("index.md", "about.md"):
        (root / "docs" / page).write_text("<!-- magazine:latest -->\n", encoding="utf-8")
    card = (
        '[![](media/a/still-640.webp){ srcset="media/a/still-320.webp 320w, '
        'https://media.example/media/b/still-640.webp 640w" sizes="100vw" }](trials/a.md)'
    )
    staging = root / ".magazine" / "staging" / "docs"
    write_staging(root, Settings(), generated({}), {}, staging, {"latest": card})
    assert card in (staging / "index.md").read_text(encoding="utf-8")
    about = (staging / "about.md").read_text(encoding="utf-8")
    assert (
        'srcset="../media/a/still-320.webp 320w, https://media.example/media/b/still-640.webp 640w"'
        in about
    )
    assert "[![](media/a/still-640.webp)" in about  # `src`: the builder's to rewrite


def test_the_preview_leaves_a_changed_picture_to_draw_after_the_pages(
    magazine: MagazineRoot,
) -> None:
    from generator.generated import GeneratedFile
    from generator.site.livestaging import LiveStaging

    live = LiveStaging(magazine.staging)
    old = GeneratedFile(b"\x89PNG old card")
    live.update(magazine.root, magazine.settings, {"cards/index.png": old}, {})
    drawn: list[str] = []

    def draw(name: str) -> bytes:
        drawn.append(name)
        return b"\x89PNG " + name.encode()

    files = {
        "cards/index.png": GeneratedFile.later_picture(lambda: draw("changed")),
        "cards/new.png": GeneratedFile.later_picture(lambda: draw("new")),
    }
    changes = live.update(magazine.root, magazine.settings, files, {}, defer_pages=True)
    assert changes is not None
    # A new picture is in the folder at once (MkDocs lists the folder); a changed one waits.
    assert drawn == ["new"] and set(changes.pending) == {"cards/index.png"}
    assert (magazine.staging / "cards/index.png").read_bytes() == b"\x89PNG old card"
    changes.write_pending()
    assert (magazine.staging / "cards/index.png").read_bytes() == b"\x89PNG changed"
