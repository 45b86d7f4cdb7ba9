"""What is still waiting: measured from checked_at, never the build clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.cells import cell_len

from generator.pending import pending_lines, waiting
from generator.source.entries import load_magazine
from tests.magazine_fixtures import DELIVERED, PENDING, write_magazine

WAITLISTED = """\
title: Veo 2 waitlist
service: veo
prompt: A cat
submitted_at: 2025-01-04T09:00:00Z
status: waitlisted
"""
ABANDONED = PENDING.replace("status: pending", "status: abandoned").replace(
    "title: Kling is still thinking", "title: Gave up"
)
SERVICES = "sora: {name: Sora}\nkling: {name: Kling}\nveo: {name: Veo 2}\n"


def magazine_with_waits(tmp_path: Path) -> Path:
    return write_magazine(
        tmp_path / "m",
        {
            "sora.yml": DELIVERED,
            "kling.yml": PENDING,
            "veo.yml": WAITLISTED,
            "gave-up.yml": ABANDONED,
        },
        services=SERVICES,
        files={"entries/media/sparks-sora.mp4": b"x"},
    )


def test_only_open_submissions_with_waits_from_checked_at(tmp_path: Path) -> None:
    items = waiting(load_magazine(magazine_with_waits(tmp_path)))
    assert [(i.entry.slug, i.service) for i in items] == [("kling", "Kling"), ("veo", "Veo 2")]
    kling, veo = items
    assert kling.waited == timedelta(hours=48)
    assert kling.ratio == 16.0
    assert kling.as_of == datetime(2025, 1, 5, 1, 5, tzinfo=UTC)
    assert veo.waited is None and veo.ratio is None


def test_now_extends_waits_but_never_shortens_them(tmp_path: Path) -> None:
    magazine = load_magazine(magazine_with_waits(tmp_path))
    later = datetime(2025, 1, 10, 1, 5, tzinfo=UTC)
    kling, veo = waiting(magazine, later)
    assert kling.waited == timedelta(days=7)
    assert kling.ratio == 56.0
    assert veo.waited == timedelta(days=5, hours=16, minutes=5)
    earlier = datetime(2025, 1, 4, 1, 5, tzinfo=UTC)
    assert waiting(magazine, earlier)[0].waited == timedelta(hours=48)


def test_table_in_the_magazine_zone(tmp_path: Path) -> None:
    magazine = load_magazine(magazine_with_waits(tmp_path))
    # The magazine's theme.language is ko: the table speaks Korean, like its pages.
    assert pending_lines(waiting(magazine), magazine) == [
        "체험기  서비스  상태         제출                    기다린 시간  약속   배수",
        "kling   Kling   대기 중      2025-01-03 10:05 +0900  ≥ 2일        3시간  ≥ 16×",
        "veo     Veo 2   대기자 명단  2025-01-04 18:00 +0900  모름         -      -",
    ]


def test_table_in_english_for_an_english_magazine(tmp_path: Path) -> None:
    magazine = load_magazine(magazine_with_waits(tmp_path))
    english = replace(magazine, settings=magazine.settings.model_copy(update={"language": "en"}))
    assert pending_lines(waiting(english), english) == [
        "entry  service  status      submitted               waited   promised  ratio",
        "kling  Kling    pending     2025-01-03 10:05 +0900  ≥ 2 d    3 h       ≥ 16×",
        "veo    Veo 2    waitlisted  2025-01-04 18:00 +0900  unknown  -         -",
    ]


def test_nothing_waiting(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m", {"sora.yml": DELIVERED}, files={"entries/media/sparks-sora.mp4": b"x"}
    )
    magazine = load_magazine(root)
    assert pending_lines(waiting(magazine), magazine) == ["기다리는 것이 없습니다"]


def test_hangul_names_line_up_in_terminal_cells(tmp_path: Path) -> None:
    # Hangul takes two terminal cells a character; padding by characters misaligns the columns.
    services = SERVICES.replace("kling: {name: Kling}", "kling: {name: 클링 한국}")
    root = write_magazine(
        tmp_path / "m",
        {"kling.yml": PENDING, "veo.yml": WAITLISTED},
        services=services,
        files={},
    )
    magazine = load_magazine(root)
    lines = pending_lines(waiting(magazine), magazine)
    starts = {
        cell_len(line[: line.index(status)])
        for line, status in zip(lines, ("상태", "대기 중", "대기자 명단"), strict=True)
    }
    assert len(starts) == 1, lines
