"""Times and durations as writers type them: in the magazine's zone, `now`, `약 3시간`."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.durations import parse_duration
from generator.errors import ContentError
from generator.source.entries import load_magazine
from tests.magazine_fixtures import MKDOCS, PENDING, write_magazine

SEOUL = ZoneInfo("Asia/Seoul")
NO_ZONE = MKDOCS.replace("    timezone: Asia/Seoul\n", "    {}\n")


@pytest.mark.parametrize(
    "written",
    [
        "2025-01-03T10:05",  # no seconds: text to YAML, not a timestamp
        "2025-01-03 10:05",
        "'2025-01-03T10:05:00'",  # quoted
        '"2025-01-03 10:05:00"',
        "2025-01-03T10:05:00",  # a YAML timestamp without an offset
    ],
)
def test_every_offset_less_time_is_read_in_the_zone(tmp_path: Path, written: str) -> None:
    text = PENDING.replace("2025-01-03T10:05:00+09:00", written)
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": text}, files={})
    entry = load_magazine(root).entry("kling")
    assert entry.submitted_at == datetime(2025, 1, 3, 10, 5, tzinfo=SEOUL)
    assert entry.submitted_at.utcoffset() == timedelta(hours=9)


def test_the_timezone_advice_is_given_only_without_a_zone(tmp_path: Path) -> None:
    text = PENDING.replace("2025-01-03T10:05:00+09:00", "2025-01-03T10:05")
    root = write_magazine(tmp_path / "a", {"2025/01/kling.yml": text}, mkdocs=NO_ZONE, files={})
    with pytest.raises(ContentError) as unzoned:
        load_magazine(root)
    assert "or set extra.magazine.timezone" in str(unzoned.value)
    dated = PENDING.replace("2025-01-03T10:05:00+09:00", "2025-01-03")
    root = write_magazine(tmp_path / "b", {"2025/01/kling.yml": dated}, files={})
    with pytest.raises(ContentError) as zoned:
        load_magazine(root)
    assert "a date alone is not enough: add the time" in str(zoned.value)
    assert "timezone" not in str(zoned.value) and "UTC offset" not in str(zoned.value)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("약 3시간", 180),
        ("about 3h", 180),
        ("~3h", 180),
        ("3 hours", 180),
        ("3 minutes", 3),
        ("1 hour 30 minutes", 90),
        ("approx. 2 days", 2880),
        ("3시간", 180),
        ("PT3H", 180),
    ],
)
def test_durations_as_services_promise_them(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["about", "~", "3 horas", "약"])
def test_an_estimate_still_needs_a_number_and_a_unit(text: str) -> None:
    with pytest.raises(ValueError, match="write a number and a unit"):
        parse_duration(text)


def test_an_estimated_promise_in_an_entry(tmp_path: Path) -> None:
    text = PENDING.replace("promised_wait: 3h", "promised_wait: 약 3시간").replace(
        "checked_at: 2025-01-05T10:05:00+09:00", "checked_at: 2025-01-03T13:05"
    )
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": text}, files={})
    entry = load_magazine(root).entry("kling")
    assert entry.promised_wait == timedelta(hours=3)
    assert entry.wait is not None and entry.wait.ratio == 1


@pytest.mark.parametrize("word", ["now", "지금", "NOW"])
def test_pending_measures_to_the_clock_when_asked(magazine_root: Path, word: str) -> None:
    result = CliRunner().invoke(main, ["--root", str(magazine_root), "pending", "--now", word])
    assert result.exit_code == 0, result.output
    (line,) = [row for row in result.stdout.splitlines() if row.startswith("kling")]
    days = (datetime.now(SEOUL) - datetime(2025, 1, 3, 10, 5, tzinfo=SEOUL)).days
    assert f"≥ {days}일" in line or f"≥ {days - 1}일" in line
    recorded = CliRunner().invoke(main, ["--root", str(magazine_root), "pending"])
    assert "≥ 2일" in recorded.stdout  # by default, the recorded checked_at


@pytest.mark.usefixtures("english_messages")  # the rule, in its English words
def test_a_time_without_an_offset_on_the_command_line_needs_a_zone(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", mkdocs=NO_ZONE)
    result = CliRunner().invoke(main, ["--root", str(root), "pending", "--now", "2025-01-06"])
    assert result.exit_code == 2
    assert "has no UTC offset" in result.stderr
    assert "or set extra.magazine.timezone" in result.stderr
