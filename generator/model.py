"""The magazine as typed, immutable data: entries, clips, services, criteria, comparisons.

`EntryData` is the contract of one entry file: exactly the fields a writer may write, each
documented here (the JSON Schema of `magazine schema` and the README come from these
descriptions). `Entry` adds what the loader knows (source path, slug) and the derived facts the
pages need (wait, ratio to the promise, comparison key). Nothing here reads files or the clock.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import (
    AwareDatetime,
    Field,
    field_validator,
    model_validator,
)

from .addresses import address_problem, public_url
from .claim import ServiceClaim as ServiceClaim
from .errors import Problem
from .fields import Duration, Key, Sha256, Text
from .fields import Frozen as _Frozen
from .messages import Message, MessageError
from .settings import Settings
from .slugs import short_hash, slugify


class Status(StrEnum):
    """Where a submission stands."""

    DELIVERED = "delivered"
    PENDING = "pending"
    WAITLISTED = "waitlisted"
    PAYWALLED = "paywalled"
    FAILED = "failed"
    REFUSED = "refused"
    ABANDONED = "abandoned"

    @property
    def open(self) -> bool:
        """True while the submission may still produce something (pending, waitlisted,
        paywalled); delivered, failed, refused and abandoned are settled."""
        return self in (Status.PENDING, Status.WAITLISTED, Status.PAYWALLED)


class Plan(StrEnum):
    """The kind of access the writer had when submitting."""

    FREE = "free"
    TRIAL = "trial"
    PAID = "paid"
    SUBSCRIPTION = "subscription"
    CREDITS = "credits"
    API = "api"
    WAITLIST = "waitlist"
    INVITE = "invite"


class Access(StrEnum):
    """A service's availability, as recorded in the services registry's dated changes."""

    FREE = "free"
    PAID = "paid"
    WAITLIST = "waitlist"
    INVITE = "invite"
    CLOSED = "closed"


class ServiceKind(StrEnum):
    """What a service produces."""

    VIDEO = "video"
    IMAGE = "image"


class Clip(_Frozen):
    """One output of a service: a local file or a remote URL (exactly one of the two)."""

    file: Text | None = Field(
        None,
        description="A local file, relative to the folder of the entry file. It must stay "
        "inside the magazine folder.",
    )
    url: Text | None = Field(
        None,
        description="A remote file (https://; http:// only when extra.magazine.allow_http is "
        "true). Downloaded once into the archive and recorded in magazine.lock.",
    )
    sha256: Sha256 | None = Field(
        None, description="Optional pin: the SHA-256 of the file, lowercase hex."
    )
    caption: Text | None = Field(None, description="A short caption shown under the clip.")
    stand_in: bool = Field(
        False,
        description="True when the file is a stand-in made by the writer (for example a test "
        "pattern), not the service's real output; pages label it as such.",
    )

    @field_validator("file")
    @classmethod
    def _forward_slashes(cls, value: str | None) -> str | None:
        # `media\clip.mp4`, as Windows writes paths, is the same path: no name every system
        # can hold contains a backslash (`filenames`), so it can only be a separator.
        return None if value is None else value.replace("\\", "/")

    @model_validator(mode="after")
    def _one_source(self) -> Clip:
        if (self.file is None) == (self.url is None):
            raise MessageError(Message("clip.one_source"))
        return self

    @property
    def source(self) -> str:
        """The file path as written, or the URL without its secrets."""
        return self.file if self.file is not None else public_url(str(self.url))


COST_CEILING = 10**15
COST_PLACES = 6


class Cost(_Frozen):
    """What one attempt cost."""

    amount: Decimal = Field(ge=0, description="How much, in `unit`. 0 for a free attempt.")
    unit: Text = Field(description="credits, USD, KRW, EUR, ... (free text, kept as written)")

    @field_validator("amount", mode="before")
    @classmethod
    def _number(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            raise MessageError(Message("cost.not_a_number"))
        return value

    @field_validator("amount")
    @classmethod
    def _bounded(cls, value: Decimal) -> Decimal:
        # 1e4300 is a valid Decimal, but formatting it for a page writes thousands of digits.
        if value.is_finite() and value >= COST_CEILING:
            raise MessageError(Message("cost.too_large", ceiling=COST_CEILING))
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -COST_PLACES:
            raise MessageError(Message("cost.places", places=COST_PLACES))
        return value


class EntryData(_Frozen):
    """One submission of one prompt to one service: the fields of an entry file."""

    title: Text = Field(description="Shown as the page title.")
    service: Key = Field(description="Key of the service in entries/services.yml.")
    model: Text | None = Field(
        None, description="Model or version as the service labels it, e.g. `Sora 1.0`."
    )
    plan: Plan | None = Field(None, description="The access the writer had.")
    prompt: Text = Field(description="The prompt exactly as sent. Use a `|` block for long text.")
    prompt_source: Text | None = Field(
        None, description="Where the prompt came from, e.g. `written with a multimodal chatbot`."
    )
    experiment: Key | None = Field(
        None,
        description="Groups entries into one comparison even when their prompts differ "
        "(otherwise entries with the same prompt form a comparison).",
    )
    submitted_at: AwareDatetime = Field(
        description="When the prompt was sent. With a UTC offset, or in extra.magazine.timezone."
    )
    promised_wait: Duration | None = Field(
        None,
        description="What the service said it would take: 3h, 90m, 2d, 1h30m, 3시간, "
        "3 hours, also as an estimate: 약 3시간, about 3h, ~3h.",
    )
    delivered_at: AwareDatetime | None = Field(None, description="When the result arrived.")
    status: Status = Field(description="Where the submission stands.")
    checked_at: AwareDatetime | None = Field(
        None,
        description="While not delivered: the last time the writer looked. The wait shown is "
        "'at least checked_at − submitted_at'.",
    )
    clips: tuple[Clip, ...] = Field((), description="What came back: files or URLs.")
    cost: Cost | None = Field(None, description="What the attempt cost: {amount, unit}.")
    ratings: dict[Key, int] = Field(
        default_factory=dict,
        description="Scores per criterion key of entries/criteria.yml (any subset), whole "
        "numbers within each criterion's scale.",
    )
    verdict: Text | None = Field(None, description="One line: the writer's judgement.")
    notes: str | None = Field(None, description="Markdown, as long as the writer wants.")
    tags: tuple[Text, ...] = Field((), description="Free tags, e.g. text-to-video.")
    language: str | None = Field(
        None,
        pattern=r"^[a-z]{2}(-[A-Za-z]{2,4})?$",
        description="Language of the writer's text in this entry (ko, en); defaults to the "
        "site language.",
    )
    slug: str | None = Field(
        None,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=100,
        description="The page address. Defaults to the file name, romanised; set it to keep an "
        "address when renaming a file.",
    )
    updated_at: AwareDatetime | None = Field(
        None, description="When the writer last changed the entry in substance (for the feed)."
    )

    @field_validator("ratings", mode="before")
    @classmethod
    def _ratings_whole(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key, score in value.items():
                if isinstance(score, bool) or not isinstance(score, int):
                    raise MessageError(Message("rating.not_whole", got=repr(score)), field=str(key))
        return value


@dataclass(frozen=True)
class Wait:
    """How long a submission took, or has taken so far."""

    duration: timedelta
    settled: bool
    """True when the attempt has ended (delivered, failed, refused, abandoned); False means
    'at least this long, and still open'."""
    promised: timedelta | None
    outcome: Status = Status.DELIVERED
    """How the wait ended, or where it stands: the entry's status."""

    @property
    def ratio(self) -> float | None:
        """The wait as a multiple of the promise (16.0 for 48 h against 3 h)."""
        if not self.promised:
            return None
        return self.duration / self.promised


