"""One clip as HTML: a lazy video with its poster, a lazy image, or a note saying why not.

Each block is one line of raw HTML so Markdown leaves it alone; every writer- or server-supplied
string in it goes through `escape`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..media.renditions import ClipMedia, ClipRef, Role
from ..model import Entry
from ..sizes import format_bytes
from . import escape
from .context import PageContext, number


@dataclass(frozen=True)
class FactRow:
    """Media facts of one clip, formatted for a table row."""

    clip: str
    size: str
    duration: str
    fps: str
    codec: str
    audio: str
    bytes: str


def clip_html(ctx: PageContext, page: str, entry: Entry, position: int) -> escape.Safe:
    """The clip's figure: stand-in label, video or image, caption; or why nothing is shown."""
    clip = entry.clips[position]
    ref = ClipRef(entry.slug, position)
    media = ctx.media.get(ref)
    L = ctx.labels
    parts = ['<figure class="magazine-clip">']
    if clip.stand_in:
        parts.append(f'<p class="magazine-stand-in"><strong>{escape.text(L.stand_in)}</strong></p>')
    parts.append(_media_html(ctx, page, entry, media, ref))
    if clip.caption:
        parts.append(f"<figcaption>{escape.text(clip.caption)}</figcaption>")
    parts.append("</figure>")
    return escape.Safe("".join(parts))


def _media_html(
    ctx: PageContext, page: str, entry: Entry, media: ClipMedia | None, ref: ClipRef
) -> str:
    L = ctx.labels
    if media is None:
        failure = ctx.media.failures.get(ref)
        if failure is not None:
            return (
                f'<p class="magazine-no-media">{escape.text(L.media_failed)}: '
                f"{escape.text(failure.message)}</p>"
            )
        return f'<p class="magazine-no-media">{escape.text(L.no_media)}</p>'
    video = media.get(Role.VIDEO)
    if video is not None:
        poster = media.get(Role.POSTER)
        poster_attr = (
            f' poster="{escape.attribute(ctx.urls.media(page, poster))}"' if poster else ""
        )
        size = (
            f' width="{video.width}" height="{video.height}"'
            if video.width and video.height
            else ""
        )
        return (
            f'<video controls preload="none" playsinline{poster_attr}{size} '
            f'data-magazine-clip="{escape.attribute(entry.slug)}">'
            f'<source src="{escape.attribute(ctx.urls.media(page, video))}" '
            f'type="{escape.attribute(video.mime)}"></video>'
        )
    image = media.get(Role.IMAGE) or media.get(Role.POSTER)
    if image is not None:
        alt = entry.clips[ref.position].caption or entry.title
        size = (
            f' width="{image.width}" height="{image.height}"'
            if image.width and image.height
            else ""
        )
        return (
            f'<img src="{escape.attribute(ctx.urls.media(page, image))}" '
            f'alt="{escape.text(alt)}" loading="lazy" decoding="async"{size}>'
        )
    return f'<p class="magazine-no-media">{escape.text(L.no_media)}</p>'


def sheet_html(ctx: PageContext, page: str, entry: Entry, position: int) -> escape.Safe | None:
    """The contact sheet behind a disclosure, when the media stage made one."""
    media = ctx.media.get(ClipRef(entry.slug, position))
    sheet = media.get(Role.SHEET) if media else None
    if sheet is None:
        return None
    size = f' width="{sheet.width}" height="{sheet.height}"' if sheet.width else ""
    label = escape.text(f"{ctx.labels.contact_sheet} {position + 1}")
    return escape.Safe(
        f'<details class="magazine-sheet"><summary>{label}</summary>'
        f'<img src="{escape.attribute(ctx.urls.media(page, sheet))}" alt="{label}" '
        f'loading="lazy" decoding="async"{size}></details>'
    )


def original_link(ctx: PageContext, page: str, entry: Entry, position: int) -> escape.Safe | None:
    """A download link to the archived original, when it is published."""
    media = ctx.media.get(ClipRef(entry.slug, position))
    original = media.get(Role.ORIGINAL) if media else None
    if original is None:
        return None
    href = escape.attribute(ctx.urls.media(page, original))
    return escape.Safe(
        f'<p class="magazine-original"><a href="{href}" download>'
        f"{escape.text(ctx.labels.original)}</a></p>"
    )


def fact_row(ctx: PageContext, entry: Entry, position: int) -> FactRow | None:
    """Probed facts of one clip, when it has media."""
    media = ctx.media.get(ClipRef(entry.slug, position))
    if media is None:
        return None
    facts = media.facts
    L = ctx.labels
    audio = (facts.audio_codec or L.yes) if facts.has_audio else L.none
    seconds = L.seconds.format(value=number(round(facts.duration, 2))) if facts.duration else "–"
    return FactRow(
        clip=str(position + 1),
        size=f"{facts.width}×{facts.height}",
        duration=seconds,
        fps=number(round(facts.fps, 3)) if facts.fps else "–",
        codec=" ".join(p for p in (facts.codec, facts.pix_fmt) if p) or "–",
        audio=audio,
        bytes=format_bytes(facts.size_bytes) if facts.size_bytes else "–",
    )
