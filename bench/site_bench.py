"""Benchmark of a whole site build at scale; writes the "Site" section of BENCHMARKS.md.

    python bench/site_bench.py [--sizes 250 1000 4000] [--repeat 3] [--out BENCHMARKS.md]

For each size N, a synthetic magazine of N entries (`bench/synthetic.py`) is built once to warm
the media cache and the imports, then, in the same process and side by side, several times:

- generator: `stage` (load and validate the entries, the media stage on a warm cache, render
  every page, check the budget, write the staging docs folder): the generator's own work;
- whole: `build`, i.e. `stage` plus the site stage (derived mkdocs.yml, MkDocs, search index
  compacted and search worker wrapped, swap into site/): what `magazine build` costs;
- MkDocs alone: MkDocs building the same staging docs with the same derived configuration
  (same theme, plugins and nav), loaded and built in-process exactly as the site stage does.

Each figure is the best of its repetitions (the machine is shared; the best run is the one
least disturbed). The figures that matter are ratios: generator ÷ MkDocs alone, whole ÷ MkDocs
alone, and time at the largest size ÷ time at a quarter of it.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate import python_speed
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from synthetic import write_magazine

from generator.build import build, local_sources, rendition_files, stage, staging_dir
from generator.media.stage import process_media
from generator.pages import render_pages
from generator.progress import SilentProgress
from generator.site.builder import source_date_epoch
from generator.site.staging import write_staging
from generator.source.entries import load_magazine

TARGET_OVERHEAD = 0.10
"""The generator may add at most this share to MkDocs' own time."""
TARGET_SCALING = 4.4
"""Four times the entries may cost at most this many times the time."""


@dataclass
class Timings:
    """Best-of timings, in seconds, for one magazine size."""

    entries: int
    pages: int
    generator: float
    whole: float
    mkdocs: float
    parts: dict[str, float]


def timed(action: Callable[[], object]) -> float:
    """CPU seconds (user + system, all threads) this process spends in one run of `action`.

    CPU time, not wall-clock time: on a machine shared with other work, waiting for a core
    would otherwise count as build time, and it comes and goes from one run to the next. The
    builds are single-threaded (the media stage, the one parallel part, is warm here).
    """
    gc.collect()  # the garbage of the previous run is not this run's cost
    start = time.process_time()
    action()
    return time.process_time() - start


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The shortest of `repeat` timed runs of `action`."""
    return min(timed(action) for _ in range(repeat))


@contextmanager
def magazine_environment(root: Path, epoch: int | None) -> Iterator[None]:
    """What the site stage sets around MkDocs: the magazine folder as cwd, a fixed build time."""
    saved_cwd = os.getcwd()
    saved_env = {key: os.environ.get(key) for key in ("NO_MKDOCS_2_WARNING", "SOURCE_DATE_EPOCH")}
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if epoch is not None and saved_env["SOURCE_DATE_EPOCH"] is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def mkdocs_alone(root: Path, config_file: Path, site_dir: Path, epoch: int | None) -> None:
    """MkDocs building the staged docs with the derived configuration, and nothing else.

    Into its own `site_dir`, kept from one run to the next as `mkdocs build` keeps site/: each
    run clears the previous output, as the whole build replaces the previous site.

    The objects alive before it starts (this process's imports and caches) are set aside from
    the cycle collector, as the whole build sets them aside before it runs MkDocs: a process
    that only ran `mkdocs build` would not have them to walk either, and without this MkDocs
    alone would be the slower of the two for the collector's sake.
    """
    with magazine_environment(root, epoch):
        config = load_config(config_file=str(config_file), strict=True, site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        gc.freeze()
        try:
            mkdocs_build(config)
        finally:
            gc.unfreeze()
            config.plugins.on_shutdown()


def generator_parts(root: Path, repeat: int) -> dict[str, float]:
    """Best-of time of each part of `stage`, with the cycle collector paused as `stage` does."""
    quiet = SilentProgress()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        magazine = load_magazine(root)
        sources = local_sources(magazine)
        media = process_media(magazine, sources, progress=quiet)
        rendered = render_pages(magazine, media)
        published = rendition_files(media)
        staging = staging_dir(magazine)
        return {
            "load": best_of(repeat, lambda: load_magazine(root)),
            "media": best_of(repeat, lambda: process_media(magazine, sources, progress=quiet)),
            "render": best_of(repeat, lambda: render_pages(magazine, media)),
            "write": best_of(
                repeat,
                lambda: write_staging(root, magazine.settings, rendered.files, published, staging),
            ),
        }
    finally:
        if was_enabled:
            gc.enable()


def measure(work: Path, count: int, repeat: int) -> Timings:
    """Build a magazine of `count` entries once to warm up, then time it `repeat` times."""
    root = write_magazine(work / f"magazine-{count}", count)
    quiet = SilentProgress()
    report = build(root, offline=True, progress=quiet)
    magazine = load_magazine(root)
    config_file = magazine.settings.cache_path(root) / "mkdocs.yml"
    epoch = source_date_epoch(magazine)
    alone_site = work / f"mkdocs-alone-{count}"
    mkdocs_alone(root, config_file, alone_site, epoch)
    generator, whole, alone = [], [], []
    # Interleaved, so that a busy spell on the machine slows all three alike.
    for _ in range(repeat):
        generator.append(timed(lambda: stage(root, offline=True, progress=quiet)))
        alone.append(timed(lambda: mkdocs_alone(root, config_file, alone_site, epoch)))
        whole.append(timed(lambda: build(root, offline=True, progress=quiet)))
    parts = generator_parts(root, repeat)
    return Timings(count, report.pages, min(generator), min(whole), min(alone), parts)


def machine() -> str:
    """The facts a reader needs to weigh the figures."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({platform.machine()}, {platform.system()}), "
        f"Python {platform.python_version()}, MkDocs {metadata.version('mkdocs')}, "
        f"Material {metadata.version('mkdocs-material')}, "
        f"PyYAML {metadata.version('pyyaml')} with libyaml; load average at the end {load}"
    )


