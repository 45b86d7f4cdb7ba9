"""`magazine check` reports every problem of every file in one run, even next to a field that
fails on its own (issue 9, defect 11)."""

from __future__ import annotations

from pathlib import Path

from tests.magazine_fixtures import DELIVERED, write_magazine
from tests.test_entries import found

MEDIA = {"entries/2025/01/media/sparks-sora.mp4": b"a stand-in"}


def test_an_unknown_key_does_not_hide_a_rating_out_of_range(tmp_path: Path) -> None:
    text = DELIVERED.replace("ratings: {quality: 4, lighting: 5}", "ratings: {camera: 7}")
    text += "colour: 3\n"
    root = write_magazine(tmp_path / "m", {"2025/01/e.yml": text}, files=MEDIA)
    assert found(root) == [
        "entries/2025/01/e.yml:11:19: ratings.camera: must be a whole number from 1 to 5 (got 7)",
        "entries/2025/01/e.yml:12:1: colour: unknown field 'colour'",
    ]


def test_every_file_and_every_rule_in_one_run(tmp_path: Path) -> None:
    first = DELIVERED.replace("service: sora", "service: sorra") + "camera: 7\n"
    second = DELIVERED.replace("promised_wait: 3h", "promised_wiat: 3h").replace(
        "delivered_at: 2025-01-03T10:40:00+09:00", "delivered_at: 2025-01-02T10:40:00+09:00"
    )
    root = write_magazine(
        tmp_path / "m", {"2025/01/a.yml": first, "2025/01/b.yml": second}, files=MEDIA
    )
    problems = found(root)
    assert any("a.yml" in p and "unknown field 'camera'" in p for p in problems)
    assert any("a.yml" in p and "unknown service 'sorra'" in p for p in problems)
    assert any("b.yml" in p and "unknown field 'promised_wiat'" in p for p in problems)
    # Unknown keys are set aside; the rules across fields still run on the rest.
    assert any("b.yml" in p and "delivered_at: is before submitted_at" in p for p in problems)
