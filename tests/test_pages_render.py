from __future__ import annotations

import csv
import dataclasses
import io
import json
import xml.etree.ElementTree as ET

from generator.media.renditions import MediaIndex
from generator.model import Magazine, group_comparisons
from generator.pages import GeneratedFile, render_pages
from tests.pages_fixtures import BOAT, at, entry, later, magazine, media_index, to_html

ATOM = "{http://www.w3.org/2005/Atom}"


def _text(site_files: object, path: str) -> str:
    value = site_files[path]  # type: ignore[index]
    assert isinstance(value, GeneratedFile)
    return value.text


def test_render_is_deterministic(small_magazine: Magazine, small_media: MediaIndex) -> None:
    first = render_pages(small_magazine, small_media)
    second = render_pages(magazine(), media_index())
    assert first.files == second.files
    assert list(first.files) == sorted(first.files)


def test_nav_lists_only_section_pages(small_magazine: Magazine, small_media: MediaIndex) -> None:
    site = render_pages(small_magazine, small_media)
    targets = [next(iter(item.values())) for item in site.nav]
    assert targets == [
        "trials/index.md",
        "compare/index.md",
        "services/index.md",
        "leaderboard.md",
        "reports/index.md",
        "tags.md",
        "data/index.md",
    ]
    assert all(t in site.files for t in targets)
    assert site.extra_css[0] in site.files and site.extra_javascript[0] in site.files
    assert "<!-- material/tags -->" in _text(site.files, "tags.md")


