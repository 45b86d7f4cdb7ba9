"""Link-preview cards in the live preview: `magazine serve` draws what `magazine build` draws.

With `site_url` set, every page without a poster points its `og:image` at a card drawn for it
(`cards/<page>.png`). A real `magazine serve` must serve those cards, byte for byte what a
clean build makes, after the edits that reach them (a title, a verdict, a new or removed
entry, the site's name, `site_url` turned off and on), drawing only the cards whose content
changed (cards are kept in the cache folder by what they show). A sibling: any file the
preview took in without a walk (a card, a picture of the writer's) leaves it when removed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.build_fixtures import write_small_magazine
from tests.test_preview import Served, assert_serves_a_clean_build, fetch, serving, wait_for
from tests.test_preview_trust import quiet

pytestmark = pytest.mark.slow

_REBUILT = re.compile(r"^(다시 빌드함|rebuilt): ")


def _rebuilt(served: Served) -> int:
    return sum(1 for line in served.lines() if _REBUILT.match(line))


def _after(served: Served, count: int) -> None:
    """Wait until the preview has said "rebuilt" more than `count` times, and then nothing
    new for a while (a save's events may start a second build)."""
    wait_for(served, "", lambda _body: _rebuilt(served) > count)
    quiet(served)


def _cards(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted((folder / "cards").rglob("*"))
        if path.is_file()
    }


def _drawn(root: Path) -> set[str]:
    """The cards kept in the cache folder (one file per content ever drawn)."""
    return {path.name for path in (root / ".magazine" / "cards").glob("*.png")}


def _serves_the_cards_of_a_clean_build(served: Served, root: Path, clean: Path) -> dict[str, bytes]:
    """Check that the preview serves what a clean build makes, cards and every other file
    included; the clean build's cards."""
    assert_serves_a_clean_build(served, root, clean)
    return _cards(clean)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_preview_serves_the_cards_a_build_draws_after_edits(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "magazine")
    kling = root / "entries/2025/01/kling.yml"
    config = root / "mkdocs.yml"
    with serving(root, tmp_path / "serve.log") as served:
        _after(served, 0)
        cards = _serves_the_cards_of_a_clean_build(served, root, tmp_path / "clean-0")
        # Pages without a poster: the pending attempt, the front page, the leaderboard.
        assert {"cards/trials/kling.png", "cards/index.png", "cards/leaderboard.png"} <= set(cards)

        # A title: the cards that show it are drawn again, and no other.
        before, drawn = _rebuilt(served), _drawn(root)
        _edit(kling, "title: Kling is still thinking", "title: 아직 기다리는 Kling")
        wait_for(served, "trials/kling/", lambda body: "아직 기다리는 Kling" in body)
        _after(served, before)
        new = _drawn(root) - drawn  # by the preview, before the build below
        now = _serves_the_cards_of_a_clean_build(served, root, tmp_path / "clean-1")
        changed = [rel for rel in cards if now[rel] != cards[rel]]
        assert "cards/trials/kling.png" in changed
        assert len(new) == len(changed)

        # A verdict (the description a card shows where a page has no key figure).
        before = _rebuilt(served)
        _edit(root / "entries/2025/02/runway.yml", "Wobbly but charming.", "물에 젖은 배.")
        _after(served, before)
        _serves_the_cards_of_a_clean_build(served, root, tmp_path / "clean-2")

        # A new entry gets its card; removed, it takes its card with it, as does an entry that
        # was there from the start.
        before = _rebuilt(served)
        veo = root / "entries/2025/02/veo.yml"  # a month that has a page: no walk
        veo.write_text(
            "title: Veo의 첫 시도\nservice: sora\nprompt: |\n  A lighthouse in fog.\n"
            "submitted_at: 2025-02-15T09:00:00+09:00\nstatus: waitlisted\n"
            "checked_at: 2025-02-16T09:00:00+09:00\n",
            encoding="utf-8",
        )
        wait_for(served, "cards/trials/veo.png", lambda body: body.startswith("\ufffdPNG"))
        _after(served, before)
        assert "cards/trials/veo.png" in _serves_the_cards_of_a_clean_build(
            served, root, tmp_path / "clean-3"
        )
        before = _rebuilt(served)
        veo.unlink()
        kling.unlink()
        _after(served, before)
        left = _serves_the_cards_of_a_clean_build(served, root, tmp_path / "clean-4")
        assert "cards/trials/veo.png" not in left and "cards/trials/kling.png" not in left

        # The site's name is on every card.
        before = _rebuilt(served)
        _edit(config, "site_name: Test magazine", "site_name: 실험 잡지")
        _after(served, before)
        _serves_the_cards_of_a_clean_build(served, root, tmp_path / "clean-5")

        # Without an address, no card at all; with it again, every card is back.
        before = _rebuilt(served)
        _edit(config, "site_url: https://example.org/magazine/\n", "")
        _after(served, before)
        assert _serves_the_cards_of_a_clean_build(served, root, tmp_path / "clean-6") == {}
        assert fetch(served.url + "cards/index.png") != cards["cards/index.png"]
        before = _rebuilt(served)
        _edit(config, "theme:\n", "site_url: https://example.org/magazine/\ntheme:\n")
        _after(served, before)
        assert _serves_the_cards_of_a_clean_build(served, root, tmp_path / "clean-7")


def test_a_picture_added_and_then_removed_leaves_the_preview(tmp_path: Path) -> None:
    # Taken in without a walk over every page, then removed (which takes the walk): the walk
    # must know the site holds it.
    root = write_small_magazine(tmp_path / "magazine")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs/notes.md").write_text("# 노트\n\n문단.\n", encoding="utf-8")
    picture = root / "docs/picture.png"
    with serving(root, tmp_path / "serve.log") as served:
        _after(served, 0)
        before = _rebuilt(served)
        picture.write_bytes(b"\x89PNG a picture of the writer's")
        _after(served, before)
        assert fetch(served.url + "picture.png") == picture.read_bytes()
        before = _rebuilt(served)
        picture.unlink()
        _after(served, before)
        assert not (root / ".magazine/preview/picture.png").exists()
        assert_serves_a_clean_build(served, root, tmp_path / "clean")
