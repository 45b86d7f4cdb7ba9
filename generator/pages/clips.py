"""One clip as HTML: a lazy video with its poster, a lazy image, or a note saying why not.

Each block is one line of raw HTML so Markdown leaves it alone, made by the macros of
`templates/fragments/clips.html.j2` from the views here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..media.renditions import ClipMedia, ClipRef, Role
from ..model import Entry
from ..sizes import format_bytes
from . import escape
from .context import PageContext, number
from .pictures import CONTENT, largest, picture
from .render import macros


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


@dataclass(frozen=True)
class Shown:
    """What a clip's figure shows: a video, an image, or why neither (`failure`, if known)."""

    kind: str
    """`video`, `image` or `none`."""
    slug: str = ""
    src: str = ""
    mime: str = ""
    poster: str = ""
    width: int = 0
    height: int = 0
    alt: str = ""
    failure: str | None = None
    srcset: str = ""
    """An image's widths (`pictures`), laid out as wide as the text column."""
    sizes: str = CONTENT


def clip_html(ctx: PageContext, page: str, entry: Entry, position: int) -> escape.Safe:
    """The clip's figure: stand-in label, video or image, caption; or why nothing is shown."""
    clip = entry.clips[position]
    ref = ClipRef(entry.slug, position)
    shown = _shown(ctx, page, entry, ctx.media.get(ref), ref)
    return macros("clips").clip(ctx.labels, shown, clip.stand_in, clip.caption)


def _shown(
    ctx: PageContext, page: str, entry: Entry, media: ClipMedia | None, ref: ClipRef
) -> Shown:
    if media is None:
        failure = ctx.media.failures.get(ref)
        return Shown("none", failure=failure.message if failure is not None else None)
    video = media.get(Role.VIDEO)
    if video is not None:
        # `poster` takes one address: the widest WebP still (the JPEG is for link previews).
        poster = largest(media)
        return Shown(
            "video",
            slug=entry.slug,
            src=ctx.urls.media(page, video),
            mime=video.mime,
            poster=ctx.urls.media(page, poster) if poster else "",
            width=video.width,
            height=video.height,
        )
    image = picture(ctx, page, media)
    if image is not None:
        return Shown(
            "image",
            src=image.src,
            width=image.width,
            height=image.height,
            alt=entry.clips[ref.position].caption or entry.title,
            srcset=image.srcset,
        )
    return Shown("none")


def sheet_html(ctx: PageContext, page: str, entry: Entry, position: int) -> escape.Safe | None:
    """The contact sheet, shown under its clip, when the media stage made one."""
    media = ctx.media.get(ClipRef(entry.slug, position))
    sheet = media.get(Role.SHEET) if media else None
    if sheet is None:
        return None
    label = f"{ctx.labels.contact_sheet} {position + 1}"
    src = ctx.urls.media(page, sheet)
    return macros("clips").sheet(label, src, sheet.width, sheet.height)


def original_link(ctx: PageContext, page: str, entry: Entry, position: int) -> escape.Safe | None:
    """A download link to the archived original, when it is published."""
    media = ctx.media.get(ClipRef(entry.slug, position))
    original = media.get(Role.ORIGINAL) if media else None
    if original is None:
        return None
    href = ctx.urls.media(page, original)
    return macros("clips").original(ctx.labels.original, href)


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
