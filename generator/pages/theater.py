"""The comparison viewer ("theater"): every clip of one prompt under one transport.

The markup is complete without script: each clip sits in a tile of the same shape with a lazy
poster behind a `preload="none"` video that has its own controls, and attempts with no clip say
why. `assets/viewer/` then hides those controls, shows the shared transport and keeps the
clips frame-aligned; `assets/theater.css` lays the tiles out. Each block is one line of raw HTML
so Markdown leaves it alone, made by `templates/fragments/theater.html.j2` and
`theater_tile.html.j2` from the views here, which escape every writer- or server-supplied string.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..media.renditions import ClipMedia, ClipRef, Role
from ..model import Comparison, Entry, Status
from ..rounds import comparison_rounds
from . import escape, urls
from .context import PageContext, number
from .labels import TheaterLabels, theater_labels
from .parts import entry_part
from .pictures import FULL_FEW, FULL_MANY, SMALL, picture
from .render import macros, render_template
from .stats import entry_average

SPEEDS = (1, 0.5, 0.25)
"""Playback rates the transport offers, fastest first."""
DEFAULT_FPS = 24.0
"""Frame rate for frame stepping when probing found none."""
MANY = 5
"""Clips from which the full viewer lays out three or four columns (`data-many`)."""
_SPEEDS = tuple((str(speed), f"{number(speed)}×") for speed in SPEEDS)
"""Each rate as the script reads it and as the button shows it."""


@dataclass(frozen=True)
class Frame:
    """What fills a tile's frame: a player, a still image, or why there is neither."""

    kind: str
    """`video`, `image`, or `why` (the media failed or is missing; `why` says so)."""
    src: str = ""
    """The video's or the image's address from the page."""
    mime: str = ""
    poster: str = ""
    """A video's poster address (its widest still), or empty."""
    width: int = 0
    """The poster's (video) or the image's width, 0 when unknown."""
    height: int = 0
    srcset: str = ""
    """The poster's or the image's widths (`pictures`), or empty."""
    sizes: str = ""
    """How wide the tile is laid out, for `srcset` (`pictures.FULL_MANY` ...)."""
    fps: str = ""
    duration: str = ""
    audio: bool = False
    alt: str = ""
    why: str = ""
    failure: str | None = None
    """What went wrong with the clip's media, after `why`."""


