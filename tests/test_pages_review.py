"""A comparison page read as a review: its title, dates or rounds, introduction and result box
before the viewer, a table per round sorted by score, what changed between rounds; the lead
story with its result box; entries/experiments.yml and the warning for a split prompt."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.errors import ContentError
from generator.model import Cost, Experiment, Magazine, group_comparisons
from generator.pages import render_pages
from generator.pages.review import shared_title
from generator.source.entries import load_magazine
from tests.magazine_fixtures import DELIVERED, PENDING, write_magazine
from tests.pages_fixtures import at, entries, entry, magazine, media_index, to_html

SPARKS_PAGE = "compare/a-mesmerizing-shower-of-golden-sparks-74c249.md"
BOAT_PAGE = "compare/a-paper-boat-drifts-down-a-d37469.md"


def _page(mag: Magazine, path: str) -> str:
    """The page as text, character references resolved (the finaliser writes `4&#46;0`)."""
    return html.unescape(render_pages(mag, media_index(), home=True).files[path].data.decode())


def _with(mag: Magazine, *more: object, **changes: object) -> Magazine:
    items = tuple(sorted((*mag.entries, *more), key=lambda e: (e.submitted_at, e.slug)))  # type: ignore[attr-defined]
    return replace(mag, entries=items, comparisons=group_comparisons(items), **changes)


def _resent(language: str = "ko") -> Magazine:
    """The sparks prompt re-sent to Kling three months later, delivered in 35 minutes."""
    retry = entry(
        "sparks-kling-retry",
        title="금빛 불꽃이 사람으로 — Kling, 석 달 뒤",
        service="kling",
        submitted_at=at("2025-04-14T09:30:00"),
        promised_wait="3h",
        delivered_at=at("2025-04-14T10:05:00"),
        cost=Cost(amount=0, unit="credits"),
        ratings={"quality": 4, "composition": 4, "lighting": 4},
        verdict="1월에는 오지 않던 결과가 35분 만에 왔다",
    )
    return _with(magazine(language), retry)


def test_shared_title_is_what_every_title_starts_with_up_to_a_separator() -> None:
    titles = ["금빛 불꽃이 사람으로 — Sora", "금빛 불꽃이 사람으로 — Kling, 석 달 뒤"]
    assert shared_title(titles) == "금빛 불꽃이 사람으로"
    assert shared_title(["Paper boat: Sora", "Paper boat: Kling"]) == "Paper boat"
    assert shared_title(["Same", "Same"]) == "Same"
    assert shared_title(["Sparks on Sora", "Sparks on Kling"]) is None  # no separator
    assert shared_title(["Boat", "Boats at night"]) is None  # a word cut in two


def test_the_title_is_the_experiments_then_the_shared_one_never_the_cut_prompt() -> None:
    base = magazine("ko")
    items = tuple(
        e.model_copy(update={"title": f"금빛 불꽃 — {e.service}"})
        if e.slug.startswith("sparks")
        else e
        for e in base.entries
    )
    shared = replace(base, entries=items, comparisons=group_comparisons(items))
    page = _page(shared, SPARKS_PAGE)
    assert "\n# 금빛 불꽃\n" in page
    assert 'title: "금빛 불꽃"' in page
    assert "…" not in page.split("## 프롬프트")[0]

    keyed = tuple(
        e.model_copy(update={"experiment": "sparks"}) if e.slug.startswith("sparks") else e
        for e in items
    )
    record = Experiment(
        key="sparks",
        title={"ko": "불꽃 실험", "en": "Sparks"},
        introduction="같은 프롬프트를 **네 곳**에 보냈다.",
    )
    titled = replace(
        shared, entries=keyed, comparisons=group_comparisons(keyed), experiments={"sparks": record}
    )
    page = _page(titled, "compare/sparks.md")
    head = page.split("## 프롬프트")[0]
    assert "\n# 불꽃 실험\n" in head
    assert "<strong>네 곳</strong>" in head  # the introduction, as sanitised Markdown
    assert head.index("불꽃 실험") < head.index("magazine-notes") < head.index("magazine-result")


def test_the_result_box_comes_before_the_viewer_and_names_best_fastest_and_never() -> None:
    page = _page(magazine("en"), SPARKS_PAGE)
    soup = to_html(page)
    box = soup.select_one("section.magazine-result")
    assert box is not None
    lines = {
        dt.get_text(): dd.get_text()
        for dt, dd in zip(box.select("dt"), box.select("dd"), strict=True)
    }
    assert lines["Best on the writer's scores"] == "Sora · 4.0 / 5"
    assert lines["Fastest against the promise"] == "Sora · 40 min · 0.2× the promise"
    never = lines["Never delivered"]
    assert "Kling" in never and "Midjourney · paywalled" in never and "Veo" in never
    assert page.index("magazine-result") < page.index('class="theater')
    assert '<p class="magazine-dates">3 Jan 2025</p>' in page


def test_the_table_is_sorted_by_score_with_means_alike_and_no_cost_for_attempts_never_run() -> None:
    page = _page(magazine("ko"), BOAT_PAGE)
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert [re.search(r"services/(\w+)", r).group(1) for r in rows] == ["sora", "kling"]  # type: ignore[union-attr]
    assert rows[0].endswith("| 4.3 |") and rows[1].endswith("| 2.7 |")

    sparks = _page(magazine("ko"), SPARKS_PAGE)
    table = [line for line in sparks.splitlines() if line.startswith("| [")]
    assert table[0].startswith("| [Sora]") and table[0].endswith("| 4.0 |")  # not "4"
    paywalled = next(r for r in table if "Midjourney" in r)
    assert "기록 없음" not in paywalled and "| – |" in paywalled
    # A pending attempt that cost nothing never ran either; one that was charged shows it.
    assert "10 크레딧" in next(r for r in table if "Kling" in r)


def test_a_mean_of_a_whole_number_reads_with_one_decimal_in_tiles_too() -> None:
    page = _page(magazine("en"), SPARKS_PAGE)
    soup = to_html(page)
    tile = next(f for f in soup.select("figure.theater-tile") if "Sora" in f.get_text())
    assert tile.select_one(".theater-score").get_text() == "mean score 4.0 / 5"  # type: ignore[union-attr]
    assert tile.select_one(".theater-verdict").get_text() == "느낌은 있는데 인물이 흐려진다"  # type: ignore[union-attr]


def test_best_marks_are_not_underlined_like_links() -> None:
    css = (Path(__file__).parents[1] / "generator/pages/assets/magazine.css").read_text()
    rule = re.search(r"\.magazine-best \{([^}]*)\}", css)
    assert rule is not None and "underline" not in rule.group(1)


def test_a_prompt_re_sent_later_is_told_in_rounds_with_what_changed() -> None:
    page = _page(_resent("ko"), SPARKS_PAGE)
    assert "2회차: 2025년 1월 3일 · 2025년 4월 14일" in page
    assert "### 1회차 · 2025년 1월 3일" in page
    assert "### 2회차 · 2025년 4월 14일" in page
    first, second = page.split("### 1회차")[1].split("### 2회차")
    assert "sparks-kling.md" in first and "sparks-kling-retry" not in first
    assert "sparks-kling-retry.md" in second
    assert "### 회차 사이에 달라진 점" in page
    assert "- Kling: 2일 동안 오지 않음 → 35분 만에 도착" in page
    # The result box weighs every round: Kling answered in April, so it is not "never".
    never = page.split("끝내 오지 않음</dt>")[1].split("</dd>")[0]
    assert "Kling" not in never

    en = _page(_resent("en"), SPARKS_PAGE)
    assert "- Kling: nothing after 2 d → delivered in 35 min" in en


def test_ratings_moving_between_rounds_say_which_way() -> None:
    mag = _resent("en")
    first = next(e for e in mag.entries if e.slug == "sparks-sora")
    again = first.model_copy(
        update={
            "slug": "sparks-sora-again",
            "path": "entries/sparks-sora-again.yml",
            "submitted_at": at("2025-04-15T09:00:00"),
            "delivered_at": at("2025-04-15T09:20:00"),
            "ratings": {"quality": 5, "composition": 5, "lighting": 5},
        }
    )
    page = _page(_with(mag, again), SPARKS_PAGE)
    assert "- Sora: 40 min → 20 min · mean 4.0 → 5.0 (up)" in page


def test_one_round_has_no_round_headings() -> None:
    page = _page(magazine("ko"), SPARKS_PAGE)
    assert "회차" not in page


def test_the_lead_story_has_its_result_box_rounds_and_no_nested_parentheses() -> None:
    items = list(entries())
    failed = entry(
        "boat-veo",
        service="veo",
        prompt=items[4].prompt,
        submitted_at=at("2025-02-01T09:10:00"),
        promised_wait="15m",
        status="failed",
        checked_at=at("2025-02-01T10:28:00"),
    )
    lead = render_pages(_with(magazine("ko"), failed), media_index(), home=True).snippets["lead"]
    assert "magazine-result" in lead
    assert "2025년 2월 1일" in lead.split("## ")[0]
    outcome = html.unescape(next(line for line in lead.splitlines() if "막히거나 실패" in line))
    assert not re.search(r"\([^()]*\(", outcome), outcome
    assert "1시간 18분 만에 실패, 약속의 5.2×" in outcome

    resent = html.unescape(render_pages(_resent("ko"), media_index(), home=True).snippets["lead"])
    assert "2회차: 2025년 1월 3일 · 2025년 4월 14일" in resent
    # Kling's January wait was answered in April: the lead shows its latest attempt only.
    assert "sparks-kling.md" not in resent and "sparks-kling-retry.md" in resent
    assert "아직 기다리게 함" not in resent


def test_an_entry_lists_the_same_services_other_rounds_apart() -> None:
    page = _page(_resent("ko"), "trials/sparks-kling-retry.md")
    others, same = page.split("## 같은 서비스, 다른 회차")
    others = others.split("## 같은 프롬프트, 다른 서비스")[1]
    assert "sparks-sora.md" in others and "sparks-kling.md" not in others
    assert "sparks-kling.md" in same and "sparks-sora.md" not in same


EXPERIMENTS = """\
sparks:
  title: {ko: 불꽃이 사람으로, en: Sparks into a person}
  introduction: |
    같은 프롬프트를 **석 달 간격**으로 다시 보냈다.
