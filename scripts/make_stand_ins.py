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

# The comparison of eight services on one prompt: mixed shapes, lengths and frame rates, one
# clip born as a GIF and one as an animated WebP, as services really deliver them. Each is
# stamped with its frame number, so a frame step is visible.
# path, lavfi video source (size and rate), seconds, with a tone or not
THEATER_DIR = "entries/2025/06/lighthouse/media"
THEATER: list[tuple[str, str, float, bool]] = [
    (
        f"{THEATER_DIR}/lighthouse-sora.mp4",
        "gradients=s=1920x1080:r=24:c0=#0b1030:c1=#ff8a3d:c2=#3a1c60:n=3:speed=0.02:seed=21",
        4,
        True,
    ),
    (
        f"{THEATER_DIR}/lighthouse-kling.mp4",
        "gradients=s=1080x1920:r=24:c0=#050a1a:c1=#ffc070:c2=#20406a:n=3:speed=0.015:seed=22:"
        "type=linear",
        5,
        False,
    ),
    (
        f"{THEATER_DIR}/lighthouse-veo.mp4",
        "gradients=s=1280x720:r=24:c0=#101840:c1=#f06030:c2=#ffe0a0:n=3:speed=0.01:seed=23:"
        "type=radial",
        8,
        True,
    ),
    (
        f"{THEATER_DIR}/lighthouse-runway.mp4",
        "gradients=s=720x1280:r=24:c0=#1a0830:c1=#e05080:c2=#f0b040:n=3:speed=0.02:seed=24:"
        "type=circular",
        5,
        False,
    ),
    (
        f"{THEATER_DIR}/lighthouse-hailuo.mp4",
        "gradients=s=1080x1080:r=25:c0=#02101c:c1=#40a0c0:c2=#ff9050:n=3:speed=0.02:seed=25:"
        "type=spiral",
        6,
        False,
    ),
    (
        f"{THEATER_DIR}/lighthouse-luma.mp4",
        "gradients=s=854x480:r=30:c0=#200c30:c1=#ff6040:c2=#80d0ff:n=3:speed=0.03:seed=26",
        5,
        False,
    ),
]
# GIF-born: 360x480 at 10 fps (GIF delays are in hundredths of a second), 2 s.
THEATER_GIF = (
    f"{THEATER_DIR}/lighthouse-pika.gif",
    "gradients=s=360x480:r=10:c0=#102040:c1=#ffb060:c2=#602040:n=3:speed=0.05:seed=27",
    2.0,
)
# WebP-born: 480x848 at 16 fps, 1.25 s, lossy animated WebP.
THEATER_WEBP = (
    f"{THEATER_DIR}/lighthouse-pixverse.webp",
    "gradients=s=480x848:r=16:c0=#081828:c1=#f0a040:c2=#a03060:n=3:speed=0.04:seed=28:type=linear",
    1.25,
)

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


def _stamp(height: int) -> str:
    """The stand-in label and the frame number, sized for the clip's height."""
    size = max(12, height // 30)
    return (
        f"drawtext=text='STAND-IN  not service output':x={size}:y=h-th-{size}:"
        f"fontsize={size}:fontcolor=white@0.85:box=1:boxcolor=black@0.5:boxborderw={size // 3},"
        f"drawtext=text='frame %{{frame_num}}':x={size}:y={size}:fontsize={size}:"
        f"fontcolor=white@0.9:box=1:boxcolor=black@0.5:boxborderw={size // 3}"
    )


def _height(source: str) -> int:
    return int(source.split("s=", 1)[1].split(":", 1)[0].split("x")[1])


def theater_command(ffmpeg: str, out: Path, source: str, seconds: float, tone: bool) -> list[str]:
    """ffmpeg arguments for one clip of the eight-service comparison (H.264, GIF or WebP)."""
    # The length is an input option: palettegen waits for the end of its input.
    cmd = [ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-t", str(seconds)]
    cmd += ["-i", source]
    stamp = _stamp(_height(source))
    if out.suffix == ".gif":
        graph = f"{stamp},split[a][b];[a]palettegen=max_colors=64[p];[b][p]paletteuse=dither=none"
        return [*cmd, "-filter_complex", graph, "-fflags", "+bitexact", str(out)]
    if out.suffix == ".webp":
        return [
            *cmd,
            "-vf",
            stamp,
            "-c:v",
            "libwebp_anim",
            "-quality",
            "40",
            "-loop",
            "0",
            "-threads",
            "1",
            "-fflags",
            "+bitexact",
            str(out),
        ]
    if tone:
        cmd += ["-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100"]
    cmd += ["-vf", f"{stamp},format=yuv420p", "-c:v", "libx264"]
    cmd += ["-preset", "veryfast", "-crf", "40", "-threads", "1", "-movflags", "+faststart"]
    if tone:
        cmd += ["-c:a", "aac", "-b:a", "32k", "-shortest"]
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
    theater = [*THEATER, (*THEATER_GIF, False), (*THEATER_WEBP, False)]
    jobs += [(ROOT / p, theater_command(ffmpeg, ROOT / p, s, d, t)) for p, s, d, t in theater]
    for out, cmd in jobs:
        if out.exists() and not args.force:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(cmd, check=True)
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
