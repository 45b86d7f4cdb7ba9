"""A service page charts what the service delivered over time against the claim in force."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from generator.media.renditions import ClipMedia, ClipRef, Measured, MediaFacts, MediaIndex
from generator.model import Clip, Magazine, ServiceClaim, group_comparisons
from generator.pages import render_pages
from generator.pages.charts import nice_ticks
from tests.pages_fixtures import at, entry, magazine, media_index, to_html

# (slug, submitted, short side, seconds, distinct pictures a second, motion)
ATTEMPTS = [
    ("k-feb", "2025-02-10T09:00:00", 720, 10.0, 30.0, 12.0),
    ("k-mar-a", "2025-03-01T09:00:00", 720, 8.0, 15.0, 20.0),
    ("k-mar-b", "2025-03-10T09:00:00", 1080, 6.0, 24.0, 8.0),
    ("k-mar-c", "2025-03-20T09:00:00", 1080, 5.0, 24.0, 10.0),
    ("k-apr", "2025-04-02T09:00:00", 720, 4.0, 12.0, 30.0),
]
CLAIMS = (
    ServiceClaim(date=date(2025, 1, 1), max_resolution="1080p", max_seconds=10, fps=30),
    # From the middle of March: shorter clips at a lower rate (the March 20 attempt meets it).
    ServiceClaim(date=date(2025, 3, 15), max_resolution="1920x1080", max_seconds=5, fps=24),
)


def claimed_magazine(language: str = "en") -> tuple[Magazine, MediaIndex]:
    """The small magazine with Kling's dated claims and five measured Kling attempts."""
    base = magazine(language)
    more = tuple(
        entry(
            slug,
            service="kling",
            prompt=f"prompt {slug}",
            submitted_at=at(when),
            clips=(Clip(file=f"media/{slug}.mp4"),),
        )
        for slug, when, *_ in ATTEMPTS
    )
    items = base.entries + more
    services = dict(base.services)
    services["kling"] = services["kling"].model_copy(update={"claims": CLAIMS})
    mag = dataclasses.replace(
        base, entries=items, services=services, comparisons=group_comparisons(items)
    )
    clips = dict(media_index().clips)
    for slug, _, short, seconds, distinct, motion in ATTEMPTS:
        facts = MediaFacts(
            kind="video",
            width=short * 16 // 9,
            height=short,
            duration=seconds,
            fps=30.0,
            codec="h264",
            pix_fmt="yuv420p",
            size_bytes=1000,
        )
        measured = Measured(effective_fps=distinct, motion=motion, width=640, height=360)
        ref = ClipRef(slug, 0)
        clips[ref] = ClipMedia(ref, "f" * 64, facts, (), measured=measured)
    return mag, MediaIndex(clips=clips, failures=media_index().failures)


@pytest.fixture(scope="module")
def page() -> BeautifulSoup:
    mag, media = claimed_magazine()
    files = render_pages(mag, media).files
    return to_html(files["services/kling.md"].text)


def _chart(page: BeautifulSoup, kind: str) -> Tag:
    figure = page.find("figure", attrs={"data-chart": kind})
    assert isinstance(figure, Tag), kind
    return figure


def _dots(figure: Tag) -> dict[str, float]:
    """Each dot's tooltip → its height on the chart."""
    return {c.find("title").get_text(): float(c["cy"]) for c in figure.find_all("circle")}


def _claimed(figure: Tag) -> list[dict[str, Any]]:
    return [
        {
            "label": line.find("title").get_text(),
            "x1": float(line["x1"]),
            "x2": float(line["x2"]),
            "y": float(line["y1"]),
        }
        for line in figure.find_all("line", class_="claimed")
    ]


def test_every_quantity_is_charted_with_a_dot_per_attempt(page: BeautifulSoup) -> None:
    for kind in ("resolution", "length", "frame-rate", "motion"):
        figure = _chart(page, kind)
        svg = figure.find("svg")
        assert svg["role"] == "img" and svg["viewbox"].startswith("0 0 360 ")
        assert svg.find("title").get_text() and svg.find("desc").get_text()
        assert len(figure.find_all("circle", class_="delivered")) == len(ATTEMPTS), kind
        # Never under 10 units of text in a 360-unit chart.
        assert all(float(t["font-size"]) >= 10 for t in svg.find_all("text"))


