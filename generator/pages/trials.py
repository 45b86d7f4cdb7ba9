"""Entry pages (`trials/<slug>.md`), the paginated list of all trials, and the latest trials."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Entry
from . import escape, urls
from .clips import FactRow, clip_html, fact_row, original_link, sheet_html
from .context import PageContext
from .render import render_template

PAGE_SIZE = 100
"""Trials per page of the list of all trials."""
LATEST = 10
"""Trials on the latest-trials page."""


@dataclass(frozen=True)
class RatingRow:
    """One criterion's score on an entry page."""

    label: str
    score: int
    scale: int


def front_matter(
    title: str, description: str, tags: tuple[str, ...] = (), *, searched: bool = True
) -> escape.Safe:
    """YAML front matter with the title, description and tags (Material's tags plugin).

    Pages that only list other pages are left out of search (`searched=False`): every entry's
    title and verdict is already found on its own page, and the lists would double the index
    every reader downloads.
    """
    lines = ["---", f"title: {escape.front_matter(title)}"]
    lines.append(f"description: {escape.front_matter(description)}")
    if not searched:
        lines += ["search:", "  exclude: true"]
    if tags:
        lines.append("tags:")
        lines.extend(f"  - {escape.front_matter(tag)}" for tag in tags)
    lines.append("---")
    return escape.Safe("\n".join(lines))


def _description(ctx: PageContext, entry: Entry) -> str:
    service = ctx.groups.service(entry.service).name
    parts = [service, ctx.labels.status_name(entry.status)]
    if entry.verdict:
        parts.append(entry.verdict)
    return " · ".join(parts)


def render_entry(ctx: PageContext, entry: Entry) -> str:
    """The page of one trial."""
    page = urls.entry_page(entry.slug)
    L = ctx.labels
    comparison = ctx.groups.comparison_of(entry)
    ratings = [
        RatingRow(c.label_for(L.language), entry.ratings[c.key], c.scale)
        for c in ctx.magazine.criteria
        if c.key in entry.ratings
    ]
    clips = []
    facts: list[FactRow] = []
    for position in range(len(entry.clips)):
        row = fact_row(ctx, entry, position)
        if row is not None:
            facts.append(row)
        clips.append(
            {
                "html": clip_html(ctx, page, entry, position),
                "sheet": sheet_html(ctx, page, entry, position),
                "original": original_link(ctx, page, entry, position),
            }
        )
    promised_at = (
        ctx.moment(entry.submitted_at + entry.promised_wait) if entry.promised_wait else None
    )
    others = [
        {
            "service": ctx.service_link(page, e.service),
            "status": L.status_name(e.status),
            "date": ctx.day(e.submitted_at),
            "link": ctx.entry_link(page, e),
        }
        for e in (comparison.entries if comparison else ())
        if e.slug != entry.slug
    ]
    return render_template(
        "entry",
        L=L,
        front=front_matter(entry.title, _description(ctx, entry), entry.tags),
        entry=entry,
        service=ctx.service_link(page, entry.service),
        plan=L.plan_name(entry.plan),
        cost=ctx.cost_text(entry.cost),
        status=L.status_name(entry.status),
        wait=ctx.wait_full(entry),
        # The timeline's last-check line sits right above its wait: do not say the date twice.
        timeline_wait=ctx.wait_text(entry),
        prompt=escape.fence(entry.prompt),
        submitted=ctx.moment(entry.submitted_at),
        promised=L.duration(entry.promised_wait) if entry.promised_wait else None,
        promised_at=promised_at,
        delivered=ctx.moment(entry.delivered_at) if entry.delivered_at else None,
        checked=ctx.moment(entry.checked_at) if entry.checked_at else None,
        clips=clips,
        facts=facts,
        ratings=ratings,
        notes=escape.notes(entry.notes) if entry.notes and entry.notes.strip() else None,
        comparison=(
            escape.Safe(urls.markdown_link(page, urls.comparison_page(comparison.slug)))
            if comparison
            else None
        ),
        others=others,
    )


def _row(ctx: PageContext, page: str, entry: Entry) -> dict[str, object]:
    return {
        "date": ctx.day(entry.submitted_at),
        "day": ctx.day_cell(entry.submitted_at),
        "link": ctx.entry_link(page, entry),
        "service": ctx.service_link(page, entry.service),
        "status": ctx.labels.status_name(entry.status),
        "wait": ctx.wait_cell(entry),
    }


def render_trial_lists(ctx: PageContext) -> dict[str, str]:
    """All trials, newest first, `PAGE_SIZE` per page: `trials/index.md`, `trials/page-2.md`..."""
    newest = ctx.groups.entries[::-1]
    chunks = [newest[i : i + PAGE_SIZE] for i in range(0, len(newest), PAGE_SIZE)] or [()]
    files: dict[str, str] = {}
    for number, chunk in enumerate(chunks, start=1):
        page = urls.trials_page(number)
        files[page] = render_template(
            "trials",
            L=ctx.labels,
            front=front_matter(ctx.labels.trials, ctx.labels.all_entries, searched=False),
            rows=[_row(ctx, page, e) for e in chunk],
            number=number,
            pages=len(chunks),
            previous=(
                escape.Safe(urls.markdown_link(page, urls.trials_page(number - 1)))
                if number > 1
                else None
            ),
            next=(
                escape.Safe(urls.markdown_link(page, urls.trials_page(number + 1)))
                if number < len(chunks)
                else None
            ),
        )
    return files


def render_home(ctx: PageContext, sections: list[tuple[str, str]]) -> str:
    """`index.md` for a magazine whose writer wrote no home page: the newest trials and sections.

    Args:
        sections: (label, docs-relative page) of each generated section, in nav order.
    """
    page = "index.md"
    L = ctx.labels
    return render_template(
        "home",
        front=front_matter(ctx.magazine.settings.site_name, L.all_entries),
        title=ctx.magazine.settings.site_name,
        rows=[_row(ctx, page, e) for e in ctx.groups.entries[::-1][:LATEST]],
        sections=[
            {"label": label, "target": escape.Safe(urls.markdown_link(page, target))}
            for label, target in sections
        ],
    )


def render_latest(ctx: PageContext, *, standalone: bool = True) -> str:
    """`latest.md`: the newest trials as cards; without `standalone`, only the cards, for the
    home page's `<!-- magazine:latest -->` marker (links are relative to the docs root).
    """
    page = "latest.md"
    return render_template(
        "latest",
        standalone=standalone,
        L=ctx.labels,
        front=front_matter(ctx.labels.latest, ctx.labels.all_entries, searched=False),
        rows=[_row(ctx, page, e) for e in ctx.groups.entries[::-1][:LATEST]],
        all=escape.Safe(urls.markdown_link(page, urls.trials_page(1))),
    )
