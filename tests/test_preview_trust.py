"""The preview is the build: after any edit, `magazine serve` serves what `magazine build` makes.

A real `magazine serve` process is edited as a writer would, with edits drawn by Hypothesis from
every kind of input that reaches a page: mkdocs.yml (language, `site_url`, time zone, site
name, media settings, theme options), clips (a new rendition, a clip that fails, a clip
removed, a pending attempt delivered with its clip), entries, the registries and the writer's
own pages. Once the preview has answered the last save, every served file (the link-preview
cards too: the magazine starts with `site_url` set, and the edits turn it off and on) must be
byte for byte what a clean `magazine build` of the folder makes at that moment (a build run
while the preview serves, from the same cache folder), or, when the build refuses the folder,
the preview shows the problem.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.build_fixtures import make_clip, run_magazine, write_small_magazine
from tests.site_fixtures import tree_digest
from tests.test_preview import (
    BANNER,
    Served,
    assert_serves_a_clean_build,
    fetch,
    serving,
    wait_for,
)

pytestmark = pytest.mark.slow

_REBUILT = re.compile(r"^(다시 빌드함|rebuilt): ")
_REQUEST = re.compile(r'^\[\d\d:\d\d:\d\d\] "')


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small magazine whose renditions are made already (each example copies it)."""
    root = write_small_magazine(tmp_path_factory.mktemp("template") / "magazine")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs/notes.md").write_text("# 작업 노트\n\n첫 문단.\n", encoding="utf-8")
    # The clip a pending attempt is delivered with, and another for a new rendition.
    make_clip(root / "entries/2025/01/media/kling.mp4", size="96x64")
    make_clip(root / "spare/other.mp4", size="112x80", seconds=1.5)
    built = run_magazine(root, "build")
    assert built.returncode == 0, built.stderr
    shutil.rmtree(root / "site")
    yield root


def _copy(template: Path, into: Path) -> Path:
    root = into / "magazine"
    shutil.copytree(template, root, symlinks=True)
    for name in ("staging", "site.build", "preview", "preview-staging"):
        shutil.rmtree(root / ".magazine" / name, ignore_errors=True)
    return root


def _sub(path: Path, pattern: str, replacement: str) -> None:
    """Replace the first match of `pattern`, or append `replacement` when nothing matches."""
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    if not count:
        edited = text.rstrip("\n") + "\n" + replacement + "\n"
    path.write_text(edited, encoding="utf-8")


def _toggle(path: Path, first: str, second: str) -> None:
    """Swap `first` for `second` in the file, or back when `second` is there."""
    text = path.read_text(encoding="utf-8")
    if first in text:
        path.write_text(text.replace(first, second, 1), encoding="utf-8")
    else:
        path.write_text(text.replace(second, first, 1), encoding="utf-8")


def _line(path: Path, anchor: str, line: str) -> None:
    """Remove `line` from the file, or put it right after the line `anchor` when absent."""
    text = path.read_text(encoding="utf-8")
    if line in text:
        path.write_text(text.replace(line, "", 1), encoding="utf-8")
    else:
        assert anchor in text, anchor
        path.write_text(text.replace(anchor, anchor + line, 1), encoding="utf-8")


def _mkdocs(root: Path) -> Path:
    return root / "mkdocs.yml"


def language(root: Path) -> None:
    _toggle(_mkdocs(root), "  language: ko\n", "  language: en\n")


def site_url(root: Path) -> None:
    """Cycle: the example address → another → none → the example address."""
    config = _mkdocs(root)
    text = config.read_text(encoding="utf-8")
    if "site_url: https://example.org/magazine/\n" in text:
        text = text.replace("example.org/magazine/", "example.net/other/deeper/")
    elif "site_url: https://example.net/other/deeper/\n" in text:
        text = text.replace("site_url: https://example.net/other/deeper/\n", "")
    else:
        text = text.replace("theme:\n", "site_url: https://example.org/magazine/\ntheme:\n")
    config.write_text(text, encoding="utf-8")


