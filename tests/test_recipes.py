"""Recipes are pure: the ffmpeg argument lists are checked as data, without running ffmpeg."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.media.recipes import (
    ImageRecipe,
    PosterRecipe,
    PreviewRecipe,
    SheetRecipe,
    StillRecipe,
    VideoRecipe,
    file_name,
    fit,
    image_command,
    output_size,
    recipe_key,
    recipes_for,
    still_recipes,
    still_size,
    video_command,
)
from generator.media.renditions import MediaFacts, Role
from generator.settings import MediaSettings

FACTS = MediaFacts(
    kind="video", width=1920, height=1080, duration=10.0, fps=30.0, codec="h264",
    pix_fmt="yuv420p", has_audio=True, frames=300,
)  # fmt: skip
SOURCE = Path("/clips/-odd name 'quoted' 한글.mp4")


def outputs(facts: MediaFacts = FACTS, settings: MediaSettings | None = None) -> dict:  # type: ignore[type-arg]
    recipes = recipes_for(settings or MediaSettings(), facts.kind)
    return {role: (recipe, Path(f"/cache/.tmp-{role.value}")) for role, recipe in recipes.items()}


def filtergraph(command: list[str]) -> str:
    return command[command.index("-filter_complex") + 1]


def test_fit_keeps_ratio_even_and_never_enlarges() -> None:
    assert fit(1920, 1080, 1280, 720, even=True) == (1280, 720)
    assert fit(1080, 1920, 1280, 720, even=True) == (404, 720)
    assert fit(161, 121, 1280, 720, even=True) == (160, 120)
    assert fit(160, 120, 1280, 720, even=True) == (160, 120)
    assert fit(3, 1, 1280, 720, even=True) == (2, 2)
    assert fit(4000, 3000, 1600, 16000, even=False) == (1600, 1200)


def test_one_process_decodes_once_for_every_video_rendition() -> None:
    command = video_command("/bin/ffmpeg", SOURCE, FACTS, outputs())
    assert command[0] == "/bin/ffmpeg"
    assert command.count("-i") == 1
    assert "split=4" in filtergraph(command)
    for role in ("video", "poster", "preview", "sheet"):
        assert f"/cache/.tmp-{role}" in command
    assert "-xerror" in command and "-nostdin" in command


def test_source_is_an_absolute_file_url() -> None:
    command = video_command("ffmpeg", SOURCE, FACTS, outputs())
    # A leading dash is not an option, a colon is not a protocol, quotes stay as they are.
    assert command[command.index("-i") + 1] == f"file:{SOURCE}"


def test_video_rendition_is_web_safe_h264() -> None:
    command = video_command("ffmpeg", SOURCE, FACTS, {Role.VIDEO: outputs()[Role.VIDEO]})
    text = " ".join(command)
    assert "split" not in filtergraph(command)
    assert "scale=h=720:out_range=tv:w=1280" in filtergraph(command)
    assert "format=yuv420p" in filtergraph(command) and "setsar=1" in filtergraph(command)
    for expected in (
        "-c:v libx264", "-pix_fmt yuv420p", "-movflags +faststart", "-map 0:a:0?",
        "-c:a aac", "-maxrate 4M", "-bufsize 8M", "-map_metadata -1", "-profile:v high",
    ):  # fmt: skip
        assert expected in text


def test_preview_is_short_and_muted() -> None:
    command = video_command("ffmpeg", SOURCE, FACTS, {Role.PREVIEW: outputs()[Role.PREVIEW]})
    graph = filtergraph(command)
    assert "trim=duration=4.0" in graph and "fps=fps=24" in graph
    assert "-an" in command
    assert "0:a:0?" not in command


def test_poster_skips_the_opening_and_picks_a_representative_frame() -> None:
    command = video_command("ffmpeg", SOURCE, FACTS, {Role.POSTER: outputs()[Role.POSTER]})
    graph = filtergraph(command)
    assert "trim=start=2.000" in graph and "thumbnail=n=50" in graph
    assert command[command.index("-frames:v") + 1] == "1"


def test_contact_sheet_layout_and_timestamps() -> None:
    recipe = SheetRecipe(frames=12, columns=4)
    command = video_command("ffmpeg", SOURCE, FACTS, {Role.SHEET: (recipe, Path("/s.jpg"))})
    graph = filtergraph(command)
    assert "fps=fps=12/10.000000" in graph
    assert "tile=4x3" in graph and "drawtext" in graph and "pts" in graph
    assert output_size(Role.SHEET, recipe, FACTS) == (4 * 320 + 5 * 4, 3 * 180 + 4 * 4)
    plain = video_command(
        "ffmpeg", SOURCE, FACTS, {Role.SHEET: (recipe, Path("/s.jpg"))}, timestamps=False
    )
    assert "drawtext" not in filtergraph(plain)


def test_short_clips_use_every_frame() -> None:
    single = replace(FACTS, frames=1, duration=0.04)
    recipe = SheetRecipe(frames=12, columns=4)
    command = video_command("ffmpeg", SOURCE, single, {Role.SHEET: (recipe, Path("/s.jpg"))})
    assert "tile=1x1" in filtergraph(command) and "fps=" not in filtergraph(command)
    poster = video_command("ffmpeg", SOURCE, single, {Role.POSTER: outputs()[Role.POSTER]})
    assert "thumbnail" not in filtergraph(poster) and "trim" not in filtergraph(poster)


def test_hdr_is_tone_mapped_with_zscale() -> None:
    hdr = replace(
        FACTS, pix_fmt="yuv420p10le", color_primaries="bt2020", color_transfer="smpte2084",
        color_matrix="bt2020nc",
    )  # fmt: skip
    graph = filtergraph(video_command("ffmpeg", SOURCE, hdr, outputs(hdr)))
    assert "tin=smpte2084" in graph and "pin=2020" in graph and "min=2020_ncl" in graph
    assert "tonemap=desat=0:tonemap=hable" in graph
    assert "zscale=m=709:r=tv:t=709" in graph
    assert graph.index("tonemap") < graph.index("format=yuv420p")


def test_rgb_input_gets_a_bt709_matrix() -> None:
    rgb = replace(FACTS, pix_fmt="gbrp", color_matrix="gbr")
    assert "out_color_matrix=bt709" in filtergraph(
        video_command("ffmpeg", SOURCE, rgb, outputs(rgb))
    )
    assert "out_color_matrix" not in filtergraph(video_command("ffmpeg", SOURCE, FACTS, outputs()))


def test_image_command_is_upright_webp_without_metadata() -> None:
    facts = MediaFacts(kind="image", width=4000, height=3000, codec="mjpeg", frames=1)
    recipe = ImageRecipe(max_width=1600)
    command = image_command("ffmpeg", Path("/p/photo.jpg"), facts, recipe, Path("/c/out.webp"))
    text = " ".join(command)
    assert "scale=flags=lanczos:h=1200:w=1600" in text
    assert "-c:v libwebp" in text and "-map_metadata -1" in text and "-f webp" in text
    assert command[-1] == "/c/out.webp"


def test_recipes_follow_settings_and_keys_change_only_with_them() -> None:
    base = recipes_for(MediaSettings(), "video")
    assert set(base) == {Role.VIDEO, Role.POSTER, Role.PREVIEW, Role.SHEET}
    assert set(recipes_for(MediaSettings(), "image")) == {Role.IMAGE}
    changed = recipes_for(MediaSettings(sheet_frames=9), "video")
    assert recipe_key(changed[Role.SHEET]) != recipe_key(base[Role.SHEET])
    for role in (Role.VIDEO, Role.POSTER, Role.PREVIEW):
        assert file_name(role, changed[role]) == file_name(role, base[role])
    assert recipe_key(VideoRecipe(1280, 720, 23, "medium", "4M", "128k")) == recipe_key(
        VideoRecipe(1280, 720, 23, "medium", "4M", "128k")
    )
    assert file_name(Role.POSTER, PosterRecipe(1280, 720)).endswith(".jpg")
    assert file_name(Role.PREVIEW, PreviewRecipe(4.0, 240)).endswith(".mp4")


def test_nothing_to_make_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="nothing to make"):
        video_command("ffmpeg", SOURCE, FACTS, {})


def test_stills_are_the_posters_frame_split_again_in_the_same_command() -> None:
    settings = MediaSettings()
    recipes = recipes_for(settings, "video")
    stills = still_recipes(settings, FACTS, recipes)
    assert [s.width for s in stills] == [320, 640, 1280]  # the poster is 1280 wide
    paths = [(still, Path(f"/cache/.tmp-still-{still.width}")) for still in stills]
    command = video_command("ffmpeg", SOURCE, FACTS, outputs(), stills=paths)
    graph = filtergraph(command)
    assert command.count("-i") == 1
    assert graph.count("thumbnail") == 1 and "split=4" in graph  # poster + 3 stills
    assert "scale=flags=lanczos:h=180:w=320" in graph and "scale=flags=lanczos:h=360:w=640" in graph
    assert command.count("libwebp") == 3
    for _, path in paths:
        assert str(path) in command
    assert file_name(Role.STILL, stills[0]).startswith("still-320-")
    with pytest.raises(ValueError):
        video_command("ffmpeg", SOURCE, FACTS, {Role.VIDEO: outputs()[Role.VIDEO]}, stills=paths)


def test_stills_are_never_wider_than_their_picture() -> None:
    settings = MediaSettings()
    portrait = replace(FACTS, width=1080, height=1920)
    recipes = recipes_for(settings, "video")
    assert [s.width for s in still_recipes(settings, portrait, recipes)] == [320, 404]
    small = replace(FACTS, width=160, height=120)
    assert [s.width for s in still_recipes(settings, small, recipes)] == [160]
    photo = MediaFacts(kind="image", width=4000, height=3000, codec="mjpeg", frames=1)
    images = recipes_for(settings, "image")
    # The 1600 px web image is the widest candidate; the stills are narrower.
    assert [s.width for s in still_recipes(settings, photo, images)] == [320, 640, 1280]
    assert still_size(StillRecipe(320), (1600, 1200)) == (320, 240)


def test_image_stills_come_from_one_decode() -> None:
    facts = MediaFacts(kind="image", width=4000, height=3000, codec="mjpeg", frames=1)
    stills = [(StillRecipe(320), Path("/c/s320.webp")), (StillRecipe(640), Path("/c/s640.webp"))]
    command = image_command(
        "ffmpeg", Path("/p/photo.jpg"), facts, ImageRecipe(max_width=1600), Path("/c/o.webp"),
        stills=stills,
    )  # fmt: skip
    assert command.count("-i") == 1 and "split=3" in filtergraph(command)
    only = image_command("ffmpeg", Path("/p/photo.jpg"), facts, None, None, stills=stills)
    assert "split=2" in filtergraph(only) and "/c/o.webp" not in only
