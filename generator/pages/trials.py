"""Entry pages (`trials/<slug>.md`), the paginated list of all trials, and the latest trials."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Comparison, Entry, Status
from . import escape, urls
from .cards import cards, entry_stills, lang_attribute, share_image, thumbnail
from .clips import FactRow, clip_html, fact_row, original_link, sheet_html
from .context import PageContext
from .measured import entry_panel
from .parts import entry_part
from .render import macros, render_template
from .stats import entry_average
from .theater import theater_html

PAGE_SIZE = 100
"""Trials per page of the list of all trials."""


@dataclass(frozen=True)
class RatingRow:
    """One criterion's score on an entry page."""

    label: str
    score: int
    scale: int

    @property
    def percent(self) -> int:
        """How far the bar beside the score reaches, in percent of the scale."""
        return round(100 * self.score / self.scale) if self.scale else 0


def front_matter(
    title: str,
    description: str,
    tags: tuple[str, ...] = (),
    *,
    image: str | None = None,
    stills: tuple[tuple[str, int, int], ...] = (),
    figure: str = "",
    hide: tuple[str, ...] = (),
    searched: bool = True,
) -> escape.Safe:
    """YAML front matter with the title, description and tags (Material's tags plugin), and
    the picture a link preview shows (`magazine_image`, read by the theme override), or the
    key figure its drawn card shows when there is no picture (`magazine_figure`).

    Args:
        stills: the picture's widths as (address from the site root or on the media host,
            width, height), narrowest first: the tag listings' thumbnail (`magazine_stills`).
        hide: parts of Material's page frame to leave out (`navigation`, `toc`).
        searched: False for pages that only list other pages: every entry's title and verdict
            is already found on its own page, and the lists would double the index every
            reader downloads.
    """
    lines = ["---", f"title: {escape.front_matter(title)}"]
    lines.append(f"description: {escape.front_matter(description)}")
    if image:
        lines.append(f"magazine_image: {escape.front_matter(image)}")
    if stills:  # one line: a flow sequence, so that only `tags` is a block list
        listed = ", ".join(
            f"{{src: {escape.front_matter(src)}, width: {width}, height: {height}}}"
            for src, width, height in stills
        )
        lines.append(f"magazine_stills: [{listed}]")
    if figure:
        lines.append(f"magazine_figure: {escape.front_matter(figure)}")
    if hide:
        lines.append("hide:")
        lines.extend(f"  - {part}" for part in hide)
    if not searched:
        lines += ["search:", "  exclude: true"]
    if tags:
        lines.append("tags:")
        lines.extend(f"  - {escape.front_matter(tag)}" for tag in tags)
    lines.append("---")
    return escape.Safe("\n".join(lines))


def _description(ctx: PageContext, entry: Entry) -> str:
    """What a link preview says: the verdict, else the service and how the attempt stands."""
    if entry.verdict:
        return entry.verdict
    service = ctx.groups.service(entry.service).name
    return f"{service} · {ctx.wait_text(entry)}"


def shown_tags(ctx: PageContext, entry: Entry) -> tuple[str, ...]:
    """An entry's tags as readers see them: each in the site's language where
    `entries/tags.yml` labels it, else as written (one of each)."""
    labels, language = ctx.magazine.tags, ctx.labels.language
    shown = (labels[t].label_for(language) if t in labels else t for t in entry.tags)
    return tuple(dict.fromkeys(shown))


def entry_front(ctx: PageContext, entry: Entry) -> str:
    """The front matter of an entry's page: its title, description, tags and share picture."""
    image = share_image(ctx, (entry,))
    service = ctx.groups.service(entry.service).name
    figure = "" if image else f"{service} · {ctx.wait_compact(entry)}"
    tags = shown_tags(ctx, entry)
    return front_matter(
        entry.title,
        _description(ctx, entry),
        tags,
        image=image,
        stills=listing_stills(ctx, entry) if tags else (),
        figure=figure,
    )


def listing_stills(ctx: PageContext, entry: Entry) -> tuple[tuple[str, int, int], ...]:
    """The entry's picture at each width as the tag listings address it: from the site root
    (the theme adds the page's way back), or on the media host."""
    base = ctx.urls.media_base_url or ""
    found = (r for r in entry_stills(ctx, entry) if r.width and r.height)
    return tuple((base + r.url_path.lstrip("/"), r.width, r.height) for r in found)


def render_entry(ctx: PageContext, entry: Entry) -> str:
    """The page of one trial (after its front matter): the result first (each clip with its
    contact sheet), then the verdict, the ratings, the facts and the prompt as prose; then,
    when it belongs to a comparison, the viewer and the other attempts."""
    own = _own(ctx, entry)
    comparison = ctx.groups.comparison_of(entry)
    if comparison is None:
        return own
    return own + _comparison_part(ctx, entry, comparison)


def _comparison_part(ctx: PageContext, entry: Entry, comparison: Comparison) -> str:
    """The viewer and the cards of the other attempts at the entry's prompt: other services,
    then the same service's attempts in other rounds."""
    page = urls.entry_page(entry.slug)
    others = [e for e in comparison.entries if e.service != entry.service]
    same = [e for e in comparison.entries if e.service == entry.service and e.slug != entry.slug]
    return render_template(
        "entry_comparison",
        L=ctx.labels,
        comparison=escape.Safe(urls.markdown_link(page, urls.comparison_page(comparison.slug))),
        others=cards(ctx, page, others) if others else None,
        same=cards(ctx, page, same) if same else None,
        theater=theater_html(ctx, page, entry),
    )


