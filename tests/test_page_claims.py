"""Every generated address is unique: a writer-chosen name never silently replaces a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.media.renditions import MediaIndex
from generator.pages import render_pages
from generator.pages.claims import claims
from generator.pages.trials import PAGE_SIZE
from generator.source import load_magazine
from tests.build_fixtures import invoke
from tests.magazine_fixtures import MKDOCS, PENDING, SERVICES, pending_attempts, write_magazine

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")


def pending(title: str, day: int = 3, **fields: str) -> str:
    text = PENDING.replace("Kling is still thinking", title).replace("01-03T", f"01-{day:02d}T")
    text = text.replace("checked_at: 2025-01-05", "checked_at: 2025-02-05")
    return text + "".join(f"{key}: {value}\n" for key, value in fields.items())


def checked(root: Path) -> tuple[int, str]:
    result = invoke(root, "check")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output + result.stderr


@pytest.mark.parametrize(
    ("entries", "services", "where", "names"),
    [
        (
            {"2025/01/a.yml": pending("A", slug="index")},
            SERVICES,
            "entries/2025/01/a.yml:9:7: slug:",
            "trials/index.md",
        ),
        (
            {"2025/01/index.yml": pending("A")},
            SERVICES,
            "entries/2025/01/index.yml:1:1:",
            "trials/index.md",
        ),
        (
            {"2025/01/a.yml": pending("A", slug="page-2")},
            SERVICES,
            "entries/2025/01/a.yml:9:7: slug:",
            "trials/page-2.md",
        ),
        (
            {"2025/01/a.yml": pending("A", experiment="index"), "2025/01/b.yml": pending("B")},
            SERVICES + "index:\n  name: Index\n",
            "entries/services.yml:10:1: index:",
            "services/index.md",
        ),
        (
            {
                "2025/01/a.yml": pending("A", experiment="index"),
                "2025/01/b.yml": pending("B", experiment="index"),
            },
            SERVICES,
            "entries/2025/01/a.yml:9:13: experiment:",
            "compare/index.md",
        ),
    ],
    ids=["slug-index", "file-index", "slug-page-2", "service-index", "experiment-index"],
)
def test_a_reserved_name_is_a_located_problem(
    tmp_path: Path, entries: dict[str, str], services: str, where: str, names: str
) -> None:
    root = write_magazine(tmp_path / "m", entries, services=services, files={})
    code, output = checked(root)
    assert code == 1, output
    line = next(line for line in output.splitlines() if line.startswith(where))
    assert names in line, line
    assert "list" in line or "index of" in line, line


def test_page_n_collides_only_with_a_list_page_and_names_it(tmp_path: Path) -> None:
    entries = {f"2025/01/e{n:03d}.yml": pending(f"E{n}", 1 + n % 28) for n in range(PAGE_SIZE)}
    entries["2025/01/z.yml"] = pending("Z", slug="page-2")
    root = write_magazine(tmp_path / "m", entries, services=SERVICES, files={})
    code, output = checked(root)
    assert code == 1
    assert "entries/2025/01/z.yml:9:7: slug: the page address trials/page-2.md" in output
    assert "page 2 of the list of all trials" in output


def test_a_build_with_a_reserved_slug_stops_and_keeps_the_old_site(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", {"2025/01/a.yml": pending("A")}, files={})
    first = invoke(root, "build", "-q")
    assert first.exit_code == 0, first.output + first.stderr
    listing = (root / "site/trials/index.html").read_bytes()
    (root / "entries/2025/01/index.yml").write_text(pending("Evil", 4), encoding="utf-8")
    second = invoke(root, "build", "-q")
    assert second.exit_code == 1, second.output
    assert "entries/2025/01/index.yml:1:1:" in second.stderr
    assert (root / "site/trials/index.html").read_bytes() == listing


def test_a_writer_page_served_at_a_generated_address_is_refused(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/a.yml": pending("A")},
        files={"docs/leaderboard/index.md": b"# Mine\n"},
        mkdocs=MKDOCS,
    )
    result = invoke(root, "build", "-q")
    assert result.exit_code == 1, result.output
    assert "docs/leaderboard/index.md" in result.stderr
    assert "leaderboard.md" in result.stderr


def test_every_rendered_file_is_claimed(tmp_path: Path) -> None:
    entries = {f"2025/0{1 + n % 3}/e{n:03d}.yml": pending(f"E{n}", 1 + n % 28) for n in range(120)}
    root = write_magazine(tmp_path / "m", entries, services=SERVICES, files={})
    magazine = load_magazine(root)
    rendered = render_pages(magazine, MediaIndex({}), home=True)
    planned = {claim.docs_path for claim in claims(magazine, home=True)}
    assert set(rendered.files) == planned


def test_render_pages_refuses_a_clash_itself(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", {"2025/01/a.yml": pending("A")}, files={})
    magazine = load_magazine(root)
    clashing = magazine.entries[0].model_copy(update={"slug": "index"})
    changed = type(magazine)(
        root=magazine.root,
        settings=magazine.settings,
        entries=(clashing,),
        services=magazine.services,
    )
    with pytest.raises(ContentError) as caught:
        render_pages(changed, MediaIndex({}))
    assert "trials/index.md" in str(caught.value)


@pytest.mark.parametrize("mine", ["attempts.md", "attempts/index.md"])
def test_a_writer_page_at_the_address_of_every_attempt_is_refused(
    tmp_path: Path, mine: str
) -> None:
    writer = f"docs/services/kling/{mine}"
    root = write_magazine(
        tmp_path / "m", pending_attempts("kling", 21), files={writer: b"# Mine\n"}
    )
    result = invoke(root, "build", "-q")
    assert result.exit_code == 1, result.output
    assert writer in result.stderr
    assert "services/kling/attempts.md" in result.stderr
