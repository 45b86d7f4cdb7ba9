"""The preview's memory (entries read, rule checks, pages and parts rendered) changes nothing.

Each save of `magazine serve` runs `prepare` with the `Memory` of the saves before it. Whatever
was edited, every file must be the one a fresh build (no memory) writes, and what the edit did
not reach must be reused rather than made again.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import Memory, prepare
from generator.errors import ContentError
from generator.model import Entry, Service, ServiceChange, ServiceKind, Status, group_comparisons
from generator.pages import GeneratedFile, PageMemo, RenderedSite, render_pages
from generator.progress import SilentProgress
from generator.site.pagework import front_matter
from generator.source import EntryCache, load_magazine
from tests.build_fixtures import RUNWAY, write_small_magazine
from tests.magazine_fixtures import write_magazine
from tests.pages_fixtures import SPARKS, entries, magazine, media_index


def _fresh(root: Path) -> RenderedSite:
    return prepare(root, offline=True, progress=SilentProgress())[2]


def _kept(root: Path, memory: Memory) -> RenderedSite:
    """A save with `memory`, every page made (as the preview's build does before the next)."""
    rendered = prepare(root, offline=True, progress=SilentProgress(), memory=memory)[2]
    for page in rendered.files.values():
        page.data  # noqa: B018 (a page left for later checks it starts with its head)
    return rendered


def _same(root: Path, memory: Memory) -> RenderedSite:
    """A save with `memory`, checked against a build without it, file by file."""
    kept, fresh = _kept(root, memory), _fresh(root)
    assert sorted(kept.files) == sorted(fresh.files)
    for path, text in fresh.files.items():
        assert kept.files[path].data == text.data, path
    assert kept.snippets == fresh.snippets
    assert kept.nav == fresh.nav
    return kept


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert edited != text, pattern
    path.write_text(edited, encoding="utf-8")


def _clip(root: Path, name: str) -> Path:
    return root / "entries/2025/02/media" / name


def _add_entry(root: Path) -> None:
    """Another attempt at Runway's prompt (a new comparison), naming Runway's clip."""
    boat = root / "entries/2025/03/boat.yml"
    boat.parent.mkdir(parents=True)
    text = RUNWAY.replace("2025-02-10", "2025-03-01").replace("media/", "../../2025/02/media/")
    boat.write_text(text, encoding="utf-8")


def _criteria(root: Path) -> None:
    (root / "entries/criteria.yml").write_text(
        "quality: {label: {en: Quality, ko: 품질}, scale: 10}\n"
        "lighting: {label: {en: Light, ko: 조명}}\n",
        encoding="utf-8",
    )


def test_every_save_writes_what_a_fresh_build_writes(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "magazine")
    entries_dir = root / "entries"
    sora, kling = entries_dir / "2025/01/sora.yml", entries_dir / "2025/01/kling.yml"
    mkdocs = root / "mkdocs.yml"
    memory = Memory()
    steps: list[Callable[[], object]] = [
        lambda: None,
        lambda: _edit(sora, r"^verdict: .*$", "verdict: sharper on the second look"),
        lambda: _edit(entries_dir / "services.yml", "Kling$", "Kling AI"),
        lambda: _add_entry(root),
        kling.unlink,
        # The same moment in another offset: equal datetimes, but pages write the offset.
        lambda: _edit(sora, r"^submitted_at: .*$", "submitted_at: 2025-01-03T01:00:00Z"),
        lambda: shutil.copyfile(_clip(root, "runway.mp4"), sora.parent / "media/sora.mp4"),
        lambda: _criteria(root),
        lambda: _edit(mkdocs, "language: ko", "language: en"),
        lambda: _edit(mkdocs, "timezone: Asia/Seoul", "timezone: UTC"),
        lambda: _edit(mkdocs, "^site_url: .*$", "site_url: https://example.net/other/"),
    ]
    for step in steps:
        step()
        _same(root, memory)


def test_a_clip_file_that_goes_away_or_comes_back_is_noticed(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "magazine")
    memory = Memory()
    _same(root, memory)
    clip, aside = _clip(root, "runway.mp4"), tmp_path / "runway.mp4"
    clip.rename(aside)
    with pytest.raises(ContentError, match="file not found"):
        _kept(root, memory)
    clip.mkdir()
    with pytest.raises(ContentError, match="is a folder"):
        _kept(root, memory)
    clip.rmdir()
    clip.symlink_to(aside)
    with pytest.raises(ContentError, match="outside the magazine"):
        _kept(root, memory)
    clip.unlink()
    aside.rename(clip)
    _same(root, memory)


def test_an_unchanged_save_renders_nothing_and_an_edit_only_what_it_reaches(
    tmp_path: Path,
) -> None:
    root = write_small_magazine(tmp_path / "magazine")
    memory = Memory()
    _kept(root, memory)
    cold = memory.pages.renders
    checks = memory.entries.checks
    assert cold > 10 and checks == 3

    _kept(root, memory)
    assert memory.pages.renders == cold  # nothing changed, nothing rendered
    assert memory.entries.checks == checks  # and no entry's rules run again

    _edit(root / "entries/2025/02/runway.yml", r"^verdict: .*$", "verdict: Better than it looked.")
    _same(root, memory)
    edited = memory.pages.renders - cold
    assert memory.entries.checks == checks + 1
    # The runway entry's own page, its rows and its data line, and the pages listing it;
    # not the pages of the Sora/Kling comparison or of their services.
    assert 0 < edited < cold / 2


def _registry(root: Path, text: str) -> Callable[[], None]:
    def write() -> None:
        (root / "entries/services.yml").write_text(text, encoding="utf-8")

    return write


def test_every_edit_of_the_services_registry_writes_what_a_fresh_build_writes(
    tmp_path: Path,
) -> None:
    """Each service has its own token: whatever changes in one record (its name, kind,
    vendor, address, dated changes), or a record added or removed, reaches every page that
    shows it, and a record equal to the last one leaves every page as it was."""
    root = write_small_magazine(tmp_path / "magazine")
    services = root / "entries/services.yml"
    memory = Memory()
    _same(root, memory)
    steps: list[Callable[[], object]] = [
        lambda: _edit(services, "name: Sora$", "name: Sora Turbo"),
        lambda: _edit(services, "name: Sora Turbo$", "name: Sora"),  # back as it was
        lambda: _edit(services, "(kling:\n(?:  .*\n)*?)  kind: video", "\\1  kind: image"),
        lambda: _edit(services, "vendor: Kuaishou$", "vendor: Kuaishou <Tech>"),
        lambda: _edit(services, "vendor: Runway$", "vendor: Runway\n  url: https://runway.test"),
        lambda: _edit(
            services,
            "(runway:\n(?:  .*\n)*)",
            "\\1  changes:\n    - {date: 2025-02-01, access: paid, note: priced}\n",
        ),
        # A service nobody has tried yet: its own page, the index; then gone again.
        lambda: services.write_text(
            services.read_text(encoding="utf-8") + "pika:\n  name: Pika\n  kind: video\n",
            encoding="utf-8",
        ),
        lambda: _edit(services, "name: Pika$", "name: Pika Labs"),
        lambda: _edit(services, "pika:\n(?:  .*\n)*", ""),
        # A rename that changes the services' order by name.
        lambda: _edit(services, "name: Runway$", "name: Aardvark"),
        lambda: _edit(services, "name: Kling$", "name: Zebra"),
        # The same records written otherwise: equal values, nothing to render again.
        lambda: services.write_text(
            "# reordered\n" + services.read_text(encoding="utf-8"), encoding="utf-8"
        ),
    ]
    for step in steps:
        step()
        _same(root, memory)


def test_renaming_a_service_renders_only_what_shows_it(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "magazine")
    memory = Memory()
    _kept(root, memory)
    cold = memory.pages.renders
    _edit(root / "entries/services.yml", "name: Runway$", "name: Runway Gen-4")
    kept = _same(root, memory)
    renamed = memory.pages.renders - cold
    assert "Runway Gen-4" in kept.files["services/runway.md"].text
    # Runway's page, its entry's page, rows and data line, the lists that show it; not the
    # pages of the Sora/Kling comparison, its entries or their services.
    assert 0 < renamed < cold / 2
    before = memory.pages.renders
    _kept(root, memory)
    assert memory.pages.renders == before  # and a save after it renders nothing


def test_a_renamed_service_leaves_the_pages_that_show_it_for_later(tmp_path: Path) -> None:
    # A rename reaches every comparison the service is in, every entry page beside it, every
    # month and list it shows in; the preview makes those when they are read (the page a
    # reader waits for first).
    root = write_small_magazine(tmp_path / "magazine")
    memory = Memory()
    _kept(root, memory)
    _edit(root / "entries/services.yml", "name: Kling$", "name: Kling AI")
    before = memory.pages.renders
    files = prepare(root, offline=True, progress=SilentProgress(), memory=memory)[2].files
    # (A page the save did not reach is the very text, or made page, of the last save.)
    later = {p: page for p, page in files.items() if not page.made}
    comparison = next(path for path in later if path.startswith("compare/"))
    # So are the month's report and the list of trials that show it.
    expected = {"trials/sora.md", "trials/kling.md", comparison, "trials/index.md"}
    assert expected | {"reports/2025-01.md"} <= later.keys()
    made_now = memory.pages.renders - before
    # Their front matter is known already: what other pages show of them.
    fresh = _fresh(root).files
    for path, page in later.items():
        assert front_matter(page.head) == front_matter(fresh[path].text), path
        assert page.text == fresh[path].text, path
    assert memory.pages.renders > made_now + before  # made when read, not before
    assert "Kling AI" in files["services/kling.md"].text


def test_a_memo_that_leaves_nothing_for_later_makes_every_page() -> None:
    memo = PageMemo()
    made = memo.later("page", 1, lambda: "text", lambda: "te")
    assert made.made and made.text == "text"
    assert memo.later("page", 1, lambda: "other", lambda: "ot").text == "text"  # inputs stand
    lazy = PageMemo(later=True)
    made = lazy.later("page", 1, lambda: "text", lambda: "te")
    assert made.head == "te" and not made.made and lazy.renders == 0
    assert made.text == "text" and lazy.renders == 1
    assert lazy.later("page", 1, lambda: "other", lambda: "ot").text == "text"


def test_a_page_left_for_later_must_start_as_it_said_it_would() -> None:
    made: list[str] = []

    def make() -> str:
        made.append("body")
        return "---\ntitle: b\n---\nbody"

    page = GeneratedFile.later("---\ntitle: a\n---\n", make)
    assert made == [] and not page.made
    with pytest.raises(AssertionError, match="does not start"):
        page.text  # noqa: B018
    assert GeneratedFile(b"\x89PNG").data == b"\x89PNG" and not GeneratedFile(b"").is_text


def test_equal_but_new_entries_are_rendered_again() -> None:
    """Pages are reused for the very entry objects the entry cache hands back, never for
    entries that merely compare equal (equal moments in two offsets compare equal)."""
    fresh = render_pages(magazine(), media_index(), home=True)
    memo = PageMemo()
    assert render_pages(magazine(), media_index(), home=True, memo=memo).files == fresh.files
    once = memo.renders
    assert render_pages(magazine(), media_index(), home=True, memo=memo).files == fresh.files
    # All but what reads no entry: the address check (slugs, paths, keys) and the tags page.
    assert memo.renders == 2 * once - 2
    kept = magazine()
    render_pages(kept, media_index(), home=True, memo=memo)
    again = memo.renders
    assert render_pages(kept, media_index(), home=True, memo=memo).files == fresh.files
    assert memo.renders == again
    assert len(entries()) > 3


def test_a_rule_check_is_reused_only_for_the_same_entry_object(magazine_root: Path) -> None:
    cache = EntryCache()
    load_magazine(magazine_root, cache)
    assert cache.checks == 2
    load_magazine(magazine_root, cache)
    assert cache.checks == 2
    write_magazine(magazine_root, services="sora: {name: Sora}\n")
    with pytest.raises(ContentError, match="unknown service 'kling'"):
        load_magazine(magazine_root, cache)  # the registry changed: both entries checked again
    assert cache.checks == 4


_EDITS = st.sampled_from(
    [
        {"verdict": "Changed my mind."},
        {"title": "A <new> title"},
        {"service": "kling"},
        {"service": "not-in-the-registry"},
        {"status": Status.FAILED},
        {"ratings": {"quality": 1}},
        {"tags": ("fresh",)},
        {"prompt": "A prompt of its own."},
        {"prompt": SPARKS},
        {"submitted_at": datetime(2025, 3, 1, 12, tzinfo=UTC)},
        {"delivered_at": datetime(2025, 3, 2, 12, tzinfo=UTC)},
        {"language": "ko"},
        {"gone": True},
        {"copy": True},
    ]
)


_REGISTRY_EDITS = st.sampled_from(
    [
        None,
        ("sora", {"name": "Sora <2>"}),
        ("sora", {"name": "Zora"}),  # after Veo by name
        ("kling", {"kind": ServiceKind.IMAGE}),
        ("kling", {"vendor": "Another vendor"}),
        ("kling", {"url": "https://kling.test/new"}),
        ("veo", {"description": "Now with *sound*."}),
        ("midjourney", {"changes": (ServiceChange(date=date(2025, 2, 1), note="v7"),)}),
        ("midjourney", {"changes": ()}),
        ("pika", {"name": "Pika"}),  # a service without entries, added
        ("pika", None),  # and removed
        ("veo", None),  # a service some entry names, removed: a bare one stands in
    ]
)


def _apply_registry(
    services: dict[str, Service], edit: tuple[str, dict[str, Any] | None] | None
) -> None:
    """Edit the registry the way a load would see it: every record a new object."""
    for key, record in services.items():
        services[key] = record.model_copy()
    if edit is None:
        return
    key, update = edit
    if update is None:
        services.pop(key, None)
    elif key in services:
        services[key] = services[key].model_copy(update=update)
    else:
        services[key] = Service(key=key, **{"name": key.title(), **update})


def _apply(items: list[Entry], position: int, edit: dict[str, Any]) -> None:
    """Edit one entry the way the entry cache would see it: a new object, the others kept."""
    index = position % len(items)
    if edit.get("gone"):
        if len(items) > 1:
            items.pop(index)
        return
    if edit.get("copy"):
        slug = f"{items[index].slug}-again-{len(items)}"
        items.append(items[index].model_copy(update={"slug": slug, "path": f"{slug}.yml"}))
        return
    items[index] = items[index].model_copy(update=edit)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 50), _EDITS, st.booleans(), _REGISTRY_EDITS),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["en", "ko"]),
)
def test_any_sequence_of_edits_renders_what_a_fresh_render_does(
    edits: list[tuple[int, dict[str, Any], bool, Any]], language: str
) -> None:
    base = magazine()
    media = media_index()
    memo = PageMemo()
    items = list(base.entries)
    settings_now = base.settings
    services = dict(base.services)
    render_pages(base, media, home=True, memo=memo)
    for position, edit, relabel, registry in edits:
        _apply(items, position, edit)
        _apply_registry(services, registry)
        if relabel:
            settings_now = settings_now.model_copy(update={"language": language})
        ordered = tuple(sorted(items, key=lambda e: (e.submitted_at, e.slug)))
        now = replace(
            base,
            settings=settings_now,
            entries=ordered,
            services=dict(services),
            comparisons=group_comparisons(ordered),
        )
        kept = render_pages(now, media, home=True, memo=memo)
        fresh = render_pages(now, media, home=True)
        assert kept.files == fresh.files
        assert kept.snippets == fresh.snippets
