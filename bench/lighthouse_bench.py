"""Lighthouse (mobile preset) on four page types of the example magazine, served as GitHub
Pages serves it (gzip, byte ranges: `pages_server.py`). A benchmark, not a test: it prints a
Markdown table for BENCHMARKS.md.

    python bench/lighthouse_bench.py [--site SITE_DIR] [--runs N]

Without `--site` the example magazine is built (offline) into a temporary folder first.
Needs `npm ci` (lighthouse in node_modules) and Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.pages_server import serve_site  # noqa: E402

LIGHTHOUSE = REPOSITORY / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "front page": "",
    "entry page": "trials/lighthouse-kling/",
    "comparison (12 services, 8 clips)": "compare/storm-lighthouse/",
    "leaderboard": "leaderboard/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def build_example(into: Path) -> Path:
    """The example magazine built offline into `into`; returns the site folder."""
    import shutil

    from generator.build import build
    from generator.progress import SilentProgress

    root = into / "magazine"
    root.mkdir(parents=True)
    shutil.copy(REPOSITORY / "mkdocs.yml", root)
    for folder in ("docs", "entries"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    site = into / "site"
    build(root, site_dir=site, offline=True, progress=SilentProgress())
    return site


def run_lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile preset, the default) on `url`; its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, check=True, env=env, timeout=300)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def figures(report: dict[str, Any]) -> dict[str, Any]:
    """Scores (0–100), CLS, LCP and bytes of one report, and what failed."""
    audits = report["audits"]
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failed = sorted(
        key
        for key, audit in audits.items()
        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0
    )
    return {
        **scores,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "bytes": audits["total-byte-weight"]["numericValue"],
        "failed": failed,
    }


def main() -> None:
    """Build (or take) the site, serve it, run Lighthouse on every page, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temp:
        site = args.site or build_example(Path(temp))
        rows: list[tuple[str, dict[str, Any]]] = []
        with serve_site(site) as base:
            for name, path in PAGES.items():
                runs = [
                    figures(run_lighthouse(base + path, Path(temp) / f"report-{i}.json"))
                    for i in range(args.runs)
                ]
                # The median run by performance: one slow run on a shared machine is noise.
                runs.sort(key=lambda run: run["performance"])
                rows.append((name, runs[len(runs) // 2]))
    print("| page | Performance | Accessibility | Best Practices | SEO | CLS | LCP | bytes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, row in rows:
        print(
            f"| {name} | {row['performance']} | {row['accessibility']} | "
            f"{row['best-practices']} | {row['seo']} | {row['cls']:.3f} | {row['lcp']:.1f} s | "
            f"{row['bytes'] / 1000:.0f} KB |"
        )
    for name, row in rows:
        if row["failed"]:
            print(f"\n{name}: failed audits: {', '.join(row['failed'])}")
    print(f"\nmedian of {args.runs} run(s) each; CPU load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
