"""The example magazine's open data carries every clip's measurements, valid by the shipped
JSON Schema, the same in JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup

from generator.build import prepare
from generator.media.renditions import MEASURE_KEYS
from generator.pages.opendata import MEASURED_SCHEMA, measured_schema
from generator.progress import SilentProgress
from tests.browser_fixtures import copy_example
from tests.pages_fixtures import to_html

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def example_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = copy_example(tmp_path_factory.mktemp("example") / "magazine", language="en")
    _, _, rendered, warnings = prepare(root, offline=True, progress=SilentProgress())
    assert not [w for w in warnings if "measured" in w]
    return {path: file.text for path, file in rendered.files.items()}


def test_the_schema_is_a_valid_schema_naming_every_measure() -> None:
    schema = json.loads(measured_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["required"]) == {*MEASURE_KEYS, "analysis"}


def test_every_clip_of_the_example_is_measured_and_valid(example_files: dict[str, Any]) -> None:
    schema = json.loads(example_files[MEASURED_SCHEMA])
    validator = jsonschema.Draft202012Validator(schema)
    records = json.loads(example_files["data/entries.json"])
    measured = [
        clip["media"]["measured"]
        for record in records
        for clip in record["clips"]
        if clip["media"] is not None
    ]
    assert len(measured) >= 8
    for value in measured:
        errors = [error.message for error in validator.iter_errors(value)]
        assert errors == [], errors
    # Some of the example's clips move, some are images (no motion), none is all null.
    assert any(m["motion"] for m in measured)
    assert all(m["brightness"] is not None for m in measured)


def test_the_csv_clips_cell_holds_the_same_measurements(example_files: dict[str, Any]) -> None:
    records = {r["slug"]: r for r in json.loads(example_files["data/entries.json"])}
    rows = list(csv.DictReader(io.StringIO(example_files["data/entries.csv"])))
    checked = 0
    for row in rows:
        cell = json.loads(row["clips"])
        record = records[row["slug"]]
        assert len(cell) == len(record["clips"])
        for from_csv, clip in zip(cell, record["clips"], strict=True):
            assert from_csv["source"] == (clip["file"] or clip["url"])
            media = clip["media"]
            assert from_csv["measured"] == (media["measured"] if media else None)
            checked += from_csv["measured"] is not None
    assert checked >= 8


def test_the_open_data_page_links_the_schema(example_files: dict[str, Any]) -> None:
    assert "(measured.schema.json)" in example_files["data/index.md"]
    assert Path(MEASURED_SCHEMA).name == "measured.schema.json"


def test_the_entry_page_shows_each_measure_with_its_key_flags_and_claims(
    example_files: dict[str, Any],
) -> None:
    page = str(example_files["trials/lighthouse-veo.md"])
    panel = page[page.index("### Measured") :]
    for key in MEASURE_KEYS:
        assert f'data-measure="{key}"' in panel, key
    # The stand-in's slow gradient repeats many of its pictures: flagged, beside the claim.
    [record] = [
        r for r in json.loads(example_files["data/entries.json"]) if r["slug"] == "lighthouse-veo"
    ]
    distinct = round(record["clips"][0]["media"]["measured"]["effective_fps"])
    assert distinct < 24 * 0.75
    assert f"{distinct} distinct pictures a second in a 24 fps file" in panel
    assert "claimed 1920x1080 · delivered 1280×720 &#40;720p&#41;" in panel
    assert f"claimed 24 fps · delivered {distinct} distinct pictures a second" in panel
    assert 'href="https://deepmind.google/technologies/veo/"' in panel


def test_the_comparison_page_sets_measures_beside_ratings_with_timelines(
    example_files: dict[str, Any],
) -> None:
    page = str(example_files["compare/storm-lighthouse.md"])
    table = page[page.index("### Measured") :]
    assert table.count('data-measure="motion"') == 8  # every clip of the eight delivered
    assert 'class="magazine-notable"' in table
    assert 'class="magazine-rating">(' in table  # the writer's rating beside the fact
    assert table.count('<svg class="magazine-timeline"') == 8
    # What each service claimed that day, beside what it delivered, leads the table.
    assert "| Resolution &#40;Claimed&#41; | – | claimed 1080p · delivered 1920×1080" in table
    assert "claimed 24 fps · delivered " in table


def test_the_service_page_shows_deliveries_against_claims(example_files: dict[str, Any]) -> None:
    page = str(example_files["services/veo.md"])
    section = page[page.index("## Delivered over time") :]
    assert '<figure class="magazine-chart"' in section
    assert "| 720p | 1920x1080 |" in section  # delivered beside the claim in force
    assert "### Claimed" in section and ">deepmind&#46;google</a>" in section


def _axis_value(figure: Any, y: float) -> float:
    """The value at height `y` of a delivery chart, read off its marked grid lines."""
    marks = [
        (float(line["y1"]), float(text.get_text().split()[0].rstrip("ps초")))
        for line, text in zip(
            figure.find_all("line", class_="grid"),
            figure.find_all("text", class_="tick"),
            strict=True,
        )
    ]
    (y0, v0), (y1, v1) = marks[0], marks[-1]
    return v0 + (v1 - v0) * (y - y0) / (y1 - y0)


def test_the_service_page_charts_deliveries_against_the_claim_in_force(
    example_files: dict[str, Any],
) -> None:
    page = str(example_files["services/veo.md"])
    section = BeautifulSoup(page[page.index("## Delivered over time") :], "html.parser")
    records = json.loads(example_files["data/entries.json"])
    attempts = [
        r for r in records if r["service"] == "veo" and r["clips"] and r["clips"][0]["media"]
    ]
    assert len(attempts) == 2
    # Veo claimed 8 s at 24 fps from 1 May 2025: both attempts were sent under that claim.
    for kind, claimed, label in (
        ("length", 8.0, "claimed from 1 May 2025: 8 s"),
        ("frame-rate", 24.0, "claimed from 1 May 2025: 24"),
    ):
        figure = section.find("figure", attrs={"data-chart": kind})
        assert figure is not None, kind
        assert len(figure.find_all("circle", class_="delivered")) == len(attempts)
        [line] = figure.find_all("line", class_="claimed")
        assert line.find("title").get_text() == label
        assert _axis_value(figure, float(line["y1"])) == pytest.approx(claimed, abs=0.05)
    # Each dot stands at what its attempt delivered.
    figure = section.find("figure", attrs={"data-chart": "frame-rate"})
    delivered = sorted(r["clips"][0]["media"]["measured"]["effective_fps"] for r in attempts)
    shown = sorted(_axis_value(figure, float(c["cy"])) for c in figure.find_all("circle"))
    assert shown == pytest.approx(delivered, abs=0.05)
    # By month: the median of each month, in a table.
    tables = [t for t in to_html(page).find_all("table") if t.find("th", string="Month")]
    rows = [[td.get_text() for td in tr.find_all("td")][:2] for tr in tables[0].find_all("tr")[1:]]
    assert rows == [["2025-05", "1"], ["2025-06", "1"]]


def test_the_leaderboard_sorts_by_measured_columns(example_files: dict[str, Any]) -> None:
    page = str(example_files["leaderboard.md"])
    assert '<th data-sort-type="number">Distinct pictures a second</th>' in page
    assert 'data-measure="sharpness"' in page


def test_measurements_are_never_called_scores() -> None:
    from generator.pages.labels import labels_for

    for language, word in (("en", "score"), ("ko", "점수")):
        words = labels_for(language).measured
        texts = [*words.names.values(), *words.tells.values(), words.heading, words.informs]
        assert not [t for t in texts if word in t.casefold()], language
