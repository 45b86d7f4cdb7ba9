"""Entries written on Windows or macOS: backslashes, decomposed Korean, reserved names, CRLF."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.filenames import name_problem
from generator.pages import check_addresses
from generator.source import load_magazine
from tests.build_fixtures import invoke, write_small_magazine
from tests.magazine_fixtures import DELIVERED, PENDING, SERVICES, STAND_IN, write_magazine
from tests.site_fixtures import tree_digest

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def checked(root: Path) -> tuple[int, str]:
    result = invoke(root, "check")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output + result.stderr


def with_clip(path: str) -> str:
    return DELIVERED.replace("  - file: media/sparks-sora.mp4", f"  - file: {path}")


# --- Unicode normalisation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "on_disk"),
    [
        (nfc("미디어/불꽃.mp4"), nfd("미디어/불꽃.mp4")),  # typed on Windows, unzipped from a Mac
        (nfd("미디어/불꽃.mp4"), nfc("미디어/불꽃.mp4")),
        (nfc("media/불꽃 영상.mp4"), nfc("media/") + nfd("불꽃 영상.mp4")),
    ],
    ids=["nfc-entry-nfd-disk", "nfd-entry-nfc-disk", "nfd-file-only"],
)
def test_a_clip_is_found_whichever_unicode_form_the_disk_holds(
    tmp_path: Path, written: str, on_disk: str
) -> None:
    assert written.encode() != on_disk.encode()
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/sora.yml": with_clip(written)},
        files={f"entries/2025/01/{on_disk}": STAND_IN},
    )
    code, output = checked(root)
    assert code == 0, output


def test_a_missing_korean_clip_is_still_reported(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/sora.yml": with_clip("media/불꽃.mp4")},
        files={f"entries/2025/01/media/{nfd('불빛.mp4')}": STAND_IN},
    )
    code, output = checked(root)
    assert code == 1
    assert "clips[0].file: file not found: entries/2025/01/media/불꽃.mp4" in output


@pytest.mark.slow
def test_decomposed_entry_and_clip_names_build_nfc_addresses(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    month = root / "entries/2025/01"
    (month / "sora.yml").rename(month / nfd("불꽃.yml"))
    (month / "media/sora.mp4").rename(month / "media" / nfd("불꽃.mp4"))
    text = (month / nfd("불꽃.yml")).read_text("utf-8")
    (month / nfd("불꽃.yml")).write_text(text.replace("media/sora.mp4", "media/불꽃.mp4"), "utf-8")

    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    page = (root / "site/trials/bulkkot/index.html").read_text("utf-8")
    assert "<video" in page
    site = [p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*")]
    assert all(unicodedata.is_normalized("NFC", rel) for rel in site)


def test_a_decomposed_page_of_the_writer_is_published_at_its_typed_address(
    tmp_path: Path,
) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/a.yml": PENDING},
        files={
            "docs/index.md": "# 홈\n\n[소개](소개.md)\n".encode(),
            f"docs/{nfd('소개.md')}": "# 소개\n\n이 잡지는.\n".encode(),
        },
    )
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    assert (root / "site" / nfc("소개") / "index.html").is_file()
    assert not (root / "site" / nfd("소개")).exists()


def test_two_names_in_either_form_in_one_folder_are_a_problem(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/a.yml": PENDING},
        files={f"docs/{nfd('소개.md')}": b"# A\n", f"docs/{nfc('소개.md')}": b"# B\n"},
    )
    code, output = checked(root)
    assert code == 1
    assert "has the same name as docs/" in output and "another Unicode form" in output


def test_the_same_name_in_either_form_gives_the_same_slug(tmp_path: Path) -> None:
    for form, name in (("nfc", nfc("불꽃.yml")), ("nfd", nfd("불꽃.yml"))):
        root = write_magazine(tmp_path / form, {f"2025/01/{name}": PENDING}, files={})
        [entry] = load_magazine(root).entries
        assert entry.slug == "bulkkot"


# --- backslashes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["media\\sparks-sora.mp4", "'media\\sparks-sora.mp4'", ".\\media/sparks-sora.mp4"]
)
def test_a_windows_path_with_backslashes_is_accepted(tmp_path: Path, written: str) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/sora.yml": with_clip(written)},
        files={"entries/2025/01/media/sparks-sora.mp4": STAND_IN},
    )
    code, output = checked(root)
    assert code == 0, output
    [entry] = load_magazine(root).entries
    assert entry.clips[0].source == written.strip("'").replace("\\", "/")


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"media\\new.mp4"', "control characters (such as NUL; in double quotes, \\t and \\n"),
        ("C:\\clips\\sparks.mp4", "must be a path relative to this entry's folder"),
        ("\\\\server\\share\\sparks.mp4", "must be a path relative to this entry's folder"),
        ("..\\..\\..\\..\\secret.mp4", "goes outside the magazine folder"),
    ],
    ids=["double-quoted-escape", "drive", "network-share", "outside"],
)
def test_backslash_paths_that_cannot_work_say_why(
    tmp_path: Path, written: str, message: str
) -> None:
    root = write_magazine(tmp_path / "m", {"2025/01/sora.yml": with_clip(written)}, files={})
    code, output = checked(root)
    assert code == 1
    line = next(line for line in output.splitlines() if "clips[0].file:" in line)
    assert line.startswith("entries/2025/01/sora.yml:10:"), line
    assert message in line, line


# --- names Windows cannot hold --------------------------------------------------------------------

DEVICE = "is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9"
CHARACTER = "which Windows does not allow in file names"
DOT = "ends with a dot or a space, which Windows drops from file names"


def pending(**fields: str) -> str:
    return PENDING + "".join(f"{key}: {value}\n" for key, value in fields.items())


@pytest.mark.parametrize(
    ("entries", "services", "files", "where", "rule"),
    [
        (
            {"2025/01/a.yml": pending(slug="con")},
            SERVICES,
            {},
            "entries/2025/01/a.yml:9:7: slug:",
            DEVICE,
        ),
        ({"2025/01/nul.yml": pending()}, SERVICES, {}, "entries/2025/01/nul.yml: ", DEVICE),
        (
            {"2025/01/Aux.Draft.yml": pending()},
            SERVICES,
            {},
            "entries/2025/01/Aux.Draft.yml: ",
            DEVICE,
        ),
        ({"2025/com1/a.yml": pending()}, SERVICES, {}, "entries/2025/com1/a.yml: 'com1'", DEVICE),
        (
            {"2025/01/눌.yml": pending()},
            SERVICES,
            {},
            "entries/2025/01/눌.yml: the page address 'nul', made from the file name",
            DEVICE,
        ),
        (
            {"2025/01/a.yml": pending(), "2025/01/b.yml": PENDING.replace("kling", "prn")},
            SERVICES + "prn:\n  name: P\n",
            {},
            "entries/services.yml:10:1: prn: the service's page address 'prn'",
            DEVICE,
        ),
        (
            {"2025/01/a.yml": pending(experiment="lpt9")},
            SERVICES,
            {},
            "entries/2025/01/a.yml:9:13: experiment: the comparison's page address 'lpt9'",
            DEVICE,
        ),
        (
            {"2025/01/a.yml": pending(experiment="con_")},
            SERVICES,
            {},
            "entries/2025/01/a.yml:9:13: experiment: the comparison's page address 'con'",
            DEVICE,
        ),
        (
            {"2025/01/sora.yml": with_clip("media/aux.mp4")},
            SERVICES,
            {"entries/2025/01/media/aux.mp4": STAND_IN},
            "entries/2025/01/sora.yml:10:11: clips[0].file: 'aux.mp4'",
            DEVICE,
        ),
        (
            {"2025/01/sora.yml": with_clip("media/a:b.mp4")},
            SERVICES,
            {"entries/2025/01/media/a:b.mp4": STAND_IN},
            "entries/2025/01/sora.yml:10:11: clips[0].file: 'a:b.mp4' contains ':'",
            CHARACTER,
        ),
        (
            {"2025/01/sora.yml": with_clip("'media/what?.mp4'")},
            SERVICES,
            {"entries/2025/01/media/what?.mp4": STAND_IN},
            "entries/2025/01/sora.yml:10:11: clips[0].file: 'what?.mp4' contains '?'",
            CHARACTER,
        ),
        (
            {"2025/01/sora.yml": with_clip("media./clip.mp4")},
            SERVICES,
            {"entries/2025/01/media./clip.mp4": STAND_IN},
            "entries/2025/01/sora.yml:10:11: clips[0].file: 'media.'",
            DOT,
        ),
        (
            {"2025/01/a.yml": pending()},
            SERVICES,
            {"docs/notes/aux.md": b"# Aux\n"},
            "docs/notes/aux.md: 'aux.md'",
            DEVICE,
        ),
        (
            {"2025/01/a.yml": pending(), "2025/01/b.yml": pending(), "2025/01/c .yml": pending()},
            SERVICES,
            {},
            "",
            "",
        ),
    ],
    ids=[
        "slug",
        "file",
        "file-with-extensions",
        "folder",
        "file-romanised",
        "service",
        "experiment",
        "experiment-slugified",
        "clip-device",
        "clip-colon",
        "clip-question",
        "clip-folder-dot",
        "writer-page",
        "allowed-space-inside",
    ],
)
def test_a_name_windows_cannot_hold_is_a_located_problem_naming_the_rule(
    tmp_path: Path,
    entries: dict[str, str],
    services: str,
    files: dict[str, bytes],
    where: str,
    rule: str,
) -> None:
    root = write_magazine(tmp_path / "m", entries, services=services, files=files)
    code, output = checked(root)
    if not where:
        assert code == 0, output
        return
    assert code == 1, output
    lines = sorted({line for line in output.splitlines() if line.startswith(where)})
    assert len(lines) == 1, output
    assert rule in lines[0], lines[0]
    assert "Windows" in lines[0] and "Traceback" not in output


def test_a_build_refuses_them_too_and_keeps_the_old_site(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", {"2025/01/a.yml": pending()}, files={})
    first = invoke(root, "build", "-q")
    assert first.exit_code == 0, first.output + first.stderr
    before = tree_digest(root / "site")
    (root / "entries/2025/01/a.yml").write_text(pending(slug="aux"), encoding="utf-8")
    second = invoke(root, "build", "-q")
    assert second.exit_code == 1, second.output
    assert "entries/2025/01/a.yml:9:7: slug: the page address 'aux'" in second.stderr
    assert tree_digest(root / "site") == before


def test_no_generated_address_is_a_name_windows_cannot_hold(tmp_path: Path) -> None:
    """The pages stage refuses such an address itself, whatever let it through."""
    root = write_magazine(tmp_path / "m", {"2025/01/a.yml": pending()}, files={})
    magazine = load_magazine(root)
    entry = magazine.entries[0].model_copy(update={"slug": "nul"})
    forged = type(magazine)(**{**vars(magazine), "entries": (entry,)})
    with pytest.raises(ContentError) as raised:
        check_addresses(forged, home=True)
    [problem] = raised.value.problems
    assert (problem.path, problem.field) == ("entries/2025/01/a.yml", "slug")
    assert "trials/nul.md" in str(problem.message) and DEVICE in str(problem.message)


@pytest.mark.parametrize(
    "name",
    ["con", "CON", "Con.txt", "nul.tar.gz", "com1", "LPT9", "com¹", "conin$", "aux .md"],
)
def test_device_names_in_any_case_and_with_any_extension(name: str) -> None:
    assert DEVICE in str(name_problem(name))


@pytest.mark.parametrize("name", ["console", "com10", "nullable", "auxiliary.md", "lpt", "a.b.c"])
def test_names_that_only_look_like_devices_are_fine(name: str) -> None:
    assert name_problem(name) is None


# --- CRLF ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_entries_saved_with_crlf_build_the_same_site_as_with_lf(tmp_path: Path) -> None:
    lf = write_small_magazine(tmp_path / "lf")
    crlf = tmp_path / "crlf"
    shutil.copytree(lf, crlf)
    converted = 0
    for path in [crlf / "mkdocs.yml", *sorted((crlf / "entries").rglob("*.yml"))]:
        raw = path.read_bytes()
        assert b"\r" not in raw
        path.write_bytes(raw.replace(b"\n", b"\r\n"))
        converted += 1
    assert converted >= 5
    for root in (lf, crlf):
        result = invoke(root, "build", "-q")
        assert result.exit_code == 0, result.output + result.stderr
    assert tree_digest(crlf / "site") == tree_digest(lf / "site")


# --- path lengths -------------------------------------------------------------------------------


def generated(root: Path) -> list[str]:
    """Every path a build made under `root` (the site and the cache folder), relative to it."""
    return sorted(
        path.relative_to(root).as_posix()
        for folder in ("site", ".magazine")
        for path in (root / folder).rglob("*")
    )


def test_the_longest_names_an_entry_may_choose_keep_paths_well_under_260(tmp_path: Path) -> None:
    slug, key = "s" * 100, "e" * 64  # the longest slug and experiment key an entry may have
    entries = {
        "2025/01/a.yml": pending(slug=slug, experiment=key),
        "2025/01/b.yml": pending(experiment=key),
    }
    root = write_magazine(tmp_path / "m", entries, files={})
    result = invoke(root, "build", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    longest = max(generated(root), key=lambda rel: (len(rel), rel))
    # README: 140 characters (an entry's link-preview card in the cache folder), and the
    # build's temporary staging folder adds 14 to its pages while it works
    assert len(longest) == 140 and longest.endswith(f"trials/{slug}.png"), longest