def timezone(root: Path) -> None:
    _toggle(_mkdocs(root), "timezone: Asia/Seoul", "timezone: UTC")


def site_name(root: Path) -> None:
    _toggle(_mkdocs(root), "site_name: Test magazine\n", "site_name: 실험 잡지\n")


def media_settings(root: Path) -> None:
    """A setting that makes every rendition again (a new height)."""
    fast = "media: {preset: ultrafast"
    _toggle(_mkdocs(root), fast + "}", fast + ", max_height: 64}")


def theme_option(root: Path) -> None:
    _line(_mkdocs(root), "  name: material\n", "  features: [navigation.tabs]\n")


def media_host(root: Path) -> None:
    """Renditions served from another host, or from the site again."""
    _line(
        _mkdocs(root),
        "  magazine:\n",
        "    media_store: s3://media/m\n    media_base_url: https://media.example.org/m/\n",
    )


def writer_theme(root: Path) -> None:
    """The writer's own theme folder: named in mkdocs.yml, then one of its files edited."""
    config = _mkdocs(root)
    footer = root / "overrides/partials/copyright.html"
    if "custom_dir: overrides" not in config.read_text(encoding="utf-8"):
        footer.parent.mkdir(parents=True, exist_ok=True)
        footer.write_text('<div class="md-copyright">우리 잡지</div>\n', encoding="utf-8")
        _line(config, "  name: material\n", "  custom_dir: overrides\n")
    else:
        footer.write_text(f'<div class="md-copyright">{time.time_ns()}</div>\n', "utf-8")


def new_rendition(root: Path) -> None:
    """Sora's clip becomes another clip (of another size and length)."""
    clip = root / "entries/2025/01/media/sora.mp4"
    spare = root / "spare/other.mp4"
    aside = root / "spare/sora.mp4"
    if aside.exists():
        clip.unlink(missing_ok=True)
        aside.rename(clip)
    else:
        shutil.copyfile(clip, aside)
        shutil.copyfile(spare, clip)


def failed_clip(root: Path) -> None:
    """Runway's clip is cut short (the build refuses it); the next time, it is whole again."""
    clip = root / "entries/2025/02/media/runway.mp4"
    whole = root / "spare/runway.mp4"
    if whole.exists():
        shutil.copyfile(whole, clip)
        whole.unlink()
    else:
        shutil.copyfile(clip, whole)
        clip.write_bytes(whole.read_bytes()[:200])


def clip_removed(root: Path) -> None:
    """Runway's entry lists its clip, or not."""
    _toggle(
        root / "entries/2025/02/runway.yml",
        "clips:\n  - file: media/runway.mp4\n",
        "notes: the clip is withdrawn\n",
    )


def delivered(root: Path) -> None:
    """Kling, pending and tagged, gets its clip and is delivered (and back)."""
    _toggle(
        root / "entries/2025/01/kling.yml",
        "status: pending\nchecked_at: 2025-01-05T10:05:00+09:00\n",
        "status: delivered\ndelivered_at: 2025-01-05T10:05:00+09:00\n"
        "clips:\n  - file: media/kling.mp4\n",
    )


def verdict(root: Path) -> None:
    _sub(root / "entries/2025/01/sora.yml", r"^verdict: .*$", f"verdict: 판정 {time.time_ns()}")


def title(root: Path) -> None:
    _toggle(root / "entries/2025/02/runway.yml", "title: Paper boat on Runway", "title: 종이배")


def tags(root: Path) -> None:
    _toggle(root / "entries/2025/02/runway.yml", "tags: [text-to-video, rain]", "tags: [rain, 밤]")


def new_entry(root: Path) -> None:
    extra = root / "entries/2025/03/veo.yml"
    if extra.exists():
        extra.unlink()
        return
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text(
        "title: Veo의 첫 시도\nservice: sora\nprompt: |\n  A lighthouse blinks through fog.\n"
        "submitted_at: 2025-03-05T09:00:00+09:00\nstatus: waitlisted\n"
        "checked_at: 2025-03-06T09:00:00+09:00\ntags: [fog]\n",
        encoding="utf-8",
    )


