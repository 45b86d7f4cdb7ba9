"""Bounded cost for any clip: decompression bombs, huge pictures and long clips are refused."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from generator.media.probe import decoder_cap, probe_file
from generator.media.recipes import ImageRecipe, image_command, recipes_for, video_command
from generator.media.renditions import MediaFacts, Role
from generator.settings import MediaSettings
from tests.build_fixtures import MKDOCS, SERVICES, environment, make_clip
from tests.magazine_fixtures import write_magazine

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")

BOMB_SIDE = 9000
"""9000×9000 16-bit RGBA: 81 M pixels (over the default limit of 50 M), 648 MB decoded."""


def _chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def png_bomb(path: Path, side: int = BOMB_SIDE) -> Path:
    """A valid PNG of `side`² black 16-bit RGBA pixels: a few MB on disk."""
    row = b"\0" * (1 + side * 8)
    packer = zlib.compressobj(1)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 16, 6, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", body)
        + _chunk(b"IEND", b"")
    )
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return png_bomb(tmp_path_factory.mktemp("bomb") / "bomb.png")


PEAK = """
import resource, subprocess, sys

done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(done.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
sys.stderr.write(done.stdout + done.stderr)
"""


def peak_megabytes(*command: str) -> tuple[int, int, str]:
    """Run a command; its exit status, the peak memory of its largest process (MB), its output."""
    if sys.platform != "linux":
        pytest.skip("peak memory is Linux's ru_maxrss in KiB (bytes on macOS; none on Windows)")
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=600,
        check=True,
    )
    code, peak = (int(part) for part in done.stdout.split())
    return code, peak, done.stderr


def test_probe_refuses_a_bomb_before_decoding_it(bomb: Path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\nfrom generator.media.probe import probe_file\n"
        "from generator.errors import MediaError\n"
        "try:\n    probe_file(Path(sys.argv[1]))\nexcept MediaError as exc:\n"
        "    print(exc)\n    sys.exit(3)\n"
    )
    code, peak, output = peak_megabytes(sys.executable, "-c", script, str(bomb))
    assert code == 3, output
    assert "limits.pixels" in output and "before decoding" in output
    assert peak < 300, f"probing took {peak} MB: the picture was decoded"


def test_probe_refuses_a_declared_size_over_the_limit(tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "clip.mp4", size="160x120")
    assert probe_file(clip, max_pixels=160 * 120).width == 160
    with pytest.raises(Exception, match=r"160×120, more than limits.pixels \(19,199 pixels\)"):
        probe_file(clip, max_pixels=160 * 120 - 1)


FACTS = MediaFacts(kind="video", width=64, height=48, duration=1.0, fps=25.0, codec="h264")


def test_ffmpeg_decoders_get_a_pixel_cap_before_the_input() -> None:
    recipes = recipes_for(MediaSettings(), "video")
    outputs = {Role.VIDEO: (recipes[Role.VIDEO], Path("/out/v.mp4"))}
    command = video_command("ffmpeg", Path("/in.mp4"), FACTS, outputs, max_pixels=1234)
    at = command.index("-i")
    assert command[at - 2 : at] == ["-max_pixels", str(decoder_cap(1234))]
    image = recipes_for(MediaSettings(), "image")[Role.IMAGE]
    assert isinstance(image, ImageRecipe)
    still = image_command("ffmpeg", Path("/in.png"), FACTS, image, Path("/o.webp"), max_pixels=99)
    at = still.index("-i")
    assert still[at - 2 : at] == ["-max_pixels", str(decoder_cap(99))]


ENTRY = """\
title: {title}
service: sora
prompt: {title}
submitted_at: 2025-01-03T10:00:00+09:00
delivered_at: 2025-01-03T10:40:00+09:00
status: delivered
clips:
  - file: {file}
"""


@pytest.mark.slow
def test_a_build_refuses_bombs_long_and_huge_clips_with_located_problems(
    tmp_path: Path, bomb: Path
) -> None:
    root = tmp_path / "m"
    mkdocs = MKDOCS + "    limits: {clip_seconds: 1.5, pixels: 60000}\n"
    entries = {
        "2025/01/bomb.yml": ENTRY.format(title="bomb", file="media/bomb.png"),
        "2025/01/long.yml": ENTRY.format(title="long", file="media/long.mp4"),
        "2025/01/huge.yml": ENTRY.format(title="huge", file="media/huge.mp4"),
        "2025/01/fine.yml": ENTRY.format(title="fine", file="media/fine.mp4"),
    }
    write_magazine(root, entries, services=SERVICES, mkdocs=mkdocs, files={})
    media = root / "entries/2025/01/media"
    media.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bomb, media / "bomb.png")
    make_clip(media / "long.mp4", seconds=3)
    make_clip(media / "huge.mp4", size="320x240")
    make_clip(media / "fine.mp4")
    command = [sys.executable, "-m", "generator", "--root", str(root), "build", "-q"]
    code, peak, output = peak_megabytes(*command)
    assert code == 1, output
    lines = output.splitlines()
    for name, words in [
        ("bomb", "limits.pixels"),
        ("long", "limits.clip_seconds"),
        ("huge", "320×240, more than limits.pixels"),
    ]:
        line = next((x for x in lines if x.startswith(f"entries/2025/01/{name}.yml:8:")), "")
        assert "clips[0].file:" in line and words in line, (name, output)
    assert not any("fine.yml" in line for line in lines), output
    assert peak < 600, f"the build took {peak} MB"
    # Only the clip within the limits was transcoded.
    transcoded = {p.parent for p in (root / ".magazine/renditions").rglob("*.mp4")}
    assert len(transcoded) == 1, transcoded
    assert not (root / "site").exists()


def test_check_reports_clips_over_the_limits_without_building(tmp_path: Path) -> None:
    # `magazine check` fetches and transcodes nothing, but a local clip over the length or
    # picture limit is still a located problem there, next to the other problems.
    root = tmp_path / "m"
    mkdocs = MKDOCS + "    limits: {clip_seconds: 1.5, pixels: 60000}\n"
    entries = {
        "2025/01/long.yml": ENTRY.format(title="long", file="media/long.mp4"),
        "2025/01/huge.yml": ENTRY.format(title="huge", file="media/huge.mp4"),
        "2025/01/fine.yml": ENTRY.format(title="fine", file="media/fine.mp4"),
    }
    write_magazine(root, entries, services=SERVICES, mkdocs=mkdocs, files={})
    media = root / "entries/2025/01/media"
    media.mkdir(parents=True, exist_ok=True)
    make_clip(media / "long.mp4", seconds=3)
    make_clip(media / "huge.mp4", size="320x240")
    make_clip(media / "fine.mp4")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True,
        text=True,
        check=False,
        env=environment(),
    )
    assert done.returncode == 1, done.stdout + done.stderr
    lines = (done.stdout + done.stderr).splitlines()
    for name, words in [("long", "limits.clip_seconds"), ("huge", "more than limits.pixels")]:
        line = next((x for x in lines if x.startswith(f"entries/2025/01/{name}.yml:8:")), "")
        assert "clips[0].file:" in line and words in line, (name, lines)
    assert not any("fine.yml" in line for line in lines)
    assert not (root / ".magazine" / "renditions").exists()
