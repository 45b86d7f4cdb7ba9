"""The comparison viewer ("theater"): every clip of one prompt under one transport.

The markup is complete without script: each clip sits in a tile of the same shape with a lazy
poster behind a `preload="none"` video that has its own controls, and attempts with no clip say
why. `assets/viewer/` then hides those controls, shows the shared transport and keeps the
clips frame-aligned; `assets/theater.css` lays the tiles out. Each block is one line of raw HTML
so Markdown leaves it alone; every writer- or server-supplied string goes through `escape`.
"""

from __future__ import annotations

from ..media.renditions import ClipMedia, ClipRef, Role
from ..model import Comparison, Entry, Status
from . import escape, urls
from .context import PageContext, number
from .labels import TheaterLabels, theater_labels
from .parts import entry_part

SPEEDS = (1, 0.5, 0.25)
"""Playback rates the transport offers, fastest first."""
DEFAULT_FPS = 24.0
"""Frame rate for frame stepping when probing found none."""
_ICONS = {
    "restart": "M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z",
    "back": "M15 5 6 12l9 7zM17 5h2v14h-2z",
    "forward": "M5 5h2v14H5zM9 5v14l9-7z",
}
"""Drawn icons (SVG paths on a 24-unit square): fonts often lack the media symbols."""


def _icon(name: str) -> str:
    return (
        '<svg class="theater-svg" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" '
        f'focusable="false"><path fill="currentColor" d="{_ICONS[name]}"/></svg>'
    )


