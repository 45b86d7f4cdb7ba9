"""The comparison viewer in Chromium: one transport moves every clip, frame-accurately.

Everything is read back from the page: each video's `currentTime`, `playbackRate` and `paused`,
frames presented (`requestVideoFrameCallback`), what lies under a point of the A/B wipe, and the
bytes the page transferred before play. Screenshots at desktop and phone widths, light and dark,
go to the git-ignored `artifacts/` folder for a person to look at.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser_fixtures import (
    REPOSITORY,
    ServedSite,
    Watched,
    copy_example,
    serve_folder,
    watched_page,
)
from tests.checker_fixtures import run_axe, serious

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

COMPARISON = "compare/storm-lighthouse/"
ENTRY = "trials/lighthouse-kling/"
PHONE = {"width": 390, "height": 844}
ARTIFACTS = REPOSITORY / "artifacts"
FRAME_24 = 1 / 24
"""One frame at 24 fps (42 ms): the bound on the spread of two clips of 24 fps."""
BYTES_BEFORE_PLAY = 1_000_000

VIDEOS = "[...document.querySelectorAll('.theater--full .theater-grid video')]"
STATE = f"""() => {VIDEOS}.map(v => ({{
    t: v.currentTime, rate: v.playbackRate, paused: v.paused, muted: v.muted,
    duration: v.duration, fps: Number(v.dataset.fps), ready: v.readyState}}))"""
# Samples, on `count` frames the longest clip presents, the spread of the times of every clip
# that has not yet reached its end (a shorter clip holds its last frame, on purpose).
SPREAD = f"""async (count) => {{
    const videos = {VIDEOS};
    const lead = videos.reduce((a, b) => (b.duration > a.duration ? b : a));
    const out = [];
    for (let i = 0; i < count; i++) {{
        // A lead that ended presents no frame: stop sampling rather than wait for ever.
        const shown = await Promise.race([
            new Promise(resolve => lead.requestVideoFrameCallback(() => resolve(true))),
            new Promise(resolve => setTimeout(() => resolve(false), 2000))]);
        if (!shown) break;
        const now = lead.currentTime;
        const running = videos.filter(v => v.duration - 0.5 / Number(v.dataset.fps) > now + 0.1);
        const times = running.map(v => v.currentTime);
        const slowest = Math.min(...running.map(v => Number(v.dataset.fps)));
        out.push({{spread: Math.max(...times) - Math.min(...times), running: running.length,
                   frame: 1 / slowest,
                   paused: running.filter(v => v.paused).length, t: now}});
    }}
    return out;
}}"""
# The media time of the next frame a clip presents; null (a failed test, not a hung one) when
# none comes within five seconds.
ARM_PRESENTED = """(index) => {
    const v = [...document.querySelectorAll('.theater--full .theater-grid video')][index];
    let last = null;
    let quiet;
    window.__presented = new Promise(resolve => {
        const settled = () => resolve(last !== null ? last : v.seeking ? null : v.currentTime);
        const frame = (now, meta) => {
            last = meta.mediaTime;
            clearTimeout(quiet);
            quiet = setTimeout(settled, 400);
            v.requestVideoFrameCallback(frame);
        };
        v.requestVideoFrameCallback(frame);
        quiet = setTimeout(settled, 5000);
    });
}"""
"""Watch the frames clip `index` presents from now on; `window.__presented` gives the last
one once none has come for 0.4 s. Armed before the action, so a frame presented quickly is
not missed (a callback asked for after it would wait for a frame that never comes)."""


def _presented_after(page: Page, action: Callable[[], object], index: int = 0) -> float:
    page.evaluate(ARM_PRESENTED, index)
    action()
    presented: float = page.evaluate("() => window.__presented")
    return presented


def _open(watched: Watched, site: ServedSite, path: str = COMPARISON) -> Page:
    watched.page.goto(site.url(path), wait_until="networkidle")
    return watched.page


def _state(page: Page) -> list[dict[str, Any]]:
    state: list[dict[str, Any]] = page.evaluate(STATE)
    return state


def _wait_playing(page: Page, beyond: float) -> None:
    page.wait_for_function(
        f"() => {VIDEOS}.every(v => !v.paused && v.currentTime > {beyond}"
        " || v.currentTime >= v.duration - 0.5 / Number(v.dataset.fps) - 0.01)",
        timeout=40_000,
    )


def _spread(page: Page, frames: int = 24) -> list[dict[str, float]]:
    samples: list[dict[str, float]] = page.evaluate(SPREAD, frames)
    assert len(samples) >= frames // 2, "the longest clip stopped presenting frames"
    return samples


PAUSED_TOLERANCE = 0.001
"""Paused clips are set to one time; the media clock may round it by microseconds."""

STARVED_SHARE = 0.1
"""Share of samples that may pass one frame (never two) when the CPU starves the browser."""


def _drifted(samples: list[dict[str, float]]) -> list[str]:
    """Drift beyond the bound of issue 8: one frame of the slowest clip still running.

    A sample over two frames always counts. Samples between one and two frames count only
    when more than a tenth of them are there: on a starved CPU the browser presents a frame
    late now and then, and the correction pulls it back on the next one (BENCHMARKS.md has
    the measured spreads).
    """
    over = [
        f"{s['spread'] * 1000:.1f} ms > {s['frame'] * 1000:.1f} ms at {s['t']:.3f} s"
        for s in samples
        if s["spread"] > s["frame"]
    ]
    far = [
        f"{s['spread'] * 1000:.1f} ms > 2 × {s['frame'] * 1000:.1f} ms at {s['t']:.3f} s"
        for s in samples
        if s["spread"] > 2 * s["frame"]
    ]
    if far or len(over) > STARVED_SHARE * max(1, len(samples)):
        return far + over
    return []


def _settle(page: Page) -> None:
    """Give the drift correction half a second of playing (it acts on every frame)."""
    page.wait_for_timeout(600)


def _button(page: Page, selector: str) -> Any:
    return page.locator(f".theater--full {selector}")


def _paused_spread(page: Page) -> float:
    """The spread of times while paused, each clip counted at its own end when shorter."""
    state = _state(page)
    t = max(s["t"] for s in state)
    times = [s["t"] for s in state if s["duration"] - 0.5 / s["fps"] > t + 1e-3]
    return max(times) - min(times) if times else 0.0


# ---------------------------------------------------------------- layout


def test_every_attempt_is_a_tile_of_the_same_size_in_four_columns_on_a_desktop(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        boxes = page.locator(".theater--full .theater-frame").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().toJSON())"
        )
        captions = page.locator(".theater--full .theater-caption").all_inner_texts()
        kinds = page.locator(".theater--full .theater-tile").evaluate_all(
            "els => els.map(e => e.dataset.kind)"
        )
        fit = page.locator(".theater--full video").evaluate_all(
            "els => els.map(e => getComputedStyle(e).objectFit)"
        )
        article = page.locator("article").bounding_box()
        hidden_nav = page.locator(".md-sidebar--primary").is_hidden()

    assert len(boxes) == 12
    assert len({(round(b["width"]), round(b["height"])) for b in boxes}) == 1
    assert len({round(b["x"]) for b in boxes}) == 4  # four columns
    assert abs(boxes[0]["width"] / boxes[0]["height"] - 16 / 9) < 0.02
    assert set(fit) == {"contain"}  # letterboxed, never cropped
    assert kinds.count("clip") == 8 and kinds.count("empty") == 4
    assert article is not None and article["width"] > 1100  # the page's whole width
    assert hidden_nav
    empty = [c for c, k in zip(captions, kinds, strict=True) if k == "empty"]
    assert any("대기 중" in c and "약속의 288×" in c for c in empty), empty
    assert any("실패" in c for c in empty) and any("유료 전용" in c for c in empty)
    assert any("대기자 명단" in c for c in empty)
    assert all(re.search(r"\d", c) for c in captions[:8])  # every delivered tile tells the wait


@pytest.mark.parametrize(("width", "columns"), [(390, 1), (768, 2), (1000, 3)])
def test_columns_follow_the_width(
    example_ko: ServedSite, chromium: Browser, width: int, columns: int
) -> None:
    with watched_page(chromium, width=width, height=900) as watched:
        page = _open(watched, example_ko)
        xs = page.locator(".theater--full .theater-frame").evaluate_all(
            "els => els.map(e => Math.round(e.getBoundingClientRect().x))"
        )
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    assert len(set(xs)) == columns
    assert overflow <= 0


# ---------------------------------------------------------------- one transport


def test_nothing_plays_or_sounds_before_the_reader_asks(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        state = _state(page)
        preload = page.locator(".theater--full video").evaluate_all(
            "els => els.map(e => e.getAttribute('preload'))"
        )
        controls = page.locator(".theater--full video[controls]").count()
        media = [r for r in watched.requests if re.search(r"/video-[0-9a-f]+\.mp4", r)]

    assert len(state) == 8
    assert all(s["paused"] and s["muted"] and s["t"] == 0 for s in state)
    assert set(preload) == {"none"}
    assert controls == 0  # the script replaced each player's own controls
    assert media == []


def test_play_pause_moves_every_clip_and_keeps_them_within_a_frame(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        play = _button(page, "[data-theater-play]")
        play.click()
        _wait_playing(page, 0.8)
        pressed = play.get_attribute("aria-pressed")
        label = play.inner_text()
        playing = _state(page)
        _settle(page)
        spread = _spread(page)
        # Past the GIF's 2 s, it holds its last frame while the others play on.
        page.wait_for_function(f"() => {VIDEOS}.some(v => v.currentTime > 2.6)", timeout=20_000)
        held = _state(page)
        play.click()
        paused = _state(page)
        after = (play.get_attribute("aria-pressed"), play.inner_text())

    assert pressed == "true" and "일시 정지" in label
    assert all(not s["paused"] for s in playing)
    assert all(abs(s["rate"] - 1) <= 0.5 for s in playing)
    assert _drifted(spread) == []
    # A sample may fall in a hold (every clip paused while one loads), never on a clip
    # left behind: either all running clips play or none does.
    assert all(s["paused"] in (0, s["running"]) and s["running"] >= 6 for s in spread), spread
    gif = next(s for s in held if s["fps"] == 10)
    assert gif["paused"] and gif["t"] >= gif["duration"] - 0.1
    assert all(s["paused"] for s in paused)
    assert _paused_spread_of(paused) < PAUSED_TOLERANCE
    assert after == ("false", "▶ 모두 재생")


def _paused_spread_of(state: list[dict[str, Any]]) -> float:
    t = max(s["t"] for s in state)
    times = [s["t"] for s in state if s["duration"] - 0.5 / s["fps"] > t + 1e-3]
    return max(times) - min(times) if times else 0.0


def test_seek_speed_and_restart_move_every_clip_and_stay_within_a_frame(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        _button(page, "[data-theater-play]").click()
        _wait_playing(page, 0.3)
        before = max(s["t"] for s in _state(page))
        page.keyboard.press("ArrowRight")  # focus is on the play button
        sought = _state(page)
        _settle(page)
        after_seek = _spread(page)

        _button(page, '[data-theater-rate="0.5"]').click()
        rates = _state(page)
        _settle(page)
        after_speed = _spread(page)
        settled_rates = _state(page)
        pressed = _button(page, "[data-theater-rate]").evaluate_all(
            "els => els.map(e => e.getAttribute('aria-pressed'))"
        )

        _button(page, "[data-theater-restart]").click()
        restarted = _state(page)

    lead = max(sought, key=lambda s: s["duration"])
    assert lead["t"] >= before + 0.9
    assert _drifted(after_seek) == []
    assert all(abs(s["rate"] - 0.5) <= 0.15 for s in rates if not s["paused"])
    assert _drifted(after_speed) == []
    running = [s for s in settled_rates if not s["paused"]]
    assert running and all(abs(s["rate"] - 0.5) <= 0.15 for s in running)
    assert pressed == ["false", "true", "false"]
    assert all(s["t"] < 0.3 for s in restarted)


def test_frame_step_moves_exactly_one_frame_of_every_clip(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        forward = _button(page, '[data-theater-step="1"]')
        # The first step, before play, loads the clips and shows frame 1.
        first = _presented_after(page, forward.click)
        second = _presented_after(page, forward.click)
        third = _presented_after(page, lambda: page.keyboard.press("."))
        back = _presented_after(page, lambda: page.keyboard.press(","))
        state = _state(page)

    fps = state[0]["fps"]
    assert fps == 24
    assert round(first * fps) == 1
    assert round(second * fps) == 2 and round(third * fps) == 3 and round(back * fps) == 2
    assert all(s["paused"] for s in state)
    # Every clip sits on the same time (or holds its own last frame when shorter).
    assert all(
        abs(s["t"] - min(state[0]["t"], s["duration"] - 0.5 / s["fps"])) < 1e-3 for s in state
    ), state


def test_drift_stays_within_a_frame_after_a_frame_step_and_play(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        _button(page, '[data-theater-step="1"]').click()
        page.wait_for_function(f"() => {VIDEOS}.every(v => v.readyState >= 2)", timeout=30_000)
        stepped = _paused_spread(page)
        _button(page, "[data-theater-play]").click()
        _wait_playing(page, 0.4)
        _settle(page)
        spread = _spread(page)
    assert stepped < PAUSED_TOLERANCE
    assert _drifted(spread) == []


def test_loop_starts_again_from_the_beginning(example_ko: ServedSite, chromium: Browser) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        loop = _button(page, "[data-theater-loop]")
        loop.click()
        _button(page, "[data-theater-play]").click()
        page.keyboard.press("ArrowRight")
        for _ in range(6):
            page.keyboard.press("ArrowRight")
        page.wait_for_function(
            f"() => {{ const v = {VIDEOS}; const lead = v.reduce((a, b) => "
            "b.duration > a.duration ? b : a); return !lead.paused && lead.currentTime < 0.5; }",
            timeout=20_000,
        )
        pressed = loop.get_attribute("aria-pressed")
    assert pressed == "true"


def test_only_the_chosen_clip_is_heard(example_ko: ServedSite, chromium: Browser) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        sound = _button(page, "[data-theater-sound]")
        count = sound.count()
        sound.nth(0).click()
        first = [s["muted"] for s in _state(page)]
        sound.nth(1).click()
        second = [s["muted"] for s in _state(page)]
        pressed = sound.evaluate_all("els => els.map(e => e.getAttribute('aria-pressed'))")
        sound.nth(1).click()
        none = [s["muted"] for s in _state(page)]

    assert count == 2  # Sora and Veo came with sound
    assert first.count(False) == 1 and second.count(False) == 1
    assert first.index(False) != second.index(False)
    assert pressed == ["false", "true"]
    assert all(none)


def test_a_tile_opens_large_while_the_others_keep_playing(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        _button(page, "[data-theater-play]").click()
        _wait_playing(page, 0.2)
        enlarge = _button(page, "[data-theater-enlarge]").nth(2)
        enlarge.click()
        grid = page.locator(".theater--full .theater-grid").bounding_box()
        large = page.locator(".theater--full .theater-tile.is-large").bounding_box()
        page.wait_for_timeout(300)
        state = _state(page)
        page.keyboard.press("Escape")
        closed = page.locator(".theater--full .theater-tile.is-large").count()

    assert grid is not None and large is not None
    assert abs(large["width"] - grid["width"]) < 1
    assert large["y"] <= grid["y"] + 1  # first in the grid
    assert all(not s["paused"] for s in state if s["t"] < s["duration"] - 0.2)
    assert closed == 0


def test_the_wipe_shows_two_clips_on_one_frame(example_ko: ServedSite, chromium: Browser) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        _button(page, "[data-theater-wipe-toggle]").click()
        page.locator("[data-theater-wipe-b]").select_option(index=2)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.theater-wipe-video')]"
            ".every(v => v.readyState >= 2)",
            timeout=30_000,
        )
        divider = page.locator("[data-theater-divider]")
        divider.focus()
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowLeft")
        value = divider.get_attribute("aria-valuenow")
        stage = page.locator("[data-theater-wipe-stage]").bounding_box()
        assert stage is not None
        hits = page.evaluate(
            """([x1, x2, y]) => [x1, x2].map(x => document.elementFromPoint(x, y))
                .map(e => e && e.className)""",
            [
                stage["x"] + stage["width"] * 0.1,
                stage["x"] + stage["width"] * 0.9,
                stage["y"] + stage["height"] * 0.5,
            ],
        )
        sources = page.locator(".theater-wipe-video").evaluate_all(
            "els => els.map(e => e.currentSrc)"
        )
        page.mouse.click(stage["x"] + stage["width"] * 0.75, stage["y"] + stage["height"] / 2)
        dragged = divider.get_attribute("aria-valuenow")
        _button(page, "[data-theater-play]").click()
        page.wait_for_function(
            "() => [...document.querySelectorAll('.theater-wipe-video')]"
            ".every(v => !v.paused && v.currentTime > 0.5)",
            timeout=30_000,
        )
        times = page.locator(".theater-wipe-video").evaluate_all(
            "els => els.map(e => e.currentTime)"
        )
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("[data-theater-wipe]").screenshot(path=str(ARTIFACTS / "theater-wipe.png"))

    assert value == "40"
    assert "theater-wipe-a" in hits[0] and "theater-wipe-b" in hits[1]
    assert len(set(sources)) == 2
    assert dragged == "75"
    assert abs(times[0] - times[1]) <= FRAME_24


# ---------------------------------------------------------------- keyboard, names, checkers


def test_keyboard_alone_operates_the_viewer_with_a_visible_focus_ring(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.matches('[data-theater-play]')"):
                break
        ring = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
        )
        page.keyboard.press("Space")
        _wait_playing(page, 0.2)
        playing = [s["paused"] for s in _state(page)]
        page.keyboard.press(".")  # a frame step pauses
        paused = [s["paused"] for s in _state(page)]
        t0 = _state(page)[0]["t"]
        page.keyboard.press("ArrowRight")
        t1 = _state(page)[0]["t"]
        page.keyboard.press("Tab")  # restart
        page.keyboard.press("Tab")  # back
        page.keyboard.press("Tab")  # forward
        page.keyboard.press("Tab")  # scrubber
        on_scrubber = page.evaluate("() => document.activeElement.matches('[data-theater-scrub]')")
        page.keyboard.press("ArrowLeft")
        t2 = _state(page)[0]["t"]
        for _ in range(2):
            page.keyboard.press("Tab")  # 1×, 0.5×
        page.keyboard.press("Enter")
        rate = _state(page)[0]["rate"]
        for _ in range(3):
            page.keyboard.press("Tab")  # 0.25×, loop, wipe
        page.keyboard.press("Enter")
        wipe_open = page.locator("[data-theater-wipe]").is_visible()
        for _ in range(3):
            page.keyboard.press("Tab")  # select A, select B, divider
        page.keyboard.press("ArrowRight")
        divider = page.locator("[data-theater-divider]").get_attribute("aria-valuenow")

    assert ring[0] == "solid" and ring[1] != "0px" and ring[2] != "none"
    assert not any(playing)
    assert all(paused)
    assert t1 == pytest.approx(t0 + 1, abs=0.01)
    assert on_scrubber and t2 == pytest.approx(t1 - 1, abs=0.01)
    assert rate == 0.5
    assert wipe_open
    assert divider == "55"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_control_has_a_name_in_the_page_language(
    request: pytest.FixtureRequest, chromium: Browser, language: str
) -> None:
    site: ServedSite = request.getfixturevalue(f"example_{language}")
    with watched_page(chromium) as watched:
        page = _open(watched, site)
        names = page.evaluate(
            """() => [...document.querySelectorAll(
                '.theater--full :is(button, input, select, [role=slider])')]
                .map(e => e.getAttribute('aria-label') || e.labels?.[0]?.innerText
                     || e.innerText)"""
        )
    expected = {
        "ko": ["모두 재생", "처음부터", "한 프레임 뒤로", "한 프레임 앞으로", "재생 위치"],
        "en": ["Play all", "Restart", "One frame back", "One frame forward", "Position"],
    }[language]
    assert all(name and name.strip() for name in names), names
    joined = " | ".join(names)
    assert all(word in joined for word in expected), joined
    if language == "en":
        assert not re.search(r"[가-힣]", joined), joined


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE])
def test_axe_finds_nothing_serious_in_the_viewer(
    example_ko: ServedSite, chromium: Browser, viewport: dict[str, int]
) -> None:
    with watched_page(chromium, **viewport) as watched:
        page = _open(watched, example_ko)
        _button(page, "[data-theater-wipe-toggle]").click()
        _button(page, "[data-theater-enlarge]").first.click()
        found = serious(run_axe(page, context=".theater"))
    assert found == [], "\n".join(map(str, found))


def test_before_play_only_posters_load_and_the_page_stays_under_a_megabyte(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        sizes: list[int] = []
        kinds: list[str] = []

        def on_finished(request: Any) -> None:
            body = request.sizes()
            sizes.append(body["responseBodySize"] + body["responseHeadersSize"])
            kinds.append(request.resource_type)

        watched.page.on("requestfinished", on_finished)
        page = _open(watched, example_ko)
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
    assert "media" not in kinds
    assert sum(sizes) <= BYTES_BEFORE_PLAY, sum(sizes)


def test_print_shows_posters_not_players(example_ko: ServedSite, chromium: Browser) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko)
        page.emulate_media(media="print")
        shown = page.evaluate(
            """() => ({
              videos: [...document.querySelectorAll('.theater video')]
                .map(v => getComputedStyle(v).display),
              posters: [...document.querySelectorAll('.theater-poster')]
                .map(p => getComputedStyle(p).display),
              transport: getComputedStyle(document.querySelector('.theater-transport')).display,
            })"""
        )
    assert set(shown["videos"]) == {"none"}
    assert len(shown["posters"]) == 8 and "none" not in shown["posters"]
    assert shown["transport"] == "none"


# ---------------------------------------------------------------- entry page, navigation


def test_entry_page_plays_its_clip_against_the_others(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, example_ko, ENTRY)
        heading = page.locator("article h2", has_text="함께 보기").inner_text()
        small = page.locator(".theater--small")
        tiles = small.locator(".theater-tile").count()
        mark = small.locator(".theater-tile").first.inner_text()
        small.locator("[data-theater-play]").click()
        page.wait_for_function(
            "() => [...document.querySelectorAll('.theater--small video')]"
            ".every(v => !v.paused && v.currentTime > 0.3 || v.ended || v.duration < 1.5)",
            timeout=40_000,
        )
        link = page.locator("article a", has_text="비교 페이지에서 모두 보기").get_attribute("href")
    assert "다른 서비스 7곳" in heading
    assert tiles == 8
    assert "Kling" in mark and "이 체험기" in mark
    assert link is not None and "storm-lighthouse" in link


def test_the_viewer_modules_load_only_on_a_page_with_a_viewer(
    example_ko: ServedSite, chromium: Browser
) -> None:
    with watched_page(chromium) as watched:
        _open(watched, example_ko, "leaderboard/")
        elsewhere = [r for r in watched.requests if "/viewer/" in r]
        watched.requests.clear()
        _open(watched, example_ko)
        here = sorted(r.rsplit("/", 1)[1] for r in watched.requests if "/viewer/" in r)
        errors = list(watched.console_errors) + list(watched.failures)
    assert elsewhere == []
    assert "viewer.js" in here and "engine.js" in here and "wipe.js" in here, here
    assert errors == []


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The example magazine with Material's instant navigation turned on.

    Instant navigation takes over only links to pages its sitemap lists, at the address it is
    served from: without a `site_url` of that address every click is a full load.
    """
    from generator.build import build
    from generator.progress import SilentProgress

    folder = tmp_path_factory.mktemp("instant")
    root = copy_example(folder / "magazine")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  features:\n", "  features:\n    - navigation.instant\n", 1),
        encoding="utf-8",
    )
    served = folder / "served"
    served.mkdir()
    site = served / "site"
    with serve_folder(served) as base:
        url = base + "site/"
        build(root, site_dir=site, offline=True, progress=SilentProgress(), site_url=url)
        yield ServedSite(root, site, url)


