"""What every page view needs: the magazine, its groupings, labels, URLs, and shared phrases."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Protocol, TypeVar

from ..claimed import promise_for
from ..media.renditions import MediaIndex
from ..model import Cost, Criterion, Entry, Magazine, Service, Status, Wait
from . import escape, urls
from .labels import Labels, labels_for
from .render import macros
from .stats import FEW, Groupings, Mean, ServiceStats, group, service_stats

T = TypeVar("T")
StatsMaker = Callable[[Service, tuple[Entry, ...], tuple[Criterion, ...]], ServiceStats]

UNKNOWN = "—"
"""A table cell's value when nothing is known; its tooltip says why."""


class Reuse(Protocol):
    """How a render makes an entry part: `make()` now, or what it made last time for the same
    function, page, entry and arguments while they stand (see `parts.entry_part`)."""

    def __call__(
        self,
        make: Callable[[], T],
        render: Callable[..., T],
        page: str,
        entry: Entry,
        args: tuple[Hashable, ...],
    ) -> T: ...


def make_now(
    make: Callable[[], T],
    render: Callable[..., T],
    page: str,
    entry: Entry,
    args: tuple[Hashable, ...],
) -> T:
    """A fresh render's way with entry parts: make each one."""
    return make()


@dataclass(frozen=True)
class PageContext:
    """What every page view may read, built once per render: the magazine and its media, the
    groupings, labels and URL rules."""

    magazine: Magazine
    media: MediaIndex
    groups: Groupings
    labels: Labels
    urls: urls.SiteUrls
    reuse: Reuse = make_now
    """How entry parts are made (`parts.entry_part`); the preview's render reuses them."""

    def wait_of(self, entry: Entry) -> Wait | None:
        """The attempt's wait, held against its own promised wait or, without one, the wait
        its service claimed on the day it was sent (`claimed.promise_for`)."""
        wait = entry.wait
        if wait is None or entry.promised_wait is not None:
            return wait
        claimed = promise_for(entry, self.magazine.services.get(entry.service), self.zone)
        return wait if claimed is None else replace(wait, promised=claimed)

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

    def wait_text(self, entry: Entry, *, flat: bool = False) -> str:
        """How the attempt stands, as a sentence: `40 min (0.2× the promise)`, `still waiting
        after 2 d (16× the promise)`, `failed after 40 min (8× the promise)`, `refused`,
        `abandoned after 3 d`, `paywalled`, `waitlisted for at least 3 d`.

        Args:
            flat: the promise after a comma, not in parentheses (for text already inside
                parentheses).
        """
        status = entry.status
        wait = self.wait_of(entry)
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
            promise = L.times_promise.format(ratio=L.ratio(ratio))
            core += f", {promise}" if flat else f" ({promise})"
        return core

    def wait_full(self, entry: Entry) -> str:
        """The wait with, while the attempt is open, the date of the last check."""
        text = self.wait_text(entry)
        wait = self.wait_of(entry)
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
        wait = self.wait_of(entry)
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
    magazine: Magazine,
    media: MediaIndex,
    *,
    stats: StatsMaker = service_stats,
    reuse: Reuse = make_now,
) -> PageContext:
    """Group the magazine once and pick labels and URL rules from its settings.

    Args:
        stats: what figures a service (the preview's render reuses unchanged services' figures).
        reuse: how entry parts are made.
    """
    settings = magazine.settings
    return PageContext(
        magazine=magazine,
        media=media,
        groups=group(magazine, stats),
        labels=labels_for(settings.language),
        urls=urls.SiteUrls(
            directory_urls=settings.use_directory_urls,
            media_base_url=settings.media_base_url,
            site_url=settings.site_url,
        ),
        reuse=reuse,
    )