class Entry(EntryData):
    """A loaded entry: the writer's fields plus where it came from and what follows from it."""

    path: str = Field(description="Entry file, relative to the magazine root (set by the loader).")
    slug: str = Field(description="Stable ASCII page address (set by the loader).")

    @property
    def wait(self) -> Wait | None:
        """Delivered − submitted; or checked − submitted while not delivered: 'at least' while
        the attempt is open, the time it took to fail or to give up once it has ended."""
        status = self.status
        if self.delivered_at is not None:
            return Wait(self.delivered_at - self.submitted_at, True, self.promised_wait, status)
        if self.checked_at is not None:
            duration = self.checked_at - self.submitted_at
            return Wait(duration, not status.open, self.promised_wait, status)
        return None

    @property
    def comparison_key(self) -> str:
        """Entries sharing this key form a comparison: the experiment, or the normalised prompt."""
        if self.experiment:
            return f"experiment:{self.experiment}"
        return f"prompt:{normalize_prompt(self.prompt)}"

    @property
    def usable(self) -> bool:
        """Delivered with something to show."""
        return self.status is Status.DELIVERED and bool(self.clips)

    @property
    def last_changed(self) -> datetime:
        """The latest moment the entry records, for feeds; never the build clock."""
        moments = [self.submitted_at, self.delivered_at, self.checked_at, self.updated_at]
        return max(m for m in moments if m is not None)


