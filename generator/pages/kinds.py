"""Every generated page by kind: where it lands, what it rests on, how it is made.

`render_pages` walks the kinds below in order. Renderers are plain functions of what they show
(`render_entry(ctx, entry) -> str`); a page's text is its front matter followed by what its
renderer makes. This module is the one place that knows the live preview keeps pages between
saves. What each kind of page rests on beyond the settings, criteria and tag labels every page
may show is declared here, once per kind, with the `Inputs` of this render: tokens that stay
the very same objects while an entry (with its clips' media and its service), a service's
record or the settings are unchanged. A page whose inputs compare equal is the one kept from
the last render; a changed page of a kind marked `later` is left to be made when the site
stage reads it (`GeneratedFile.later`, its front matter known at once), so the page a reader
waits for is made first. Entry parts (`parts.entry_part`) are kept per entry the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from ..generated import GeneratedFile
from ..media.renditions import ClipRef, MediaIndex
from ..model import Comparison, Criterion, Entry, Magazine, Service
from ..source import registry_path
from . import urls
from .claims import check_addresses
from .comparisons import (
    comparison_front,
    comparison_index_front,
    render_comparison,
    render_comparison_index,
)
from .context import PageContext, build_context
from .feed import feed_entries, render_feed
from .front import (
    cover_entries,
    home_front,
    latest_comparison,
    latest_entries,
    latest_front,
    render_home,
    render_latest,
    render_lead,
    render_waiting,
    still_waiting,
)
from .leaderboard import leaderboard_front, render_leaderboard
from .memo import PageMemo, Token
from .opendata import data_front, render_open_data
from .render import render_template
from .reports import (
    render_report,
    render_report_index,
    report_front,
    report_index_front,
    report_months,
    report_pasts,
)
from .services import (
    has_history,
    render_service,
    render_service_history,
    render_service_index,
    service_front,
    service_history_front,
    service_index_front,
)
from .stats import ServiceStats, service_stats
from .trials import (
    entry_front,
    front_matter,
    list_front,
    render_entry,
    render_trial_list,
    trial_chunks,
)

T = TypeVar("T")

TAGS_PAGE = "tags.md"

EVERY_RENDER = None
"""The inputs of a page made on every render (a page that shows every entry or service)."""


@dataclass(frozen=True)
class Page:
    """One page of some kind: where it lands, what it rests on, and how it is made."""

    path: str
    inputs: Hashable | None
    """What the page shows beyond the settings and criteria, as tokens and plain values, or
    `EVERY_RENDER`."""
    body: Callable[[], str]
    """The page's text after its front matter."""
    front: Callable[[], str]
    """The page's front matter (title, description, tags: what other pages show of it)."""
    later: bool = False
    """Whether a changed page may be made when the site stage first reads it."""


class Inputs:
    """What the pages of one render rest on, as tokens kept in the memo across renders."""

    def __init__(self, magazine: Magazine, media: MediaIndex, memo: PageMemo) -> None:
        self.memo = memo
        self.fixed = memo.steady(
            ("fixed",),
            (magazine.root, magazine.settings, magazine.criteria, tuple(magazine.tags.values())),
            _same_settings,
        )
        """Stands for what every page may show: settings, criteria and tag labels
        (`entries/tags.yml`: an entry page shows its tags in the site's language)."""
        self.services = _service_tokens(magazine, memo)
        """Each service's token by key: its registry record (or the lack of one)."""
        self.entries = _entry_tokens(magazine, media, memo, self.services)
        """Each entry's token by slug: the entry with its clips' media and its service's token."""
        self._comparisons: dict[str, object] = {}
        self.experiments = magazine.experiments
        """Comparisons' titles and introductions (entries/experiments.yml), by key."""

    def entry(self, entry: Entry) -> Token:
        """The token of one entry."""
        return self.entries[entry.slug]

    def of(self, entries: Iterable[Entry]) -> tuple[Token, ...]:
        """The tokens of some entries, in order."""
        tokens = self.entries
        return tuple(tokens[e.slug] for e in entries)

    def comparison(self, comparison: Comparison | None) -> object:
        """What a page shows of a comparison: its names, its entries' tokens (its rounds
        follow from them) and its record in entries/experiments.yml."""
        if comparison is None:
            return None
        c = comparison
        found = self._comparisons.get(c.key)
        if found is None:
            record = self.experiments.get(c.experiment) if c.experiment else None
            found = (c.key, c.slug, c.prompt, self.of(c.entries), record)
            self._comparisons[c.key] = found
        return found

    def stats(
        self, service: Service, entries: tuple[Entry, ...], criteria: tuple[Criterion, ...]
    ) -> ServiceStats:
        """A service's figures, kept while its record and its entries stand."""
        inputs = (self.fixed, self.services[service.key], self.of(entries))
        return self.memo.part(
            ("stats", service.key), inputs, partial(service_stats, service, entries, criteria)
        )

    def reuse(
        self,
        make: Callable[[], T],
        render: Callable[..., T],
        page: str,
        entry: Entry,
        args: tuple[Hashable, ...],
    ) -> T:
        """An entry part (`parts.entry_part`), kept while the entry stands."""
        return self.memo.part(
            (render, page, entry.slug, args), (self.fixed, self.entry(entry)), make
        )

    def kept(self, key: Hashable, inputs: Hashable, make: Callable[[], T]) -> T:
        """What `make` makes, kept while `inputs` (and the settings) stand."""
        return self.memo.part(key, (self.fixed, inputs), make)

    def page(self, page: Page) -> GeneratedFile:
        """A page kept while its inputs stand, else made now or left for later."""
        if page.inputs is EVERY_RENDER:
            return GeneratedFile(_text(page))
        key, inputs = page.path, (self.fixed, page.inputs)
        if page.later:
            return self.memo.later(key, inputs, partial(_text, page), lambda: page.front() + "\n")
        return self.memo.part(key, inputs, lambda: GeneratedFile(_text(page)))


