"""Clip measurements: known answers on clips made at test time with ffmpeg's own generators.

Each clip is made to show one thing (a still held 4 s, every picture doubled, a cut at 2 s, a
black second, bars, grey, dark, blurred, flashing, a slow and a fast pan of one picture); each
measure must find it within the tolerance written beside the assertion.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from generator.clipproblems import clip_warnings
from generator.media.cache import RenditionCache
from generator.media.measure import LONG_SIDE, analyse, cached_measurement
from generator.media.probe import probe_file
from generator.media.recipes import analysis_command, analysis_size
from generator.media.renditions import MEASURE_KEYS, ClipRef, Measured, MediaFacts, MediaIndex
from generator.media.stage import process_media
from generator.media.transcode import find_ffmpeg, spawn_count
from generator.messages import Message
from generator.progress import SilentProgress
from tests.media_fixtures import FFMPEG, X264, fast_settings, magazine_with, run

RATE = 24
SIZE = "320x180"
FRAME = 1 / RATE


def _lavfi(graph: str, target: Path, *extra: str) -> Path:
    run(
        "-filter_complex", graph, *extra, *X264, "-pix_fmt", "yuv420p", "-r", str(RATE), str(target)
    )
    return target


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One clip per thing to find, made once for this module."""
    folder = tmp_path_factory.mktemp("measure-clips")
    picture = folder / "picture.png"
    run("-f", "lavfi", "-i", "testsrc2=s=960x540", "-frames:v", "1", "-update", "1", str(picture))
    src = f"testsrc2=s={SIZE}:r={RATE}"
    made = {
        "moving": _lavfi(f"{src}:d=4", folder / "moving.mp4"),
        "still": _lavfi(
            f"movie={picture},loop=-1:1,fps={RATE},trim=duration=4", folder / "still.mp4"
        ),
        "doubled": _lavfi(
            f"testsrc2=s={SIZE}:r={RATE // 2}:d=4,fps={RATE}", folder / "doubled.mp4"
        ),
        "cut": _lavfi(
            f"{src}:d=2[a];mandelbrot=s={SIZE}:r={RATE},trim=duration=2,setpts=PTS-STARTPTS[b];"
            "[a][b]concat",
            folder / "cut.mp4",
        ),
        "black": _lavfi(
            f"{src}:d=1.5[a];color=black:s={SIZE}:r={RATE}:d=1[b];{src}:d=1.5[c];"
            "[a][b][c]concat=n=3",
            folder / "black.mp4",
        ),
        "letterbox": _lavfi(
            f"{src}:d=3,scale=320:136,setsar=1,pad=320:180:0:22:black", folder / "bars.mp4"
        ),
        "grey": _lavfi(f"color=gray:s={SIZE}:r={RATE}:d=3", folder / "grey.mp4"),
        "dark": _lavfi(f"{src}:d=3,eq=brightness=-0.3", folder / "dark.mp4"),
        "blurred": _lavfi(f"{src}:d=4,gblur=sigma=4", folder / "blurred.mp4"),
        # Black and white swapped every 0.1 s: five flashes a second, far over WCAG's three.
        "flashing": _lavfi(
            f"color=black:s={SIZE}:r={RATE}:d=3,geq=lum='if(lt(mod(T*10,2),1),235,16)':cb=128:cr=128",
            folder / "flashing.mp4",
        ),
        # One change a second: a slow blink, no flash risk.
        "blinking": _lavfi(
            f"color=black:s={SIZE}:r={RATE}:d=3,geq=lum='if(lt(mod(T,2),1),235,16)':cb=128:cr=128",
            folder / "blinking.mp4",
        ),
        "slow_pan": _lavfi(
            f"movie={picture},loop=-1:1,fps={RATE},trim=duration=4,crop=320:180:'t*48':100",
            folder / "slow-pan.mp4",
        ),
        "fast_pan": _lavfi(
            f"movie={picture},loop=-1:1,fps={RATE},trim=duration=4,crop=320:180:'t*150':'t*80'",
            folder / "fast-pan.mp4",
        ),
        "short": _lavfi(f"{src}:d=0.5", folder / "short.mp4"),
        "single": _lavfi(f"{src}:d=1", folder / "single.mp4", "-frames:v", "1"),
    }
    made["image"] = picture
    made["blurred_image"] = folder / "blurred.png"
    run("-i", str(picture), "-vf", "gblur=sigma=4", "-update", "1", str(made["blurred_image"]))
    return made


