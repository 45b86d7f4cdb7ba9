"""What lists show of an entry: its poster, a status badge, the verdict line, the wait.

Cards and thumbnails are Markdown (inside `md_in_html` blocks) rather than raw HTML, so the
builder checks and rewrites every link and image path for the page it lands on: the same
cards serve the home page snippet, the latest-trials page and an entry's neighbours.
"""

from __future__ import annotations

from ..media.renditions import ClipRef, Rendition, Role
from ..model import Comparison, Entry, Status
from . import escape, urls
from .context import PageContext
from .parts import entry_part
from .stats import entry_average

CARD_WIDTH = 480
"""Width a card's poster is laid out at (its height follows the clip's shape)."""
THUMB_WIDTH = 96
"""Width of a thumbnail in a table row."""


def poster(ctx: PageContext, entry: Entry) -> Rendition | None:
    """The first still of the entry's first clip that has one (a video's poster, an image)."""
    for position in range(len(entry.clips)):
        media = ctx.media.get(ClipRef(entry.slug, position))
        if media is None:
            continue
        found = media.get(Role.POSTER) or media.get(Role.IMAGE)
        if found is not None:
            return found
    return None


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


def _size(rendition: Rendition, width: int) -> str:
    if not (rendition.width and rendition.height):
        return ""
    height = max(1, round(rendition.height * width / rendition.width))
    return f' width="{width}" height="{height}"'


def status_badge(ctx: PageContext, entry: Entry) -> escape.Safe:
    """The status as a small coloured badge (its words carry the meaning, not the colour)."""
    status = entry.status
    return escape.Safe(
        f'<span class="magazine-badge magazine-status-{status.value}">'
        f"{escape.text(ctx.labels.status_name(status))}</span>"
    )


def lang_attribute(entry: Entry) -> str:
    """` lang="en"` when the entry says which language its text is in."""
    return f' lang="{escape.attribute(entry.language)}"' if entry.language else ""


def thumbnail(ctx: PageContext, page: str, entry: Entry) -> escape.Safe:
    """A small lazy poster linking to the entry, for a table cell; empty when there is none."""
    still = poster(ctx, entry)
    if still is None:
        return escape.Safe("")
    src = escape.attribute(image_source(ctx, page, still))
    target = urls.markdown_link(page, urls.entry_page(entry.slug))
    return escape.Safe(
        f'[![]({src}){{ .magazine-thumb loading="lazy" decoding="async"'
        f'{_size(still, THUMB_WIDTH)} }}]({target}){{ tabindex="-1" aria-hidden="true" }}'
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
    target = urls.markdown_link(page, urls.entry_page(entry.slug))
    still = poster(ctx, entry)
    if still is not None:
        src = escape.attribute(image_source(ctx, page, still))
        top = (
            f'[![]({src}){{ loading="lazy" decoding="async"{_size(still, CARD_WIDTH)} }}]'
            f'({target}){{ .magazine-card-poster tabindex="-1" aria-hidden="true" }}'
        )
    else:
        top = (
            f'<span class="magazine-card-poster magazine-card-empty" aria-hidden="true">'
            f"{escape.text(ctx.labels.status_name(entry.status))}</span>"
        )
    lines = [
        f"-   {top}",
        "",
        f"    {status_badge(ctx, entry)} {ctx.service_link(page, entry.service)}",
        "",
        f'    <span class="magazine-card-title"{lang_attribute(entry)}>'
        f"[{escape.text(entry.title)}]({target})</span>",
        "",
    ]
    if entry.verdict:
        lines += [
            f'    <span class="magazine-card-verdict"{lang_attribute(entry)}>'
            f"{escape.text(entry.verdict)}</span>",
            "",
        ]
    numbers = escape.text(figures(ctx, entry))
    lines += [f'    <span class="magazine-card-figures">{numbers}</span>', ""]
    return escape.Safe("\n".join(lines))


def cards(ctx: PageContext, page: str, entries: list[Entry] | tuple[Entry, ...]) -> escape.Safe:
    """A grid of entry cards."""
    body = "\n".join(card(ctx, page, e) for e in entries)
    return escape.Safe(f'<div class="grid cards magazine-cards" markdown>\n\n{body}\n</div>\n')


def outcome(ctx: PageContext, comparison: Comparison) -> str:
    """The comparison in one line: who delivered, who kept the writer waiting, who was closed."""
    L = ctx.labels
    groups: dict[str, list[str]] = {"delivered": [], "waiting": [], "closed": []}
    for entry in comparison.entries:
        name = ctx.groups.service(entry.service).name
        if entry.status is Status.DELIVERED:
            groups["delivered"].append(f"{name} ({ctx.wait_compact(entry)})")
        elif entry.status is Status.PENDING:
            groups["waiting"].append(f"{name} ({ctx.wait_compact(entry)})")
        else:
            groups["closed"].append(f"{name} ({ctx.wait_text(entry)})")
    words = {
        "delivered": L.outcome_delivered,
        "waiting": L.outcome_waiting,
        "closed": L.outcome_closed,
    }
    return " ".join(f"{words[key]}: {', '.join(names)}." for key, names in groups.items() if names)
