"""What lists show of an entry: its poster, a status badge, the verdict line, the wait.

Cards and thumbnails are Markdown (inside `md_in_html` blocks) rather than raw HTML, so the
builder checks and rewrites every link and image path for the page it lands on: the same
cards serve the home page snippet, the latest-trials page and an entry's neighbours.
"""

from __future__ import annotations

from ..media.renditions import ClipMedia, ClipRef, Rendition, Role
from ..model import Comparison, Entry, Status
from . import escape, urls
from .context import PageContext
from .parts import entry_part
from .pictures import CARD, THUMB, Picture, candidates, picture
from .render import markdown_macros
from .review import latest_attempts
from .stats import entry_average

CARD_WIDTH = 480
"""Width a card's poster is laid out at (its height follows the clip's shape)."""
THUMB_WIDTH = 96
"""Width of a thumbnail in a table row."""


def _pictured(ctx: PageContext, entry: Entry) -> ClipMedia | None:
    """The media of the entry's first clip that has a still (a video's poster, an image)."""
    for position in range(len(entry.clips)):
        media = ctx.media.get(ClipRef(entry.slug, position))
        if media is not None and (media.get(Role.POSTER) or media.get(Role.IMAGE)):
            return media
    return None


def poster(ctx: PageContext, entry: Entry) -> Rendition | None:
    """The first still of the entry's first clip that has one (a video's poster, an image):
    the one large picture link previews show."""
    media = _pictured(ctx, entry)
    return None if media is None else media.get(Role.POSTER) or media.get(Role.IMAGE)


def entry_stills(ctx: PageContext, entry: Entry) -> tuple[Rendition, ...]:
    """That still's widths, narrowest first (`pictures.candidates`)."""
    media = _pictured(ctx, entry)
    return () if media is None else candidates(media)


def entry_picture(ctx: PageContext, page: str, entry: Entry) -> Picture | None:
    """That still's widths as `page` addresses them (`pictures`), for an `<img srcset>`."""
    media = _pictured(ctx, entry)
    return None if media is None else picture(ctx, page, media)


def share_image(ctx: PageContext, entries: list[Entry] | tuple[Entry, ...]) -> str | None:
    """The first poster among `entries`, as link previews (Open Graph) address it."""
    for entry in entries:
        still = poster(ctx, entry)
        if still is not None:
            return ctx.urls.shared(still)
    return None


def image_source(ctx: PageContext, page: str, rendition: Rendition) -> str:
    """A rendition's address for a Markdown image: docs-relative (the builder checks it and
    makes it relative to where the page is served), or on the media host."""
    if ctx.urls.media_base_url:
        return ctx.urls.media(page, rendition)
    return urls.markdown_link(page, rendition.url_path.lstrip("/"))


def _size(shown: Picture, width: int) -> tuple[int, int]:
    """`shown` laid out `width` wide: (width, height), or (0, 0) when its shape is unknown."""
    if not (shown.width and shown.height):
        return 0, 0
    return width, max(1, round(shown.height * width / shown.width))


def poster_top(
    ctx: PageContext, page: str, entry: Entry, *, width: int | None = None, sizes: str = CARD
) -> escape.Safe:
    """The top of a card: the entry's poster linking to it (laid out `width` wide, else at its
    own size; `sizes` as the grid lays it out), or its status in the poster's place."""
    shown = entry_picture(ctx, page, entry)
    box = (0, 0) if shown is None else _size(shown, shown.width if width is None else width)
    return markdown_macros("cards").poster_top(
        src=image_source(ctx, page, shown.widest) if shown is not None else "",
        srcset=shown.srcset if shown is not None else "",
        sizes=sizes,
        width=box[0],
        height=box[1],
        target=escape.Safe(urls.markdown_link(page, urls.entry_page(entry.slug))),
        status=ctx.labels.status_name(entry.status),
    )


def status_badge(ctx: PageContext, entry: Entry) -> escape.Safe:
    """The status as a small coloured badge (its words carry the meaning, not the colour)."""
    return ctx.status_badge(entry.status)


def lang_attribute(entry: Entry) -> str:
    """` lang="en"` when the entry says which language its text is in."""
    return f' lang="{escape.attribute(entry.language)}"' if entry.language else ""


def thumbnail(ctx: PageContext, page: str, entry: Entry) -> escape.Safe:
    """A small lazy poster linking to the entry, for a table cell; empty when there is none."""
    shown = entry_picture(ctx, page, entry)
    if shown is None:
        return escape.Safe("")
    width, height = _size(shown, THUMB_WIDTH)
    return markdown_macros("cards").thumbnail(
        src=image_source(ctx, page, shown.widest),
        srcset=shown.srcset,
        sizes=THUMB,
        width=width,
        height=height,
        target=escape.Safe(urls.markdown_link(page, urls.entry_page(entry.slug))),
    )


def figures(ctx: PageContext, entry: Entry) -> str:
    """`4.2 / 5 · 40 min · 0.2×`: the mean score, then the wait against the promise."""
    parts = []
    average = entry_average(entry)
    if average is not None:
        scale = max((c.scale for c in ctx.magazine.criteria), default=5)
        parts.append(f"{ctx.labels.mean_score} {average:.1f} / {scale}")
    parts.append(ctx.wait_compact(entry))
    return " · ".join(parts)


@entry_part
def card(ctx: PageContext, page: str, entry: Entry) -> escape.Safe:
    """One entry as an item of a Material `grid cards` list: poster, badge and service,
    title, verdict, figures. Indented four spaces under the list marker."""
    return markdown_macros("cards").card(
        top=poster_top(ctx, page, entry, width=CARD_WIDTH),
        badge=status_badge(ctx, entry),
        service=ctx.service_link(page, entry.service),
        lang=escape.Safe(lang_attribute(entry)),
        title=entry.title,
        target=escape.Safe(urls.markdown_link(page, urls.entry_page(entry.slug))),
        verdict=entry.verdict,
        figures=figures(ctx, entry),
    )


def cards(ctx: PageContext, page: str, entries: list[Entry] | tuple[Entry, ...]) -> escape.Safe:
    """A grid of entry cards."""
    body = "\n".join(card(ctx, page, e) for e in entries)
    return markdown_macros("cards").grid(escape.Safe(body))


def outcome(ctx: PageContext, comparison: Comparison) -> str:
    """The comparison in one line: who delivered, who kept the writer waiting, who was closed
    (each service by its latest attempt: a wait a later round answered is over)."""
    L = ctx.labels
    groups: dict[str, list[str]] = {"delivered": [], "waiting": [], "closed": []}
    for entry in latest_attempts(comparison):
        name = ctx.groups.service(entry.service).name
        if entry.status is Status.DELIVERED:
            groups["delivered"].append(f"{name} ({ctx.wait_compact(entry)})")
        elif entry.status is Status.PENDING:
            groups["waiting"].append(f"{name} ({ctx.wait_compact(entry)})")
        else:
            groups["closed"].append(f"{name} ({ctx.wait_text(entry, flat=True)})")
    words = {
        "delivered": L.outcome_delivered,
        "waiting": L.outcome_waiting,
        "closed": L.outcome_closed,
    }
    return " ".join(f"{words[key]}: {', '.join(names)}." for key, names in groups.items() if names)
