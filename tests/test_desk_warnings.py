"""Warnings for entries that are valid but probably not meant, and mkdocs.yml mistakes that
every command reports as a located problem, never a traceback."""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.source.entries import load_magazine
from tests.magazine_fixtures import DELIVERED, MKDOCS, PENDING, STAND_IN, write_magazine

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")

MEDIA = {"entries/2025/01/media/sparks-sora.mp4": STAND_IN}


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--root", str(root), *args])


WARNED = {
    "pending-delivered": (
        PENDING + "delivered_at: 2025-01-06T10:00:00+09:00\n",
        "entries/2025/01/e.yml:9:15: warning: delivered_at: is set but the status is pending",
    ),
    "pending-clips": (
        PENDING + "clips:\n  - url: https://example.org/a.mp4\n",
        "entries/2025/01/e.yml:10:3: warning: clips: are listed but the status is pending",
    ),
    "delivered-at-submission": (
        DELIVERED.replace("10:40:00+09:00", "10:00:00+09:00"),
        "entries/2025/01/e.yml:7:15: warning: delivered_at: equals submitted_at",
    ),
    "checked-after-delivery": (
        DELIVERED + "checked_at: 2025-01-04T10:00:00+09:00\n",
        "entries/2025/01/e.yml:12:13: warning: checked_at: is after delivered_at",
    ),
    "waitlisted-at-submission": (
        PENDING.replace("status: pending", "status: waitlisted").replace(
            "2025-01-05T10:05", "2025-01-03T10:05"
        ),
        "entries/2025/01/e.yml:8:13: warning: checked_at: equals submitted_at, so the "
        "waitlisted wait reads ≥ 0 s",
    ),
}


@pytest.mark.parametrize("kind", sorted(WARNED))
def test_check_warns_at_the_field_and_succeeds(tmp_path: Path, kind: str) -> None:
    text, expected = WARNED[kind]
    text = text.replace("media/sparks-sora.mp4", "../media/sparks-sora.mp4")
    files = {"entries/2025/media/sparks-sora.mp4": STAND_IN}
    root = write_magazine(tmp_path / "m", {"2025/01/e.yml": text}, files=files)
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    (warning,) = result.stderr.splitlines()
    assert warning.startswith(expected)
    assert result.stdout.startswith("ok: 1 entry")


def test_a_consistent_magazine_has_no_warnings(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", files=MEDIA)
    assert load_magazine(root).warnings == ()


LANGUAGE = MKDOCS.replace("language: ko", "language: kr")

BROKEN = {
    "language": LANGUAGE,
    "syntax": MKDOCS + "nav: [unclosed\n",
    "not-a-mapping": "- site_name: x\n",
    "unknown-setting": MKDOCS + "    colour: purple\n",
    "timezone": MKDOCS.replace("Asia/Seoul", "Asia/Busan"),
    "empty": "",
    "tab": MKDOCS.replace("  language: ko", "\tlanguage: ko"),
    "magazine-not-a-mapping": MKDOCS.replace("    timezone: Asia/Seoul", "    - timezone"),
}

COMMANDS = [
    ["check"],
    ["build", "-q", "--offline"],
    ["fetch", "-q", "--offline"],
    ["pending"],
    ["new", "--service", "sora", "--prompt", "a cat", "--now", "2025-02-01T10:00:00+09:00"],
    ["serve", "--port", "0", "--offline"],
    ["deploy", "--no-push", "--offline"],
    ["deliver", "kling", "--url", "https://example.org/a.mp4"],
    ["checked", "kling"],
    ["mark", "kling", "failed"],
    ["resend", "kling"],
]


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_every_command_reports_a_broken_mkdocs_yml_without_a_traceback(
    tmp_path: Path, kind: str
) -> None:
    root = write_magazine(tmp_path / "m", mkdocs=BROKEN[kind], files=MEDIA)
    entries = {p: p.read_bytes() for p in (root / "entries").rglob("*.yml")}
    for command in COMMANDS:
        result = run(root, *command)
        shown = "".join(traceback.format_exception(result.exception)) if result.exception else ""
        assert isinstance(result.exception, SystemExit), f"{command}: {shown}"
        assert result.exit_code in (1, 2), (command, result.output)
        assert "Traceback" not in result.output, command
        assert result.stderr.strip(), command
        if kind in ("language", "unknown-setting", "timezone", "syntax", "tab"):
            assert "mkdocs.yml:" in result.stderr, (command, result.stderr)
    assert {p: p.read_bytes() for p in (root / "entries").rglob("*.yml")} == entries


def test_the_language_problem_is_located_with_a_guess(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", mkdocs=LANGUAGE, files=MEDIA)
    result = run(root, "build")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "mkdocs.yml:5:13: theme.language: must be ko or en, the languages of the magazine's "
        "words (did you mean 'ko'?)"
    )


MKDOCS_REFUSES = {
    "plugin": MKDOCS + "plugins:\n  - no-such-plugin\n",
    "theme": MKDOCS.replace("name: material", "name: no-such-theme"),
    "extension": MKDOCS.replace(
        "  - pymdownx.emoji:", "  - no_such_extension\n  - pymdownx.emoji:"
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(MKDOCS_REFUSES))
def test_a_config_mkdocs_refuses_is_one_message_from_build(tmp_path: Path, kind: str) -> None:
    root = write_magazine(
        tmp_path / "m", {"2025/01/kling.yml": PENDING}, mkdocs=MKDOCS_REFUSES[kind], files={}
    )
    result = run(root, "build", "-q", "--offline")
    assert isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "MkDocs could not build the site" in result.stderr