OPEN = (Status.PENDING, Status.WAITLISTED)
"""Statuses of an attempt the writer is still waiting on."""


@lru_cache(maxsize=1 << 14)
def normalize_prompt(prompt: str) -> str:
    """Unicode NFC and collapsed whitespace, so reflowed copies of a prompt still match.

    Kept by prompt: every entry's comparison key asks for it, on every load of the preview.
    """
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", prompt)).strip()


class ServiceChange(_Frozen):
    """A dated change in a service's availability or terms."""

    date: date
    access: Access | None = Field(None, description="Availability from this date on.")
    note: Text = Field(description="What changed, e.g. `video now paid only`.")


class Service(_Frozen):
    """One generative service, from entries/services.yml."""

    key: Key
    name: Text = Field(description="Display name, e.g. `Kling`.")
    vendor: Text | None = Field(None, description="Who makes it.")
    url: Text | None = Field(None, description="Home page (https://).")
    kind: ServiceKind = Field(ServiceKind.VIDEO, description="video or image.")
    description: str | None = Field(None, description="A paragraph about the service (Markdown).")
    changes: tuple[ServiceChange, ...] = Field((), description="Dated changes, oldest first.")
    claims: tuple[ServiceClaim, ...] = Field(
        (),
        description="What it claimed of its output (resolution, length, frame rate, wait), "
        "dated, oldest first; an attempt is held against the one in force when sent.",
    )

    @field_validator("claims")
    @classmethod
    def _claims_in_order(cls, value: tuple[ServiceClaim, ...]) -> tuple[ServiceClaim, ...]:
        for earlier, later in itertools.pairwise(value):
            if later.date <= earlier.date:
                raise MessageError(
                    Message("service_claim.order", later=str(later.date), earlier=str(earlier.date))
                )
        return value

    @field_validator("url")
    @classmethod
    def _home_page(cls, value: str | None) -> str | None:
        # The page links to it: javascript:, data:, credentials and quotes are refused here,
        # not dropped silently when the page is rendered.
        wrong = None if value is None else address_problem(value)
        if wrong:
            raise MessageError(wrong)
        return value


class Criterion(_Frozen):
    """A rating criterion, from entries/criteria.yml."""

    key: Key
    label: dict[str, Text] = Field(description="Label per language code: {ko: 조명, en: Lighting}.")
    scale: int = Field(5, ge=2, le=100, description="Ratings are whole numbers from 1 to scale.")
    description: dict[str, Text] = Field(default_factory=dict)

    def label_for(self, language: str) -> str:
        """The label in a language, falling back to English, then to any label, then the key."""
        return (
            self.label.get(language)
            or self.label.get("en")
            or next(iter(self.label.values()), self.key)
        )


class TagLabel(_Frozen):
    """How a tag reads in each language, from entries/tags.yml (optional): entries keep
    writing the tag itself (`text-to-video`); pages show its label in the site's language."""

    key: str = Field(description="The tag as entries write it.")
    label: dict[str, Text] = Field(
        description="Label per language code: {ko: 텍스트로 영상, en: Text to video}."
    )

    def label_for(self, language: str) -> str:
        """The label in a language, else the tag as written."""
        return self.label.get(language) or self.key


