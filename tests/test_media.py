"""The media stage end to end: real ffmpeg on awkward clips, outputs checked by probing them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.media.probe import probe_file
from generator.media.renditions import ClipRef, MediaIndex, Role
from generator.media.stage import process_media
from generator.media.transcode import find_ffmpeg, spawn_count, supports_drawtext
from generator.progress import SilentProgress
from tests.media_fixtures import fast_settings, magazine_with, probe_stream

GOOD_VIDEOS = (
    "audio", "silent", "rotated", "odd", "anamorphic", "rgb", "tenbit", "hdr", "vfr",
    "anim-gif", "anim-webp", "single", "fade", "quoted", "dash", "hangul",
)  # fmt: skip
IMAGES = ("exif", "png-named")
BAD = ("empty", "text", "truncated")


@pytest.fixture(scope="module")
def built(
    media_clips: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, MediaIndex, dict[ClipRef, Path]]:
    root = tmp_path_factory.mktemp("magazine")
    chosen = {key: media_clips[key] for key in GOOD_VIDEOS + IMAGES + BAD}
    magazine, sources = magazine_with(root, chosen)
    index = process_media(magazine, sources, progress=SilentProgress(), jobs=2)
    return root, index, sources


def test_every_video_gets_web_safe_renditions(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    _, index, _ = built
    for key in GOOD_VIDEOS:
        clip = index.clips[ClipRef(key, 0)]
        assert [r.role for r in clip.renditions] == [
            Role.VIDEO, Role.POSTER, Role.PREVIEW, Role.SHEET, Role.STILL
        ], key  # fmt: skip
        video = clip.get(Role.VIDEO)
        assert video is not None
        seen = probe_stream(video.path)
        assert (seen["codec"], seen["pix_fmt"], seen["sar"]) == ("h264", "yuv420p", 1), key
        assert seen["width"] % 2 == 0 and seen["height"] % 2 == 0, key
        assert (seen["width"], seen["height"]) == (video.width, video.height), key
        assert seen["rotation"] == 0, key
        assert seen["profile"] in ("High", "Main", "Constrained Baseline", "Baseline"), key
        assert seen["duration"] == pytest.approx(clip.facts.duration, abs=0.15), key
        assert seen["audio"] == (1 if clip.facts.has_audio else 0), key
        assert video.size_bytes == video.path.stat().st_size
        assert video.mime == "video/mp4"
        preview = clip.get(Role.PREVIEW)
        assert preview is not None
        shown = probe_stream(preview.path)
        assert shown["audio"] == 0 and shown["duration"] <= 4.1, key
        assert shown["height"] == preview.height <= 240, key
        for role in (Role.POSTER, Role.SHEET):
            still = clip.get(role)
            assert still is not None and still.mime == "image/jpeg"
            facts = probe_file(still.path)
            assert (facts.kind, facts.width, facts.height) == ("image", still.width, still.height)
        # The clips are at most 320 px wide: one WebP still, the poster's own width.
        poster = clip.get(Role.POSTER)
        assert poster is not None
        (webp,) = clip.all(Role.STILL)
        seen = probe_stream(webp.path)
        assert (seen["codec"], seen["width"], seen["height"]) == (
            "webp",
            poster.width,
            poster.height,
        ), key
        assert webp.mime == "image/webp"


def test_audio_is_kept_only_where_there_is_some(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    _, index, _ = built
    with_sound = index.clips[ClipRef("audio", 0)].get(Role.VIDEO)
    without = index.clips[ClipRef("silent", 0)].get(Role.VIDEO)
    assert with_sound is not None and without is not None
    assert probe_file(with_sound.path).audio_codec == "aac"
    assert not probe_file(without.path).has_audio


def test_rotated_clip_comes_out_upright_once(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    _, index, _ = built
    clip = index.clips[ClipRef("rotated", 0)]
    video = clip.get(Role.VIDEO)
    assert video is not None
    seen = probe_stream(video.path)
    assert (seen["width"], seen["height"], seen["rotation"]) == (180, 320, 0)
    poster = clip.get(Role.POSTER)
    assert poster is not None and (poster.width, poster.height) == (180, 320)


def test_odd_and_anamorphic_sizes_become_even_square_pixels(
    built: tuple[Path, MediaIndex, dict],  # type: ignore[type-arg]
) -> None:
    _, index, _ = built
    odd = index.clips[ClipRef("odd", 0)].get(Role.VIDEO)
    wide = index.clips[ClipRef("anamorphic", 0)].get(Role.VIDEO)
    assert odd is not None and (odd.width, odd.height) == (160, 120)
    assert wide is not None and (wide.width, wide.height) == (212, 120)


def test_hdr_and_ten_bit_become_8_bit_sdr(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    _, index, _ = built
    for key in ("hdr", "tenbit", "rgb", "odd"):
        video = index.clips[ClipRef(key, 0)].get(Role.VIDEO)
        assert video is not None
        facts = probe_file(video.path)
        assert facts.pix_fmt == "yuv420p", key
        assert not facts.hdr, key
    hdr = index.clips[ClipRef("hdr", 0)].get(Role.VIDEO)
    assert hdr is not None
    facts = probe_file(hdr.path)
    assert (facts.color_primaries, facts.color_transfer, facts.color_matrix) == (
        "bt709",
        "bt709",
        "bt709",
    )


def test_poster_is_not_the_black_opening(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    _, index, _ = built
    poster = index.clips[ClipRef("fade", 0)].get(Role.POSTER)
    assert poster is not None
    assert probe_stream(poster.path)["mean_luma"] > 40


def test_contact_sheet_grid(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    _, index, _ = built
    sheet = index.clips[ClipRef("audio", 0)].get(Role.SHEET)
    assert sheet is not None
    # 12 frames of a 320x180 clip in 4 columns of 320 px, 4 px apart and around.
    assert (sheet.width, sheet.height) == (4 * 320 + 5 * 4, 3 * 180 + 4 * 4)
    single = index.clips[ClipRef("single", 0)].get(Role.SHEET)
    assert single is not None and (single.width, single.height) == (168, 128)


def test_location_and_device_metadata_are_stripped(
    built: tuple[Path, MediaIndex, dict],  # type: ignore[type-arg]
) -> None:
    _, index, sources = built
    assert "location" in probe_stream(sources[ClipRef("audio", 0)])["metadata"]
    clip = index.clips[ClipRef("audio", 0)]
    for rendition in clip.renditions:
        data = rendition.path.read_bytes()
        assert b"+37.5665" not in data and b"TestPhone" not in data, rendition.role


def test_images_get_a_web_image_and_their_original(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    _, index, sources = built
    exif = index.clips[ClipRef("exif", 0)]
    # 180 px wide: no still is narrower than the web image, which is its own widest candidate.
    assert [r.role for r in exif.renditions] == [Role.IMAGE, Role.ORIGINAL]
    image = exif.get(Role.IMAGE)
    assert image is not None and image.mime == "image/webp"
    seen = probe_stream(image.path)
    assert (seen["codec"], seen["width"], seen["height"]) == ("webp", 180, 320)
    assert b"Exif" not in image.path.read_bytes()
    original = exif.get(Role.ORIGINAL)
    assert original is not None and re.search(r"/original-[0-9a-f]{10}\.jpg$", original.url_path)
    assert b"N\0" not in original.path.read_bytes()  # the GPS block is gone
    assert len(original.path.read_bytes()) < len(sources[ClipRef("exif", 0)].read_bytes())
    png = index.clips[ClipRef("png-named", 0)].get(Role.ORIGINAL)
    assert png is not None and re.search(r"/original-[0-9a-f]{10}\.png$", png.url_path)
    assert png.mime == "image/png"


def test_bad_files_fail_alone_with_clear_messages(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    _, index, _ = built
    assert set(index.failures) == {ClipRef(key, 0) for key in BAD}
    assert "empty file (0 bytes)" in str(index.failures[ClipRef("empty", 0)])
    assert "not a video or image file" in str(index.failures[ClipRef("text", 0)])
    assert "truncated or corrupt" in str(index.failures[ClipRef("truncated", 0)])
    assert len(index.clips) == len(GOOD_VIDEOS) + len(IMAGES)


def test_url_paths_and_shared_content(built: tuple[Path, MediaIndex, dict]) -> None:  # type: ignore[type-arg]
    root, index, _ = built
    for clip in index.clips.values():
        for rendition in clip.renditions:
            assert re.fullmatch(
                r"media/[0-9a-f]{16}/[a-z]+(-[0-9]+)?(-[0-9a-f]{10})?\.[a-z0-9]+",
                rendition.url_path,
            )
            assert rendition.url_path.split("/")[1] == clip.source_sha256[:16]
            assert rendition.path.is_relative_to(root / ".magazine" / "renditions")
    same = {
        index.clips[ClipRef(key, 0)].renditions for key in ("silent", "quoted", "dash", "hangul")
    }
    assert len(same) == 1  # identical content, made once


def test_warm_rebuild_runs_no_ffmpeg(
    built: tuple[Path, MediaIndex, dict],  # type: ignore[type-arg]
    media_clips: dict[str, Path],
) -> None:
    root, first, _ = built
    chosen = {key: media_clips[key] for key in GOOD_VIDEOS + IMAGES + BAD}
    magazine, sources = magazine_with(root, chosen)
    before = spawn_count()
    again = process_media(magazine, sources, progress=SilentProgress())
    assert spawn_count() == before
    assert again == first


def test_changed_recipe_remakes_only_what_it_affects(
    media_clips: dict[str, Path], tmp_path: Path
) -> None:
    magazine, sources = magazine_with(tmp_path, {"silent": media_clips["silent"]})
    first = process_media(magazine, sources, progress=SilentProgress()).clips[ClipRef("silent", 0)]
    video = first.get(Role.VIDEO)
    assert video is not None
    made_at = video.path.stat().st_mtime_ns
    changed, _ = magazine_with(
        tmp_path, {"silent": media_clips["silent"]}, fast_settings(sheet_frames=6)
    )
    before = spawn_count()
    second = process_media(changed, sources, progress=SilentProgress()).clips[ClipRef("silent", 0)]
    assert spawn_count() == before + 1
    assert second.get(Role.VIDEO) == video
    assert video.path.stat().st_mtime_ns == made_at
    old_sheet, new_sheet = first.get(Role.SHEET), second.get(Role.SHEET)
    assert old_sheet is not None and new_sheet is not None
    assert new_sheet.path != old_sheet.path
    assert (new_sheet.width, new_sheet.height) == (4 * 160 + 5 * 4, 2 * 120 + 3 * 4)


def test_partial_outputs_are_never_trusted(media_clips: dict[str, Path], tmp_path: Path) -> None:
    magazine, sources = magazine_with(tmp_path, {"silent": media_clips["silent"]})
    clip = process_media(magazine, sources, progress=SilentProgress()).clips[ClipRef("silent", 0)]
    video, poster = clip.get(Role.VIDEO), clip.get(Role.POSTER)
    assert video is not None and poster is not None
    good = video.path.read_bytes()
    # Killed after the rename but before the marker: a cut file without its marker.
    video.path.write_bytes(good[: len(good) // 3])
    Path(f"{video.path}.json").unlink()
    # Killed while writing: a leftover work file.
    leftover = video.path.parent / ".tmp-0000-video.mp4"
    leftover.write_bytes(b"half")
    # A marker that does not match the file (replaced behind the cache's back).
    poster.path.write_bytes(b"not a jpeg")
    before = spawn_count()
    again = process_media(magazine, sources, progress=SilentProgress()).clips[ClipRef("silent", 0)]
    assert spawn_count() == before + 1
    assert video.path.read_bytes() == good
    assert probe_file(poster.path).kind == "image"
    assert not leftover.exists()
    assert again == clip


def test_cut_rendition_is_an_error_even_when_ffmpeg_succeeds(
    media_clips: dict[str, Path], tmp_path: Path
) -> None:
    magazine, sources = magazine_with(tmp_path, {"silent": media_clips["silent"]})
    index = process_media(magazine, sources, progress=SilentProgress())
    clip = index.clips[ClipRef("silent", 0)]
    # The cache says the source holds 6 s: the 1 s rendition must be refused, not published.
    facts_file = clip.renditions[0].path.parent / "facts.json"
    data = json.loads(facts_file.read_text())
    data["facts"]["duration"] = 6.0
    facts_file.write_text(json.dumps(data))
    video = clip.get(Role.VIDEO)
    assert video is not None
    Path(f"{video.path}.json").unlink()
    again = process_media(magazine, sources, progress=SilentProgress())
    message = str(again.failures[ClipRef("silent", 0)])
    assert "holds 1.00 s of 6.00 s" in message and "command:" in message


def test_time_limit_becomes_a_failure(media_clips: dict[str, Path], tmp_path: Path) -> None:
    magazine, sources = magazine_with(
        tmp_path, {"audio": media_clips["audio"]}, fast_settings(timeout=0.001)
    )
    index = process_media(magazine, sources, progress=SilentProgress())
    message = str(index.failures[ClipRef("audio", 0)])
    assert "longer than 0.001 s" in message and "-filter_complex" in message
    assert not list((tmp_path / ".magazine" / "renditions").glob("*/*.mp4"))


def test_stills_come_at_each_width_from_the_posters_frame_in_the_same_run(
    media_clips: dict[str, Path], tmp_path: Path
) -> None:
    """The poster at every `still_widths` width no wider than itself (never enlarged), as WebP
    of the declared size, made by the one ffmpeg run that makes the rest; the image too."""
    settings = fast_settings(still_widths=(64, 128, 200, 4096), measure=False)
    chosen = {"audio": media_clips["audio"], "exif": media_clips["exif"]}
    magazine, sources = magazine_with(tmp_path, chosen, settings)
    supports_drawtext(find_ffmpeg(None))  # asked once per session: not counted below
    before = spawn_count()
    index = process_media(magazine, sources, progress=SilentProgress(), jobs=1)
    assert spawn_count() == before + 2  # one ffmpeg run per source (probing is PyAV's)
    clip = index.clips[ClipRef("audio", 0)]
    poster = clip.get(Role.POSTER)
    assert poster is not None and (poster.width, poster.height) == (320, 180)
    stills = clip.all(Role.STILL)
    assert [(s.width, s.height) for s in stills] == [(64, 36), (128, 72), (200, 112), (320, 180)]
    for still in stills:
        seen = probe_stream(still.path)
        assert (seen["codec"], seen["width"], seen["height"]) == ("webp", still.width, still.height)
        assert re.search(rf"/still-{still.width}-[0-9a-f]{{10}}\.webp$", still.url_path)
    # The same picture at every width: the widest still and the poster agree.
    assert (
        abs(probe_stream(stills[-1].path)["mean_luma"] - probe_stream(poster.path)["mean_luma"]) < 3
    )
    image = index.clips[ClipRef("exif", 0)]
    web = image.get(Role.IMAGE)
    assert web is not None and (web.width, web.height) == (180, 320)
    assert [(s.width, s.height) for s in image.all(Role.STILL)] == [(64, 114), (128, 228)]
    for still in image.all(Role.STILL):
        assert probe_stream(still.path)["width"] == still.width


def test_a_cache_from_before_the_stills_makes_them_once(
    media_clips: dict[str, Path], tmp_path: Path
) -> None:
    """A cache made before stills existed has every other rendition: the next build makes
    the stills (with the poster, so they show its frame) in one run, the one after none."""
    magazine, sources = magazine_with(tmp_path, {"silent": media_clips["silent"]})
    first = process_media(magazine, sources, progress=SilentProgress()).clips[ClipRef("silent", 0)]
    video = first.get(Role.VIDEO)
    assert video is not None
    made_at = video.path.stat().st_mtime_ns
    for still in first.all(Role.STILL):
        still.path.unlink()
        Path(f"{still.path}.json").unlink()
    before = spawn_count()
    second = process_media(magazine, sources, progress=SilentProgress()).clips[ClipRef("silent", 0)]
    assert spawn_count() == before + 1
    assert video.path.stat().st_mtime_ns == made_at  # the video is not made again
    assert second == first
    again = process_media(magazine, sources, progress=SilentProgress()).clips[ClipRef("silent", 0)]
    assert spawn_count() == before + 1
    assert again == first