@pytest.fixture(scope="module")
def measured(clips: dict[str, Path]) -> dict[str, Measured]:
    ffmpeg = find_ffmpeg()
    out = {}
    for name, path in clips.items():
        facts = probe_file(path)
        result, warning = analyse(
            ffmpeg, path, facts, timeout=120, max_pixels=50_000_000, max_seconds=600
        )
        assert warning is None, (name, warning)
        out[name] = result
    return out


def test_a_still_held_four_seconds_is_frozen_and_motionless(measured: dict[str, Measured]) -> None:
    still = measured["still"]
    assert still.frozen_share == pytest.approx(1.0, abs=0.01)
    assert still.motion == 0.0
    assert still.effective_fps == pytest.approx(0.25, abs=0.05)  # one picture in 4 s
    assert still.cuts == ()
    assert measured["moving"].frozen_share == 0.0


def test_every_picture_doubled_is_twelve_distinct_pictures_a_second(
    measured: dict[str, Measured],
) -> None:
    assert measured["doubled"].effective_fps == pytest.approx(12, abs=0.5)
    assert measured["doubled"].frozen_share == 0.0  # two frames is no freeze
    assert measured["moving"].effective_fps == pytest.approx(24, abs=0.5)


def test_a_hard_cut_is_found_at_its_time(measured: dict[str, Measured]) -> None:
    cuts = measured["cut"].cuts
    assert cuts is not None and len(cuts) == 1
    assert cuts[0] == pytest.approx(2.0, abs=FRAME + 1e-6)
    for continuous in ("moving", "slow_pan", "fast_pan", "doubled", "flashing"):
        assert measured[continuous].cuts == (), continuous


def test_a_black_second_is_a_quarter_of_four(measured: dict[str, Measured]) -> None:
    assert measured["black"].black_share == pytest.approx(0.25, abs=2 * FRAME / 4)
    assert measured["moving"].black_share == 0.0


def test_bars_are_letterbox_and_a_dark_picture_is_not(measured: dict[str, Measured]) -> None:
    assert measured["letterbox"].letterbox is True  # 44 of 180 rows
    for plain in ("moving", "dark", "grey", "black"):
        assert measured[plain].letterbox is False, plain


def test_grey_has_no_colour_detail_or_contrast(measured: dict[str, Measured]) -> None:
    grey = measured["grey"]
    assert grey.colourfulness is not None and grey.colourfulness < 1.0
    assert grey.detail is not None and grey.detail < 1.0
    assert grey.contrast is not None and grey.contrast < 0.01
    assert grey.brightness == pytest.approx(128 / 255, abs=0.03)
    moving = measured["moving"]
    assert moving.colourfulness is not None and moving.colourfulness > 50


def test_a_darkened_clip_is_darker_with_more_clipped_pixels(measured: dict[str, Measured]) -> None:
    dark, moving = measured["dark"], measured["moving"]
    assert dark.brightness is not None and moving.brightness is not None
    assert dark.brightness < moving.brightness - 0.2  # eq=brightness=-0.3
    assert dark.clipped_share is not None and moving.clipped_share is not None
    assert dark.clipped_share > moving.clipped_share + 0.1


def test_a_blurred_copy_is_less_sharp_and_less_detailed(measured: dict[str, Measured]) -> None:
    for sharp, blurred in (("moving", "blurred"), ("image", "blurred_image")):
        a, b = measured[sharp], measured[blurred]
        assert a.sharpness is not None and b.sharpness is not None
        assert b.sharpness < a.sharpness / 2, (sharp, a.sharpness, b.sharpness)
        assert a.detail is not None and b.detail is not None and b.detail < a.detail