def table(results: list[Timings]) -> list[str]:
    """The Markdown lines of the Site section."""
    lines = [
        "| entries | pages | generator | whole build | MkDocs alone | generator ÷ MkDocs "
        "| whole ÷ MkDocs |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in results:
        lines.append(
            f"| {t.entries:,} | {t.pages:,} | {t.generator:.2f} s | {t.whole:.2f} s | "
            f"{t.mkdocs:.2f} s | {t.generator / t.mkdocs:.3f} | {t.whole / t.mkdocs:.3f} |"
        )
    lines += [
        "",
        "| entries | load + validate | media (warm) | render | write staging "
        "| site stage beyond MkDocs |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for t in results:
        beyond = t.whole - t.generator - t.mkdocs
        p = t.parts
        lines.append(
            f"| {t.entries:,} | {p['load']:.2f} s | {p['media']:.2f} s | {p['render']:.2f} s | "
            f"{p['write']:.2f} s | {beyond:+.2f} s |"
        )
    return lines


def scaling(results: list[Timings]) -> list[str]:
    """Time at each size ÷ time at a quarter of that size, where both were measured."""
    by_size = {t.entries: t for t in results}
    lines = [
        "| from → to | generator | whole build | MkDocs alone | target |",
        "|---|---:|---:|---:|---:|",
    ]
    for t in results:
        small = by_size.get(t.entries // 4)
        if small is None or t.entries % 4:
            continue
        lines.append(
            f"| {small.entries:,} → {t.entries:,} | {t.generator / small.generator:.2f}× | "
            f"{t.whole / small.whole:.2f}× | {t.mkdocs / small.mkdocs:.2f}× | "
            f"≤ {TARGET_SCALING}× |"
        )
    return lines if len(lines) > 2 else []


def verdict(results: list[Timings]) -> list[str]:
    """Whether the targets hold at the largest size."""
    largest = max(results, key=lambda t: t.entries)
    overhead = largest.whole / largest.mkdocs - 1
    own = largest.generator / largest.mkdocs
    lines = [
        f"At {largest.entries:,} entries the generator's own work is {own:.1%} of MkDocs' time "
        f"and the whole build takes {overhead:+.1%} over MkDocs alone "
        f"(target: at most {TARGET_OVERHEAD:.0%})."
    ]
    quarter = {t.entries: t for t in results}.get(largest.entries // 4)
    if quarter is not None:
        grow = largest.whole / quarter.whole
        lines.append(
            f"Four times the entries ({quarter.entries:,} → {largest.entries:,}) cost "
            f"{grow:.2f}× the whole build time (target: at most {TARGET_SCALING}×)."
        )
    return [" ".join(lines)]


def section(results: list[Timings], repeat: dict[int, int], speed: tuple[float, float]) -> str:
    """The whole Site section; `speed`: `python_speed()` before and after the runs."""
    runs = ", ".join(f"{n:,}: best of {r}" for n, r in sorted(repeat.items()))
    return "\n".join(
        [
            "## Site",
            "",
            f"`python bench/site_bench.py` — {machine()}. Synthetic magazines "
            "(`bench/synthetic.py`: 12 services, a comparison per ~4 entries, every status, "
            "Korean and English text, delivered entries showing one of two stand-in clips) "
            f"built with Material, search and tags; {runs}. CPU time; the ratios are of runs "
            "made side by side. Machine speed (CPU time of 10⁷ additions in a Python loop, "
            f"before and after the runs, to weigh figures from other machines): "
            f"{speed[0]:.2f} s and {speed[1]:.2f} s.",
            "",
            *table(results),
            "",
            "Generator = `stage` (load, media on a warm cache, render, budget, write staging); "
            "whole = `build` (`stage` + derived config + MkDocs + Korean search subwords + swap "
            "into site/); MkDocs alone = `mkdocs.commands.build.build` on the derived "
            "`.magazine/mkdocs.yml` and the same staging docs. The parts are timed "
            "separately; the last column is whole − generator − MkDocs alone.",
            "",
            *scaling(results),
            "",
            *verdict(results),
            "",
        ]
    )


def write_section(path: Path, text: str) -> None:
    """Replace the Site section of the file (or add it), leaving other sections alone."""
    old = path.read_text("utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Site\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old)
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(new, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000])
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per size (sizes over 1,000: at most 2)"
    )
    parser.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    parser.add_argument("--work", type=Path, help="where to write the magazines (default: temp)")
    args = parser.parse_args()
    repeat = {n: args.repeat if n <= 1000 else min(args.repeat, 2) for n in args.sizes}
    results = []
    speed_before = python_speed()
    with tempfile.TemporaryDirectory(prefix="site-bench-") as temp:
        work = args.work or Path(temp)
        for count in sorted(args.sizes):
            timings = measure(work, count, repeat[count])
            print(
                f"{count} entries: generator {timings.generator:.2f} s, whole "
                f"{timings.whole:.2f} s, MkDocs alone {timings.mkdocs:.2f} s",
                file=sys.stderr,
                flush=True,
            )
            results.append(timings)
    text = section(results, repeat, (speed_before, python_speed()))
    print(text)
    write_section(args.out, text)


if __name__ == "__main__":
    main()