def service(root: Path) -> None:
    _toggle(root / "entries/services.yml", "name: Kling\n", "name: Kling AI\n")


def criteria(root: Path) -> None:
    path = root / "entries/criteria.yml"
    if path.exists():
        path.unlink()
        return
    path.write_text(
        "quality: {label: {en: Quality, ko: 품질}, scale: 10}\n"
        "lighting: {label: {en: Light, ko: 조명}}\n",
        encoding="utf-8",
    )


def writer_page(root: Path) -> None:
    _sub(root / "docs/notes.md", r"^[^#\n].*$", f"새 문단 {time.time_ns()}.")


EDITS: list[Callable[[Path], None]] = [
    language,
    site_url,
    timezone,
    site_name,
    media_settings,
    theme_option,
    media_host,
    writer_theme,
    new_rendition,
    failed_clip,
    clip_removed,
    delivered,
    verdict,
    title,
    tags,
    new_entry,
    service,
    criteria,
    writer_page,
]


def _said(served: Served) -> list[str]:
    return [line for line in served.lines() if not _REQUEST.match(line)]


def answered(served: Served, before: list[str], attempts: int = 900) -> None:
    """Wait until the preview has answered a save made after it said `before`: a new
    "rebuilt" line, or a new problem shown on the pages (bounded by attempts)."""
    for _ in range(attempts):
        said = _said(served)
        new = said[len(before) :]
        if any(_REBUILT.match(line) for line in new):
            return
        if new and BANNER in (fetch(served.url) or b"").decode("utf-8", "replace"):
            return
        time.sleep(0.2)
    raise AssertionError("the preview never answered the save:\n" + "\n".join(_said(served)[-20:]))


def quiet(served: Served, attempts: int = 300) -> None:
    """Wait until the preview has said nothing new for a few polls (a save's events may
    start a second build right after the first)."""
    last, still = len(_said(served)), 0
    for _ in range(attempts):
        time.sleep(0.3)
        now = len(_said(served))
        still = still + 1 if now == last else 0
        last = now
        if still >= 5:
            return


