from __future__ import annotations

from bs4 import BeautifulSoup

from generator.pages.charts import ScorePoint, WaitBar, score_chart, wait_chart


def test_wait_chart_draws_promise_and_open_ended_pending() -> None:
    svg = wait_chart(
        [
            WaitBar("1 Jan", 0.5, 3.0, True),
            WaitBar("2 Jan <b>", 48.0, 3.0, False),
        ],
        "Wait <per> attempt",
        "hours",
    )
    assert "\n" not in svg
    soup = BeautifulSoup(svg, "html.parser")
    chart = soup.find("svg")
    assert chart["role"] == "img" and chart["aria-label"] == "Wait <per> attempt"
    assert chart.find("title").get_text() == "Wait <per> attempt"
    assert chart.find("b") is None
    settled, pending = chart.find_all("rect", class_="wait")
    assert "settled" in settled["class"] and float(settled["width"]) < float(pending["width"])
    assert pending["fill"] == "none" and pending["stroke-dasharray"]
    assert len(chart.find_all("polygon", class_="arrow")) == 1
    assert len(chart.find_all("line", class_="promise")) == 2


def test_score_chart_places_points_by_score() -> None:
    svg = score_chart(
        [ScorePoint("Jan", 0.0, 5.0), ScorePoint("Mar", 1.0, 1.0)], 5, "Scores over time"
    )
    circles = BeautifulSoup(svg, "html.parser").find_all("circle")
    assert [c.find("title").get_text() for c in circles] == ["Jan: 5.0", "Mar: 1.0"]
    assert float(circles[0]["cy"]) < float(circles[1]["cy"])
    assert float(circles[0]["cx"]) < float(circles[1]["cx"])
