"""The seed's story told through the commands only: a magazine started, one prompt sent to four
services, what happened recorded, the prompt re-sent three months later. The writer's comments
in every file survive byte for byte outside the lines a command changed."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.source.entries import load_magazine
from tests.media_fixtures import run as ffmpeg
from tests.media_fixtures import testsrc as lavfi_pattern

PROMPT = "A mesmerizing shower of golden sparks swirls in slow motion against a night sky."
MEMO = "# 내 메모: {service}, 휴대폰으로 보냄\n"
EDITABLE = re.compile(r"^(status|delivered_at|checked_at|experiment|clips):|^  - (file|url): ")
"""The lines a desk command may write: everything else is the writer's."""


def run(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    assert result.exit_code == 0, (args, result.output)
    return result


def texts(root: Path) -> dict[Path, str]:
    files = [*root.rglob("*.yml"), root / "docs/index.md"]
    return {
        path: path.read_text(encoding="utf-8") for path in files if ".magazine" not in str(path)
    }


def only_editable_lines_changed(before: dict[Path, str], after: dict[Path, str]) -> list[str]:
    """Every changed line that is not one a desk command writes, named with its file."""
    stray = []
    for path, text in before.items():
        diff = difflib.ndiff(text.splitlines(), after[path].splitlines())
        for line in diff:
            if line[:2] in ("- ", "+ ") and not EDITABLE.match(line[2:]):
                stray.append(f"{path.name}: {line}")
    return stray


@pytest.mark.slow
def test_the_seed_story_through_the_commands(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    run(tmp_path, "init", str(root), "--lang", "ko", "--title", "나의 체험기")
    services = root / "entries/services.yml"
    # The writer uncomments the four services they use, by hand.
    text = services.read_text(encoding="utf-8")
    for key in ("sora", "kling", "veo", "midjourney"):
        block = re.search(rf"(?m)^# {key}:\n(?:#   .*\n)+", text)
        assert block is not None, key
        text = text.replace(block.group(), re.sub(r"(?m)^# ", "", block.group()))
    services.write_text(text, encoding="utf-8")

    paths: dict[str, Path] = {}
    for minute, service in enumerate(("sora", "kling", "midjourney", "veo")):
        extra = ["--promised-wait", "약 3시간"] if service in ("sora", "kling") else []
        result = run(
            root, "new", "--service", service, "--prompt", PROMPT,
            "--now", f"2025-01-03T10:0{minute}", *extra,
        )  # fmt: skip
        path = root / result.stdout.strip()
        # The writer's own comment at the top and at the end of each file.
        path.write_text(
            MEMO.format(service=service) + path.read_text(encoding="utf-8") + "# 끝\n",
            encoding="utf-8",
        )
        paths[service] = path

    clip = tmp_path / "sora download.mp4"
    ffmpeg(*lavfi_pattern("320x180", seconds=1, rate=24), "-pix_fmt", "yuv420p", str(clip))
    steps = [
        ("deliver", "sora", "--clip", str(clip), "--at", "2025-01-03T10:40"),
        ("mark", "midjourney", "paywalled", "--at", "2025-01-03T10:12"),
        ("mark", "veo", "waitlisted", "--at", "2025-01-03T10:15"),
        ("checked", "kling", "--at", "2025-01-05T10:05"),
        ("resend", "kling", "--service", "kling", "--service", "sora", "--at", "2025-04-03T10:00"),
    ]
    said = []
    for step in steps:
        before = texts(root)
        said.append(run(root, *step).stdout)
        assert only_editable_lines_changed(before, texts(root)) == [], step

    assert "Sora: 40분 (약속의 0.2×)" in said[0]
    assert "Kling: 2일 넘게 기다리는 중 (약속의 16×)" in said[3]
    for service, path in paths.items():
        text = path.read_text(encoding="utf-8")
        assert text.startswith(MEMO.format(service=service)) and text.endswith("# 끝\n")

    magazine = load_magazine(root)
    assert magazine.warnings == ()
    (comparison,) = magazine.comparisons
    assert [(e.service, e.status.value) for e in comparison.entries] == [
        ("sora", "delivered"),
        ("kling", "pending"),
        ("midjourney", "paywalled"),
        ("veo", "waitlisted"),
        ("kling", "pending"),
        ("sora", "pending"),
    ]
    assert (root / "entries/2025/01/media" / f"{paths['sora'].stem}.mp4").is_file()

    built = CliRunner().invoke(main, ["--root", str(root), "build", "-q", "--offline"])
    assert built.exit_code == 0, built.output
    page = (root / "site/compare" / comparison.slug / "index.html").read_text(encoding="utf-8")
    assert page.count("<video") >= 1