DEFAULT_CRITERIA: tuple[Criterion, ...] = tuple(
    Criterion(key=key, label={"en": en, "ko": ko})
    for key, en, ko in [
        ("quality", "Quality", "품질"),
        ("composition", "Composition", "구도"),
        ("story", "Story", "스토리"),
        ("camera", "Camera angle", "카메라 앵글"),
        ("consistency", "Consistency", "일관성"),
        ("lighting", "Lighting", "조명"),
        ("colour", "Colour", "색감"),
    ]
)


class Experiment(_Frozen):
    """A comparison's title and introduction, from entries/experiments.yml (optional)."""

    key: Key
    title: Text | dict[str, Text] | None = Field(
        None, description="The comparison's title: plain, or per language {ko: ..., en: ...}."
    )
    introduction: str | None = Field(
        None, description="A paragraph shown before the result box (Markdown)."
    )

    def title_for(self, language: str) -> str | None:
        """The title in a language, falling back to English, then to any title."""
        if self.title is None or isinstance(self.title, str):
            return self.title
        return self.title.get(language) or self.title.get("en") or next(iter(self.title.values()))


@dataclass(frozen=True)
class Comparison:
    """One prompt (or experiment) and every entry that received it."""

    key: str
    slug: str
    prompt: str
    entries: tuple[Entry, ...]

    @property
    def services(self) -> tuple[str, ...]:
        """Service keys in the comparison, in entry order, each once."""
        return tuple(dict.fromkeys(e.service for e in self.entries))

    @property
    def experiment(self) -> str | None:
        """The experiment key its entries share, if they are grouped by one."""
        return self.key.removeprefix("experiment:") if self.key.startswith("experiment:") else None


@lru_cache(maxsize=1 << 14)
def comparison_slug(key: str, prompt: str) -> str:
    """A readable, stable slug: the experiment key, or the prompt's first words and a hash.

    Kept by key and prompt, like `normalize_prompt`: the preview groups on every save.
    """
    if key.startswith("experiment:"):
        return slugify(key.removeprefix("experiment:")) or short_hash(key)
    words = slugify(" ".join(normalize_prompt(prompt).split()[:6]), max_length=40)
    return f"{words}-{short_hash(key, 6)}" if words else short_hash(key)


def group_comparisons(entries: tuple[Entry, ...]) -> tuple[Comparison, ...]:
    """Entries sharing a comparison key, two or more, sorted by first submission."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.comparison_key, []).append(entry)
    comparisons = [
        Comparison(
            key=key,
            slug=comparison_slug(key, members[0].prompt),
            prompt=members[0].prompt,
            entries=tuple(sorted(members, key=lambda e: (e.submitted_at, e.slug))),
        )
        for key, members in groups.items()
        if len(members) >= 2
    ]
    return tuple(sorted(comparisons, key=lambda c: (c.entries[0].submitted_at, c.slug)))


@dataclass(frozen=True)
class Magazine:
    """Everything loaded and validated: the input of every later stage."""

    root: Path
    settings: Settings
    entries: tuple[Entry, ...]
    services: Mapping[str, Service]
    criteria: tuple[Criterion, ...] = DEFAULT_CRITERIA
    comparisons: tuple[Comparison, ...] = field(default=())
    experiments: Mapping[str, Experiment] = field(default_factory=dict)
    """Titles and introductions of comparisons, by experiment key (entries/experiments.yml)."""
    warnings: tuple[Problem, ...] = field(default=(), compare=False)
    tags: Mapping[str, TagLabel] = field(default_factory=dict)
    """Labels of tags by the tag as written (entries/tags.yml; empty without one)."""
    """Located warnings about entries that are valid but probably not meant (`check` and
    `build` print them and go on)."""

    @property
    def timezone(self) -> tzinfo | None:
        """The magazine's time zone (for months and dates shown), if set."""
        return self.settings.tzinfo

    def entry(self, slug: str) -> Entry:
        """The entry with this slug."""
        for entry in self.entries:
            if entry.slug == slug:
                return entry
        raise KeyError(slug)
