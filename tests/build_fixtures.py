"""Whole magazines on disk for end-to-end builds: real clips, the real command, parsed HTML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner, Result

from generator.cli import main
from tests.magazine_fixtures import write_magazine
from tests.media_fixtures import X264, run, sine, testsrc
from tests.site_fixtures import tree_digest

REPOSITORY = Path(__file__).resolve().parent.parent

MKDOCS = """\
site_name: Test magazine
site_url: https://example.org/magazine/
theme:
  name: material
  language: ko
markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: true
extra:
  magazine:
    timezone: Asia/Seoul
    media: {preset: ultrafast}
"""

SERVICES = """\
sora:
  name: Sora
  vendor: OpenAI
  kind: video
kling:
  name: Kling
  vendor: Kuaishou
  kind: video
runway:
  name: Runway
  vendor: Runway
  kind: video
"""

SPARKS = "A mesmerizing shower of golden sparks swirls in slow motion."

SORA = f"""\
title: 금빛 불꽃이 사람으로
service: sora
model: Sora 1.0
plan: free
prompt: |
  {SPARKS}
submitted_at: 2025-01-03T10:00:00+09:00
promised_wait: 3h
delivered_at: 2025-01-03T10:40:00+09:00
status: delivered
clips:
  - file: media/sora.mp4
    caption: 한 번에 나온 영상
ratings: {{quality: 4, lighting: 5}}
verdict: 느낌은 있는데 인물이 흐려진다
tags: [text-to-video, slow-motion]
"""

KLING = f"""\
title: Kling is still thinking
service: kling
prompt: |
  {SPARKS}
submitted_at: 2025-01-03T10:05:00+09:00
promised_wait: 3h
status: pending
checked_at: 2025-01-05T10:05:00+09:00
tags: [waiting]
"""

RUNWAY = """\
title: Paper boat on Runway
service: runway
prompt: |
  A small paper boat drifts down a rainy street.
submitted_at: 2025-02-10T09:00:00+09:00
promised_wait: 10m
delivered_at: 2025-02-10T09:12:00+09:00
status: delivered
clips:
  - file: media/runway.mp4
ratings: {quality: 3, lighting: 4}
verdict: Wobbly but charming.
tags: [text-to-video, rain]
"""

SMALL = {"2025/01/sora.yml": SORA, "2025/01/kling.yml": KLING, "2025/02/runway.yml": RUNWAY}


def make_clip(
    path: Path, *, size: str = "160x120", seconds: float = 1, audio: bool = False
) -> Path:
    """A tiny H.264 test-pattern clip (with a sine tone when `audio`) at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sound = [*sine(seconds), "-c:a", "aac", "-shortest"] if audio else []
    run(*testsrc(size, seconds), *sound, *X264, "-pix_fmt", "yuv420p", str(path))
    return path


def write_small_magazine(root: Path) -> Path:
    """Sora (delivered, with sound) and Kling (pending) on one prompt; Runway a month later."""
    write_magazine(root, SMALL, services=SERVICES, mkdocs=MKDOCS, files={})
    make_clip(root / "entries/2025/01/media/sora.mp4", audio=True)
    make_clip(root / "entries/2025/02/media/runway.mp4", size="128x96")
    return root


def invoke(root: Path, *args: str) -> Result:
    """`magazine --root ROOT ARGS` in this process."""
    return CliRunner().invoke(main, ["--root", str(root), *args])


def environment() -> dict[str, str]:
    """The environment for a `python -m generator` child: this worktree's package first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPOSITORY), env.get("PYTHONPATH")]))
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--root", str(root), *args]


def run_magazine(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m generator --root ROOT ARGS` as a child process."""
    return subprocess.run(
        command(root, *args),
        capture_output=True,
        text=True,
        check=False,
        cwd=REPOSITORY,
        env=environment(),
    )


def page(site: Path, rel: str) -> BeautifulSoup:
    """A built page, parsed (`rel` is the page's folder, or a file path ending .html)."""
    path = site / rel if rel.endswith(".html") else site / rel / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(site: Path, rel: str) -> BeautifulSoup:
    """The content of a page, without Material's header, sidebars and footer."""
    found = page(site, rel).select_one("article")
    assert found is not None, rel
    return BeautifulSoup(str(found), "html.parser")


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def writer_digest(root: Path) -> dict[str, str]:
    """Every file of the magazine folder except what the build owns (site/, the cache, .git)."""
    owned = {"site", ".magazine", ".git"}
    return {
        rel: digest
        for rel, digest in tree_digest(root).items()
        if rel.split("/", 1)[0] not in owned
    }


__all__ = ["tree_digest"]
