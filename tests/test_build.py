"""`magazine build` end to end: real ffmpeg, real MkDocs, the built HTML parsed and checked."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.build_fixtures import (
    REPOSITORY,
    SMALL,
    SPARKS,
    article,
    git,
    invoke,
    page,
    write_small_magazine,
    writer_digest,
)
from tests.site_fixtures import tree_digest

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Built:
    root: Path
    site: Path
    output: str
    before: dict[str, str]
    after: dict[str, str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small magazine, built once with `magazine build`."""
    root = write_small_magazine(tmp_path_factory.mktemp("small") / "mag")
    before = writer_digest(root)
    result = invoke(root, "build", "--quiet")
    assert result.exit_code == 0, result.output + result.stderr
    return Built(root, root / "site", result.output, before, writer_digest(root))


def media_file(site: Path, page_dir: str, src: str) -> Path:
    """The file a relative src on the page at `page_dir` points to."""
    return (site / page_dir / src).resolve()


def test_build_reports_what_it_built(built: Built) -> None:
    assert "체험기 3개" in built.output  # theme.language: ko, so the summary is in Korean
    assert "결과물 2개" in built.output and "사이트 크기: 파일" in built.output


def test_writer_files_are_untouched(built: Built) -> None:
    assert built.after == built.before


def test_entry_page_shows_clip_renditions_and_media_facts(built: Built) -> None:
    doc = article(built.site, "trials/sora")
    assert doc.h1 is not None and "금빛 불꽃이 사람으로" in doc.h1.get_text()
    videos = doc.find_all("video")
    assert len(videos) == 1
    video = videos[0]
    poster = media_file(built.site, "trials/sora", str(video["poster"]))
    # The widest WebP still (the JPEG poster is the link preview's).
    head = poster.read_bytes()[:12]
    assert poster.is_file() and head[:4] == b"RIFF" and head[8:] == b"WEBP"
    sources = video.find_all("source")
    assert sources and all(
        media_file(built.site, "trials/sora", str(s["src"])).is_file() for s in sources
    )
    for img in doc.select("img[src*='media/']"):
        assert media_file(built.site, "trials/sora", str(img["src"])).is_file()
        for candidate in str(img.get("srcset") or "").split(", "):
            if candidate:
                address = candidate.split(" ")[0]
                assert media_file(built.site, "trials/sora", address).is_file(), candidate
    facts = " ".join(td.get_text() for td in doc.find_all("td"))
    assert "160×120" in facts
    assert "h264" in facts and "aac" in facts  # probed, with sound
    prompt = doc.select_one(".magazine-prompt-quote blockquote")
    assert prompt is not None and SPARKS in prompt.get_text()
    assert "느낌은 있는데 인물이 흐려진다" in doc.get_text()


def test_every_media_reference_in_the_site_resolves(built: Built) -> None:
    for html in built.site.rglob("*.html"):
        folder = html.parent.relative_to(built.site).as_posix()
        doc = page(built.site, html.relative_to(built.site).as_posix())
        for tag, attr in (("video", "poster"), ("source", "src"), ("img", "src")):
            for element in doc.find_all(tag):
                value = str(element.get(attr) or "")
                if "media/" in value and "://" not in value:
                    assert media_file(built.site, folder, value).is_file(), (html, value)


def test_home_page_links_to_the_trials(built: Built) -> None:
    doc = article(built.site, ".")
    hrefs = {str(a["href"]) for a in doc.find_all("a", href=True)}
    for slug in ("sora", "kling", "runway"):
        assert any(f"trials/{slug}/" in href for href in hrefs), (slug, hrefs)


def test_comparison_page_lists_the_services_that_got_the_prompt(built: Built) -> None:
    index = article(built.site, "compare")
    links = [str(a["href"]) for a in index.find_all("a", href=True)]
    sparks = next(link for link in links if "a-mesmerizing" in link)
    slug = sparks.rstrip("/").rsplit("/", 1)[-1]
    doc = article(built.site, f"compare/{slug}")
    table = doc.find("table")
    assert table is not None
    rows = [tr.find_all("td") for tr in table.find_all("tr")[1:]]
    services = [cells[0].get_text(strip=True) for cells in rows]
    assert sorted(services) == ["Kling", "Sora"]
    kling = next(cells for cells in rows if cells[0].get_text(strip=True) == "Kling")
    assert "16×" in " ".join(c.get_text() for c in kling)  # still waiting, 16× the promise
    assert len(doc.find_all("video")) == 1  # Sora's clip; Kling's never arrived


def test_service_page_lists_its_attempts(built: Built) -> None:
    doc = article(built.site, "services/sora")
    assert any("trials/sora/" in str(a["href"]) for a in doc.find_all("a", href=True))
    assert "Sora" in doc.get_text()
    assert "Runway" not in doc.get_text()


