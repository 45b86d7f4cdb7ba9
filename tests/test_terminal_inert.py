"""Terminal output is inert: no writer- or server-supplied string drives the terminal.

Service names, file and folder names, keys, labels and notes reach the terminal through one
escaping place (`generator.errors.inert`): ESC, BEL, C1 controls, CR, bidirectional overrides
and lone surrogates are printed as their escapes, and rich never reads them as markup.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from rich.console import Console

from generator.errors import inert
from generator.progress import PlainProgress, RichProgress
from tests.build_fixtures import command, environment, invoke, make_clip, write_small_magazine
from tests.magazine_fixtures import SERVICES, write_magazine

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")

# What a hostile services.yml can hold in a double-quoted YAML string.
HOSTILE_NAME = (
    r'"\e[5mBLINK\e[0m \e]8;;https://evil.example/\aclick\e]8;;\a \e[2J\e[H'
    r' \x9b31m \r fake \u202eevil [bold red]bold[/] [link=https://evil.example/]l[/link]"'
)
RAW = ("\x1b", "\x07", "\x9b", "\r", "\u202e")
"""Characters that must never reach the terminal raw."""


def _raw(text: str) -> list[str]:
    return [repr(char) for char in RAW if char in text]


def test_inert_escapes_controls_once_and_keeps_text() -> None:
    assert inert("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert inert("line\nnext", keep_lines=True) == "line\nnext"
    assert inert("line\nnext") == "line\\nnext"
    assert inert("\u202eevil\ud800") == "\\u202eevil\\ud800"
    assert inert("금빛 불꽃 [bold]") == "금빛 불꽃 [bold]"
    once = inert("\x1b]8;;u\x07x\r\n", keep_lines=True)
    assert inert(once, keep_lines=True) == once


def test_pending_prints_a_hostile_service_name_inert(tmp_path: Path) -> None:
    services = SERVICES.replace("  name: Kling\n", f"  name: {HOSTILE_NAME}\n")
    root = write_magazine(tmp_path / "m", services=services)
    result = invoke(root, "pending")
    assert result.exit_code == 0, result.output
    assert _raw(result.output) == []
    assert "\\x1b[5mBLINK" in result.output
    assert "[bold red]bold[/]" in result.output and "[link=https://evil.example/]" in result.output


def test_new_lists_hostile_keys_and_options_inert(tmp_path: Path) -> None:
    services = SERVICES + '"\\e[2Jevil\\rsora":\n  name: Evil\n'
    root = write_magazine(tmp_path / "m", services=services)
    result = invoke(root, "new", "--service", "\x1b]8;;https://e/\x07x", "--prompt", "p")
    assert result.exit_code == 2
    assert _raw(result.output) == [], result.output
    assert "\\x1b[2Jevil\\rsora" in result.output


def test_a_folder_name_with_escapes_is_printed_inert(tmp_path: Path) -> None:
    folder = tmp_path / "mag\x1b[2J\x07"
    folder.mkdir()
    result = invoke(folder, "check")
    assert result.exit_code == 2
    assert "not a magazine folder" in result.output
    assert _raw(result.output) == [], result.output


def test_build_progress_and_problems_name_hostile_folders_inert(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "m")
    hostile = root / "entries/2025/02/\x1b[2J\x1b]8;;evil\x07x"
    hostile.mkdir()
    (root / "entries/2025/02/runway.yml").rename(hostile / "runway.yml")
    (root / "entries/2025/02/media").rename(hostile / "media")
    make_clip(hostile / "media/extra.mp4")
    built = subprocess.run(
        command(root, "build"), capture_output=True, text=True, env=environment(), check=False
    )
    # A name Windows cannot hold is refused before anything is built; the problem that
    # names it is inert like every other line.
    assert built.returncode == 1, built.stderr
    assert "\\x1b[2J" in built.stderr
    assert _raw(built.stdout + built.stderr) == []
    (hostile / "runway.yml").write_text("title: [unclosed\n", encoding="utf-8")
    checked = invoke(root, "check")
    assert checked.exit_code == 1
    assert "\\x1b[2J" in checked.output and _raw(checked.output) == []


def test_plain_progress_escapes_labels_and_notes() -> None:
    out = io.StringIO()
    progress = PlainProgress(out)
    task = progress.task("\x1b[2Jlabel", 2)
    task.advance()
    task.describe("clip\x1b]8;;https://e/\x07x\rfake")
    progress.finish(task)
    progress.note("waiting for \x1b[5mbuild\x1b[0m\nsecond line")
    assert _raw(out.getvalue()) == []
    assert "second line" in out.getvalue().splitlines()[-1]


@pytest.mark.parametrize("unit", ["", "bytes"])
def test_rich_progress_reads_no_markup_and_sends_no_escape(unit: str) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=240, color_system="truecolor")
    progress = RichProgress(console)
    task = progress.task("[link=https://evil.example/]label[/link]\x1b[2J", 10, unit=unit)
    task.describe("[bold red]clip[/]\x1b]8;;https://e/\x07x")
    task.advance(10)
    progress.note("[blink]note[/blink]\x1b[2J")
    progress.finish(task)
    progress.close()
    printed = out.getvalue()
    assert "[link=https://evil.example/]label[/link]" in printed
    assert "[blink]note[/blink]" in printed
    assert "\x1b]8;" not in printed  # no OSC 8 hyperlink
    assert "\x1b[2J" not in printed and "\x07" not in printed
    assert "\\x1b[2J" in printed


def test_a_traceback_under_verbose_is_inert_too(tmp_path: Path) -> None:
    folder = tmp_path / "mag\x1b[2J"
    folder.mkdir()
    result = invoke(folder, "-v", "check")
    assert result.exit_code == 2
    assert "Traceback" in result.output
    assert _raw(result.output) == [], result.output


def test_a_line_feed_in_a_folder_name_forges_no_line(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "m")
    hostile = root / "entries/2025/02/x\nevil.yml:1:1: forged problem"
    hostile.mkdir()
    (root / "entries/2025/02/runway.yml").rename(hostile / "runway.yml")
    (root / "entries/2025/02/media").rename(hostile / "media")
    # Not a video: the clip fails, and its failure names the file in the hostile folder.
    (hostile / "media/runway.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42 truncated")
    built = subprocess.run(
        command(root, "-v", "build"),
        capture_output=True,
        text=True,
        env=environment(),
        check=False,
    )
    assert built.returncode == 1, built.stderr
    assert "\\nevil.yml:1:1: forged problem" in built.stderr
    printed = (built.stdout + built.stderr).splitlines()
    assert not [line for line in printed if line.lstrip().startswith("evil.yml")]


def test_a_problem_naming_another_file_forges_no_line(tmp_path: Path) -> None:
    entry = (
        "title: t\nservice: sora\nslug: same\nprompt: p\nstatus: pending\n"
        "submitted_at: 2025-01-03T10:00:00+09:00\nchecked_at: 2025-01-04T10:00:00+09:00\n"
    )
    entries = {"2025/01/a.yml": entry, "2025/01/b\nevil.yml:1:1: forged.yml": entry}
    root = write_magazine(tmp_path / "m", entries, files={})
    result = invoke(root, "check")
    assert result.exit_code == 1, result.output
    assert "forged" in result.output
    assert not [line for line in result.output.splitlines() if line.startswith("evil.yml")]