def _own(ctx: PageContext, entry: Entry) -> str:
    page = urls.entry_page(entry.slug)
    L = ctx.labels
    parts: list[escape.Safe] = []
    facts: list[FactRow] = []
    for position in range(len(entry.clips)):
        row = fact_row(ctx, entry, position)
        if row is not None:
            facts.append(row)
        parts.append(clip_html(ctx, page, entry, position))
        for extra in (
            sheet_html(ctx, page, entry, position),
            original_link(ctx, page, entry, position),
        ):
            if extra is not None:
                parts.append(extra)
    promised_at = (
        ctx.moment(entry.submitted_at + entry.promised_wait) if entry.promised_wait else None
    )
    lang = escape.attribute(entry.language) if entry.language else None
    return render_template(
        "entry",
        L=L,
        later=_later_attempt(ctx, page, entry),
        entry=entry,
        lang=lang,
        lang_attr=escape.Safe(lang_attribute(entry)),
        result=macros("article").result(L.clips, parts) if parts else None,
        empty=L.no_clips if entry.status is Status.DELIVERED else ctx.wait_text(entry),
        ratings=_ratings(ctx, entry),
        service=ctx.service_link(page, entry.service),
        plan=L.plan_name(entry.plan),
        cost=ctx.cost_text(entry.cost),
        ctx=ctx,
        wait=ctx.wait_text(entry),
        prompt=prompt_quote(ctx, entry.prompt, entry.language or ""),
        submitted=ctx.moment(entry.submitted_at),
        promised=L.duration(entry.promised_wait) if entry.promised_wait else None,
        promised_at=promised_at,
        delivered=ctx.moment(entry.delivered_at) if entry.delivered_at else None,
        checked=ctx.moment(entry.checked_at) if entry.checked_at else None,
        facts=facts,
        measured=entry_panel(ctx, entry),
        notes=(
            escape.notes(entry.notes, entry.language)
            if entry.notes and entry.notes.strip()
            else None
        ),
    )


def prompt_quote(ctx: PageContext, prompt: str, language: str) -> escape.Safe:
    """The prompt as quoted prose, with a button that copies it exactly as sent (entry and
    comparison pages alike).

    Prompts are written in English more often than the entry around them, so the quote says
    only what the entry says of its language (`language`, '' when it says nothing).
    """
    return macros("article").prompt(
        ctx.labels,
        escape.paragraphs(prompt),
        escape.attribute_text(prompt.rstrip("\n")),
        language,
    )


def _ratings(ctx: PageContext, entry: Entry) -> escape.Safe | None:
    """The ratings once: one table, the mean in its caption, a bar beside each score."""
    L = ctx.labels
    rows = [
        RatingRow(c.label_for(L.language), entry.ratings[c.key], c.scale)
        for c in ctx.magazine.criteria
        if c.key in entry.ratings
    ]
    average = entry_average(entry)
    if not rows or average is None:
        return None
    scale = max(row.scale for row in rows)
    caption = f"{L.mean_score} {average:.1f} / {scale}"
    return macros("article").ratings(L, caption, rows)


def _later_attempt(ctx: PageContext, page: str, entry: Entry) -> escape.Safe | None:
    """A link to the later round that answered this open attempt: `delivered on 7 Jun 2025`."""
    later = ctx.groups.superseded.get(entry.slug)
    if later is None:
        return None
    L = ctx.labels
    moment = later.delivered_at or later.checked_at or later.submitted_at
    text = L.later_on.format(status=L.status_name(later.status), date=ctx.day(moment))
    return ctx.entry_link(page, later, text)


@entry_part
def list_row(ctx: PageContext, page: str, entry: Entry) -> dict[str, object]:
    """One trial's row in a list of trials."""
    return {
        "date": ctx.day(entry.submitted_at),
        "day": ctx.day_cell(entry.submitted_at),
        "link": ctx.entry_link(page, entry),
        "service": ctx.service_link(page, entry.service),
        "status": ctx.labels.status_name(entry.status),
        "wait": ctx.wait_cell(entry),
        "thumb": thumbnail(ctx, page, entry),
    }


def trial_chunks(ctx: PageContext) -> list[tuple[Entry, ...]]:
    """All trials, newest first, `PAGE_SIZE` per page of the list (at least one page)."""
    newest = ctx.groups.entries[::-1]
    return [newest[i : i + PAGE_SIZE] for i in range(0, len(newest), PAGE_SIZE)] or [()]


def list_front(ctx: PageContext) -> str:
    """The front matter of every page of the list of trials."""
    return front_matter(ctx.labels.trials, ctx.labels.all_entries, searched=False)


def render_trial_list(ctx: PageContext, number: int, pages: int, chunk: tuple[Entry, ...]) -> str:
    """Page `number` of `pages` of the list of all trials (`trials/index.md`, `page-2.md`...)."""
    page = urls.trials_page(number)
    return render_template(
        "trials",
        L=ctx.labels,
        rows=[list_row(ctx, page, e) for e in chunk],
        number=number,
        pages=pages,
        previous=(
            escape.Safe(urls.markdown_link(page, urls.trials_page(number - 1)))
            if number > 1
            else None
        ),
        next=(
            escape.Safe(urls.markdown_link(page, urls.trials_page(number + 1)))
            if number < pages
            else None
        ),
    )
