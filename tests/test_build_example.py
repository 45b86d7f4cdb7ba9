"""The repository's own example magazine and the README's entry example, built and checked."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build_fixtures import REPOSITORY, article, invoke, make_clip, writer_digest
from tests.magazine_fixtures import write_magazine

pytestmark = pytest.mark.slow

SPARKS_SERVICES = {"Sora", "Kling", "Midjourney", "Veo"}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example") / "mag"
    root.mkdir()
    shutil.copy(REPOSITORY / "mkdocs.yml", root)
    for folder in ("docs", "entries"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    before = writer_digest(root)
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    assert "체험기 25개" in result.output
    assert writer_digest(root) == before
    return root / "site"


def test_every_entry_has_a_page(example: Path) -> None:
    trials = sorted(p.parent.name for p in (example / "trials").glob("*/index.html"))
    assert len(trials) == 25
    assert {"sparks-sora", "sparks-kling", "sparks-midjourney", "sparks-veo"} <= set(trials)


def test_the_writer_home_page_is_the_home_page(example: Path) -> None:
    home = article(example, ".")
    assert "생성 AI 체험기" in home.get_text()
    assert "대역(stand-in)" in home.get_text()


def test_sparks_comparison_has_the_four_services(example: Path) -> None:
    [folder] = [p for p in (example / "compare").iterdir() if "golden-sparks" in p.name]
    doc = article(example, f"compare/{folder.name}")
    table = doc.find("table")
    assert table is not None
    rows = [tr.find_all("td") for tr in table.find_all("tr")[1:]]
    assert {cells[0].get_text(strip=True) for cells in rows} == SPARKS_SERVICES
    kling = [" ".join(c.get_text() for c in cells) for cells in rows]
    assert any("대기 중" in row and "2일" in row and "16×" in row for row in kling), kling


def test_kling_is_shown_pending_for_48_hours(example: Path) -> None:
    text = article(example, "trials/sparks-kling").get_text()
    assert "대기 중" in text
    assert "2일 넘게 기다리는 중" in text and "약속의 16×" in text


def test_stand_in_clips_are_labelled(example: Path) -> None:
    doc = article(example, "trials/sparks-sora")
    assert doc.select_one(".magazine-stand-in") is not None
    video = doc.find("video")
    assert video is not None
    assert (example / "trials/sparks-sora" / str(video["poster"])).resolve().is_file()


def readme_entry() -> str:
    """The YAML block under "Writing an entry" in README.md."""
    text = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = text.split("## Writing an entry", 1)[1]
    found = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert found is not None
    return found.group(1)


def test_the_readme_entry_example_passes_check(tmp_path: Path) -> None:
    entry = readme_entry()
    files = re.findall(r"- file: (\S+)", entry)
    assert files == ["media/sparks-sora.mp4"]
    root = write_magazine(tmp_path / "mag", {"2025/01/sparks-sora.yml": entry}, files={})
    make_clip(root / "entries/2025/01" / files[0])
    result = invoke(root, "check")
    assert result.exit_code == 0, result.output + result.stderr
    assert "체험기 1개" in result.output  # the test magazine is Korean
    assert "경고" not in result.output and "warning" not in result.output


def test_zensical_builds_the_example_too(example: Path, tmp_path: Path) -> None:
    zensical = Path(sys.executable).parent / "zensical"
    if not zensical.exists():
        pytest.skip("zensical is not installed (pip install -e '.[zensical]')")
    config = example.parent / ".magazine" / "mkdocs.yml"

    result = subprocess.run(
        [str(zensical), "build", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1"},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    built = example.parent / ".magazine" / "site.build"
    pages = {p.parent.name for p in (built / "trials").glob("*/index.html")}
    assert len(pages) == 25
    sparks = (built / "trials" / "sparks-kling" / "index.html").read_text(encoding="utf-8")
    assert "2일 넘게 기다리는 중" in sparks


def test_tag_lists_show_each_trial_with_its_poster(example: Path) -> None:
    tags = example / "tags" / "index.html"
    html = tags.read_text("utf-8")
    thumbs = re.findall(r'<img class="magazine-tag-thumb" src="([^"]+)"', html)
    assert len(thumbs) >= 10
    for src in thumbs:
        assert (tags.parent / src).resolve().is_file(), src
    assert 'loading="lazy"' in html


def test_the_readme_names_the_longest_path_the_build_makes(example: Path) -> None:
    """Windows refuses paths over 260 characters; the README says how close the example comes."""
    root = example.parent
    made = sorted(
        rel
        for folder in ("site", ".magazine")
        for path in (root / folder).rglob("*")
        if not (rel := path.relative_to(root).as_posix()).startswith(".magazine/site.build/")
    )  # site.build is Zensical's, made by the test above
    longest = max(made, key=lambda rel: (len(rel), rel))
    readme = " ".join((REPOSITORY / "README.md").read_text("utf-8").split())
    assert f"is {len(longest)} characters long (`{longest}`)" in readme, longest
