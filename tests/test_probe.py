"""Probing real files made at test time: facts readers see, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import MediaError
from generator.media.probe import probe_file


def test_video_with_audio(media_clips: dict[str, Path]) -> None:
    facts = probe_file(media_clips["audio"])
    assert (facts.kind, facts.width, facts.height) == ("video", 320, 180)
    assert facts.duration == pytest.approx(2.0, abs=0.05)
    assert facts.fps == pytest.approx(25.0, abs=0.1)
    assert (facts.codec, facts.pix_fmt) == ("h264", "yuv420p")
    assert facts.has_audio and facts.audio_codec == "aac"
    assert facts.size_bytes == media_clips["audio"].stat().st_size
    assert facts.frames == 50


def test_no_audio(media_clips: dict[str, Path]) -> None:
    facts = probe_file(media_clips["silent"])
    assert not facts.has_audio and facts.audio_codec is None


def test_rotated_clip_reports_upright_size(media_clips: dict[str, Path]) -> None:
    facts = probe_file(media_clips["rotated"])
    assert (facts.width, facts.height, facts.rotation) == (180, 320, 90)


def test_odd_and_anamorphic_sizes(media_clips: dict[str, Path]) -> None:
    assert (probe_file(media_clips["odd"]).width, probe_file(media_clips["odd"]).height) == (
        161,
        121,
    )
    # 160x120 stored with 4:3 pixels displays 213 wide.
    assert probe_file(media_clips["anamorphic"]).width == 213


def test_ten_bit_and_hdr(media_clips: dict[str, Path]) -> None:
    tenbit = probe_file(media_clips["tenbit"])
    assert tenbit.pix_fmt == "yuv420p10le" and not tenbit.hdr
    hdr = probe_file(media_clips["hdr"])
    assert (hdr.color_primaries, hdr.color_transfer, hdr.color_matrix) == (
        "bt2020",
        "smpte2084",
        "bt2020nc",
    )
    assert hdr.hdr


def test_variable_frame_rate_average(media_clips: dict[str, Path]) -> None:
    facts = probe_file(media_clips["vfr"])
    # 33 of 60 frames kept over 2 s: the true average, not the nominal 30.
    assert facts.frames == 33
    assert facts.fps == pytest.approx(16.5, abs=0.5)


def test_animated_gif_and_webp_are_videos(media_clips: dict[str, Path]) -> None:
    for key, codec in (("anim-gif", "gif"), ("anim-webp", "webp")):
        facts = probe_file(media_clips[key])
        assert (facts.kind, facts.frames, facts.codec) == ("video", 10, codec)
        assert facts.duration == pytest.approx(1.0, abs=0.05)


def test_stills_are_images(media_clips: dict[str, Path]) -> None:
    exif = probe_file(media_clips["exif"])
    assert exif.kind == "image" and exif.duration is None
    assert (exif.width, exif.height) == (180, 320)  # EXIF orientation 6: portrait
    png = probe_file(media_clips["png-named"])  # a PNG behind a .webp name
    assert (png.kind, png.codec, png.has_alpha) == ("image", "png", True)


def test_single_frame_video(media_clips: dict[str, Path]) -> None:
    facts = probe_file(media_clips["single"])
    assert facts.kind == "video" and facts.frames == 1


def test_awkward_names(media_clips: dict[str, Path]) -> None:
    for key in ("quoted", "dash", "hangul"):
        assert probe_file(media_clips[key]).width == 160


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("empty", "empty file (0 bytes)"),
        ("text", "not a video or image file"),
        ("truncated", "header says 6.00 s but only"),
    ],
)
def test_bad_files_are_clear_errors(media_clips: dict[str, Path], key: str, message: str) -> None:
    with pytest.raises(MediaError) as caught:
        probe_file(media_clips[key])
    assert message in str(caught.value)
    assert str(media_clips[key]) in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="cannot read the file"):
        probe_file(tmp_path / "nowhere.mp4")


def test_truncated_animated_webp(media_clips: dict[str, Path], tmp_path: Path) -> None:
    data = media_clips["anim-webp"].read_bytes()
    cut = tmp_path / "cut.webp"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(MediaError, match="truncated"):
        probe_file(cut)