def _seconds(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _name(ctx: PageContext, entry: Entry) -> str:
    service = ctx.groups.service(entry.service).name
    return f"{service} · {entry.model}" if entry.model else service


def _video(ctx: PageContext, page: str, media: ClipMedia, sizes: str) -> Frame | None:
    video = media.get(Role.VIDEO)
    if video is None:
        return None
    facts = media.facts
    still = picture(ctx, page, media)
    return Frame(
        kind="video",
        src=ctx.urls.media(page, video),
        mime=video.mime,
        poster=still.src if still is not None else "",
        width=still.width if still is not None else 0,
        height=still.height if still is not None else 0,
        srcset=still.srcset if still is not None else "",
        sizes=sizes,
        fps=_seconds(facts.fps or DEFAULT_FPS),
        duration=_seconds(facts.duration) if facts.duration else "",
        audio=facts.has_audio,
    )


def _frame(ctx: PageContext, page: str, entry: Entry, position: int, sizes: str) -> Frame:
    """What fills a tile's frame: a player, a still image, or why there is neither."""
    L = ctx.labels
    ref = ClipRef(entry.slug, position)
    media = ctx.media.get(ref)
    if media is not None:
        player = _video(ctx, page, media, sizes)
        if player is not None:
            return player
        image = picture(ctx, page, media)
        if image is not None:
            return Frame(
                kind="image",
                src=image.src,
                width=image.width,
                height=image.height,
                srcset=image.srcset,
                sizes=sizes,
                alt=entry.clips[position].caption or entry.title,
            )
    failure = ctx.media.failures.get(ref)
    if failure is not None:
        return Frame(kind="why", why=L.media_failed, failure=str(failure))
    return Frame(kind="why", why=L.no_media)


def _tile(
    ctx: PageContext,
    page: str,
    entry: Entry,
    position: int | None,
    T: TheaterLabels,
    *,
    mark: str = "",
    round_number: int = 0,
    sizes: str = SMALL,
) -> str:
    """One tile: a clip (or, with no position, an attempt that brought none) and its caption;
    `round_number` (from 1) when the comparison has several rounds; `sizes`: how wide the
    viewer lays the tile out."""
    L = ctx.labels
    return macros("theater_tile").tile(
        L=L,
        T=T,
        frame=None if position is None else _frame(ctx, page, entry, position, sizes),
        stand_in=position is not None and entry.clips[position].stand_in,
        reason=L.never_arrived if entry.wait is not None else L.no_check,
        name=_name(ctx, entry),
        link=ctx.urls.relative(page, urls.entry_page(entry.slug)),
        service=ctx.groups.service(entry.service).name,
        model=entry.model,
        mark=mark,
        status=L.status_name(entry.status),
        status_key=entry.status.value,
        day=ctx.day_cell(entry.submitted_at),
        wait=ctx.wait_full(entry),
        score=_score(ctx, entry),
        verdict=entry.verdict or "",
        round=round_number,
    )


def _score(ctx: PageContext, entry: Entry) -> str:
    """`4.3 / 5`: the attempt's mean score, or nothing when it has no ratings."""
    average = entry_average(entry)
    if average is None:
        return ""
    scale = max((c.scale for c in ctx.magazine.criteria), default=5)
    return f"{average:.1f} / {scale}"


def _tiles(
    ctx: PageContext,
    page: str,
    entries: list[Entry],
    T: TheaterLabels,
    *,
    current: str = "",
    rounds: dict[str, int] | None = None,
    sizes: str = SMALL,
) -> list[str]:
    """Every entry's tiles; `current`'s marked as the trial of the page; with `rounds`, each
    tile says which round (by slug) it belongs to; `sizes`: how wide the tiles are laid out."""
    tiles: list[str] = []
    for entry in entries:
        mark = T.this_trial if entry.slug == current else ""
        number = rounds.get(entry.slug, 0) if rounds else 0
        tiles.extend(_entry_tiles(ctx, page, entry, mark, number, sizes))
    return tiles


@entry_part
def _entry_tiles(
    ctx: PageContext,
    page: str,
    entry: Entry,
    mark: str,
    round_number: int = 0,
    sizes: str = SMALL,
) -> tuple[str, ...]:
    T = theater_labels(ctx.labels.language)
    if entry.status is Status.DELIVERED and entry.clips:
        return tuple(
            _tile(
                ctx,
                page,
                entry,
                i,
                T,
                mark=mark if i == 0 else "",
                round_number=round_number,
                sizes=sizes,
            )
            for i in range(len(entry.clips))
        )
    return (_tile(ctx, page, entry, None, T, mark=mark, round_number=round_number, sizes=sizes),)


def _viewer(
    T: TheaterLabels,
    tiles: list[str],
    total: float,
    *,
    small: bool,
    clips: int,
    rounds: tuple[str, ...] = (),
    rounds_legend: str = "",
    all_rounds: str = "",
) -> escape.Safe:
    """The viewer: the transport when any clip can play (and the wipe on the full one); with
    `rounds` (their names), a choice of one round or all."""
    size = "small" if small else "full"
    controls = escape.Safe("")
    if clips:
        time = T.time.format(t="0.00", total=f"{total:.2f}")
        controls = macros("theater", kept=True).controls(T, size, _seconds(total), time, _SPEEDS)
    return macros("theater").viewer(
        T, size, controls, tiles, clips, rounds, rounds_legend, all_rounds, MANY
    )


def _longest(ctx: PageContext, entries: list[Entry]) -> tuple[float, int]:
    """The longest clip's length in seconds, and how many clips can play."""
    total, count = 0.0, 0
    for entry in entries:
        for position in range(len(entry.clips)):
            media = ctx.media.get(ClipRef(entry.slug, position))
            if media is not None and media.get(Role.VIDEO) is not None:
                count += 1
                total = max(total, media.facts.duration or 0.0)
    return total, count


def comparison_theater(ctx: PageContext, page: str, comparison: Comparison) -> escape.Safe:
    """The full viewer of a comparison page: every attempt as a tile, transport and A/B wipe."""
    T = theater_labels(ctx.labels.language)
    L = ctx.labels
    entries = list(comparison.entries)
    total, count = _longest(ctx, entries)
    rounds = comparison_rounds(comparison)
    # The grid's columns follow the count of clips (`data-many` in theater.html.j2).
    sizes = FULL_MANY if count >= MANY else FULL_FEW
    if len(rounds) < 2:
        tiles = _tiles(ctx, page, entries, T, sizes=sizes)
        return _viewer(T, _eager_first(tiles), total, small=False, clips=count)
    numbers = {e.slug: n for n, r in enumerate(rounds, start=1) for e in r}
    tiles = _eager_first(_tiles(ctx, page, entries, T, rounds=numbers, sizes=sizes))
    names = tuple(L.round_name.format(number=n) for n in range(1, len(rounds) + 1))
    return _viewer(
        T,
        tiles,
        total,
        small=False,
        clips=count,
        rounds=names,
        rounds_legend=L.rounds_shown,
        all_rounds=L.all_rounds,
    )


_LAZY = 'loading="lazy"'
_EAGER = 8
"""Pictures of the first two rows of a desktop grid (four to a row), all in view at once: the
largest element is any of them, and two equal posters differ by a rounding."""


def _eager_first(tiles: list[str]) -> list[str]:
    """`tiles` with the pictures of the first rows loaded at once, the very first one first: they
    are the page's largest elements, and a lazy picture waits for layout before it is even
    asked for (a later LCP)."""
    out: list[str] = []
    eager = 0
    for tile in tiles:
        if eager < _EAGER and _LAZY in tile:
            wanted = 'fetchpriority="high" decoding="async"' if eager == 0 else 'decoding="async"'
            # Markup made by the tile's template: the change keeps it markup.
            tile = escape.Safe(tile.replace(_LAZY + ' decoding="async"', wanted, 1))
            eager += 1
        out.append(tile)
    return out


def theater_html(ctx: PageContext, page: str, entry: Entry) -> escape.Safe | None:
    """The small viewer on an entry page that belongs to a comparison, as Markdown.

    It plays this trial's clips with every other delivered clip of the same prompt, under a
    heading that says how many other services it is set against, and links to the full
    comparison. None when the entry is in no comparison or no other attempt brought a clip.
    """
    comparison = ctx.groups.comparison_of(entry)
    if comparison is None:
        return None
    T = theater_labels(ctx.labels.language)
    delivered = [e for e in comparison.entries if e.status is Status.DELIVERED and e.clips]
    others = [e for e in delivered if e.slug != entry.slug]
    if not others:
        return None
    shown = sorted(delivered, key=lambda e: e.slug != entry.slug)  # this trial first
    total, count = _longest(ctx, shown)
    services = {e.service for e in others if e.service != entry.service}
    tiles = _tiles(ctx, page, shown, T, current=entry.slug)
    return escape.Safe(
        render_template(
            "entry_theater",
            T=T,
            heading=T.against.format(count=len(services)),
            viewer=_viewer(T, tiles, total, small=True, clips=count),
            link=escape.Safe(urls.markdown_link(page, urls.comparison_page(comparison.slug))),
        )
    )
