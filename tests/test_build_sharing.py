"""The example magazine as a reader and a messenger meet it: a site address for a project path,
link previews, heading anchors in Korean, and no English left on a Korean site (issue 9)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build import SITE_URL_UNSET
from generator.source.config import site_language
from tests.build_fixtures import REPOSITORY, invoke

pytestmark = pytest.mark.slow

ADDRESS = "https://example.org/repo/"
UNSET = SITE_URL_UNSET.render(site_language(REPOSITORY))
"""The warning, worded in the example magazine's language."""


def _copy_example(root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy(REPOSITORY / "mkdocs.yml", root)
    for folder in ("docs", "entries"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    return root


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example built as it is (no site_url): its site and what the build printed."""
    root = _copy_example(tmp_path_factory.mktemp("plain") / "mag")
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    return root / "site", result.stderr


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example built for a project path with `--site-url` (no trailing slash given)."""
    root = _copy_example(tmp_path_factory.mktemp("published") / "mag")
    result = invoke(root, "build", "-q", "--site-url", ADDRESS.rstrip("/"))
    assert result.exit_code == 0, result.output + result.stderr
    return root / "site", result.stderr


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_build_without_site_url_warns_once(plain: tuple[Path, str]) -> None:
    _, printed = plain
    assert printed.count(UNSET) == 1
    assert "--site-url" in printed


def test_site_url_flag_makes_feed_sitemap_404_and_previews_absolute(
    published: tuple[Path, str],
) -> None:
    site, printed = published
    assert UNSET not in printed
    feed = ET.parse(site / "feed.xml").getroot()
    links = [e.get("href") or "" for e in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(link.startswith(ADDRESS) for link in links)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}trials/city-timelapse-luma/</loc>" in sitemap
    missing = _soup(site / "404.html")
    sheets = [link["href"] for link in missing.find_all("link", rel="stylesheet")]
    assert sheets and all(href.startswith("/repo/") for href in sheets)
    entry = _soup(site / "trials" / "sparks-sora" / "index.html")
    image = entry.find("meta", property="og:image")["content"]
    assert image.startswith(f"{ADDRESS}media/") and image.endswith(".jpg")
    assert (site / image.removeprefix(ADDRESS)).is_file()
    assert entry.find("meta", property="og:url")["content"] == f"{ADDRESS}trials/sparks-sora/"


def test_every_page_has_a_preview_card(plain: tuple[Path, str]) -> None:
    site, _ = plain
    for page in site.rglob("*.html"):
        soup = _soup(page)
        for name in ("og:title", "og:description", "og:type"):
            assert soup.find("meta", property=name), (page, name)
        assert soup.find("meta", attrs={"name": "twitter:card"}), page
    entry = _soup(site / "trials" / "city-timelapse-luma" / "index.html")
    assert entry.find("meta", property="og:description")["content"].startswith("Failed twice")
    comparison = next((site / "compare").glob("a-mesmerizing*/index.html"))
    card = _soup(comparison)
    assert "Sora" in card.find("meta", property="og:description")["content"]


def test_without_an_address_no_page_has_a_relative_preview_image(plain: tuple[Path, str]) -> None:
    site, _ = plain
    relative = [
        f"{page.relative_to(site)}: {meta['content']}"
        for page in site.rglob("*.html")
        for meta in _soup(page).find_all("meta", property="og:image")
    ]
    assert relative == []
    assert not (site / "cards").exists()


def test_with_an_address_every_page_has_an_absolute_preview_image(
    published: tuple[Path, str],
) -> None:
    from PIL import Image

    site, _ = published
    drawn: set[str] = set()
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        found = _soup(page).find("meta", property="og:image")
        assert found is not None, page
        image = found["content"]
        assert image.startswith(ADDRESS), (page, image)
        assert (site / image.removeprefix(ADDRESS)).is_file(), (page, image)
        if "/cards/" in image:
            drawn.add(image.removeprefix(ADDRESS))
    # Pages without a poster (the front page, the leaderboard, services) get a drawn card.
    assert "cards/leaderboard.png" in drawn and "cards/index.png" in drawn
    with Image.open(site / "cards" / "leaderboard.png") as card:
        assert card.size == (1200, 630)
    waiting = _soup(site / "trials" / "sparks-kling" / "index.html")
    assert waiting.find("meta", property="og:image")["content"].endswith(
        "cards/trials/sparks-kling.png"
    )


def test_korean_headings_get_korean_anchors(plain: tuple[Path, str]) -> None:
    site, _ = plain
    soup = _soup(site / "trials" / "sparks-sora" / "index.html")
    ids = [h["id"] for h in soup.select("article :is(h2, h3)[id]")]
    assert "프롬프트" in ids and "평가" in ids
    assert not [i for i in ids if re.fullmatch(r"_\d*", i)]


def test_no_english_label_left_on_the_korean_site(plain: tuple[Path, str]) -> None:
    site, _ = plain
    for path in ("index.html", "trials/sparks-sora/index.html", "services/kling/index.html"):
        soup = _soup(site / path)
        text = soup.get_text(" ")
        assert "Made with" not in text, path
        assert not soup.find(attrs={"title": "Permanent link"}), path
        written = soup.select(".magazine-facts li, .magazine-card-figures, article li:not(:has(*))")
        assert not [e for e in written if "credits" in e.get_text() or "USD" in e.get_text()], path
    assert _soup(site / "trials/sparks-sora/index.html").find(attrs={"title": "고정 링크"})


def test_an_entry_in_another_language_says_so(plain: tuple[Path, str]) -> None:
    site, _ = plain
    soup = _soup(site / "trials" / "city-timelapse-luma" / "index.html")
    assert soup.find("h1")["lang"] == "en"
    assert soup.find("blockquote", class_="magazine-verdict")["lang"] == "en"
    feed = ET.parse(site / "feed.xml").getroot()
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    languages = {
        e.find("{http://www.w3.org/2005/Atom}title").text: e.get(xml_lang)
        for e in feed.iter("{http://www.w3.org/2005/Atom}entry")
    }
    assert languages["City skyline time-lapse — Dream Machine"] == "en"


def test_no_markdown_attribute_reaches_the_html(plain: tuple[Path, str]) -> None:
    site, _ = plain
    for page in site.rglob("*.html"):
        assert not _soup(page).find(attrs={"markdown": True}), page


def test_the_workflow_builds_for_the_address_pages_reports() -> None:
    workflow = yaml.safe_load(
        (REPOSITORY / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    )
    steps = workflow["jobs"]["build"]["steps"]
    configure = next(
        i
        for i, s in enumerate(steps)
        if str(s.get("uses", "")).startswith("actions/configure-pages")
    )
    build = next(i for i, s in enumerate(steps) if "magazine build" in str(s.get("run", "")))
    assert configure < build
    pages_id = steps[configure]["id"]
    assert f'--site-url "${{{{ steps.{pages_id}.outputs.base_url }}}}/"' in steps[build]["run"]
