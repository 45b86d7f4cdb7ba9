"""What every page view needs: the magazine, its groupings, labels, URLs, and shared phrases."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal
from functools import partial
from typing import TypeVar

from ..media.renditions import ClipRef, MediaIndex
from ..model import Comparison, Cost, Criterion, Entry, Magazine, Service, Status
from . import escape, urls
from .labels import Labels, labels_for
from .memo import Later, PageMemo, Token
from .render import macros
from .stats import FEW, Groupings, Mean, ServiceStats, group, service_stats

T = TypeVar("T")

UNKNOWN = "—"
"""A table cell's value when nothing is known; its tooltip says why."""


@dataclass(frozen=True)
class PageContext:
    """The render-wide state shared by page views (built once per render)."""

    magazine: Magazine
    media: MediaIndex
    groups: Groupings
    labels: Labels
    urls: urls.SiteUrls
    memo: PageMemo = field(default_factory=PageMemo)
    """Pages and parts kept from earlier renders (the preview's), or a fresh one."""
    fixed: Token = field(default_factory=lambda: Token(None))
    """Stands for what every page may show: settings and criteria."""
    tokens: Mapping[str, Token] = field(default_factory=dict)
    """Each entry's token by slug: the entry with its clips' media and its service's token."""
    services: Mapping[str, Token] = field(default_factory=dict)
    """Each service's token by key (every key of `groups.services`): its registry record."""
    _comparisons: dict[str, object] = field(default_factory=dict)

    def keep(self, key: Hashable, inputs: object, render: Callable[[], T]) -> T:
        """What `render` makes, reused from the memo while `inputs` (and `fixed`) stand.

        `inputs` must name everything `render` reads beyond `fixed`: entries by `token`.
        """
        return self.memo.part(key, (self.fixed, inputs), render)

    def later(
        self,
        key: Hashable,
        inputs: object,
        render: Callable[[], str],
        head: Callable[[], str] = str,
    ) -> str | Later:
        """As `keep`, but a text to make again may be left for later (`PageMemo.later`)."""
        return self.memo.later(key, (self.fixed, inputs), render, head)

    def later_page(
        self, key: Hashable, inputs: object, render: Callable[[], str], front: Callable[[], str]
    ) -> str | Later:
        """A page (or a page's start) whose template begins with the front matter `front`
        makes, kept as `keep` does, or left for later with that front matter known."""
        return self.later(key, inputs, render, lambda: front() + "\n")

    def token(self, entry: Entry) -> Token:
        """The token of an entry of this magazine."""
        return self.tokens[entry.slug]

    def tokens_of(self, entries: Iterable[Entry]) -> tuple[Token, ...]:
        """The tokens of some entries, in order."""
        tokens = self.tokens
        return tuple(tokens[e.slug] for e in entries)

    def service_token(self, key: str) -> Token:
        """The token of a service (its registry record, or the lack of one)."""
        return self.services[key]

    @property
    def every_service(self) -> tuple[tuple[str, Token], ...]:
        """What a page that shows every service rests on: each key with its token, in order."""
        return tuple(self.services.items())

    def comparison_inputs(self, comparison: Comparison | None) -> object:
        """What a page shows of a comparison: its names and its entries' tokens."""
        if comparison is None:
            return None
        c = comparison
        found = self._comparisons.get(c.key)
        if found is None:
            found = self._comparisons[c.key] = (c.key, c.slug, c.prompt, self.tokens_of(c.entries))
        return found

    @property
    def zone(self) -> tzinfo | None:
        """The magazine's time zone."""
        return self.magazine.timezone

    def moment(self, value: datetime) -> str:
        """A moment as readers see it."""
        return self.labels.moment(value, self.zone)

    def day(self, value: datetime) -> str:
        """The day of a moment, in the magazine's zone."""
        local = value.astimezone(self.zone) if self.zone is not None else value
        return self.labels.day(local.date())

    def wait_text(self, entry: Entry) -> str:
        """How the attempt stands, as a sentence: `40 min (0.2× the promise)`, `still waiting
        after 2 d (16× the promise)`, `failed after 40 min (8× the promise)`, `refused`,
        `abandoned after 3 d`, `paywalled`, `waitlisted for at least 3 d`."""
        status = entry.status
        wait = entry.wait
        L = self.labels
        if status in (Status.REFUSED, Status.PAYWALLED):
            return L.status_name(status)
        if wait is None:
            if status is Status.DELIVERED:
                return L.not_recorded
            return L.no_check if status is Status.PENDING else L.status_name(status)
        core = L.duration(wait.duration)
        phrase = {
            Status.PENDING: L.still_waiting,
            Status.WAITLISTED: L.waitlisted_for,
            Status.FAILED: L.failed_after,
            Status.ABANDONED: L.abandoned_after,
        }.get(status)
        if phrase is not None:
            core = phrase.format(wait=core)
        ratio = wait.ratio
        if ratio is not None and status is not Status.WAITLISTED:
            core += f" ({L.times_promise.format(ratio=L.ratio(ratio))})"
        return core

    def wait_full(self, entry: Entry) -> str:
        """The wait with, while the attempt is open, the date of the last check."""
        text = self.wait_text(entry)
        wait = entry.wait
        if (
            wait is not None
            and not wait.settled
            and entry.status is not Status.PAYWALLED
            and entry.checked_at is not None
        ):
            text += f", {self.labels.as_of.format(date=self.moment(entry.checked_at))}"
        return text

    def cost_text(self, cost: Cost | None) -> str:
        """`10 credits`, `0.5 USD`, `10 크레딧`, `0.5달러`, or `not recorded`."""
        if cost is None:
            return self.labels.not_recorded
        return self.labels.amount(number(cost.amount), cost.unit)

    def wait_compact(self, entry: Entry) -> str:
        """The wait for a table cell (its status is beside it): `40 min · 0.2×`, `≥ 2 d · 16×`,
        `failed · 40 min`, `refused`, or `—` when unknown."""
        status = entry.status
        wait = entry.wait
        L = self.labels
        if status in (Status.REFUSED, Status.PAYWALLED):
            return L.status_name(status)
        if wait is None:
            known = status in (Status.DELIVERED, Status.PENDING)
            return UNKNOWN if known else L.status_name(status)
        core = L.duration(wait.duration)
        if not wait.settled:
            core = L.at_least.format(wait=core)
        if status in (Status.FAILED, Status.ABANDONED):
            # A settled wait without the word would read like a delivery.
            return f"{L.status_name(status)} · {core}"
        if status is Status.WAITLISTED:
            return core
        if wait.ratio is not None:
            core += f" · {L.ratio(wait.ratio)}"
        return core

    def wait_cell(self, entry: Entry) -> escape.Safe:
        """The compact wait with the full sentence (and last check) in its tooltip."""
        return macros("cells", kept=True).wait_cell(self.wait_full(entry), self.wait_compact(entry))

    def day_cell(self, value: datetime) -> escape.Safe:
        """The day of a moment as a `<time>` element, which tables keep on one line."""
        local = value.astimezone(self.zone) if self.zone is not None else value
        day = local.date()
        return macros("cells", kept=True).day_cell(day.isoformat(), self.labels.day(day))

    def mean_html(self, found: Mean | None, *, per_attempt: bool = False) -> escape.Safe:
        """A mean alone (`4.2`), how many values it rests on in its tooltip; faded when few.

        Args:
            per_attempt: the mean is of per-attempt averages, so its count is of attempts.
        """
        if found is None:
            return escape.Safe("–")
        L = self.labels
        tip = (L.mean_of_attempts if per_attempt else L.mean_of_ratings).format(count=found.count)
        if found.few:
            tip += f" ({L.few_hint.format(few=FEW)})"
        return macros("cells", kept=True).mean(found.value, tip, found.few)

    def status_badge(self, status: Status) -> escape.Safe:
        """A status as a small coloured badge (its words carry the meaning, not the colour)."""
        name = self.labels.status_name(status)
        return macros("cells", kept=True).status_badge(status.value, name)

    def service_link(self, page: str, key: str) -> escape.Safe:
        """A Markdown link to a service page, its display name escaped."""
        target = urls.markdown_link(page, urls.service_page(key))
        return escape.fill("[{}]({})", self.groups.service(key).name, escape.Safe(target))

    def entry_link(self, page: str, entry: Entry, text: str | None = None) -> escape.Safe:
        """A Markdown link to an entry page, its title (or `text`) escaped."""
        label = entry.title if text is None else text
        target = urls.markdown_link(page, urls.entry_page(entry.slug))
        return escape.fill("[{}]({})", label, escape.Safe(target))