boat: 종이배
"""


def _keyed(root: Path, experiments: str) -> Path:
    sora = DELIVERED + "experiment: sparks\n"
    kling = PENDING + "experiment: sparks\n"
    return write_magazine(
        root,
        {"2025/01/sora.yml": sora, "2025/01/kling.yml": kling},
        files={
            "entries/2025/01/media/sparks-sora.mp4": b"x",
            "entries/experiments.yml": experiments.encode(),
        },
    )


def test_experiments_yml_gives_titles_and_introductions(tmp_path: Path) -> None:
    mag = load_magazine(_keyed(tmp_path / "m", EXPERIMENTS))
    assert mag.experiments["sparks"].title_for("ko") == "불꽃이 사람으로"
    assert mag.experiments["sparks"].title_for("fr") == "Sparks into a person"
    assert mag.experiments["boat"].title_for("ko") == "종이배"  # the short form
    assert len(mag.entries) == 2  # the registry is not read as an entry


def test_experiments_yml_problems_are_located(tmp_path: Path) -> None:
    root = _keyed(tmp_path / "m", "sparks:\n  titel: x\nBad Key: y\n")
    try:
        load_magazine(root)
    except ContentError as exc:
        shown = [str(p) for p in exc.problems]
    else:
        raise AssertionError("a misspelt field must be refused")
    assert any(s.startswith("entries/experiments.yml:2:3: sparks.titel:") for s in shown), shown
    assert any(s.startswith("entries/experiments.yml:3:1:") for s in shown), shown


def test_check_warns_when_one_prompt_is_split_by_experiment_keys(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {
            "2025/01/sora.yml": PENDING.replace("service: kling", "service: sora")
            + "experiment: sparks\n",
            "2025/04/kling.yml": PENDING.replace("2025-01-", "2025-04-"),
        },
        files={},
    )
    result = CliRunner().invoke(main, ["--root", str(root), "check"])
    assert result.exit_code == 0, result.output
    # A Korean magazine: the warning is in Korean, located at the prompt of the split-off entry.
    assert (
        "entries/2025/04/kling.yml:3:9: 경고: prompt: entries/2025/01/sora.yml와 프롬프트가 "
        "같지만 여기는 experiment 키 없음, 그쪽은 experiment 키 sparks이라 비교가 둘로 나뉩니다"
    ) in result.output


def test_the_viewer_can_show_one_round_or_all() -> None:
    soup = to_html(_page(_resent("ko"), SPARKS_PAGE))
    chooser = soup.select_one("section.theater fieldset.theater-rounds")
    assert chooser is not None
    assert [i["value"] for i in chooser.select("input[type=radio]")] == ["all", "1", "2"]
    assert chooser.get_text(" ", strip=True).startswith("보여 줄 회차 모든 회차 1회차 2회차")
    rounds = {
        f.select_one("figcaption a")["href"].split("/")[-2]: f["data-round"]  # type: ignore[index]
        for f in soup.select("figure.theater-tile")
    }
    assert rounds["sparks-kling"] == "1" and rounds["sparks-kling-retry"] == "2"
    css = (Path(__file__).parents[1] / "generator/pages/assets/theater.css").read_text()
    assert '.theater:has([data-round-choice="2"]:checked) .theater-tile[data-round]' in css
    one = to_html(_page(magazine("ko"), SPARKS_PAGE))
    assert one.select_one(".theater-rounds") is None and one.select_one("[data-round]") is None


def test_best_marks_compare_every_round_and_need_two_ratings() -> None:
    page = _page(_resent("en"), SPARKS_PAGE)
    first, second = page.split("### Round 1")[1].split("### Round 2")
    sora = next(r for r in first.splitlines() if r.startswith("| [Sora]"))
    kling = next(r for r in second.splitlines() if r.startswith("| [Kling]"))
    # quality 4 both (best, tied), composition 3 < 4, lighting 5 > 4.
    assert sora.count("★") == 2 and kling.count("★") == 2
    lone = _page(magazine("en"), SPARKS_PAGE)  # only Sora rated: no best of one
    assert "★" not in lone.split("## Comparisons")[1]


def test_a_hostile_experiment_title_and_introduction_stay_text() -> None:
    base = magazine("en")
    keyed = tuple(
        e.model_copy(update={"experiment": "sparks"}) if e.slug.startswith("sparks") else e
        for e in base.entries
    )
    record = Experiment(
        key="sparks",
        title='<script>alert(1)</script> "quoted"\n# heading',
        introduction='<script>alert(2)</script>\n\n[x](javascript:alert(3)) <img src="https://t.example/p.gif">',
    )
    mag = replace(
        base, entries=keyed, comparisons=group_comparisons(keyed), experiments={"sparks": record}
    )
    site = render_pages(mag, media_index(), home=True)
    for text in (site.files["compare/sparks.md"].data.decode(), site.snippets["lead"]):
        assert "<script" not in text and "javascript:" not in text and "t.example" not in text
        assert "\n# heading" not in text
    soup = to_html(site.files["compare/sparks.md"].data.decode())
    assert soup.find("h1").get_text().startswith('<script>alert(1)</script> "quoted"')  # type: ignore[union-attr]
