from __future__ import annotations

import dataclasses
import re

from bs4 import Tag

from generator.media.renditions import MediaIndex
from generator.model import Magazine
from generator.pages import render_pages
from tests.pages_fixtures import at, entry, magazine, media_index, to_html


def _table(site_magazine: Magazine, media: MediaIndex) -> tuple[list[str], list[list[Tag]], Tag]:
    page = render_pages(site_magazine, media).files["leaderboard.md"].text
    assert isinstance(page, str)
    soup = to_html(page)
    # The view by service of video services (the first kind).
    table = soup.find("table", attrs={"data-magazine-sortable": True, "data-view": "service"})
    assert isinstance(table, Tag)
    heads = [th.get_text() for th in table.find("thead").find_all("th")]
    rows = [row.find_all("td") for row in table.find("tbody").find_all("tr")]
    return heads, rows, soup


def _row(heads: list[str], rows: list[list[Tag]], service: str) -> dict[str, Tag]:
    found = next(cells for cells in rows if cells[1].get_text() == service)
    return dict(zip(heads, found, strict=True))


def test_each_cell_shows_the_mean_alone_and_counts_have_their_own_column(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    heads, rows, _ = _table(small_magazine, small_media)
    sora = _row(heads, rows, "Sora")

    assert heads[:4] == ["#", "Service", "Overall", "Rated attempts"]
    assert sora["Overall"].get_text() == "3.8"
    assert sora["Rated attempts"].get_text() == "3"
    assert sora["Quality"].get_text() == "4.0 n=3"
    criteria = heads[4 : heads.index("Median wait")]
    for cells in rows:
        row = dict(zip(heads, cells, strict=True))
        for head in ("Overall", *criteria):
            assert re.fullmatch(r"\d\.\d( n=\d+)?|–", row[head].get_text()), row[head]
    # The count moved into the tooltip of every mean.
    assert sora["Overall"].find("span")["title"] == "Rated attempts averaged: 3"
    assert sora["Quality"].find("span")["title"] == "Ratings averaged: 3"


def test_means_over_few_ratings_are_muted_with_a_tooltip_and_one_legend(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    heads, rows, soup = _table(small_magazine, small_media)
    sora = _row(heads, rows, "Sora")
    kling = _row(heads, rows, "Kling")

    steady = sora["Quality"].find("span")
    few = sora["Composition"].find("span")
    assert "magazine-few" not in steady["class"]
    assert "magazine-few" in few["class"]
    assert few["title"] == "Ratings averaged: 2 (fewer than 3, so only a hint)"
    assert "magazine-few" in kling["Overall"].find("span")["class"]
    legends = soup.find_all("p", class_="magazine-legend")
    assert len(legends) == 1
    assert "fewer than 3" in legends[0].get_text() and "(#)" in legends[0].get_text()


def test_only_services_rated_three_times_take_a_rank_and_lead_the_table(
    small_media: MediaIndex,
) -> None:
    base = magazine()
    # Kling's average now beats Sora's, but rests on 2 rated attempts: no rank, after Sora.
    extra = entry(
        "lantern-kling",
        service="kling",
        prompt="Lanterns over a night market.",
        submitted_at=at("2025-03-01T00:40:00"),
        delivered_at=at("2025-03-01T01:00:00"),
        ratings={"quality": 5, "composition": 5, "lighting": 5},
    )
    site_magazine = dataclasses.replace(base, entries=(*base.entries, extra))
    heads, rows, _ = _table(site_magazine, media_index())
    kling = _row(heads, rows, "Kling")
    sora = _row(heads, rows, "Sora")

    assert float(kling["Overall"]["data-sort"]) > float(sora["Overall"]["data-sort"])
    assert [cells[1].get_text() for cells in rows][:2] == ["Sora", "Kling"]
    assert sora["#"].get_text() == "1" and kling["#"].get_text() == "–"
    assert kling["Rated attempts"].get_text() == "2"
    # Unranked rows have no rank to sort on: the script puts them last either way.
    assert kling["#"]["data-sort"] == "" and sora["#"]["data-sort"] == "1"


def test_numeric_columns_sort_on_numbers(small_magazine: Magazine, small_media: MediaIndex) -> None:
    page = render_pages(small_magazine, small_media).files["leaderboard.md"].text
    assert isinstance(page, str)
    for table in to_html(page).find_all("table"):
        heads = table.find("thead").find_all("th")
        numeric = [i for i, th in enumerate(heads) if th.get("data-sort-type") == "number"]
        words = [heads[i].get_text() for i in range(len(heads)) if i not in numeric]
        assert words == (["Model", "Service"] if table["data-view"] == "model" else ["Service"])
        for row in table.find("tbody").find_all("tr"):
            cells = row.find_all("td")
            for index in numeric:
                # A number to sort on, or nothing ("–"): the script sorts those rows last.
                key = cells[index]["data-sort"]
                assert (key == "" and cells[index].get_text() == "–") or float(key) >= 0
