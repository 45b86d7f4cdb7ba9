"""What every page view needs: the magazine, its groupings, labels, URLs, and shared phrases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal

from ..model import Cost, Entry, Magazine, Status
from ..renditions import MediaIndex
from . import escape, urls
from .labels import Labels, labels_for
from .stats import Groupings, Mean, group


@dataclass(frozen=True)
class PageContext:
    """The render-wide state shared by page views (built once per render)."""

    magazine: Magazine
    media: MediaIndex
    groups: Groupings
    labels: Labels
    urls: urls.SiteUrls

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
        """`40 min (0.2× the promise)` or `still waiting after 2 d (16× the promise)`."""
        wait = entry.wait
        L = self.labels
        if wait is None:
            return L.no_check if entry.status is not Status.DELIVERED else L.not_recorded
        core = L.duration(wait.duration)
        if not wait.settled:
            core = L.still_waiting.format(wait=core)
        ratio = wait.ratio
        if ratio is not None:
            core += f" ({L.times_promise.format(ratio=L.ratio(ratio))})"
        return core

    def wait_full(self, entry: Entry) -> str:
        """The wait with, while not delivered, the date of the last check."""
        text = self.wait_text(entry)
        wait = entry.wait
        if wait is not None and not wait.settled and entry.checked_at is not None:
            text += f", {self.labels.as_of.format(date=self.moment(entry.checked_at))}"
        return text

    def cost_text(self, cost: Cost | None) -> str:
        """`10 credits`, `0.5 USD`, or `not recorded`."""
        if cost is None:
            return self.labels.not_recorded
        return f"{number(cost.amount)} {cost.unit}"

    def mean_text(self, found: Mean | None) -> str:
        """`4.2 (n=5)` with a flag when n is small."""
        if found is None:
            return "–"
        flag = f", {self.labels.few}" if found.few else ""
        return f"{found.value:.1f} ({self.labels.count}={found.count}{flag})"

    def service_link(self, page: str, key: str) -> escape.Safe:
        """A Markdown link to a service page, its display name escaped."""
        name = escape.text(self.groups.service(key).name)
        target = urls.markdown_link(page, urls.service_page(key))
        return escape.Safe(f"[{name}]({target})")

    def entry_link(self, page: str, entry: Entry, text: str | None = None) -> escape.Safe:
        """A Markdown link to an entry page, its title (or `text`) escaped."""
        label = escape.text(entry.title if text is None else text)
        return escape.Safe(f"[{label}]({urls.markdown_link(page, urls.entry_page(entry.slug))})")


def number(value: Decimal | float) -> str:
    """A number without a trailing `.0` or exponent: `10`, `0.5`, `2.25`."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def build_context(magazine: Magazine, media: MediaIndex) -> PageContext:
    """Group the magazine once and pick labels and URL rules from its settings."""
    settings = magazine.settings
    return PageContext(
        magazine=magazine,
        media=media,
        groups=group(magazine),
        labels=labels_for(settings.language),
        urls=urls.SiteUrls(
            directory_urls=settings.use_directory_urls,
            media_base_url=settings.media_base_url,
            site_url=settings.site_url,
        ),
    )