def test_viewer_works_after_instant_navigation(instant_site: ServedSite, chromium: Browser) -> None:
    with watched_page(chromium) as watched:
        page = _open(watched, instant_site, "compare/")
        page.locator("article a[href*='storm-lighthouse']").first.click()
        page.wait_for_selector(".theater--full[data-theater-ready]", timeout=20_000)
        reloaded = page.evaluate("() => performance.getEntriesByType('navigation').length")
        _button(page, "[data-theater-play]").click()
        _wait_playing(page, 0.3)
        # ... and back to another page and here again: one viewer, still working.
        page.go_back()
        page.wait_for_selector("article a[href*='storm-lighthouse']")
        page.go_forward()
        page.wait_for_selector(".theater--full[data-theater-ready]", timeout=20_000)
        _button(page, "[data-theater-play]").click()
        _wait_playing(page, 0.3)
        errors = list(watched.console_errors)
    assert reloaded == 1  # one document: Material swapped the page in
    assert errors == []


# Records every listener the viewer's modules add (told apart by the script in the call
# stack) and marks each one taken off again.
LISTENER_LEDGER = """(() => {
    const added = [];
    window.__viewerListeners = added;
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const capture = (options) =>
        typeof options === "boolean" ? options : !!(options && options.capture);
    EventTarget.prototype.addEventListener = function (type, listener, options) {
        if ((new Error().stack || "").includes("/assets/magazine/viewer/")) {
            added.push({target: this, type, listener, capture: capture(options), off: false});
        }
        return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (type, listener, options) {
        for (const r of added) {
            if (r.target === this && r.type === type && r.listener === listener
                && r.capture === capture(options)) { r.off = true; }
        }
        return remove.call(this, type, listener, options);
    };
})()"""