def test_entry_page_front_matter_clips_and_ratings(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    page = _text(render_pages(small_magazine, small_media).files, "trials/sparks-sora.md")
    assert page.startswith('---\ntitle: "금빛 불꽃이 사람으로"\ndescription: "느낌은 있는데')
    assert 'tags:\n  - "text-to-video"\n  - "slow-motion"\n---' in page
    soup = to_html(page)
    video = soup.find("video")
    assert video is not None
    assert video["preload"] == "none" and video.has_attr("playsinline")
    assert (
        video["poster"] == "../../media/a/still-160.webp"
    )  # the widest still (the JPEG: link previews)
    assert video.find("source")["src"] == "../../media/a/video.mp4"
    sheet = soup.find("figure", class_="magazine-sheet").find("img")
    assert sheet["loading"] == "lazy" and sheet["width"] == "640"
    copy = soup.find("button", attrs={"data-magazine-copy": True})
    assert copy["data-magazine-copy"] == small_magazine.entry("sparks-sora").prompt
    ratings = soup.find("table", class_="magazine-ratings")
    rows = [(tr.th.get_text(), tr.td.get_text().strip()) for tr in ratings.tbody.find_all("tr")]
    assert ("Lighting", "5 / 5") in rows
    assert "40 min (0.2× the promise)" in soup.get_text()
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links["Sora"] == "../services/sora.md"
    assert links["See them side by side"].startswith("../compare/a-mesmerizing-shower")


def test_pending_entry_is_open_ended(small_magazine: Magazine, small_media: MediaIndex) -> None:
    files = render_pages(small_magazine, small_media).files
    page = to_html(_text(files, "trials/sparks-kling.md")).get_text()
    assert "still waiting after 2 d (16× the promise)" in page
    assert "Last checked: 5 Jan 2025 10:05 KST" in page
    chart = to_html(_text(files, "services/kling.md")).find("svg")
    assert chart["role"] == "img" and chart["aria-label"]
    assert chart.find("title").get_text() == chart["aria-label"]
    open_bar = chart.find("rect", class_="open")
    assert open_bar is not None and open_bar["stroke-dasharray"]
    assert chart.find("polygon", class_="arrow") is not None
    assert len(chart.find_all("rect", class_="settled")) == 1


def test_stand_in_and_missing_media_are_labelled(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = to_html(_text(render_pages(small_magazine, small_media).files, "trials/boat-sora.md"))
    figures = soup.find_all("figure", class_="magazine-clip")
    assert len(figures) == 2
    assert "Stand-in, not the service's output" in figures[0].get_text()
    assert "could not be processed: download failed <b>503</b>" in figures[1].get_text()
    assert figures[1].find("b") is None


def test_comparison_rows_grid_and_what_never_arrived(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    site = render_pages(small_magazine, small_media)
    name = next(p for p in site.files if p.startswith("compare/a-mesmerizing"))
    soup = to_html(_text(site.files, name))
    rows = soup.find("table").find("tbody").find_all("tr")
    assert [r.find("td").get_text() for r in rows] == ["Sora", "Kling", "Midjourney", "Veo"]
    statuses = [r.find_all("td")[2].get_text() for r in rows]
    assert statuses == ["delivered", "pending", "paywalled", "waitlisted"]
    tiles = soup.find("div", class_="theater-grid").find_all("figure", class_="theater-tile")
    assert len(tiles) == 4
    assert tiles[0].find("video") is not None
    assert tiles[0].find("video")["preload"] == "none"
    why = [t.find("p", class_="theater-why").get_text(" ") for t in tiles[1:]]
    assert why[0] == "pending never arrived"
    facts = [t.find("span", class_="theater-facts").get_text() for t in tiles[1:]]
    assert "still waiting after 2 d" in facts[0]
    # No check recorded: said once in the frame's reason and once as the wait.
    assert why[1] == "paywalled not delivered, and no check recorded"
    assert soup.find("button", attrs={"data-theater-play": True}) is not None


def test_comparison_marks_best_per_criterion(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    site = render_pages(small_magazine, small_media)
    name = next(p for p in site.files if p.startswith("compare/a-paper-boat"))
    soup = to_html(_text(site.files, name))
    assert soup.select_one("figure.magazine-prompt-quote button")["data-magazine-copy"] == BOAT
    rows = soup.find("table").find("tbody").find_all("tr")
    best = [[td.get_text() for td in r.find_all("strong", class_="magazine-best")] for r in rows]
    assert best == [["5 ★", "4 ★", "4 ★"], []]


def test_korean_labels(small_media: MediaIndex) -> None:
    files = render_pages(magazine("ko"), small_media).files
    page = to_html(_text(files, "trials/sparks-kling.md")).get_text()
    assert "2일 넘게 기다리는 중 (약속의 16×)" in page
    assert "대기 중" in page and "프롬프트" in page
    service = to_html(_text(files, "services/sora.md"))
    assert "이용 조건의 변화" in service.get_text()
    assert "품질" in [th.get_text() for th in service.find_all("th")]
    assert "2025년 1월 3일" in service.get_text()
    assert "2025년 1월" in _text(files, "reports/2025-01.md")


def test_service_page_cost_history_and_attempts(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = to_html(_text(render_pages(small_magazine, small_media).files, "services/sora.md"))
    text = soup.get_text()
    # The label says "per usable clip" once; the value does not repeat it.
    assert "Cost per usable clip: 20 credits (80 credits over 4 attempts, 4 usable clips)" in text
    assert text.count("per usable clip") == 1
    assert "3 / 4 (75%)" in text
    assert soup.find("a", href="https://openai.com/sora") is not None
    history = soup.find_all("table")[0].get_text()
    assert "paid only" in history and "registry" in history
    attempts = soup.find_all("table")[-1].find("tbody").find_all("tr")
    assert len(attempts) == 4


def test_leaderboard_flags_small_counts(small_magazine: Magazine, small_media: MediaIndex) -> None:
    soup = to_html(_text(render_pages(small_magazine, small_media).files, "leaderboard.md"))
    table = soup.find("table", attrs={"data-magazine-sortable": True, "data-view": "service"})
    rows = table.find("tbody").find_all("tr")
    first = [td.get_text() for td in rows[0].find_all("td")]
    assert first[1] == "Sora" and first[0] == "1"
    kling = next(r for r in rows if r.find_all("td")[1].get_text() == "Kling")
    assert kling.find("td").get_text() == "–"
    assert kling.find("span", class_="magazine-few") is not None


def test_reports_per_month_with_changes(small_magazine: Magazine, small_media: MediaIndex) -> None:
    files = render_pages(small_magazine, small_media).files
    february = to_html(_text(files, "reports/2025-02.md")).get_text()
    assert "Kling: 10 Feb 2025 free queue shorter (free)" in february
    assert "Sora: failed" not in february
    archive = to_html(_text(files, "reports/index.md"))
    assert [a.get_text() for a in archive.find_all("a")] == [
        "March 2025",
        "February 2025",
        "January 2025",
    ]


def test_feed_lists_entries_by_last_change(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    site = render_pages(magazine(site_url="https://mag.example/sub"), small_media)
    root = ET.fromstring(_text(site.files, "feed.xml").encode())
    items = root.findall(f"{ATOM}entry")
    assert [i.findtext(f"{ATOM}updated") for i in items] == sorted(
        (i.findtext(f"{ATOM}updated") or "" for i in items), reverse=True
    )
    first = items[0]
    assert first.find(f"{ATOM}link").get("href") == "https://mag.example/sub/trials/lantern-sora/"
    assert root.findtext(f"{ATOM}updated") == "2025-03-01T02:30:00+09:00"
    assert len(items) == len(small_magazine.entries)
    assert "<script>" in (items[1].findtext(f"{ATOM}title") or "")
    assert items[1].find(f"{ATOM}category").get("term") == "<b>tag</b>"
    relative = ET.fromstring(_text(render_pages(magazine(), small_media).files, "feed.xml"))
    entry = relative.findall(f"{ATOM}entry")[0]
    assert entry.find(f"{ATOM}link").get("href") == "trials/lantern-sora/"
    assert (entry.findtext(f"{ATOM}id") or "").startswith("urn:uuid:")


def test_open_data_matches_entries(small_magazine: Magazine, small_media: MediaIndex) -> None:
    files = render_pages(small_magazine, small_media).files
    records = json.loads(_text(files, "data/entries.json"))
    assert [r["slug"] for r in records] == [
        "sparks-sora",
        "sparks-kling",
        "sparks-midjourney",
        "sparks-veo",
        "boat-sora",
        "boat-kling",
        "hostile-sora",
        "lantern-sora",
    ]
    by_slug = {r["slug"]: r for r in records}
    kling = by_slug["sparks-kling"]
    assert kling["wait_seconds"] == 172800 and kling["settled"] is False and kling["ratio"] == 16
    assert kling["comparison"].startswith("a-mesmerizing")
    boat = by_slug["boat-sora"]
    assert boat["clips"][1]["url"] == "https://cdn.example/boat.mp4"
    assert "SECRET" not in _text(files, "data/entries.json")
    lines = _text(files, "data/entries.json").splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(records) + 2
    assert [json.loads(line.rstrip(","))["slug"] for line in lines[1:-1]] == list(by_slug)
    assert boat["clips"][0]["media"]["width"] == 160
    assert boat["page_url"] == "trials/boat-sora/"
    rows = list(csv.DictReader(io.StringIO(_text(files, "data/entries.csv"))))
    assert [r["slug"] for r in rows] == [r["slug"] for r in records]
    assert rows[0]["prompt"] == small_magazine.entry(rows[0]["slug"]).prompt
    assert json.loads(next(r for r in rows if r["slug"] == "sparks-sora")["ratings"]) == {
        "composition": 3,
        "lighting": 5,
        "quality": 4,
    }


def test_hostile_strings_are_inert_on_every_page(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    files = render_pages(small_magazine, small_media).files
    for path, content in files.items():
        if not path.endswith(".md"):
            continue
        soup = to_html(content.text)
        assert soup.find("script") is None, path
        assert soup.find(attrs={"onclick": True}) is None, path
        assert soup.find(attrs={"onerror": True}) is None, path
        for tag in soup.find_all(href=True):
            assert not str(tag["href"]).lower().startswith("javascript"), path
        assert "\x02" not in content.text, path
    hostile = to_html(_text(files, "trials/hostile-sora.md"))
    assert hostile.find("h1").get_text().startswith("<script>alert(1)</script>")
    assert len(hostile.find_all(["h1"])) == 1


def test_media_base_url_and_plain_html_urls(small_media: MediaIndex) -> None:
    files = render_pages(magazine(media_base_url="https://media.example"), small_media).files
    video = to_html(_text(files, "trials/sparks-sora.md")).find("video")
    assert video.find("source")["src"] == "https://media.example/media/a/video.mp4"
    flat = render_pages(magazine(use_directory_urls=False), small_media).files
    video = to_html(_text(flat, "trials/sparks-sora.md")).find("video")
    assert video.find("source")["src"] == "../media/a/video.mp4"


def test_thousand_entries_paginate_and_keep_nav_to_sections() -> None:
    base = magazine()
    many = tuple(
        entry(
            f"bulk-{i:04d}",
            service=("sora", "kling", "veo")[i % 3],
            prompt=f"prompt {i // 3}",
            submitted_at=later(at("2025-01-01T00:00:00"), 5 * i),
            delivered_at=later(at("2025-01-01T00:00:00"), 5 * i + 2),
            ratings={"quality": 1 + i % 5},
        )
        for i in range(1000)
    )
    big = Magazine(
        root=base.root,
        settings=base.settings,
        entries=many,
        services=base.services,
        comparisons=group_comparisons(many),
    )
    site = render_pages(big, MediaIndex())
    assert "trials/page-10.md" in site.files and "trials/page-11.md" not in site.files
    first = to_html(_text(site.files, "trials/index.md"))
    assert len(first.find("tbody").find_all("tr")) == 100
    assert first.find("tbody").find("a").get_text() == "Bulk 0999"
    assert len(site.nav) == 7
    assert sum(1 for p in site.files if p.startswith("compare/")) == 333 + 1


def _wait_cells(soup: object, header: str = "Wait") -> list[tuple[str, str]]:
    """(shown, tooltip) of each wait cell of the first table with this column."""
    for table in soup.find_all("table"):  # type: ignore[attr-defined]
        heads = [th.get_text() for th in table.find("thead").find_all("th")]
        if header in heads:
            index = heads.index(header)
            cells = [row.find_all("td")[index] for row in table.find("tbody").find_all("tr")]
            return [(c.get_text(), c.find("span", class_="magazine-wait")["title"]) for c in cells]
    raise AssertionError(f"no table with a {header} column")


PENDING_FULL = (
    "still waiting after 2 d (16× the promise), as of the last check on 5 Jan 2025 10:05 KST"
)


def test_tables_show_a_compact_wait_with_the_full_sentence_in_a_tooltip(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    files = render_pages(small_magazine, small_media).files
    sparks = next(p for p in files if p.startswith("compare/a-mesmerizing"))
    comparison = _wait_cells(to_html(_text(files, sparks)))
    report = _wait_cells(to_html(_text(files, "reports/2025-01.md")))
    kling = to_html(_text(files, "services/kling.md"))
    attempts = _wait_cells(kling)

    assert comparison == [
        ("40 min · 0.2×", "40 min (0.2× the promise)"),
        ("≥ 2 d · 16×", PENDING_FULL),
        ("paywalled", "paywalled"),
        (
            "≥ 1 d",
            "waitlisted for at least 1 d, as of the last check on 4 Jan 2025 10:15 KST",
        ),
    ]
    assert report == comparison
    assert attempts[0] == ("≥ 2 d · 16×", PENDING_FULL)
    # Every table of the service page is compact, the attempts table included.
    last = kling.find_all("table")[-1]
    assert "≥ 2 d · 16×" in last.get_text() and "as of the last check" not in last.get_text()
    # The entry page keeps the sentence, with the last check on a line of its own.
    entry_page = to_html(_text(files, "trials/sparks-kling.md")).get_text()
    assert "still waiting after 2 d (16× the promise)" in entry_page


def test_korean_compact_wait() -> None:
    files = render_pages(magazine("ko"), media_index()).files
    cells = _wait_cells(to_html(_text(files, "reports/2025-01.md")), "대기")
    assert cells[1] == (
        "≥ 2일 · 16×",
        "2일 넘게 기다리는 중 (약속의 16×), 마지막 확인 2025년 1월 5일 10:05 KST 기준",
    )


def test_grid_headings_name_the_attempt_and_lead_to_it(small_media: MediaIndex) -> None:
    base = magazine()
    # Kling again in April, delivered this time: the grid shows Kling twice.
    retry = entry(
        "sparks-kling-retry",
        service="kling",
        submitted_at=at("2025-04-14T09:30:00"),
        delivered_at=at("2025-04-14T10:05:00"),
    )
    site = render_pages(
        dataclasses.replace(
            base,
            entries=(*base.entries, retry),
            comparisons=group_comparisons((*base.entries, retry)),
        ),
        small_media,
    )
    sparks = next(p for p in site.files if p.startswith("compare/a-mesmerizing"))
    soup = to_html(_text(site.files, sparks))
    captions = soup.find_all("figcaption", class_="theater-caption")
    texts = [
        f"{c.find('strong').get_text()} · "
        + " · ".join(c.find("span", class_="theater-facts").get_text().split(" · ")[:2])
        for c in captions
    ]
    links = [c.find("a") for c in captions]

    assert "Kling · pending · 3 Jan 2025" in texts
    assert "Kling · delivered · 14 Apr 2025" in texts
    assert all(a is not None and a.get_text().startswith("Kling") for a in links[1:2])
    assert {a["href"] for a in links} >= {
        "../../trials/sparks-kling/",
        "../../trials/sparks-kling-retry/",
    }
    # The facts tables (one per round) tell the two attempts apart too: each row's date links
    # to its entry.
    rows = [r for t in soup.find_all("table") for r in t.find("tbody").find_all("tr")]
    kling = [r.find_all("td")[1] for r in rows if r.find("td").get_text() == "Kling"]
    assert [(c.get_text(), c.find("a")["href"]) for c in kling] == [
        ("3 Jan 2025", "../trials/sparks-kling.md"),
        ("14 Apr 2025", "../trials/sparks-kling-retry.md"),
    ]


def test_media_facts_have_real_labels_in_each_language(small_media: MediaIndex) -> None:
    heads = {}
    rows = {}
    for language in ("en", "ko"):
        page = render_pages(magazine(language), small_media).files["trials/sparks-sora.md"].text
        table = to_html(page).find("table", class_=False)
        heads[language] = [th.get_text() for th in table.find("thead").find_all("th")]
        rows[language] = [td.get_text() for td in table.find("tbody").find("tr").find_all("td")]

    assert heads["en"] == ["#", "Resolution", "Duration", "Frame rate", "Codec", "Audio", "Size"]
    assert heads["ko"] == ["#", "해상도", "길이", "프레임 속도", "코덱", "오디오", "크기"]
    assert rows["en"] == ["1", "160×120", "2 s", "25", "h264 yuv420p", "none", "12.1 KiB"]
    assert rows["ko"][2] == "2초" and rows["ko"][5] == "없음"


def test_entry_lists_the_other_attempts_with_status_and_day(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = to_html(_text(render_pages(small_magazine, small_media).files, "trials/sparks-sora.md"))
    heading = soup.find("h2", string="The same prompt on other services")
    items = [" ".join(li.get_text().split()) for li in heading.find_next("ul").find_all("li")]
    assert items[0] == "pending pending Kling Sparks Kling mean score – · ≥ 2 d · 16×".replace(
        "mean score – · ", ""
    )
    assert len(items) == 3


def test_pending_entry_says_the_last_check_once_in_its_timeline(
    small_magazine: Magazine, small_media: MediaIndex
) -> None:
    soup = to_html(_text(render_pages(small_magazine, small_media).files, "trials/sparks-kling.md"))
    facts = soup.find("div", class_="magazine-facts").get_text()

    assert "still waiting after 2 d (16× the promise)" in facts
    assert "Last checked: 5 Jan 2025 10:05 KST" in facts
    assert "as of the last check" not in facts
    assert facts.count("5 Jan 2025") == 1
    assert "still waiting after 2 d (16× the promise)" in facts
