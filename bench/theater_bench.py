"""Benchmark of the comparison viewer; writes the "Comparison viewer" section of BENCHMARKS.md.

    python bench/theater_bench.py [--runs 3] [--out BENCHMARKS.md]

Builds the example magazine, serves it on 127.0.0.1 (with byte ranges, as GitHub Pages does)
and opens its eight-clip comparison (`compare/storm-lighthouse/`) in Debian's Chromium:
- bytes transferred before play: every response body and header until the network is idle,
  with the page scrolled to the end so every lazy poster loads (the worst case);
- drift: the spread of the `currentTime` of every clip still running (a shorter clip holds its
  last frame on purpose), sampled on 48 frames the longest clip presents
  (`requestVideoFrameCallback`) after play, after a seek, after a speed change to 0.5× and after
  a frame step followed by play; each after half a second of correction.
Drift depends on how busy the machine is; the section says what else was running.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser_fixtures import CHROMIUM, CHROMIUM_ARGS, build_example, serve_folder
from tests.test_theater import COMPARISON, SPREAD, VIDEOS

ACTIONS = ("play", "seek", "speed", "step")


def _measure(page: Any, base: str) -> dict[str, Any]:
    sizes: list[int] = []
    kinds: list[str] = []

    def finished(request: Any) -> None:
        body = request.sizes()
        sizes.append(body["responseBodySize"] + body["responseHeadersSize"])
        kinds.append(request.resource_type)

    page.on("requestfinished", finished)
    page.goto(base + COMPARISON, wait_until="networkidle")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    before = sum(sizes)
    media = kinds.count("media")
    page.evaluate("() => window.scrollTo(0, 0)")
    play = page.locator(".theater--full [data-theater-play]")
    drift: dict[str, list[float]] = {}

    def sample(action: str) -> None:
        page.wait_for_timeout(500)
        samples = page.evaluate(SPREAD, 48)
        drift[action] = [s["spread"] * 1000 for s in samples]

    page.locator(".theater--full [data-theater-loop]").click()  # never run off the end
    play.click()
    page.wait_for_function(f"() => {VIDEOS}.every(v => !v.paused || v.ended)", timeout=60_000)
    sample("play")
    page.keyboard.press("ArrowRight")
    sample("seek")
    page.locator('.theater--full [data-theater-rate="0.5"]').click()
    sample("speed")
    page.locator('.theater--full [data-theater-rate="1"]').click()
    page.locator(".theater--full [data-theater-restart]").click()
    page.keyboard.press(".")
    play.click()
    sample("step")
    return {"before": before, "media": media, "drift": drift}


def run(runs: int) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as folder:
        _, site = build_example(Path(folder))
        with serve_folder(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for _ in range(runs):
                context = browser.new_context(
                    viewport={"width": 1280, "height": 900}, service_workers="block"
                )
                results.append(_measure(context.new_page(), base))
                context.close()
            browser.close()
    return results


def section(results: list[dict[str, Any]]) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "## Comparison viewer",
        "",
        f"`python bench/theater_bench.py` — {os.cpu_count()} cores ({platform.machine()}, "
        f"{platform.system()}), Chromium at {CHROMIUM}, headless without a GPU; "
        f"{len(results)} runs; load average at the end {load}. The example magazine's "
        "comparison of eight clips (portrait, landscape and square; 480p to 1080p sources "
        "made into ≤ 720p renditions; 1.25 s to 8 s; 10, 16, 24, 25 and 30 fps; two with "
        "sound) and four attempts without a clip, at 1280 × 900.",
        "",
        f"Bytes before play (theme, search index and every lazy poster, the page scrolled "
        f"to its end): **{max(r['before'] for r in results) / 1e6:.2f} MB** at most "
        f"(budget: 1 MB); video requests before play: {max(r['media'] for r in results)}.",
        "",
        "Spread of the running clips' `currentTime`, sampled on 48 frames of the longest clip "
        "after half a second of correction (ms):",
        "",
        "| after | median | 90th percentile | max | one frame at 24 fps |",
        "|---|---:|---:|---:|---:|",
    ]
    for action in ACTIONS:
        values = sorted(v for r in results for v in r["drift"][action])
        p90 = values[int(0.9 * (len(values) - 1))]
        lines.append(
            f"| {action} | {statistics.median(values):.1f} | {p90:.1f} | {max(values):.1f} | 41.7 |"
        )
    lines += [
        "",
        "Play: all clips start together once each has data (a clip still loading holds the "
        "others). Seek: → (one second) while playing. Speed: 1× → 0.5× while playing. Step: "
        "restart, one frame forward, then play. The longest clip is the clock; the others "
        "are nudged through `playbackRate` on each of its frames and seeked when more than "
        "120 ms off.",
        "",
    ]
    return "\n".join(lines)


def write_section(path: Path, text: str) -> None:
    """Replace the Comparison viewer section of the file (or add it), leaving others alone."""
    old = path.read_text("utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Comparison viewer\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    path.write_text(new, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    args = parser.parse_args()
    text = section(run(args.runs))
    print(text)
    write_section(args.out, text)


if __name__ == "__main__":
    main()