def number(value: Decimal | float) -> str:
    """A number without a trailing `.0` or exponent: `10`, `0.5`, `2.25`."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def build_context(
    magazine: Magazine, media: MediaIndex, memo: PageMemo | None = None
) -> PageContext:
    """Group the magazine once and pick labels and URL rules from its settings.

    With `memo`, the tokens of unchanged entries, services and settings are the ones of the
    last render. The services registry is not part of `fixed`: renaming one service reaches the
    pages that show it (through its token and the tokens of its entries), not every page.
    """
    settings = magazine.settings
    memo = memo if memo is not None else PageMemo()
    fixed = memo.steady(("fixed",), (magazine.root, settings, magazine.criteria), _same_settings)
    services = _service_tokens(magazine, memo)
    tokens = _entry_tokens(magazine, media, memo, services)

    def stats(
        service: Service, entries: tuple[Entry, ...], criteria: tuple[Criterion, ...]
    ) -> ServiceStats:
        inputs = (fixed, services[service.key], tuple(tokens[e.slug] for e in entries))
        return memo.part(
            ("stats", service.key), inputs, partial(service_stats, service, entries, criteria)
        )

    return PageContext(
        magazine=magazine,
        media=media,
        memo=memo,
        fixed=fixed,
        tokens=tokens,
        services=services,
        groups=group(magazine, stats),
        labels=labels_for(settings.language),
        urls=urls.SiteUrls(
            directory_urls=settings.use_directory_urls,
            media_base_url=settings.media_base_url,
            site_url=settings.site_url,
        ),
    )


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
