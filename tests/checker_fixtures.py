"""The web's own judges, run on built pages: axe-core in Chromium and the Nu HTML checker.

Both come from npm (`npm ci` at the repository root installs them into node_modules/, as
`.ci/run` does); the Nu checker also needs Java (Debian's `default-jre-headless`). Tests that
need them are skipped, with that reason, where they are missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPOSITORY = Path(__file__).resolve().parent.parent
AXE = REPOSITORY / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPOSITORY / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Violation:
    """One axe-core rule broken on a page, with the elements it was found on."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]
    html: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.impact} {self.rule}: {self.help} at {', '.join(self.targets)}"


def run_axe(page: Page, *, context: str | None = None) -> list[Violation]:
    """Run axe-core (WCAG 2 A and AA rules) on the page as it is now; skip when not installed."""
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing (npm ci at the repository root)")
    page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    result: dict[str, Any] = page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )
    return [
        Violation(
            rule=item["id"],
            impact=item.get("impact") or "",
            help=item["help"],
            targets=tuple(" ".join(map(str, node["target"])) for node in item["nodes"]),
            html=tuple(node["html"] for node in item["nodes"]),
        )
        for item in result["violations"]
    ]


def serious(violations: Iterable[Violation]) -> list[Violation]:
    """The violations axe rates serious or critical."""
    return [v for v in violations if v.impact in ("serious", "critical")]


@dataclass(frozen=True)
class Finding:
    """One message of the Nu checker about one file."""

    path: str
    line: int
    kind: str
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}"


def run_vnu(paths: Iterable[Path]) -> list[Finding]:
    """Check HTML files with the Nu checker; skip when it or Java is missing."""
    if not VNU.exists():
        pytest.skip(f"{VNU} is missing (npm ci at the repository root)")
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed (apt-get install -y default-jre-headless)")
    files = [str(p) for p in paths]
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report = json.loads(done.stderr or done.stdout)
    return [
        Finding(
            path=str(message.get("url", "")).removeprefix("file:"),
            line=int(message.get("lastLine", 0)),
            kind=str(message.get("subType") or message.get("type")),
            message=str(message.get("message", "")),
            extract=str(message.get("extract", "")),
        )
        for message in report.get("messages", [])
    ]
