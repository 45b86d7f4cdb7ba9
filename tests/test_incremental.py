"""A save in the preview rebuilds only what it changed, and the site equals a full build.

The preview stages into a folder it updates in place (`LiveStaging`, which says which files
it wrote) and hands that list to `IncrementalSite`: a save that only rewrites pages whose
title and tags stay the same is patched in (the changed pages alone are converted and
rendered, the search index is written from kept records); anything else takes the walk over
every page. Either way the preview's site must be byte for byte what a full build of the same
staging folder makes.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig

from generator.pages import GeneratedFile
from generator.site.builder import build_site
from generator.site.livestaging import LiveStaging
from generator.site.pagework import page_warnings
from generator.site.preview import Preview, Regenerated
from tests.site_fixtures import MagazineRoot, generated, generated_pages, rendered, tree_digest

EPOCH = 1_735_866_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Saves:
    """The preview of a magazine whose generated files the test edits between saves."""

    def __init__(self, magazine: MagazineRoot) -> None:
        self.magazine = magazine
        self.files: dict[str, str | GeneratedFile] = dict(generated_pages())
        self.staging = LiveStaging(magazine.staging)
        self.reports: list[str] = []
        self.preview = Preview(
            magazine.root,
            magazine.settings,
            magazine.staging,
            None,
            regenerate=self.regenerate,
            port=_free_port(),
            source_date_epoch=EPOCH,
            report=self.reports.append,
        )

    def regenerate(self) -> Regenerated:
        m = self.magazine
        # As `magazine serve` stages: changed pages are read from memory and written after.
        files = generated(self.files)
        changes = self.staging.update(m.root, m.settings, files, {}, defer_pages=True)
        return rendered(files), changes

    def save(self, *, warned: bool = False) -> bool:
        """Rebuild as a save does; whether the preview patched the changed pages in."""
        self.preview.rebuild()
        if not warned:
            assert self.preview.problem is None, self.preview.problem
        assert self.preview.last is not None
        return self.preview.last.patched

    def assert_equals_full_build(self) -> None:
        m = self.magazine
        build_site(
            m.root,
            m.settings,
            m.staging,
            m.site,
            rendered(self.files),
            strict=False,
            source_date_epoch=EPOCH,
        )
        preview, full = tree_digest(self.preview.site_dir), tree_digest(m.site)
        assert preview.keys() == full.keys()
        assert [rel for rel in full if preview[rel] != full[rel]] == []


@pytest.fixture
def saves(magazine: MagazineRoot) -> Iterator[Saves]:
    kept = Saves(magazine)
    kept.save()
    try:
        yield kept
    finally:
        kept.preview.shutdown()


def test_a_changed_paragraph_is_patched_in_and_equals_a_full_build(saves: Saves) -> None:
    page = "entries/sora-waitlist.md"
    saves.files[page] = str(saves.files[page]).replace("48시간", "72시간")
    assert saves.save()
    assert saves.preview.last is not None
    assert (saves.preview.last.converted, saves.preview.last.rendered) == (1, 1)
    saves.assert_equals_full_build()
    index = json.loads((saves.preview.site_dir / "search/search_index.json").read_text("utf-8"))
    texts = " ".join(record["text"] for record in index["docs"])
    assert "72시간" in texts and "48시간" not in texts
    assert index["config"]["fields"]["subwords"] == {"boost": 0.5}


def test_a_changed_data_file_is_copied_without_touching_pages(saves: Saves) -> None:
    saves.files["data/_entries.json"] = '{"entries": 3}\n'
    assert saves.save()
    assert saves.preview.last is not None and saves.preview.last.rendered == 0
    assert (saves.preview.site_dir / "data/_entries.json").read_text() == '{"entries": 3}\n'
    saves.assert_equals_full_build()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("# 소라 대기열 체험", "# 소라 대기열 체험기"),  # the title other pages show
        ("  - 대기\n", "  - 대기\n  - 새 태그\n"),  # the tags the tag listing shows
    ],
    ids=["title", "tags"],
)
def test_a_change_other_pages_show_takes_the_full_walk(saves: Saves, old: str, new: str) -> None:
    page = "entries/sora-waitlist.md"
    assert old in str(saves.files[page])
    saves.files[page] = str(saves.files[page]).replace(old, new)
    assert not saves.save()
    saves.assert_equals_full_build()
    # And the next plain edit is patched again, on the new structure.
    saves.files[page] = str(saves.files[page]).replace("48시간", "72시간")
    assert saves.save()
    saves.assert_equals_full_build()


def test_a_new_page_is_taken_in_without_a_walk_and_a_removed_one_walks(saves: Saves) -> None:
    saves.files["entries/veo-fog.md"] = "# 베오 안개\n\n안개 속 등대.\n"
    assert saves.save()
    assert (saves.preview.site_dir / "entries/veo-fog/index.html").is_file()
    sitemap = (saves.preview.site_dir / "sitemap.xml").read_text("utf-8")
    assert "entries/veo-fog/" in sitemap
    saves.assert_equals_full_build()
    del saves.files["entries/veo-fog.md"]
    assert not saves.save()
    assert not (saves.preview.site_dir / "entries/veo-fog").exists()
    saves.assert_equals_full_build()


def test_a_new_tagged_page_is_listed_under_its_tags_without_a_walk(saves: Saves) -> None:
    # Listed among pages of the same title, in site order, as a walk would list it.
    saves.files["entries/aaa-first.md"] = (
        '---\ntitle: "클링 체험"\ntags:\n  - text-to-video\n  - 새 태그\n---\n\n본문.\n'
    )
    saves.files["entries/zzz-last.md"] = (
        '---\ntitle: "클링 체험"\ntags:\n  - text-to-video\n---\n\n본문.\n'
    )
    assert saves.save()
    tags = (saves.preview.site_dir / "tags/index.html").read_text("utf-8")
    assert "새 태그" in tags and "aaa-first" in tags and "zzz-last" in tags
    saves.assert_equals_full_build()
    # That full build ran in this process, with the very plugins (MkDocs keeps one of each),
    # and started the tags plugin afresh on its own pages: the next new page takes the walk.
    saves.files["entries/mmm-middle.md"] = (
        '---\ntitle: "클링 체험"\ntags:\n  - text-to-video\n---\n\n가운데.\n'
    )
    assert not saves.save()
    saves.files["entries/bbb-second.md"] = (
        '---\ntitle: "클링 체험"\ntags:\n  - text-to-video\n---\n\n둘째.\n'
    )
    assert saves.save()
    saves.assert_equals_full_build()


@pytest.mark.parametrize(
    "page, text",
    [
        ("notes/listing.md", "# 모든 태그\n\n<!-- material/tags -->\n"),
        ("entries/named.md", "# 이름이 불린 페이지\n"),
    ],
    ids=["a new tag listing", "a page another page mentions"],
)
def test_a_new_page_that_other_pages_depend_on_takes_the_walk(
    saves: Saves, page: str, text: str
) -> None:
    other = "entries/kling-list.md"
    saves.files[other] = str(saves.files[other]) + "\n[곧 쓸 페이지](named.md)\n"
    saves.save(warned=True)
    saves.files[page] = text
    assert not saves.save(warned=True)
    saves.assert_equals_full_build()


def test_a_removed_heading_warns_on_the_page_that_links_to_it(saves: Saves) -> None:
    page = "entries/sora-waitlist.md"
    saves.files[page] = str(saves.files[page]).replace("## Notes", "Notes:")
    saves.preview.rebuild()
    assert saves.preview.last is not None and saves.preview.last.patched
    assert any("#notes" in report for report in saves.reports), saves.reports
    # `magazine build` would refuse this, so the pages say so too (as a warning).
    assert saves.preview.problem is not None and "#notes" in saves.preview.problem
    # A save that does not touch either page keeps saying it: the site still stands under it.
    saves.files["data/_entries.json"] = '{"entries": 3}\n'
    assert saves.save(warned=True)
    assert saves.preview.problem is not None and "#notes" in saves.preview.problem
    # And a save that fixes it clears it.
    saves.files[page] = str(saves.files[page]).replace("Notes:", "## Notes")
    saves.save()
    assert saves.preview.problem is None


def test_a_warning_in_a_page_stands_until_that_page_is_fixed(saves: Saves) -> None:
    saves.files["services/index.md"] = str(saves.files["services/index.md"]) + (
        "\n[없는 글](../entries/missing.md)\n"
    )
    saves.save(warned=True)
    assert saves.preview.problem is not None and "missing.md" in saves.preview.problem
    page = "entries/sora-waitlist.md"
    for old, new in (("48시간", "72시간"), ("72시간", "96시간")):  # the warning stays
        saves.files[page] = str(saves.files[page]).replace(old, new)
        assert saves.save(warned=True)
        assert saves.preview.problem is not None and "missing.md" in saves.preview.problem
    saves.files["services/index.md"] = generated_pages()["services/index.md"]
    assert saves.save()
    assert saves.preview.problem is None


def test_live_staging_writes_only_what_changed(magazine: MagazineRoot, tmp_path: Path) -> None:
    staging = LiveStaging(magazine.staging)
    files = generated_pages()
    assert staging.update(magazine.root, magazine.settings, generated(files), {}) is None
    before = {p: p.stat().st_ino for p in magazine.staging.rglob("*") if p.is_file()}
    files["entries/kling-list.md"] = "# 클링\n\n새 문단.\n"
    files["entries/new.md"] = "# 새 글\n"
    del files["data/_entries.json"]
    changes = staging.update(magazine.root, magazine.settings, generated(files), {})
    assert changes is not None
    assert changes.written == {"entries/kling-list.md", "entries/new.md"}
    assert changes.added == {"entries/new.md"}
    assert changes.removed == {"data/_entries.json"}
    assert not (magazine.staging / "data").exists()  # the emptied folder goes too
    after = {p: p.stat().st_ino for p in magazine.staging.rglob("*") if p.is_file()}
    untouched = [p for p in after if p in before and p.name not in ("kling-list.md",)]
    assert untouched and all(after[p] == before[p] for p in untouched)
    assert (magazine.staging / "entries/kling-list.md").read_text("utf-8") == "# 클링\n\n새 문단.\n"
    # The writer's page changes are seen too.
    (magazine.root / "docs/about.md").write_text("# 소개\n\n고친 소개.\n", encoding="utf-8")
    changes = staging.update(magazine.root, magazine.settings, generated(files), {})
    assert changes is not None and changes.written == {"about.md"}
    assert not [p for p in magazine.staging.rglob("*") if p.name.endswith(".new")]


def test_live_staging_can_leave_changed_pages_to_write_after_the_build(
    magazine: MagazineRoot,
) -> None:
    staging = LiveStaging(magazine.staging)
    files = generated_pages()
    staging.update(magazine.root, magazine.settings, generated(files), {})
    page, folder = "entries/kling-list.md", magazine.staging
    old = (folder / page).read_text("utf-8")
    files[page] = "# 클링\n\n새 문단.\n"
    files["entries/new.md"] = "# 새 글\n"
    changes = staging.update(
        magazine.root, magazine.settings, generated(files), {}, defer_pages=True
    )
    assert changes is not None and changes.written == {page, "entries/new.md"}
    # A changed page waits, with its text handed over; a new one is written (MkDocs lists it).
    assert {p: f.text for p, f in changes.pending.items()} == {page: "# 클링\n\n새 문단.\n"}
    assert (folder / page).read_text("utf-8") == old
    assert (folder / "entries/new.md").read_text("utf-8") == "# 새 글\n"
    changes.write_pending()
    assert (folder / page).read_text("utf-8") == "# 클링\n\n새 문단.\n"
    # Pages an update left pending are written before the next one compares anything.
    files[page] = "# 클링\n\n또 고친 문단.\n"
    changes = staging.update(
        magazine.root, magazine.settings, generated(files), {}, defer_pages=True
    )
    assert changes is not None and set(changes.pending) == {page}
    files["entries/new.md"] = "# 새 글, 고침\n"
    changes = staging.update(
        magazine.root, magazine.settings, generated(files), {}, defer_pages=True
    )
    assert changes is not None and set(changes.pending) == {"entries/new.md"}
    assert (folder / page).read_text("utf-8") == "# 클링\n\n또 고친 문단.\n"


def test_a_new_title_only_its_own_page_shows_is_patched_in(saves: Saves) -> None:
    # Not in the nav and without tags: no other page shows its title (a service page, say).
    saves.files["notes/plain.md"] = "# 평범한 글\n\n본문.\n"
    assert saves.save()  # a new page, taken in without a walk
    saves.files["notes/plain.md"] = "# 평범하지 않은 글\n\n본문.\n"
    assert saves.save()
    saves.assert_equals_full_build()
    saves.files["notes/plain.md"] = '---\ntitle: "앞에 쓴 제목"\n---\n\n# 평범한 글\n\n본문.\n'
    assert saves.save()
    saves.assert_equals_full_build()


def test_live_staging_never_writes_through_to_a_linked_rendition(
    magazine: MagazineRoot, tmp_path: Path
) -> None:
    rendition = tmp_path / "cache" / "clip.mp4"
    rendition.parent.mkdir()
    rendition.write_bytes(b"rendition bytes")
    staging = LiveStaging(magazine.staging)
    files = generated_pages()
    staging.update(
        magazine.root, magazine.settings, generated(files), {"media/ab/clip.mp4": rendition}
    )
    # The same path now generated as text: the staged copy changes, the cache does not.
    files["media/ab/clip.mp4"] = b"generated instead"
    changes = staging.update(magazine.root, magazine.settings, generated(files), {})
    assert changes is not None and "media/ab/clip.mp4" in changes.written
    assert (magazine.staging / "media/ab/clip.mp4").read_bytes() == b"generated instead"
    assert rendition.read_bytes() == b"rendition bytes"


def test_what_the_server_logs_during_a_build_is_not_the_builds_warning(
    magazine: MagazineRoot,
) -> None:
    # MkDocs' server logs a request for a missing page as a warning, in its own thread, and
    # a build may be running then: that is not a problem of the site.
    config = MkDocsConfig()
    with page_warnings(config) as found:
        logging.getLogger("mkdocs.livereload").warning('"GET /missing/ HTTP/1.1" code 404')
        served = threading.Thread(
            target=lambda: logging.getLogger("mkdocs.livereload").warning('"GET /x/" code 404')
        )
        served.start()
        served.join()
    assert found.rest() == ['WARNING: "GET /missing/ HTTP/1.1" code 404']


def test_a_page_whose_front_matter_stands_is_read_when_written_from_the_new_text(
    saves: Saves,
) -> None:
    # Its title is in its front matter, so the plan does not read it; it is read when it is
    # written, from the text the staging step handed over (the folder gets it after).
    saves.files["notes/titled.md"] = '---\ntitle: "앞에 쓴 제목"\n---\n\n첫 본문.\n'
    assert saves.save()  # a new page, taken in without a walk
    saves.files["notes/titled.md"] = '---\ntitle: "앞에 쓴 제목"\n---\n\n고친 본문.\n'
    assert saves.save()
    served = (saves.preview.site_dir / "notes/titled/index.html").read_text("utf-8")
    assert "고친 본문." in served
    saves.assert_equals_full_build()


def _watch_plan(saves: Saves, later: GeneratedFile) -> list[bool]:
    """Whether `later` was made by the time each build had planned."""
    seen: list[bool] = []
    queue = saves.preview._server.queue
    planned = queue.on_plan

    def on_plan() -> None:
        seen.append(later.made)
        if planned is not None:
            planned()

    queue.on_plan = on_plan
    return seen


def test_a_page_left_for_later_is_made_when_written_not_before_the_plan(saves: Saves) -> None:
    # The generator leaves a changed page to be made when it is read (a renamed service
    # reaches a thousand pages): its front matter is known, so the plan does without it.
    page = "notes/titled.md"
    saves.files[page] = '---\ntitle: "앞에 쓴 제목"\n---\n\n첫 본문.\n'
    assert saves.save()
    text = '---\ntitle: "앞에 쓴 제목"\n---\n\n나중에 만든 본문.\n'
    later = GeneratedFile.later('---\ntitle: "앞에 쓴 제목"\n---\n', lambda: text)
    saves.files[page] = later
    made_at_plan = _watch_plan(saves, later)
    assert saves.save()
    assert made_at_plan == [False]
    served = (saves.preview.site_dir / "notes/titled/index.html").read_text("utf-8")
    assert "나중에 만든 본문." in served
    assert (saves.magazine.staging / page).read_text("utf-8") == text
    saves.assert_equals_full_build()


def test_a_page_left_for_later_whose_description_changed_waits_for_its_turn(
    saves: Saves,
) -> None:
    # Other pages show a page's title and tags, not its description (a renamed service
    # changes the description of every attempt at a prompt beside it).
    page = "notes/titled.md"
    saves.files[page] = '---\ntitle: "제목"\ndescription: "소라의 체험"\n---\n\n본문.\n'
    assert saves.save()
    head = '---\ntitle: "제목"\ndescription: "소라 2의 체험"\n---\n'
    later = GeneratedFile.later(head, lambda: head + "\n고친 본문.\n")
    saves.files[page] = later
    made_at_plan = _watch_plan(saves, later)
    assert saves.save()
    assert made_at_plan == [False]
    served = (saves.preview.site_dir / "notes/titled/index.html").read_text("utf-8")
    assert "고친 본문." in served and "소라 2의 체험" in served
    saves.assert_equals_full_build()


@pytest.mark.parametrize(
    "head",
    ['---\ntitle: "새 제목"\n---\n', ""],
    ids=["its title changed", "nothing known of it"],
)
def test_a_page_left_for_later_whose_front_matter_may_change_is_made_to_plan(
    saves: Saves, head: str
) -> None:
    page = "notes/titled.md"
    saves.files[page] = '---\ntitle: "앞에 쓴 제목"\n---\n\n첫 본문.\n'
    assert saves.save()
    text = '---\ntitle: "새 제목"\n---\n\n첫 본문.\n'
    later = GeneratedFile.later(head, lambda: text)
    saves.files[page] = later
    made_at_plan = _watch_plan(saves, later)
    saves.save()
    assert made_at_plan == [True]
    served = (saves.preview.site_dir / "notes/titled/index.html").read_text("utf-8")
    assert "새 제목" in served
    saves.assert_equals_full_build()


@pytest.mark.parametrize("then", ["edit", "new page"])
def test_changes_the_site_never_saw_are_not_lost_to_the_next_save(saves: Saves, then: str) -> None:
    # The staging step wrote this save's pages, then the site's configuration could not be
    # written: the next save's list of changes does not hold this one's.
    config = saves.magazine.root / ".magazine" / "preview.yml"
    assert config.is_file()
    config.unlink()
    config.mkdir()
    first = "entries/sora-waitlist.md"
    saves.files[first] = str(saves.files[first]).replace("48시간", "72시간")
    saves.preview.rebuild()
    assert saves.preview.problem is not None
    config.rmdir()
    second = "entries/kling-list.md"
    saves.files[second] = str(saves.files[second]).replace("이틀을", "사흘을")
    if then == "new page":
        saves.files["notes/new.md"] = "# 새 페이지\n\n본문.\n"
    saves.save()
    served = (saves.preview.site_dir / "entries/sora-waitlist/index.html").read_text("utf-8")
    assert "72시간" in served
    saves.assert_equals_full_build()
