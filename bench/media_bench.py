"""Benchmark of the media stage; writes the "Media" section of BENCHMARKS.md.

    python bench/media_bench.py [--out BENCHMARKS.md]

Measures, in one run on this machine:
- cold: `process_media` making every rendition of a set of clips (without measuring, then with
  it, as a default build does: the measurements ride on the renditions' decode), against the
  same renditions made the naive way (one ffmpeg process per rendition, one after another,
  each decoding the source again);
- warm: a rebuild with nothing changed, against the cold build;
- quality: VMAF of each H.264 rendition against its source scaled to the rendition's size,
  with the rendition's bytes per second.
Figures are ratios of runs made side by side, so they hold on slower or faster machines; each
is given in processor seconds (this process and its ffmpeg runs: the fair measure on a shared
machine) and in wall-clock seconds, with the load average at the end of the run.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.media.probe import probe_file
from generator.media.recipes import recipes_for, video_command
from generator.media.renditions import ClipRef, Role
from generator.media.stage import process_media
from generator.media.transcode import find_ffmpeg, run_ffmpeg, spawn_count
from generator.model import Clip, Entry, Magazine
from generator.progress import SilentProgress
from generator.settings import MediaSettings, Settings

CLIPS = [  # name, size, seconds, with sound
    ("landscape-720p", "1280x720", 6, True),
    ("full-hd", "1920x1080", 4, False),
    ("small", "640x360", 8, True),
    ("portrait-phone", "720x1280", 5, False),
]


def make_sources(folder: Path, ffmpeg: str) -> dict[str, Path]:
    """Clips with motion and detail (testsrc2 plus noise), encoded near-losslessly."""
    sources = {}
    for name, size, seconds, sound in CLIPS:
        path = folder / f"{name}.mp4"
        command = [
            ffmpeg, "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=s={size}:d={seconds}:r=30,noise=alls=12:allf=t",
        ]  # fmt: skip
        if sound:
            command += ["-f", "lavfi", "-i", f"sine=frequency=330:duration={seconds}"]
        command += ["-c:v", "libx264", "-preset", "ultrafast", "-crf", "16", "-pix_fmt", "yuv420p"]
        command += ["-c:a", "aac"] if sound else []
        subprocess.run([*command, str(path)], check=True)
        sources[name] = path
    return sources


def magazine_for(root: Path, sources: dict[str, Path]) -> tuple[Magazine, dict[ClipRef, Path]]:
    entries = tuple(
        Entry(
            title=name,
            service="bench",
            prompt=name,
            status="delivered",
            submitted_at=datetime(2025, 1, 1, 0, number, tzinfo=UTC),
            clips=(Clip(file=path.name),),
            path=f"entries/{name}.yml",
            slug=name,
        )
        for number, (name, path) in enumerate(sorted(sources.items()))
    )
    magazine = Magazine(root=root, settings=Settings(), entries=entries, services={})
    return magazine, {ClipRef(name, 0): path for name, path in sources.items()}


def naive_build(sources: dict[str, Path], folder: Path, ffmpeg: str, settings: Settings) -> None:
    """The same renditions, one process per rendition, one after another."""
    folder.mkdir()
    for name, path in sorted(sources.items()):
        facts = probe_file(path)
        for role, recipe in recipes_for(settings.media, facts.kind).items():
            target = folder / f"{name}-{role.value}"
            command = video_command(ffmpeg, path, facts, {role: (recipe, target)})
            run_ffmpeg(command, timeout=settings.media.timeout)


def vmaf(ffmpeg: str, rendition: Path, source: Path, width: int, height: int) -> float:
    graph = (
        f"[1:v]scale={width}:{height}:flags=bicubic,setsar=1,format=yuv420p[ref];"
        f"[0:v]setsar=1,format=yuv420p[dist];[dist][ref]libvmaf=n_threads={os.cpu_count() or 1}"
    )
    done = subprocess.run(
        [ffmpeg, "-nostdin", "-hide_banner", "-i", str(rendition), "-i", str(source),
         "-lavfi", graph, "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = re.search(r"VMAF score: ([0-9.]+)", done.stderr)
    if not found:
        raise RuntimeError("no VMAF score in ffmpeg's output")
    return float(found.group(1))


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock seconds, and processor seconds of this process and its ffmpeg children."""
    start, cpu = time.perf_counter(), _cpu()
    action()
    return time.perf_counter() - start, _cpu() - cpu


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _pair(part: tuple[float, float], whole: tuple[float, float], places: int = 2) -> str:
    """`0.53 (wall clock 0.51)`: a ratio in processor seconds, then in wall-clock seconds."""
    return f"{part[1] / whole[1]:.{places}f} (wall clock {part[0] / whole[0]:.{places}f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    args = parser.parse_args()
    ffmpeg = find_ffmpeg()
    with tempfile.TemporaryDirectory(prefix="media-bench-") as work:
        folder = Path(work)
        sources = make_sources(folder, ffmpeg)
        magazine, refs = magazine_for(folder / "magazine", sources)
        plain, _ = magazine_for(folder / "plain", sources)
        plain = replace(plain, settings=Settings(media=MediaSettings(measure=False)))
        settings = magazine.settings
        naive = timed(lambda: naive_build(sources, folder / "naive", ffmpeg, settings))
        renditions = timed(lambda: process_media(plain, refs, progress=SilentProgress()))
        spawned = spawn_count()
        holder = {}
        cold = timed(
            lambda: holder.update(index=process_media(magazine, refs, progress=SilentProgress()))
        )
        cold_spawns = spawn_count() - spawned
        spawned = spawn_count()
        warm = timed(lambda: process_media(magazine, refs, progress=SilentProgress()))
        warm_spawns = spawn_count() - spawned
        index = holder["index"]
        rows = []
        for name, path in sorted(sources.items()):
            clip = index.clips[ClipRef(name, 0)]
            video = clip.get(Role.VIDEO)
            assert video is not None
            score = vmaf(ffmpeg, video.path, path, video.width, video.height)
            seconds = clip.facts.duration or 1.0
            rows.append(
                f"| {name} | {clip.facts.width}x{clip.facts.height} | {seconds:.0f} s | "
                f"{video.width}x{video.height} | {score:.1f} | "
                f"{video.size_bytes / seconds / 1000:.0f} kB/s |"
            )
    cores = os.cpu_count() or 1
    section = "\n".join(
        [
            "## Media",
            "",
            f"`python bench/media_bench.py` on {cores} cores; {len(CLIPS)} clips "
            f"({', '.join(f'{s} {d} s' for _, s, d, _ in CLIPS)}), default settings "
            "(720p, x264 `medium`, CRF 23). Ratios of runs made side by side, in processor "
            "seconds (this process and its ffmpeg runs), then in wall-clock seconds; the load "
            f"average was {os.getloadavg()[0]:.1f} at the end of the run (the machine was "
            f"shared). Processor seconds: one process per rendition {naive[1]:.1f} s, "
            f"`process_media` without measuring {renditions[1]:.1f} s, with measuring (the "
            f"default) {cold[1]:.1f} s.",
            "",
            "| measure | ratio | target |",
            "|---|---|---|",
            "| cold `process_media` without measuring ÷ one process per rendition, "
            f"sequential | {_pair(renditions, naive)} | ≤ 0.60 |",
            "| cold `process_media` with measuring (the default) ÷ one process per "
            f"rendition, sequential | {_pair(cold, naive)} | – |",
            f"| warm rebuild ÷ cold build | {_pair(warm, cold, 4)} ({warm_spawns} ffmpeg "
            f"runs, cold {cold_spawns}) | < 0.02 |",
            "",
            "| clip | source | length | rendition | VMAF | H.264 bytes/s |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    print(section)
    write_section(args.out, section)


def write_section(path: Path, section: str) -> None:
    """Replace the Media section of the file (or add it), leaving other sections alone."""
    text = path.read_text("utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Media\n.*?(?=^## |\Z)", re.S | re.M)
    text = (
        pattern.sub(lambda _: section + "\n", text)
        if pattern.search(text)
        else (text.rstrip("\n") + "\n\n" + section + "\n")
    )
    path.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
