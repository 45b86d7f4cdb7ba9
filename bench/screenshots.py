"""Screenshots of every page type of the example magazine at phone and desktop widths, light and
dark, for a person to look at. Not a test: it writes PNGs into a folder and prints their names.

    python bench/screenshots.py [--site SITE_DIR] [--out FOLDER] [--full] [--drawer]

Without `--site` the example magazine is built (offline) into a temporary folder first. The
site is served as GitHub Pages serves it (`pages_server.py`). `--full` takes whole pages
instead of the first screen; `--drawer` also takes the navigation drawer opened on a phone.
Needs Playwright (the test extra) and Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.lighthouse_bench import CHROMIUM, build_example  # noqa: E402
from bench.pages_server import serve_site  # noqa: E402

PAGES = {
    "front": "",
    "entry": "trials/lighthouse-kling/",
    "comparison-rounds": "compare/a-mesmerizing-shower-of-golden-sparks-68664a/",
    "comparison-12": "compare/storm-lighthouse/",
    "services": "services/",
    "service": "services/kling/",
    "leaderboard": "leaderboard/",
    "report": "reports/2025-06/",
    "trials": "trials/",
    "tags": "tags/",
    "open-data": "data/",
    "search": "?q=%EB%8C%80%EA%B8%B0",
}
"""Page type → path under the site (search: the front page asked for 대기)."""
WIDTHS = {"phone": (390, 844), "desktop": (1440, 900)}


def shoot(site: Path, out: Path, *, full: bool, drawer: bool) -> list[Path]:
    """Every page at every width and scheme into `out`; the files written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with serve_site(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            for scheme in ("light", "dark"):
                for width_name, (width, height) in WIDTHS.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        color_scheme=scheme,  # type: ignore[arg-type]
                        service_workers="block",
                    )
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(base + path, wait_until="networkidle")
                        if name == "search":
                            # Material opens search results from the query parameter once its
                            # worker has the index.
                            page.wait_for_selector(".md-search-result__item", timeout=15_000)
                        page.wait_for_timeout(300)
                        target = out / f"{name}-{width_name}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=full and name != "search")
                        written.append(target)
                        if drawer and width_name == "phone" and name in ("front", "entry"):
                            page.click("label.md-header__button[for='__drawer']")
                            page.wait_for_timeout(400)
                            target = out / f"{name}-drawer-{scheme}.png"
                            page.screenshot(path=str(target))
                            written.append(target)
                    context.close()
        finally:
            browser.close()
    return written


def main() -> None:
    """Build (or take) the site and take every screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--drawer", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="screenshots-") as temp:
        site = args.site or build_example(Path(temp))
        for path in shoot(site, args.out, full=args.full, drawer=args.drawer):
            print(path)


if __name__ == "__main__":
    main()