def _seconds(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _name(ctx: PageContext, entry: Entry) -> str:
    service = ctx.groups.service(entry.service).name
    return f"{service} · {entry.model}" if entry.model else service


def _caption(ctx: PageContext, page: str, entry: Entry, *, mark: str = "") -> str:
    """Service and model (a link to the entry), status and the wait against the promise."""
    L = ctx.labels
    link = escape.attribute(ctx.urls.relative(page, urls.entry_page(entry.slug)))
    service = escape.text(ctx.groups.service(entry.service).name)
    model = f" {escape.text(entry.model)}" if entry.model else ""
    status = escape.text(L.status_name(entry.status))
    extra = f' <span class="theater-mark">{escape.text(mark)}</span>' if mark else ""
    return (
        f'<figcaption class="theater-caption"><a href="{link}"><strong>{service}</strong>'
        f"{model}</a>{extra}"
        f'<span class="theater-facts"><span class="theater-status" '
        f'data-status="{escape.attribute(entry.status.value)}">{status}</span>'
        # One service may appear more than once (pending in January, delivered in April):
        # the submission day tells the attempts apart.
        f" · {ctx.day_cell(entry.submitted_at)} · {escape.text(ctx.wait_full(entry))}</span>"
        "</figcaption>"
    )


def _video(ctx: PageContext, page: str, entry: Entry, media: ClipMedia) -> str | None:
    video = media.get(Role.VIDEO)
    if video is None:
        return None
    facts = media.facts
    poster = media.get(Role.POSTER)
    name = escape.text(_name(ctx, entry))
    fps = facts.fps or DEFAULT_FPS
    attributes = [
        'class="theater-video"',
        "controls",
        'preload="none"',
        "playsinline",
        "muted",
        f'data-fps="{escape.attribute(_seconds(fps))}"',
        f'data-name="{name}"',
        f'aria-label="{name}"',
    ]
    if facts.duration:
        attributes.append(f'data-duration="{escape.attribute(_seconds(facts.duration))}"')
    if facts.has_audio:
        attributes.append('data-audio=""')
    if poster is not None:
        # Kept for the wipe, which builds its own players; the tile shows the lazy image.
        attributes.append(f'data-poster="{escape.attribute(ctx.urls.media(page, poster))}"')
    parts = []
    if poster is not None:
        size = f' width="{poster.width}" height="{poster.height}"' if poster.width else ""
        parts.append(
            f'<img class="theater-poster" src="{escape.attribute(ctx.urls.media(page, poster))}"'
            f' alt="" loading="lazy" decoding="async"{size}>'
        )
    parts.append(
        f"<video {' '.join(attributes)}>"
        f'<source src="{escape.attribute(ctx.urls.media(page, video))}" '
        f'type="{escape.attribute(video.mime)}"></video>'
    )
    return "".join(parts)


def _frame(ctx: PageContext, page: str, entry: Entry, position: int, T: TheaterLabels) -> str:
    """What fills a tile's frame: a player, a still image, or why there is neither."""
    L = ctx.labels
    ref = ClipRef(entry.slug, position)
    media = ctx.media.get(ref)
    if media is not None:
        player = _video(ctx, page, entry, media)
        if player is not None:
            return player
        image = media.get(Role.IMAGE) or media.get(Role.POSTER)
        if image is not None:
            alt = entry.clips[position].caption or entry.title
            size = f' width="{image.width}" height="{image.height}"' if image.width else ""
            return (
                f'<img class="theater-still" src="{escape.attribute(ctx.urls.media(page, image))}"'
                f' alt="{escape.text(alt)}" loading="lazy" decoding="async"{size}>'
                f'<p class="theater-note">{escape.text(T.still)}</p>'
            )
    failure = ctx.media.failures.get(ref)
    if failure is not None:
        return f'<p class="theater-why">{escape.text(L.media_failed)}: {escape.text(failure)}</p>'
    return f'<p class="theater-why">{escape.text(L.no_media)}</p>'


def _tools(ctx: PageContext, entry: Entry, media: ClipMedia | None, T: TheaterLabels) -> str:
    """The tile's own buttons: large view, and sound for a clip that has any."""
    if media is None or media.get(Role.VIDEO) is None:
        return ""
    name = _name(ctx, entry)
    buttons = [
        f'<button type="button" class="theater-tool" data-theater-enlarge aria-pressed="false" '
        f'aria-label="{escape.text(T.enlarge.format(name=name))}">'
        '<span aria-hidden="true">⤢</span></button>'
    ]
    if media.facts.has_audio:
        buttons.append(
            f'<button type="button" class="theater-tool" data-theater-sound '
            f'aria-pressed="false" aria-label="{escape.text(T.sound.format(name=name))}">'
            '<span aria-hidden="true">♪</span></button>'
        )
    else:
        buttons.append(f'<span class="theater-silent">{escape.text(T.silent)}</span>')
    return f'<div class="theater-tools" hidden>{"".join(buttons)}</div>'


def _tile(
    ctx: PageContext,
    page: str,
    entry: Entry,
    position: int | None,
    T: TheaterLabels,
    *,
    mark: str = "",
) -> str:
    """One tile: a clip (or, with no position, an attempt that brought none) and its caption."""
    L = ctx.labels
    stand_in = ""
    if position is None:
        # The caption says how long; the frame says at a glance that nothing came, and why.
        reason = L.never_arrived if entry.wait is not None else L.no_check
        frame = (
            f'<p class="theater-why"><strong>{escape.text(L.status_name(entry.status))}</strong>'
            f"<br>{escape.text(reason)}</p>"
        )
        tools = ""
        kind = "empty"
    else:
        clip = entry.clips[position]
        if clip.stand_in:
            stand_in = f'<p class="theater-stand-in">{escape.text(L.stand_in)}</p>'
        frame = _frame(ctx, page, entry, position, T)
        media = ctx.media.get(ClipRef(entry.slug, position))
        tools = _tools(ctx, entry, media, T)
        kind = "clip" if "<video" in frame else "still"
    caption = _caption(ctx, page, entry, mark=mark)
    return (
        f'<figure class="theater-tile" data-kind="{kind}">'
        f'<div class="theater-frame">{frame}{stand_in}</div>{tools}{caption}</figure>'
    )


def _tiles(
    ctx: PageContext, page: str, entries: list[Entry], T: TheaterLabels, *, current: str = ""
) -> list[str]:
    """Every entry's tiles; `current`'s marked as the trial of the page."""
    tiles: list[str] = []
    for entry in entries:
        tiles.extend(_entry_tiles(ctx, page, entry, T.this_trial if entry.slug == current else ""))
    return tiles


@entry_part
def _entry_tiles(ctx: PageContext, page: str, entry: Entry, mark: str) -> tuple[str, ...]:
    T = theater_labels(ctx.labels.language)
    if entry.status is Status.DELIVERED and entry.clips:
        return tuple(
            _tile(ctx, page, entry, i, T, mark=mark if i == 0 else "")
            for i in range(len(entry.clips))
        )
    return (_tile(ctx, page, entry, None, T, mark=mark),)


def _transport(T: TheaterLabels, total: float, *, small: bool) -> str:
    def button(attribute: str, label: str, icon: str) -> str:
        return (
            f'<button type="button" class="theater-button" {attribute} '
            f'aria-label="{escape.text(label)}" title="{escape.text(label)}">'
            f"{_icon(icon)}</button>"
        )

    time = T.time.format(t="0.00", total=f"{total:.2f}")
    parts = [
        '<div class="theater-transport" role="group" '
        f'aria-label="{escape.text(T.transport)}" hidden>',
        '<button type="button" class="theater-button theater-play" data-theater-play '
        f'aria-pressed="false"><span aria-hidden="true" class="theater-icon">▶</span> '
        f'<span class="theater-play-label">{escape.text(T.play)}</span></button>',
        button("data-theater-restart", T.restart, "restart"),
        button('data-theater-step="-1"', T.frame_back, "back"),
        button('data-theater-step="1"', T.frame_forward, "forward"),
        f'<input type="range" class="theater-scrub" data-theater-scrub min="0" '
        f'max="{_seconds(total)}" step="any" value="0" '
        f'aria-label="{escape.text(T.position)}" aria-valuetext="{escape.text(time)}">',
        f'<output class="theater-time" data-theater-time>{escape.text(time)}</output>',
        f'<span class="theater-speeds" role="group" aria-label="{escape.text(T.speed)}">',
    ]
    for speed in SPEEDS:
        text = f"{number(speed)}×"
        parts.append(
            f'<button type="button" class="theater-button theater-speed" '
            f'data-theater-rate="{speed}" aria-pressed="{"true" if speed == 1 else "false"}">'
            f"{escape.text(text)}</button>"
        )
    parts.append("</span>")
    parts.append(
        f'<button type="button" class="theater-button" data-theater-loop aria-pressed="false">'
        f"{escape.text(T.loop)}</button>"
    )
    if not small:
        parts.append(
            '<button type="button" class="theater-button" data-theater-wipe-toggle '
            f'aria-pressed="false" aria-expanded="false">{escape.text(T.wipe)}</button>'
        )
    parts.append("</div>")
    return "".join(parts)


def _wipe(T: TheaterLabels) -> str:
    """The A/B panel; the script fills the choices and builds its two players."""
    return (
        '<div class="theater-wipe" data-theater-wipe hidden>'
        '<div class="theater-wipe-choice">'
        f"<label>{escape.text(T.wipe_a)} <select data-theater-wipe-a></select></label>"
        f"<label>{escape.text(T.wipe_b)} <select data-theater-wipe-b></select></label></div>"
        '<div class="theater-wipe-stage" data-theater-wipe-stage>'
        '<div class="theater-wipe-divider" data-theater-divider role="slider" tabindex="0" '
        'aria-valuemin="0" aria-valuemax="100" aria-valuenow="50" aria-valuetext="50%" '
        f'aria-label="{escape.text(T.divider)}"></div></div></div>'
    )


def _root(
    T: TheaterLabels, tiles: list[str], body: str, total: float, *, small: bool, clips: int
) -> str:
    labels = " ".join(
        f'data-label-{key}="{escape.text(value)}"'
        for key, value in (("play", T.play), ("pause", T.pause), ("time", T.time))
    )
    size = "small" if small else "full"
    grid = (
        f'<div class="theater-grid" data-clips="{clips}" data-many="'
        f'{"true" if clips >= 5 else "false"}">{"".join(tiles)}</div>'
    )
    return (
        f'<section class="theater theater--{size}" data-theater="{size}" '
        f'aria-label="{escape.text(T.viewer)}" {labels}>{body}{grid}'
        f'<p class="theater-keys" hidden>{escape.text(T.keys)}</p></section>'
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
    entries = list(comparison.entries)
    total, count = _longest(ctx, entries)
    tiles = _tiles(ctx, page, entries, T)
    body = _transport(T, total, small=False) + _wipe(T) if count else ""
    return escape.Safe(_root(T, tiles, body, total, small=False, clips=count))


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
    body = _transport(T, total, small=True) if count else ""
    link = urls.markdown_link(page, urls.comparison_page(comparison.slug))
    heading = escape.text(T.against.format(count=len(services)))
    return escape.Safe(
        f"## {heading}\n\n{_root(T, tiles, body, total, small=True, clips=count)}\n\n"
        f"[{escape.text(T.open_full)}]({link})\n"
    )
