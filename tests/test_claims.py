"""Services' dated claims: validated with located problems, the one in force on an attempt's
submission day found, and an entry's own promised wait winning over the claimed one."""

from __future__ import annotations

import json
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest

from generator.claimed import claim_for, claim_on, promise_for
from generator.errors import ContentError
from generator.media.renditions import ClipMedia, ClipRef, MediaFacts, MediaIndex
from generator.pages import render_pages
from generator.pages.labels import labels_for
from generator.pages.measured import claim_lines
from generator.source import load_magazine
from tests.magazine_fixtures import DELIVERED, PENDING, SERVICES, write_magazine

CLAIMS = (
    SERVICES
    + """\
    - {date: 2025-04-01, access: free, note: free again}
  claims:
    - date: 2024-12-01
      max_resolution: 720p
      max_seconds: 5
      fps: 24
      wait: 3h
      source: https://klingai.com/release-notes
    - date: 2025-01-04
      max_resolution: 1920x1080
      max_seconds: 10
      fps: 30
      wait: 1h
"""
)


def test_claims_load_and_the_claim_in_force_is_the_latest_before_the_day(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", services=CLAIMS)
    magazine = load_magazine(root)
    kling = magazine.services["kling"]
    assert [c.date for c in kling.claims] == [date(2024, 12, 1), date(2025, 1, 4)]
    assert kling.claims[0].lines == 720 and kling.claims[1].lines == 1080
    assert claim_on(kling, date(2024, 11, 30)) is None
    assert claim_on(kling, date(2025, 1, 3)) == kling.claims[0]
    assert claim_on(kling, date(2025, 1, 4)) == kling.claims[1]
    assert claim_on(kling, date(2030, 1, 1)) == kling.claims[1]


def test_the_submission_day_is_taken_in_the_magazine_time_zone(tmp_path: Path) -> None:
    # Submitted 2025-01-04 00:30 in Seoul, which is still 3 January in UTC.
    entry = PENDING.replace("2025-01-03T10:05:00+09:00", "2025-01-04T00:30:00+09:00")
    entry = entry.replace("promised_wait: 3h\n", "")
    root = write_magazine(tmp_path / "m", {"k.yml": entry}, services=CLAIMS)
    magazine = load_magazine(root)
    [attempt] = magazine.entries
    kling = magazine.services["kling"]
    assert claim_for(attempt, kling, magazine.timezone) == kling.claims[1]
    assert claim_for(attempt, kling, UTC) == kling.claims[0]  # 3 January in UTC
    assert promise_for(attempt, kling, magazine.timezone) == timedelta(hours=1)


def test_an_entry_promised_wait_wins_over_the_claimed_wait(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", {"k.yml": PENDING}, services=CLAIMS)
    magazine = load_magazine(root)
    [attempt] = magazine.entries
    kling = magazine.services["kling"]
    assert attempt.promised_wait == timedelta(hours=3)
    assert promise_for(attempt, kling, magazine.timezone) == timedelta(hours=3)
    clip = {"entries/media/sparks-sora.mp4": b"a stand-in"}
    sora = load_magazine(write_magazine(tmp_path / "s", {"s.yml": DELIVERED}, files=clip))
    assert promise_for(sora.entries[0], sora.services["sora"], None) == timedelta(hours=3)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (
            "max_resolution: 1080",
            "entries/services.yml:{line}:23: kling.claims[0].max_resolution: "
            "write 1080p or 1920x1080 (got 1080)",
        ),
        (
            "max_resolution: 4k",
            "entries/services.yml:{line}:23: kling.claims[0].max_resolution: "
            "write 1080p or 1920x1080 (got '4k')",
        ),
        (
            "max_seconds: -5",
            "entries/services.yml:{line}:20: kling.claims[0].max_seconds: "
            "must be more than 0 (got the number -5)",
        ),
        (
            "fps: yes",
            "entries/services.yml:{line}:12: kling.claims[0].fps:",
        ),
        (
            "wait: soon",
            "entries/services.yml:{line}:13: kling.claims[0].wait:",
        ),
        (
            "source: javascript:alert(1)",
            "entries/services.yml:{line}:15: kling.claims[0].source: "
            "must be an https:// URL (got javascript:)",
        ),
        (
            "size: big",
            "entries/services.yml:{line}:7: kling.claims[0].size: unknown field 'size'",
        ),
    ],
)
def test_a_bad_claim_is_a_located_problem(tmp_path: Path, claim: str, expected: str) -> None:
    services = SERVICES + f"  claims:\n    - date: 2025-01-01\n      {claim}\n"
    line = services.count("\n")
    root = write_magazine(tmp_path / "m", services=services)
    with pytest.raises(ContentError) as caught:
        load_magazine(root)
    shown = [str(problem) for problem in caught.value.problems]
    assert any(text.startswith(expected.format(line=line)) for text in shown), shown


def test_claims_out_of_order_are_a_located_problem(tmp_path: Path) -> None:
    services = SERVICES + (
        "  claims:\n    - {date: 2025-02-01, fps: 30}\n    - {date: 2025-01-01, fps: 24}\n"
    )
    root = write_magazine(tmp_path / "m", services=services)
    with pytest.raises(ContentError) as caught:
        load_magazine(root)
    [problem] = caught.value.problems
    assert problem.path == "entries/services.yml" and problem.line == 11  # the list
    assert problem.field == "kling.claims"
    assert "oldest first" in str(problem.message)


def test_open_data_names_the_claim_each_attempt_is_held_against(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", {"k.yml": PENDING}, services=CLAIMS)
    rendered = render_pages(load_magazine(root), MediaIndex())
    [record] = json.loads(rendered.files["data/entries.json"].text)
    assert record["claim"] == {
        "date": "2024-12-01",
        "max_resolution": "720p",
        "max_seconds": 5.0,
        "fps": 24.0,
        "wait_seconds": 10800.0,
        "source": "https://klingai.com/release-notes",
    }


def test_pages_set_the_claimed_wait_beside_the_real_one_unless_the_entry_has_its_own(
    tmp_path: Path,
) -> None:
    services = SERVICES.replace(
        "  kind: video\nkling:",
        "  kind: video\n  claims:\n    - {date: 2024-12-01, wait: 3h}\nkling:",
    )
    clip = {"entries/media/sparks-sora.mp4": b"a stand-in"}
    own = DELIVERED.replace("promised_wait: 3h\n", "")
    magazine = load_magazine(
        write_magazine(tmp_path / "m", {"s.yml": own}, services=services, files=clip)
    )
    [entry] = magazine.entries
    sora = magazine.services["sora"]
    claim = claim_for(entry, sora, magazine.timezone)
    media = ClipMedia(
        ClipRef(entry.slug, 0), "0" * 64, MediaFacts(kind="video", width=1280, height=720), ()
    )
    lines = claim_lines(claim, media, labels_for("en"), entry)
    assert lines == {"wait": "claimed 3 h · delivered 40 min"}
    assert promise_for(entry, sora, magazine.timezone) == timedelta(hours=3)
    promised = entry.model_copy(update={"promised_wait": timedelta(hours=1)})
    assert claim_lines(claim, media, labels_for("en"), promised) == {}  # the entry's own wins
