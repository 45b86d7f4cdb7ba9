"""Responsive stills: a clip's poster (or image) as a `srcset` of WebP widths, with `sizes`.

The media stage makes each video's poster frame, and each still image, at a few widths
(`media.still_widths`, never wider than the picture). A page offers them all and says, in
`sizes`, how wide the picture is laid out, so a phone fetches a small file and a 2× screen a
sharp one. Each `sizes` below follows one layout of `assets/theater.css`, `assets/magazine.css`
and Material's grid, read at the widths where their columns change (Material's root font is
20 px, 22 px from 100em and 24 px from 125em; media queries count 16 px to the em). Where a
grid's column count changes within a range, the widest tile of that range is given, so a
picture is never chosen blurry.

Link previews keep the one large JPEG poster (`cards.share_image`): crawlers read no `srcset`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..media.renditions import ClipMedia, Rendition, Role
from .context import PageContext

FULL_MANY = (
    "(min-width: 76em) calc((100vw - 96px) / 4), (min-width: 60em) calc((100vw - 80px) / 3), "
    "(min-width: 37.5em) calc((100vw - 64px) / 2), calc(100vw - 48px)"
)
"""A comparison page's viewer of five clips or more: 1 to 4 columns across the whole width,
1.2rem margins, .8rem gaps."""
FULL_FEW = "(min-width: 37.5em) calc((100vw - 64px) / 2), calc(100vw - 48px)"
"""A comparison page's viewer of fewer clips: 1 or 2 columns."""
SMALL = (
    "(min-width: 125em) 270px, (min-width: 35.5em) 250px, "
    "(min-width: 24em) calc(50vw - 22px), calc(100vw - 32px)"
)
"""The small viewer of an entry page: as many 8.5rem columns as the text column holds."""
CARD = (
    "(min-width: 125em) 270px, (min-width: 100em) 245px, (min-width: 76.25em) 225px, "
    "(min-width: 30em) 330px, calc(100vw - 34px)"
)
"""A card of a `grid cards` list: as many 16rem columns as the text column holds."""
LEAD = (
    "(min-width: 125em) 200px, (min-width: 100em) 185px, (min-width: 76.25em) 170px, "
    "(min-width: 31.25em) 220px, (min-width: 21.5em) calc(50vw - 21px), calc(100vw - 34px)"
)
"""A poster of the lead story: as many 7.5rem columns as the text column holds."""
THUMB = "(min-width: 125em) 116px, (min-width: 100em) 106px, 96px"
"""A 4.8rem thumbnail (table rows, tag listings)."""
CONTENT = (
    "(min-width: 125em) 790px, (min-width: 100em) 720px, (min-width: 76.25em) 660px, "
    "(min-width: 60em) 900px, calc(100vw - 32px)"
)
"""A picture as wide as the text column (a still image on its entry page)."""


@dataclass(frozen=True)
class Picture:
    """One still as an `<img>` shows it: the fallback `src` (the widest candidate, `widest`),
    the `srcset`, the shape."""

    src: str
    srcset: str
    width: int
    height: int
    widest: Rendition


def candidates(media: ClipMedia) -> tuple[Rendition, ...]:
    """The widths a page may choose from, narrowest first: a video's WebP stills (its JPEG
    poster when there are none), an image's stills and the web image itself."""
    stills = media.all(Role.STILL)
    if media.get(Role.VIDEO) is None:
        image = media.get(Role.IMAGE)
        if image is not None:
            return (*(s for s in stills if s.width < image.width), image)
    if stills:
        return stills
    poster = media.get(Role.POSTER) or media.get(Role.IMAGE)
    return (poster,) if poster is not None else ()


def picture(ctx: PageContext, page: str, media: ClipMedia) -> Picture | None:
    """The clip's still as `page` addresses it (its widest candidate as `src`), or None."""
    found = candidates(media)
    if not found:
        return None
    return picture_of(ctx, page, found)


def picture_of(ctx: PageContext, page: str, found: tuple[Rendition, ...]) -> Picture:
    """`found` (narrowest first) as `page` addresses it: served-relative or on the media host,
    as raw HTML needs (the builder rewrites `src` but never `srcset`)."""
    widest = found[-1]
    srcset = ", ".join(f"{ctx.urls.media(page, r)} {r.width}w" for r in found if r.width)
    return Picture(ctx.urls.media(page, widest), srcset, widest.width, widest.height, widest)


def largest(media: ClipMedia) -> Rendition | None:
    """The widest still, for the one address a `<video poster>` takes (no `srcset` there)."""
    found = candidates(media)
    return found[-1] if found else None