def test_five_flashes_a_second_are_a_risk_and_one_blink_is_not(
    measured: dict[str, Measured],
) -> None:
    assert measured["flashing"].flash_risk is True
    assert measured["blinking"].flash_risk is False
    assert measured["moving"].flash_risk is False
    flashing, moving = measured["flashing"].flicker, measured["moving"].flicker
    assert flashing is not None and moving is not None
    assert flashing > 0.2 and moving < 0.01  # a swing of 1.0 in luma, vs. none


def test_a_fast_pan_moves_more_than_a_slow_one(measured: dict[str, Measured]) -> None:
    slow, fast = measured["slow_pan"], measured["fast_pan"]
    assert slow.motion is not None and fast.motion is not None
    assert 0 < slow.motion < fast.motion / 1.5
    for pan in (slow, fast):
        assert pan.frozen_share == 0.0
        assert pan.effective_fps == pytest.approx(24, abs=1)
        assert pan.flicker is not None and pan.flicker < 0.01  # moving is not flickering


def test_images_get_only_the_measures_of_one_picture(measured: dict[str, Measured]) -> None:
    image = measured["image"].record()
    one_picture = {
        "detail",
        "sharpness",
        "brightness",
        "contrast",
        "clipped_share",
        "colourfulness",
    }
    for key in MEASURE_KEYS:
        assert (image[key] is not None) == (key in one_picture), key
    assert image["analysis"] == {"width": 640, "height": 360, "version": 1}


def test_what_does_not_apply_is_null_never_nan(measured: dict[str, Measured]) -> None:
    assert measured["short"].flash_risk is None  # under one second: no flash window
    assert measured["short"].motion is not None
    single = measured["single"].record()
    for key in ("effective_fps", "frozen_share", "motion", "flicker", "flash_risk", "cuts"):
        assert single[key] is None, key
    assert single["detail"] is not None
    for name, result in measured.items():
        record = result.record()
        assert set(MEASURE_KEYS) <= set(record), name
        text = json.dumps(record, allow_nan=False)  # raises on NaN or infinity
        assert "NaN" not in text
        assert all(not isinstance(v, float) or math.isfinite(v) for v in record.values()), name


def test_the_analysis_size_is_fixed_whatever_the_clip(measured: dict[str, Measured]) -> None:
    assert {name: (m.width, m.height) for name, m in measured.items() if m.height != 360} == {}
    for (width, height), expected in {
        (1080, 1920): (360, 640),  # portrait: the long side is the height
        (100, 50): (640, 320),  # a small clip is enlarged, not left small
        (4096, 4096): (640, 640),
    }.items():
        facts = MediaFacts(kind="video", width=width, height=height)
        assert analysis_size(facts, LONG_SIDE) == expected


def test_analysis_command_is_capped_and_bounded(clips: dict[str, Path]) -> None:
    facts = probe_file(clips["moving"])
    command = analysis_command(
        FFMPEG,
        clips["moving"],
        facts,
        analysis_size(facts, LONG_SIDE),
        max_pixels=1000,
        max_seconds=7,
    )
    assert command.index("-max_pixels") < command.index("-i")
    assert command[command.index("-t") + 1] == "7"
    assert "pipe:1" in command and "-xerror" in command


def test_a_clip_cut_short_keeps_what_it_could_take_with_a_warning(tmp_path: Path) -> None:
    whole = tmp_path / "whole.mp4"
    run("-f", "lavfi", "-i", f"testsrc2=s={SIZE}:r={RATE}:d=6", *X264, "-pix_fmt", "yuv420p",
        "-movflags", "+faststart", str(whole))  # fmt: skip
    facts = probe_file(whole)
    cut = tmp_path / "cut.mp4"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) * 6 // 10])
    result, warning = analyse(
        find_ffmpeg(), cut, facts, timeout=60, max_pixels=50_000_000, max_seconds=600
    )
    assert warning is not None
    assert str(warning).startswith(f"measured only {result.frames} frames: ffmpeg failed")
    assert warning.render("ko").startswith(f"프레임 {result.frames}개만 측정했습니다: ffmpeg이")
    assert 0 < result.frames < 6 * RATE
    assert result.detail is not None and result.motion is not None

    # Kept with the measurements as a key and arguments: the next build, in any language,
    # words it again instead of repeating the first build's English.
    cache = RenditionCache(tmp_path / "cache", hashlib.sha256(cut.read_bytes()).hexdigest())
    _, first = analyse(
        find_ffmpeg(), cut, facts, timeout=60, max_pixels=50_000_000, max_seconds=600, cache=cache
    )
    kept = cached_measurement(cache)
    assert kept is not None and kept[1] == first and first is not None
    assert "ffmpeg이 실패했습니다" in kept[1].render("ko")