def preview_is_the_build(served: Served, root: Path, clean: Path) -> None:
    """The preview serves what a clean build makes now, or shows the build's problem."""
    built = run_magazine(root, "build", "--site-dir", str(clean))
    if built.returncode == 0:
        assert_serves_a_clean_build(served, root, clean)
    else:
        page = (fetch(served.url) or b"").decode("utf-8", "replace")
        assert BANNER in page, built.stderr


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(EDITS), min_size=1, max_size=3))
# The edits the review found stale: each alone, and the language twice over.
@example([language])
@example([site_url, site_url])
@example([delivered])
@example([language, new_rendition, failed_clip])
@example([media_host, writer_theme, writer_theme])
# Link-preview cards (the magazine starts with `site_url`): drawn again, and in and out.
@example([title, site_name])
@example([new_entry, delivered, new_entry])
def test_after_any_edits_the_preview_serves_what_a_clean_build_makes(
    template: Path, edits: list[Callable[[Path], None]]
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        root = _copy(template, folder)
        with serving(root, folder / "serve.log") as served:
            answered(served, [])
            for edit in edits:
                before = _said(served)
                edit(root)
                answered(served, before)
            quiet(served)
            preview_is_the_build(served, root, folder / "clean")


def _digest_of_clean_copy(root: Path, into: Path) -> dict[str, str]:
    """The site a clean build makes of the writer's files as they are now, in a copy of the
    magazine beside it (with the renditions made already, so no clip is transcoded again)."""
    copy = into / "magazine"
    shutil.copytree(root, copy, symlinks=True, ignore=shutil.ignore_patterns("site"))
    for name in ("staging", "site.build", "preview", "preview-staging"):
        shutil.rmtree(copy / ".magazine" / name, ignore_errors=True)
    built = run_magazine(copy, "build", "--site-dir", str(into / "site"))
    assert built.returncode == 0, built.stderr
    return tree_digest(into / "site")


def test_a_build_during_the_preview_publishes_the_folder_as_it_is(
    template: Path, tmp_path: Path
) -> None:
    root = _copy(template, tmp_path)
    services = root / "entries/services.yml"
    # Kling's many attempts: a rename reaches each one's page, so the preview's build of a
    # save runs long enough for a build to start beside it.
    for n in range(80):
        (root / f"entries/2025/01/kling-{n}.yml").write_text(
            f"title: Kling 시도 {n}\nservice: kling\nprompt: |\n  Attempt {n} of a paper boat.\n"
            f"submitted_at: 2025-01-{1 + n % 28:02d}T10:00:00+09:00\nstatus: pending\n"
            f"checked_at: 2025-01-{1 + n % 28:02d}T12:00:00+09:00\ntags: [waiting]\n",
            encoding="utf-8",
        )
    with serving(root, tmp_path / "serve.log") as served:
        answered(served, [])
        for round in range(3):
            # Two quick saves that reach many pages, then a build at once.
            for name in (f"Kling {round}a", f"Kling {round}b"):
                _sub(services, r"^  name: Kling.*$", f"  name: {name}")
                time.sleep(0.3)
            site = tmp_path / f"site-{round}"
            built = run_magazine(root, "build", "--site-dir", str(site))
            assert built.returncode == 0, built.stderr
            published = tree_digest(site)
            clean = _digest_of_clean_copy(root, tmp_path / f"clean-{round}")
            assert published.keys() == clean.keys()
            assert [rel for rel in clean if published[rel] != clean[rel]] == []
        # And the preview serves the last save, not an earlier one.
        wait_for(served, "services/kling/", lambda body: "Kling 2b" in body)
        quiet(served)
        assert_serves_a_clean_build(served, root, tmp_path / "clean-end")


def test_a_save_during_the_first_build_shows_before_that_build_would_end(
    template: Path, tmp_path: Path
) -> None:
    root = _copy(template, tmp_path)
    # Enough pages that the first build of the preview takes a while.
    for n in range(150):
        (root / f"entries/2025/01/veo-{n}.yml").write_text(
            f"title: Veo 시도 {n}\nservice: {'runway' if n < 5 else 'sora'}\n"
            f"prompt: |\n  Fog number {n} on a hill.\n"
            f"submitted_at: 2025-01-{1 + n % 28:02d}T10:00:00+09:00\nstatus: waitlisted\n"
            f"checked_at: 2025-01-{1 + n % 28:02d}T12:00:00+09:00\nverdict: 처음 판정 {n}\n",
            encoding="utf-8",
        )
    with serving(root, tmp_path / "serve.log") as served:
        # The pages asked for are made first (pages of another service than the one the
        # save is about); the first build goes on with the others.
        asked = [f"trials/veo-{n}/" for n in range(5)]
        for page in asked:
            wait_for(served, page, lambda body: "처음 판정" in body)
        assert not any(_REBUILT.match(line) for line in _said(served))
        entry = root / "entries/2025/01/veo-77.yml"
        entry.write_text(
            entry.read_text(encoding="utf-8").replace("처음 판정 77", "다시 본 판정"),
            encoding="utf-8",
        )
        wait_for(served, "trials/veo-77/", lambda body: "다시 본 판정" in body)
        # Shown before the first build said it was done: that build stopped for the save.
        assert not any(_REBUILT.match(line) for line in _said(served)), _said(served)[-5:]
        answered(served, [])
        quiet(served)
        # One build was finished, and it went on from the pages the stopped one had made
        # (those the save did not change, such as the pages asked for first, stay).
        rebuilt = [line for line in _said(served) if _REBUILT.match(line)]
        assert len(rebuilt) == 1, rebuilt
        made, total = map(int, re.findall(r"(\d+)개", rebuilt[0])[::-1])
        assert made <= total - len(asked), rebuilt
        assert_serves_a_clean_build(served, root, tmp_path / "clean")