def _text(page: Page) -> str:
    return page.front() + "\n" + page.body()


def _pages(ctx: PageContext, given: Inputs, home: bool) -> Iterator[Page]:
    """Every generated Markdown page of the magazine, kind by kind."""
    groups = ctx.groups
    for entry in groups.entries:
        comparison = groups.comparison_of(entry)
        yield Page(
            urls.entry_page(entry.slug),
            (given.entry(entry), given.comparison(comparison)),
            partial(render_entry, ctx, entry),
            partial(entry_front, ctx, entry),
            later=True,
        )
    chunks = trial_chunks(ctx)
    for number, chunk in enumerate(chunks, start=1):
        yield Page(
            urls.trials_page(number),
            (number, len(chunks), given.of(chunk)),
            partial(render_trial_list, ctx, number, len(chunks), chunk),
            partial(list_front, ctx),
            later=True,
        )
    latest = latest_entries(ctx)
    yield Page(
        "latest.md",
        given.of(latest),
        partial(render_latest, ctx, latest, standalone=True),
        partial(latest_front, ctx),
    )
    for comparison in groups.comparisons:
        yield Page(
            urls.comparison_page(comparison.slug),
            given.comparison(comparison),
            partial(render_comparison, ctx, comparison),
            partial(comparison_front, ctx, comparison),
            later=True,
        )
    yield Page(
        "compare/index.md",
        tuple(given.comparison(c) for c in groups.comparisons),
        partial(render_comparison_index, ctx),
        partial(comparison_index_front, ctx),
        later=True,
    )
    for key, stats in groups.services.items():
        shown = (key, given.services[key], given.of(stats.entries))
        yield Page(
            urls.service_page(key),
            shown,
            partial(render_service, ctx, stats),
            partial(service_front, ctx, stats),
        )
        if has_history(stats):
            yield Page(
                urls.service_history_page(key),
                shown,
                partial(render_service_history, ctx, stats),
                partial(service_history_front, ctx, stats),
                later=True,
            )
    yield Page(
        "services/index.md",
        EVERY_RENDER,
        partial(render_service_index, ctx),
        partial(service_index_front, ctx),
    )
    yield Page(
        "leaderboard.md",
        EVERY_RENDER,
        partial(render_leaderboard, ctx),
        partial(leaderboard_front, ctx),
    )
    pasts = report_pasts(ctx)
    for month, before, after in report_months(ctx):
        yield Page(
            urls.report_page(month),
            (
                month,
                before,
                after,
                given.of(groups.months[month]),
                pasts[month],
                _changed_services(ctx, given, month),
            ),
            partial(render_report, ctx, month, pasts[month], before, after),
            partial(report_front, ctx, month),
            later=True,
        )
    yield Page(
        "reports/index.md",
        EVERY_RENDER,
        partial(render_report_index, ctx),
        partial(report_index_front, ctx),
    )
    yield Page(
        TAGS_PAGE,
        (),
        partial(render_template, "tags", L=ctx.labels),
        partial(front_matter, ctx.labels.tags, ctx.labels.tags, searched=False),
    )


def _changed_services(ctx: PageContext, given: Inputs, month: str) -> tuple[tuple[str, Token], ...]:
    """The services whose registry records a change in `month`, with their tokens: what a
    report shows of services beyond the month's entries (which carry their services' tokens)."""
    found = []
    for key, token in given.services.items():
        months = token.fact("months", partial(_change_months, ctx.groups.service(key)))
        if month in months:
            found.append((key, token))
    return tuple(found)


def _change_months(service: Service) -> frozenset[str]:
    return frozenset(f"{c.date.year:04d}-{c.date.month:02d}" for c in service.changes)


@dataclass(frozen=True)
class Rendered:
    """Every file and snippet of one render, before the assets and the nav are added."""

    files: dict[str, GeneratedFile]
    snippets: dict[str, str]