def test_measurements_are_cached_and_a_warm_rebuild_analyses_nothing(
    clips: dict[str, Path], tmp_path: Path
) -> None:
    chosen = {"moving": clips["moving"], "image": clips["image"]}
    magazine, sources = magazine_with(tmp_path, chosen)
    first = process_media(magazine, sources, progress=SilentProgress())
    moving = first.clips[ClipRef("moving", 0)].measured
    assert moving is not None and moving.effective_fps == pytest.approx(24, abs=0.5)
    # Measured from the renditions' own decode: the same as a decode of its own.
    alone, _ = analyse(
        find_ffmpeg(), clips["moving"], probe_file(clips["moving"]),
        timeout=60, max_pixels=50_000_000, max_seconds=600,
    )  # fmt: skip
    assert moving == alone
    assert first.clips[ClipRef("image", 0)].measured is not None
    before = spawn_count()
    again = process_media(magazine, sources, progress=SilentProgress())
    assert spawn_count() == before  # no ffmpeg at all: renditions and measurements cached
    assert again == first

    # A killed build leaves a work file or a cut one; neither is trusted.
    kept = next((tmp_path / ".magazine" / "renditions").glob("*/measured-*.json"))
    text = kept.read_text("utf-8")
    (kept.parent / f".tmp-0000-{kept.name}").write_text(text[:10], "utf-8")
    kept.write_text(text[: len(text) // 2], "utf-8")
    before = spawn_count()
    healed = process_media(magazine, sources, progress=SilentProgress())
    assert spawn_count() == before + 1
    assert healed == first
    assert json.loads(kept.read_text("utf-8"))["measured"]["analysis"]["version"] == 1


def test_measuring_can_be_turned_off(clips: dict[str, Path], tmp_path: Path) -> None:
    on, sources = magazine_with(tmp_path / "on", {"moving": clips["moving"]})
    off, _ = magazine_with(
        tmp_path / "off", {"moving": clips["moving"]}, fast_settings(measure=False)
    )
    before = spawn_count()
    without = process_media(off, sources, progress=SilentProgress())
    assert spawn_count() == before + 1  # the renditions only
    assert without.clips[ClipRef("moving", 0)].measured is None
    before = spawn_count()
    with_measures = process_media(on, sources, progress=SilentProgress())
    assert spawn_count() == before + 1  # one decode makes the renditions and measures
    assert with_measures.clips[ClipRef("moving", 0)].measured is not None


def test_a_partial_measurement_is_a_warning_at_the_clip_line(
    clips: dict[str, Path], tmp_path: Path
) -> None:
    magazine, sources = magazine_with(tmp_path, {"moving": clips["moving"]})
    entry = tmp_path / "entries" / "moving.yml"
    entry.parent.mkdir(parents=True)
    entry.write_text(
        "title: moving\nservice: sora\nprompt: a test pattern\nstatus: delivered\n"
        "submitted_at: 2025-01-01T00:00:00+00:00\nclips:\n  - file: moving.mp4\n",
        "utf-8",
    )
    index = process_media(magazine, sources, progress=SilentProgress())
    ref = ClipRef("moving", 0)
    warned = MediaIndex(
        clips={
            ref: replace(
                index.clips[ref],
                warnings=(Message("measure.partial", count=3, reason="cut", said=""),),
            )
        }
    )
    assert clip_warnings(magazine, warned) == [
        "entries/moving.yml:7:11: warning: clips[0].file: the clip's measurements are partial "
        "(measured only 3 frames: cut)"
    ]
