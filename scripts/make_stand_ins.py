"""Make the stand-in clips of the example magazine with ffmpeg's own generators.

The example entries describe real trials, but the files they point at are test patterns made
here: each is stamped "STAND-IN" and each entry marks its clip `stand_in: true`, so the pages say
plainly that they are not a service's output. Run from the repository root:

    python scripts/make_stand_ins.py          # writes only the missing files
    python scripts/make_stand_ins.py --force  # remakes every file

The output is byte-identical for the same ffmpeg build, so re-running changes nothing in git.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import imageio_ffmpeg

ROOT = Path(__file__).resolve().parent.parent
LABEL = (
    "drawtext=text='STAND-IN  not service output':x=8:y=h-th-8:fontsize=12:"
    "fontcolor=white@0.85:box=1:boxcolor=black@0.5:boxborderw=4"
)

# path (relative to the repository), lavfi video source, seconds, with a tone or not
CLIPS: list[tuple[str, str, float, bool]] = [
    (
        "entries/2025/01/media/sparks-sora.mp4",
        "life=s=320x180:r=24:ratio=0.08:mold=20:life_color=#ffc040:death_color=#050818:"
        "mold_color=#050818:seed=7",
        5,
        True,
    ),
    (
        "entries/2025/02/media/paper-boat-runway.mp4",
        "gradients=s=320x180:r=24:c0=#031030:c1=#1f6fd0:c2=#e040a0:n=3:speed=0.02:seed=3",
        4,
        False,
    ),
    (
        "entries/2025/02/media/paper-boat-kling.mp4",
        "gradients=s=320x180:r=24:c0=#020818:c1=#30a0c0:c2=#f0d040:n=3:speed=0.03:seed=5",
        4,
        False,
    ),
    (
        "entries/2025/02/media/paper-boat-sora.mp4",
        "gradients=s=320x180:r=24:c0=#100020:c1=#ff3090:c2=#20e0ff:n=3:speed=0.025:seed=9",
        4,
        True,
    ),
    (
        "entries/2025/03/media/lantern-market-sora.mp4",
        "gradients=s=320x180:r=24:c0=#200800:c1=#ff7a18:c2=#ffd27a:n=3:speed=0.03:seed=4",
        4,
        False,
    ),
    (
        "entries/2025/04/media/sparks-kling-retry.mp4",
        "life=s=320x180:r=24:ratio=0.12:mold=10:life_color=#ffd060:death_color=#000010:"
        "mold_color=#000010:seed=11",
        5,
        False,
    ),
    (
        "entries/2025/04/media/city-timelapse-hailuo.mp4",
        "gradients=s=320x180:r=24:c0=#ff9040:c1=#302060:c2=#000818:n=3:speed=0.05:seed=2:type=linear",
        4,
        False,
    ),
    (
        "entries/2025/05/media/sparks-veo.mp4",
        "mandelbrot=s=320x180:r=24:start_scale=2.5:end_scale=0.9:outer=normalized_iteration_count",
        5,
        True,
    ),
]
IMAGES: list[tuple[str, str]] = [
    (
        "entries/2025/03/media/lantern-market-midjourney.png",
        "mandelbrot=s=480x270:start_x=-0.743643887037151:start_y=0.13182590420533:"
        "start_scale=0.02:outer=normalized_iteration_count",
    ),
]


def video_command(ffmpeg: str, out: Path, source: str, seconds: float, tone: bool) -> list[str]:
    """ffmpeg arguments for one small, reproducible H.264 stand-in."""
    cmd = [ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source]
    if tone:
        cmd += ["-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100"]
    cmd += ["-t", str(seconds), "-vf", f"{LABEL},format=yuv420p", "-c:v", "libx264"]
    cmd += ["-preset", "veryfast", "-crf", "30", "-threads", "1", "-movflags", "+faststart"]
    if tone:
        cmd += ["-c:a", "aac", "-b:a", "48k", "-shortest"]
    cmd += ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact", str(out)]
    return cmd


def image_command(ffmpeg: str, out: Path, source: str) -> list[str]:
    """ffmpeg arguments for one stand-in still."""
    return [
        ffmpeg,
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        source,
        "-vf",
        LABEL,
        "-frames:v",
        "1",
        "-update",
        "1",
        "-fflags",
        "+bitexact",
        str(out),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="remake files that exist")
    args = parser.parse_args()
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    jobs = [(ROOT / p, video_command(ffmpeg, ROOT / p, s, d, t)) for p, s, d, t in CLIPS]
    jobs += [(ROOT / p, image_command(ffmpeg, ROOT / p, s)) for p, s in IMAGES]
    for out, cmd in jobs:
        if out.exists() and not args.force:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(cmd, check=True)
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