def test_leaderboard_has_a_row_per_service_with_ratings(built: Built) -> None:
    doc = article(built.site, "leaderboard")
    text = doc.get_text()
    for name in ("Sora", "Runway"):
        assert name in text
    assert doc.find("table") is not None


def test_month_reports(built: Built) -> None:
    january = article(built.site, "reports/2025-01").get_text()
    february = article(built.site, "reports/2025-02").get_text()
    assert "Sora" in january and "Kling" in january and "Paper boat on Runway" not in january
    assert "Runway" in february
    archive = article(built.site, "reports")
    hrefs = " ".join(str(a["href"]) for a in archive.find_all("a", href=True))
    assert "2025-01" in hrefs and "2025-02" in hrefs


def test_tags_page_lists_every_tag(built: Built) -> None:
    text = article(built.site, "tags").get_text()
    for tag in ("text-to-video", "slow-motion", "waiting", "rain"):
        assert tag in text


def test_open_data_matches_the_entries(built: Built) -> None:
    data = json.loads((built.site / "data/entries.json").read_text(encoding="utf-8"))
    by_slug = {item["slug"]: item for item in data}
    assert set(by_slug) == {"sora", "kling", "runway"}
    assert by_slug["sora"]["status"] == "delivered"
    assert by_slug["sora"]["wait_seconds"] == 2400
    assert by_slug["kling"]["status"] == "pending"
    assert by_slug["runway"]["ratings"] == {"quality": 3, "lighting": 4}
    clip = by_slug["sora"]["clips"][0]["media"]
    assert (clip["width"], clip["height"], clip["has_audio"]) == (160, 120, True)
    for rendition in clip["renditions"].values():
        assert (built.site / rendition).is_file()
    rows = list(csv.DictReader(io.StringIO((built.site / "data/entries.csv").read_text("utf-8"))))
    assert sorted(row["slug"] for row in rows) == ["kling", "runway", "sora"]
    assert {row["slug"]: row["service"] for row in rows}["runway"] == "runway"


def test_feed_parses_and_has_every_entry(built: Built) -> None:
    feed = ET.fromstring((built.site / "feed.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    titles = {e.findtext(f"{ATOM}title") for e in entries}
    assert titles == {"금빛 불꽃이 사람으로", "Kling is still thinking", "Paper boat on Runway"}
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        assert link is not None
        href = link.get("href", "")
        assert href.startswith("https://example.org/magazine/trials/")
        rel = href.removeprefix("https://example.org/magazine/")
        assert (built.site / rel / "index.html").is_file()


def test_every_entry_has_a_page(built: Built) -> None:
    for name in SMALL:
        slug = Path(name).stem
        assert (built.site / "trials" / slug / "index.html").is_file()


def test_second_build_is_identical_and_runs_no_ffmpeg(built: Built) -> None:
    from generator.build import build
    from generator.media.transcode import spawn_count
    from generator.progress import SilentProgress

    first = tree_digest(built.site)
    before = spawn_count()
    build(built.root, progress=SilentProgress())
    assert spawn_count() == before
    assert tree_digest(built.site) == first
    assert writer_digest(built.root) == built.before


def readme_gitignore() -> str:
    """The `.gitignore` the README tells a writer to keep."""
    text = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```gitignore\n(.*?)```", text, re.DOTALL)
    assert found is not None, "README.md has no ```gitignore block"
    return found.group(1)


def test_git_status_is_clean_after_a_build(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "entries")
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    # Without any .gitignore, only the site shows: the cache folder ignores itself.
    assert git(root, "status", "--porcelain") == "?? site/\n"
    (root / ".gitignore").write_text(readme_gitignore(), encoding="utf-8")
    git(root, "add", ".gitignore")
    git(root, "commit", "-qm", "ignore the site")
    assert invoke(root, "build", "-q").exit_code == 0
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""


@pytest.mark.parametrize("site_dir", [".", "entries", "docs", "..", "entries/2025"])
def test_a_site_dir_over_the_writer_files_is_refused(tmp_path: Path, site_dir: str) -> None:
    root = write_small_magazine(tmp_path / "mag")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    before = writer_digest(root)
    result = invoke(root, "build", "-q", "--site-dir", str(root / site_dir))
    assert result.exit_code == 2, result.output + result.stderr
    assert "site/처럼 따로 쓰는 폴더를 고르세요" in result.stderr  # the small magazine is Korean
    assert writer_digest(root) == before
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"site_dir: {site_dir}\n")
    before = writer_digest(root)
    result = invoke(root, "build", "-q")
    assert result.exit_code == 2, result.output + result.stderr
    assert writer_digest(root) == before