def test_the_length_chart_draws_the_claim_in_force_as_steps(page: BeautifulSoup) -> None:
    figure = _chart(page, "length")
    dots = _dots(figure)
    first, second = _claimed(figure)
    assert first["label"] == "claimed from 1 Jan 2025: 10 s"
    assert second["label"] == "claimed from 15 Mar 2025: 5 s"
    # The claim's line is at the claimed value: an attempt that delivered exactly it sits on it.
    assert first["y"] == dots["10 Feb 2025: 10 s"]
    assert second["y"] == dots["20 Mar 2025: 5 s"]
    # One step, on the day of the new claim: between the attempts before it and after it.
    assert first["x2"] == second["x1"]
    xs = {c.find("title").get_text(): float(c["cx"]) for c in figure.find_all("circle")}
    assert xs["10 Mar 2025: 6 s"] < second["x1"] < xs["20 Mar 2025: 5 s"]
    assert len(figure.find_all("line", class_="claimed-step")) == 1
    # A longer-than-claimed 6 s sits above the 5 s line only after the claim changed.
    assert dots["10 Mar 2025: 6 s"] < second["y"]


def test_the_frame_rate_chart_holds_distinct_pictures_against_the_claimed_rate(
    page: BeautifulSoup,
) -> None:
    figure = _chart(page, "frame-rate")
    dots = _dots(figure)
    first, second = _claimed(figure)
    assert first["y"] == dots["10 Feb 2025: 30"]
    assert second["y"] == dots["20 Mar 2025: 24"]
    assert dots["2 Apr 2025: 12"] > second["y"]  # half the claimed rate: well below the line


def test_resolution_claims_in_either_form_and_motion_without_a_claim(page: BeautifulSoup) -> None:
    resolution = _claimed(_chart(page, "resolution"))
    dots = _dots(_chart(page, "resolution"))
    # 1080p, then 1920x1080: the same claim in two forms, one line.
    assert [(c["label"], c["y"]) for c in resolution] == [
        ("claimed from 1 Jan 2025: 1080p", dots["10 Mar 2025: 1080p"])
    ]
    assert not _chart(page, "motion").find_all("line", class_="claimed")


def test_a_claim_that_keeps_a_value_draws_one_line_from_when_it_was_first_claimed() -> None:
    mag, media = claimed_magazine()
    services = dict(mag.services)
    same = (CLAIMS[0], CLAIMS[1].model_copy(update={"max_seconds": 10}))
    services["kling"] = services["kling"].model_copy(update={"claims": same})
    page = to_html(
        render_pages(dataclasses.replace(mag, services=services), media)
        .files["services/kling.md"]
        .text
    )
    [line] = _claimed(_chart(page, "length"))
    assert line["label"] == "claimed from 1 Jan 2025: 10 s"
    assert not _chart(page, "length").find_all("line", class_="claimed-step")
    assert len(_claimed(_chart(page, "frame-rate"))) == 2  # 30, then 24 fps


def test_a_month_with_several_attempts_has_its_median_drawn_and_tabled(
    page: BeautifulSoup,
) -> None:
    months = _chart(page, "length").find_all("line", class_="month")
    assert [m.find("title").get_text() for m in months] == ["median of 2025-03: 6 s"]
    tables = [t for t in page.find_all("table") if t.find("th", string="Month")]
    [by_month] = tables
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in by_month.find_all("tr")[1:]]
    assert ["2025-03", "3", "1080p", "6.0 s", "24.0", "10.0"] in rows
    assert ["2025-04", "1", "720p", "4.0 s", "12.0", "30.0"] in rows


def test_the_korean_page_labels_the_charts_in_korean() -> None:
    mag, media = claimed_magazine("ko")
    page = to_html(render_pages(mag, media).files["services/kling.md"].text)
    figure = _chart(page, "length")
    assert [c["label"] for c in _claimed(figure)] == [
        "2025년 1월 1일부터 주장: 10초",
        "2025년 3월 15일부터 주장: 5초",
    ]
    assert "점수" not in figure.get_text()
    assert "실제 결과물" in figure.find("figcaption").get_text()


def test_one_attempt_is_centred_under_a_claim_across_the_chart() -> None:
    mag, media = claimed_magazine()
    only = tuple(e for e in mag.entries if e.service != "kling" or e.slug == "k-apr")
    mag = dataclasses.replace(mag, entries=only, comparisons=group_comparisons(only))
    page = to_html(render_pages(mag, media).files["services/kling.md"].text)
    figure = _chart(page, "length")
    [claim] = _claimed(figure)
    assert claim["label"] == "claimed from 15 Mar 2025: 5 s"
    dot = figure.find("circle")
    assert claim["x1"] < float(dot["cx"]) < claim["x2"]


def test_nice_ticks_reach_the_top() -> None:
    assert nice_ticks(10.5) == [0, 5, 10, 15]
    assert nice_ticks(31.5) == [0, 10, 20, 30, 40]
    assert nice_ticks(0.3)[-1] == 0.3


def test_no_media_path_leaks(page: BeautifulSoup) -> None:
    assert str(Path("/cache")) not in str(page)
