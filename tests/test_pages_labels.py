from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

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
