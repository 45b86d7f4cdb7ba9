"""Tiny clips made at test time with ffmpeg's lavfi sources: the awkward kinds real inputs have."""

from __future__ import annotations

import shutil
import struct
import subprocess
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import av
import pytest

from generator.media.renditions import ClipRef
from generator.media.transcode import find_ffmpeg
from generator.model import Clip, Entry, Magazine
from generator.settings import MediaSettings, Settings

FFMPEG = find_ffmpeg()
X264 = ["-c:v", "libx264", "-preset", "ultrafast"]
X265_10 = ["-c:v", "libx265", "-x265-params", "log-level=none", "-preset", "ultrafast"]


def run(*args: str) -> None:
    """Run the test machine's ffmpeg, failing the test set-up loudly if it fails."""
    done = subprocess.run(
        [FFMPEG, "-nostdin", "-hide_banner", "-v", "error", "-y", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"fixture ffmpeg failed: {args}\n{done.stderr[-2000:]}")


def testsrc(size: str = "160x120", seconds: float = 1, rate: int = 25) -> list[str]:
    return ["-f", "lavfi", "-i", f"testsrc2=s={size}:d={seconds}:r={rate}"]


def sine(seconds: float = 1) -> list[str]:
    return ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]


def jpeg_with_exif(plain: bytes, orientation: int) -> bytes:
    """A JPEG with an EXIF block: an orientation and a GPS latitude (to be stripped)."""

    def ifd(entries: Sequence[tuple[int, int, int, int]]) -> bytes:
        out = struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            if kind == 3:
                out += struct.pack("<HHIHH", tag, kind, count, value, 0)
            else:
                out += struct.pack("<HHII", tag, kind, count, value)
        return out + struct.pack("<I", 0)

    gps_offset = 8 + 2 + 12 * 2 + 4
    first = ifd([(0x0112, 3, 1, orientation), (0x8825, 4, 1, gps_offset)])
    gps = ifd([(0x0001, 2, 2, int.from_bytes(b"N\0", "little"))])
    app1 = b"Exif\0\0" + b"II*\0" + struct.pack("<I", 8) + first + gps
    return plain[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + plain[2:]


def make_clips(folder: Path) -> dict[str, Path]:
    """Every kind of awkward input, by name."""
    folder.mkdir(parents=True, exist_ok=True)
    clips: dict[str, Path] = {}

    def out(name: str) -> str:
        clips[name.split(".")[0]] = folder / name
        return str(folder / name)

    run(
        *testsrc("320x180", 2), *sine(2), *X264, "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-metadata", "location=+37.5665+126.9780/", "-metadata", "make=TestPhone",
        "-metadata:s:v:0", "location=+37.5665+126.9780/",
        "-movflags", "+use_metadata_tags", out("audio.mp4"),
    )  # fmt: skip
    run(*testsrc(), *X264, "-pix_fmt", "yuv420p", out("silent.mp4"))
    run(*testsrc("320x180", 1), *X264, "-pix_fmt", "yuv420p", str(folder / "upright.mp4"))
    run(
        "-display_rotation",
        "90",
        "-i",
        str(folder / "upright.mp4"),
        "-c",
        "copy",
        out("rotated.mp4"),
    )
    # testsrc2 rounds sizes down to even numbers; scaling makes the odd ones.
    run(*testsrc(), "-vf", "scale=161:121,setsar=1", *X264, "-pix_fmt", "yuv444p", out("odd.mp4"))
    run(*testsrc(), "-vf", "setsar=4/3", *X264, "-pix_fmt", "yuv420p", out("anamorphic.mp4"))
    run(*testsrc(), "-c:v", "libx264rgb", "-preset", "ultrafast", out("rgb.mp4"))
    run(*testsrc(), *X265_10, "-pix_fmt", "yuv420p10le", out("tenbit.mp4"))
    run(
        *testsrc(), "-vf",
        "setparams=color_primaries=bt2020:color_trc=smpte2084:colorspace=bt2020nc:range=tv,"
        "format=yuv420p10le",
        *X265_10, out("hdr.mp4"),
    )  # fmt: skip
    run(
        *testsrc(rate=30, seconds=2), "-vf",
        "select='lt(n\\,10)+between(n\\,20\\,22)+gte(n\\,40)'",
        "-fps_mode", "vfr", *X264, "-pix_fmt", "yuv420p", out("vfr.mkv"),
    )  # fmt: skip
    run(*testsrc(rate=10), out("anim-gif.gif"))
    run(*testsrc(rate=10), "-c:v", "libwebp_anim", "-loop", "0", out("anim-webp.webp"))
    run(*testsrc(), "-frames:v", "1", *X264, "-pix_fmt", "yuv420p", out("single.mp4"))
    run(
        "-filter_complex",
        "color=c=black:s=160x120:d=1:r=25[a];testsrc2=s=160x120:d=2:r=25[b];[a][b]concat",
        *X264, "-pix_fmt", "yuv420p", out("fade.mp4"),
    )  # fmt: skip
    run(*testsrc(seconds=6), *X264, "-pix_fmt", "yuv420p", "-movflags", "+faststart",
        str(folder / "whole.mp4"))  # fmt: skip
    whole = (folder / "whole.mp4").read_bytes()
    Path(out("truncated.mp4")).write_bytes(whole[: len(whole) * 4 // 10])
    Path(out("empty.mp4")).write_bytes(b"")
    Path(out("text.mp4")).write_text("this is not a video\n", "utf-8")
    run(*testsrc("320x180"), "-frames:v", "1", "-update", "1", str(folder / "plain.jpg"))
    exif = jpeg_with_exif((folder / "plain.jpg").read_bytes(), orientation=6)
    Path(out("exif.jpg")).write_bytes(exif)
    run("-f", "lavfi", "-i", "testsrc2=s=200x100,format=rgba", "-frames:v", "1", "-update", "1",
        "-f", "image2", "-c:v", "png", out("png-named.webp"))  # fmt: skip
    silent = folder / "silent.mp4"
    for name, key in [
        ("with space 'and quote\".mp4", "quoted"),
        ("-leading-dash.mp4", "dash"),
        ("한글 클립.mp4", "hangul"),
    ]:
        shutil.copyfile(silent, folder / name)
        clips[key] = folder / name
    return clips


@pytest.fixture(scope="session")
def media_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every awkward clip, made once per test session."""
    return make_clips(tmp_path_factory.mktemp("clips"))


def fast_settings(**media: object) -> Settings:
    """Settings with a fast x264 preset (the clips are tiny; quality is not under test)."""
    values: dict[str, object] = {"preset": "ultrafast"}
    values.update(media)
    return Settings(media=MediaSettings.model_validate(values))


def magazine_with(
    root: Path, clips: dict[str, Path], settings: Settings | None = None
) -> tuple[Magazine, dict[ClipRef, Path]]:
    """A magazine with one entry per clip (slug = clip key), and the sources map."""
    entries = []
    sources: dict[ClipRef, Path] = {}
    for number, (key, path) in enumerate(sorted(clips.items())):
        slug = key.lower().replace("_", "-")
        entries.append(
            Entry(
                title=key,
                service="sora",
                prompt="a test pattern",
                submitted_at=datetime(2025, 1, 1, 0, number, tzinfo=UTC),
                status="delivered",
                clips=(Clip(file=path.name),),
                path=f"entries/{slug}.yml",
                slug=slug,
            )
        )
        sources[ClipRef(slug, 0)] = path
    magazine = Magazine(
        root=root, settings=settings or fast_settings(), entries=tuple(entries), services={}
    )
    return magazine, sources


def probe_stream(path: Path) -> dict[str, object]:
    """What a player would see in an output file: codec, pixel format, size, SAR, audio."""
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        frame = next(iter(container.decode(video)))
        return {
            "codec": video.codec_context.name,
            "pix_fmt": frame.format.name,
            "width": frame.width,
            "height": frame.height,
            "sar": video.sample_aspect_ratio,
            "rotation": frame.rotation,
            "audio": len(container.streams.audio),
            "duration": float(container.duration or 0) / 1_000_000,
            "profile": video.codec_context.profile,
            "metadata": dict(container.metadata) | dict(video.metadata),
            "mean_luma": _mean_luma(frame),
        }


def _mean_luma(frame: av.VideoFrame) -> float:
    gray = frame.reformat(format="gray")
    plane = gray.planes[0]
    data = bytes(plane)
    rows = [
        data[row * plane.line_size : row * plane.line_size + gray.width]
        for row in range(gray.height)
    ]
    return sum(sum(row) for row in rows) / (gray.width * gray.height)
