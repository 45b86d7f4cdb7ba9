from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from generator.model import Access, Plan, Status
from generator.pages.labels import LANGUAGES, labels_for


def test_every_language_names_every_enumeration() -> None:
    for labels in LANGUAGES.values():
        assert set(labels.statuses) == {s.value for s in Status}
        assert set(labels.plans) == {p.value for p in Plan}
        assert set(labels.access) == {a.value for a in Access}
        assert len(labels.months) == 12
        for item in fields(labels):
            assert getattr(labels, item.name), item.name


def test_korean_and_english_formats() -> None:
    ko, en = labels_for("ko-KR"), labels_for("en")
    assert ko.duration(timedelta(days=2, hours=3)) == "2일 3시간"
    assert en.duration(timedelta(days=2, hours=3)) == "2 d 3 h"
    assert ko.day(date(2025, 1, 3)) == "2025년 1월 3일"
    assert en.day(date(2025, 1, 3)) == "3 Jan 2025"
    assert ko.month_name(2025, 2) == "2025년 2월"
    assert labels_for("fr") is en


def test_moments_show_the_zone_abbreviation_or_else_the_offset() -> None:
    ko, en = labels_for("ko"), labels_for("en")
    moment = datetime(2025, 1, 5, 1, 5, tzinfo=UTC)

    assert ko.moment(moment, ZoneInfo("Asia/Seoul")) == "2025년 1월 5일 10:05 KST"
    assert en.moment(moment, ZoneInfo("Europe/Berlin")) == "5 Jan 2025 02:05 CET"
    assert en.moment(moment, UTC) == "5 Jan 2025 01:05 UTC"
    # tz data names Dubai only by its offset ("+04"): show the offset the usual way.
    assert en.moment(moment, ZoneInfo("Asia/Dubai")) == "5 Jan 2025 05:05 UTC+04:00"
    assert en.moment(moment, ZoneInfo("America/St_Johns")) == "4 Jan 2025 21:35 NST"
    # As written, with a bare offset and no zone.
    fixed = moment.astimezone(timezone(timedelta(hours=-3, minutes=-30)))
    assert en.moment(fixed, None) == "4 Jan 2025 21:35 UTC-03:30"