def render_kinds(
    magazine: Magazine,
    media: MediaIndex,
    *,
    home: bool,
    sections: list[tuple[str, str]],
    memo: PageMemo,
) -> Rendered:
    """Make every page, data file and snippet, keeping what the memo holds while it stands.

    Raises:
        ContentError: a writer-chosen name would give two pages one address.
    """
    given = Inputs(magazine, media, memo)
    ctx = build_context(magazine, media, stats=given.stats, reuse=given.reuse)
    groups = ctx.groups
    addresses = (
        home,
        registry_path(magazine.root, magazine.settings, "services"),
        tuple((e.slug, e.path) for e in groups.entries),
        tuple(
            (c.slug, c.entries[0].path, bool(c.entries[0].experiment)) for c in groups.comparisons
        ),
        tuple((key, has_history(stats)) for key, stats in groups.services.items()),
        tuple(groups.months),
    )
    given.kept(
        ("addresses",), addresses, partial(check_addresses, magazine, home=home, groups=groups)
    )
    files = {page.path: given.page(page) for page in _pages(ctx, given, home)}
    for path, text in render_open_data(ctx).items():
        if path.endswith(".md"):
            text = data_front(ctx) + "\n" + text
        files[path] = GeneratedFile(text)
    chosen = feed_entries(ctx)
    files["feed.xml"] = given.kept(
        ("feed",), given.of(chosen), lambda: GeneratedFile(render_feed(ctx, chosen))
    )
    snippets = _snippets(ctx, given)
    if home:
        page = "index.md"
        lead, waiting = _lead(ctx, given, page), _waiting(ctx, given, page)
        latest = cover_entries(ctx)
        files[page] = given.page(
            Page(
                page,
                (tuple(sections), given.of(latest), lead, waiting),
                partial(render_home, ctx, sections, latest, lead, waiting),
                partial(home_front, ctx),
            )
        )
    return Rendered(files=files, snippets=snippets)


def _lead(ctx: PageContext, given: Inputs, page: str) -> str:
    comparison = latest_comparison(ctx)
    if comparison is None:
        return ""
    return given.kept(
        ("lead", page), given.comparison(comparison), partial(render_lead, ctx, page, comparison)
    )


def _waiting(ctx: PageContext, given: Inputs, page: str) -> str:
    waiting = still_waiting(ctx)
    return given.kept(
        ("waiting", page), given.of(waiting), partial(render_waiting, ctx, page, waiting)
    )


def _snippets(ctx: PageContext, given: Inputs) -> dict[str, str]:
    """Blocks a writer's home page can place: `lead`, `latest` and `waiting` (links relative
    to the docs root), and `latest` as a page that also places the lead shows it
    (`latest-cover`: only the trials the lead does not show)."""
    page = "index.md"
    latest = latest_entries(ctx)
    cover = cover_entries(ctx)
    return {
        "lead": _lead(ctx, given, page),
        "latest": given.kept(
            ("latest", False),
            given.of(latest),
            partial(render_latest, ctx, latest, standalone=False),
        ),
        "latest-cover": given.kept(
            ("latest", "cover"),
            given.of(cover),
            partial(render_latest, ctx, cover, standalone=False),
        ),
        "waiting": _waiting(ctx, given, page),
    }


def _same_settings(kept: object, new: object) -> bool:
    # Equal models may still be written differently (a moment in another offset): the text
    # form settles it, and it is made once per render.
    return kept == new and repr(kept) == repr(new)


def _same_entry(kept: tuple[Entry, object, Token], new: tuple[Entry, object, Token]) -> bool:
    return kept[0] is new[0] and kept[2] is new[2] and kept[1] == new[1]


def _service_tokens(magazine: Magazine, memo: PageMemo) -> dict[str, Token]:
    """A token per service key (the registry's and any an entry names), the same as last
    render's while its record compares equal and prints the same. The registry is parsed anew
    on every load, so records are compared by value: a dozen services, a few checks each."""
    registry = magazine.services
    keys = sorted(set(registry).union(e.service for e in magazine.entries))
    return {key: memo.steady(("service", key), registry.get(key), _same_settings) for key in keys}


def _entry_tokens(
    magazine: Magazine, media: MediaIndex, memo: PageMemo, services: Mapping[str, Token]
) -> dict[str, Token]:
    """A token per entry, the same as last render's while the entry object (the entry cache's
    for an unchanged file), its clips' media and its service's token are the same: every page
    that shows an entry may show its service's name."""
    clips, failures = media.clips, media.failures
    tokens: dict[str, Token] = {}
    for entry in magazine.entries:
        slug = entry.slug
        refs = [ClipRef(slug, i) for i in range(len(entry.clips))]
        value = (
            entry,
            tuple((clips.get(r), failures.get(r)) for r in refs),
            services[entry.service],
        )
        tokens[slug] = memo.steady(("entry", slug), value, _same_entry)
    return tokens


__all__: list[Any] = ["Rendered", "render_kinds"]