def test_leaving_a_page_by_instant_navigation_disposes_its_viewer(
    instant_site: ServedSite, chromium: Browser
) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with watched_page(chromium) as watched:
        page = watched.page
        page.add_init_script(LISTENER_LEDGER)
        page.goto(instant_site.url("compare/"), wait_until="networkidle")
        page.evaluate("() => { window.__firstDocument = true; }")
        page.locator("article a[href*='storm-lighthouse']").first.click()
        page.wait_for_selector(".theater--full[data-theater-ready]", timeout=20_000)
        _button(page, "[data-theater-play]").click()
        _wait_playing(page, 0.3)
        _button(page, "[data-theater-wipe-toggle]").click()
        _button(page, "[data-theater-enlarge]").first.click()
        page.evaluate(
            "() => { window.__oldVideos = [...document.querySelectorAll("
            "'.theater video, .theater-wipe-video')]; }"
        )
        added = page.evaluate("() => window.__viewerListeners.length")
        page.go_back()
        page.wait_for_selector("article a[href*='storm-lighthouse']")
        # On a timeout, the assertion below names what is left.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                "() => window.__viewerListeners.every(r => r.off)", timeout=10_000, polling=100
            )
        left = page.evaluate(
            "() => window.__viewerListeners.filter(r => !r.off)"
            ".map(r => `${r.type} on ${r.target.nodeName || r.target}`)"
        )
        playing = page.evaluate("() => window.__oldVideos.filter(v => !v.paused).length")
        same = page.evaluate("() => window.__firstDocument === true")
        errors = list(watched.console_errors)
    assert same  # one document: Material swapped the pages in
    assert added > 40  # tiles, transport, speed, loop, large view, sound, wipe, keys
    assert left == []
    assert playing == 0
    assert errors == []


# ---------------------------------------------------------------- what readers see


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_for_a_person_to_look_at(
    example_ko: ServedSite, chromium: Browser, width: int, dark: bool
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    name = f"theater-{width}-{'dark' if dark else 'light'}"
    with watched_page(chromium, width=width, height=900, dark=dark) as watched:
        page = _open(watched, example_ko)
        if dark:
            page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
        page.locator(".theater--full").scroll_into_view_if_needed()
        _button(page, '[data-theater-step="1"]').click()
        page.wait_for_function(f"() => {VIDEOS}.every(v => v.readyState >= 2)", timeout=30_000)
        page.evaluate("() => window.scrollTo(0, 0)")
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        errors = list(watched.console_errors)
    assert Path(path).stat().st_size > 10_000
    assert errors == []
