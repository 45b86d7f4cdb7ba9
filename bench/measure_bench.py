"""Benchmark of the clip measurements; writes the "Measurements" section of BENCHMARKS.md.

    python bench/measure_bench.py [--out BENCHMARKS.md]

Measures, in one run on this machine, on clips with motion, detail and sound (as in
`media_bench.py`):
- a cold media stage with measuring against one without (`media.measure: false`): what
  measuring adds when it rides on the renditions' decode, as it does in a cold build;
- measuring alone (a decode of its own per clip, as many at once as the media stage runs,
  as when only the measurements are missing) against making the renditions alone;
- a warm rebuild with measuring: it analyses nothing (no ffmpeg run at all).
Figures are ratios of runs made side by side, so they hold on slower or faster machines.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.media_bench import CLIPS, magazine_for, make_sources
from generator.media.measure import analyse
from generator.media.probe import probe_file
from generator.media.stage import process_media
from generator.media.transcode import find_ffmpeg, spawn_count
from generator.progress import SilentProgress
from generator.settings import MediaSettings, Settings


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock seconds, and processor seconds of this process and its ffmpeg children.

    On a machine shared with other work, processor time is the fair measure of cost: the
    wall clock also counts the time others held the cores.
    """
    start, cpu = time.perf_counter(), _cpu()
    action()
    return time.perf_counter() - start, _cpu() - cpu


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure_all(sources: dict[str, Path], ffmpeg: str, settings: Settings) -> None:
    """Every clip measured from scratch (no cache), as many at once as the stage would."""
    workers = settings.media.jobs or os.cpu_count() or 1

    def one(path: Path) -> None:
        facts = probe_file(path)
        analyse(
            ffmpeg,
            path,
            facts,
            timeout=settings.media.timeout,
            max_pixels=settings.limits.pixels,
            max_seconds=settings.limits.clip_seconds,
        )

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, sorted(sources.values())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    args = parser.parse_args()
    ffmpeg = find_ffmpeg()
    with tempfile.TemporaryDirectory(prefix="measure-bench-") as work:
        folder = Path(work)
        sources = make_sources(folder, ffmpeg)
        plain, refs = magazine_for(folder / "plain", sources)
        off = Settings(media=MediaSettings(measure=False))
        plain = replace(plain, settings=off)
        measured, _ = magazine_for(folder / "measured", sources)

        renditions = timed(lambda: process_media(plain, refs, progress=SilentProgress()))
        measuring = timed(lambda: measure_all(sources, ffmpeg, measured.settings))
        both = timed(lambda: process_media(measured, refs, progress=SilentProgress()))
        spawned = spawn_count()
        warm = timed(lambda: process_media(measured, refs, progress=SilentProgress()))
        warm_spawns = spawn_count() - spawned
    section = report(renditions, measuring, both, warm, warm_spawns, os.getloadavg()[0])
    print(section)
    write_section(args.out, section)


def report(
    renditions: tuple[float, float],
    measuring: tuple[float, float],
    both: tuple[float, float],
    warm: tuple[float, float],
    warm_spawns: int,
    load: float,
) -> str:
    """The Measurements section: each figure a (wall-clock, processor) pair of seconds."""
    cores = os.cpu_count() or 1
    added = (both[0] - renditions[0], both[1] - renditions[1])
    return "\n".join(
        [
            "## Measurements",
            "",
            f"`python bench/measure_bench.py` on {cores} cores; the {len(CLIPS)} clips of the "
            f"Media section ({', '.join(f'{s} {d} s' for _, s, d, _ in CLIPS)}, 30 fps, "
            "testsrc2 with noise), default settings. One run, side by side; processor "
            "seconds (this process and its ffmpeg runs) are the cost, wall-clock seconds "
            f"follow in brackets (the load average was {load:.1f} at the end: the machine "
            f"was shared). Renditions alone {renditions[1]:.1f} s ({renditions[0]:.1f} s); "
            f"the media stage with renditions and measurements {both[1]:.1f} s "
            f"({both[0]:.1f} s), the measurements riding on the renditions' decode; "
            f"measuring alone, a decode of its own per clip (what a build does when only "
            f"the measurements are missing) {measuring[1]:.1f} s ({measuring[0]:.1f} s).",
            "",
            "| measure | ratio (processor) | ratio (wall clock) | target |",
            "|---|---|---|---|",
            f"| measuring's added cost in a cold build ÷ making the renditions | "
            f"{added[1] / renditions[1]:.2f} | {added[0] / renditions[0]:.2f} | ≤ 0.25 |",
            f"| measuring alone (own decode) ÷ making the renditions | "
            f"{measuring[1] / renditions[1]:.2f} | {measuring[0] / renditions[0]:.2f} | – |",
            f"| cold media stage with measuring ÷ without | {both[1] / renditions[1]:.2f} | "
            f"{both[0] / renditions[0]:.2f} | < 2 |",
            f"| warm rebuild ÷ cold media stage with measuring | {warm[1] / both[1]:.4f} | "
            f"{warm[0] / both[0]:.4f} ({warm_spawns} ffmpeg runs: nothing analysed) | < 0.02 |",
            "",
        ]
    )


def write_section(path: Path, section: str) -> None:
    """Replace the Measurements section of the file (or add it), leaving the others alone."""
    text = path.read_text("utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Measurements\n.*?(?=^## |\Z)", re.S | re.M)
    text = (
        pattern.sub(lambda _: section + "\n", text)
        if pattern.search(text)
        else (text.rstrip("\n") + "\n\n" + section + "\n")
    )
    path.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
