"""What a site language's words are: the `Labels` every language fills in (`labels_en`,
`labels_ko`), and the formatting of days, moments and durations they share.

A dataclass without defaults makes a missing word a construction error rather than an empty
cell on a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from ..durations import format_duration, format_ratio
from ..model import Access, Plan, Status

_ABBREVIATION = re.compile(r"[A-Z]{2,5}")
"""A zone abbreviation (`KST`, `CEST`); tz data writes zones without one as `+04` or `-0330`."""


@dataclass(frozen=True)
class MeasureWords:
    """The words of clip measurements and service claims (`pages/measured.py`).

    Never "score": these are facts measured beside the writer's judgement.
    """

    heading: str  # "Measured"
    intro: str  # one line: how and at what size, and that these are not scores
    names: dict[str, str]  # measure key → plain name
    tells: dict[str, str]  # measure key → "what this tells you", naming the criterion
    value: str  # column head
    what_it_tells: str  # column head
    frozen_flag: str  # "{share} of the clip frozen"
    flash_flag: str
    letterbox_flag: str
    fps_flag: str  # "{distinct} distinct pictures a second in a {fps} fps file"
    cuts_none: str
    per_second: str  # "{value} a second"
    claimed: str  # "claimed {claimed} · delivered {delivered}"
    claim_source: str
    claims: str  # section heading on the service page
    delivered: str  # section heading: what it delivered over time
    timeline: str  # "Motion and brightness over the clip"
    motion_line: str
    brightness_line: str
    cut_mark: str
    writer_rating: str  # "Writer's rating"
    informs: str  # column head: the criterion a measure informs
    schema: str  # link text of the JSON Schema on the open data page
    not_measured: str
    resolution: str
    length: str
    frame_rate: str
    date: str
    delivered_dot: str  # chart legend: a delivered clip
    median_key: str  # chart legend: a month's median
    claimed_from: str  # "claimed from {day}: {value}" (a claim's stretch of the chart)
    month_median: str  # "median of {month}: {value}"
    chart_desc: str  # how to read a chart of deliveries against claims


@dataclass(frozen=True)
class Labels:
    """The generator's words in one language."""

    language: str
    # sections
    trials: str
    comparisons: str
    services: str
    leaderboard: str
    reports: str
    tags: str
    data: str
    latest: str
    # entry page
    prompt: str
    prompt_source: str
    service: str
    model: str
    plan: str
    cost: str
    status: str
    timeline: str
    submitted: str
    promised: str
    delivered: str
    last_checked: str
    wait: str
    clips: str
    contact_sheet: str
    media_facts: str
    resolution: str
    duration_label: str
    frame_rate: str
    codec: str
    audio: str
    file_size: str
    seconds: str  # "{value}" with the unit, for a clip's length
    ratings: str
    verdict: str
    notes: str
    comparison: str
    no_media: str
    no_clips: str
    media_failed: str
    stand_in: str
    original: str
    no_ratings: str
    not_recorded: str
    no_check: str
    # wait phrases
    times_promise: str  # "{ratio} the promise"
    still_waiting: str  # "{wait}"
    as_of: str  # "{date}"
    at_least: str  # "{wait}", the compact form of a wait that has not ended
    failed_after: str  # "{wait}"
    abandoned_after: str  # "{wait}"
    waitlisted_for: str  # "{wait}", at least this long on a waitlist
    units: dict[str, str]  # a cost's unit → "{amount} unit" in this language
    # front page, cards, entry page
    mean_score: str
    lead_story: str
    outcome_delivered: str
    outcome_waiting: str
    outcome_closed: str
    waiting_board: str
    waiting_since: str  # "{date}"
    nothing_waiting: str
    other_services: str
    facts: str
    permalink: str
    made_with: str
    home: str
    """The home page's item in the navigation (the site's name is the drawer's title)."""
    # comparison page
    play_all: str
    best: str
    never_arrived: str
    score: str
    # service page
    vendor: str
    home_page: str
    kind: str
    access_history: str
    wait_history: str
    score_history: str
    delivery_rate: str
    cost_per_clip: str
    attempts: str
    median_wait: str
    average: str
    no_usable_clip: str
    per_usable_clip: str  # "{cost} ({total} over {attempts} attempts, ...)", after cost_per_clip
    when: str
    chart_wait_title: str
    chart_score_title: str
    hours: str
    registry_change: str
    what: str
    source: str
    kinds: dict[str, str]
    observed: str
    latest_attempts: str  # "{shown} {total}", under a section that shows only the latest
    every_attempt_link: str  # "{total}", the link to the page of every attempt
    every_attempt_title: str  # "{name}", the title of that page
    back_to_service: str  # "{name}", its link back to the service page
    # leaderboard, reports, data
    rated_attempts: str
    mean_of_ratings: str  # "{count}", a tooltip on a mean of ratings
    mean_of_attempts: str  # "{count}", a tooltip on a mean of per-attempt averages
    few_hint: str  # "{few}", added to the tooltip of a mean over too few values
    few_legend: str  # "{few}", one line under the leaderboard
    side_by_side: str
    overall: str
    month: str
    tried: str
    changes_since: str
    no_changes: str
    medians: str
    archive: str
    faster: str
    slower: str
    first_seen: str
    first_status: str  # "{status}": a status never seen before this month
    median_then: str  # "{wait}", "{month}": the last earlier median wait
    later_attempt: str
    later_on: str  # "{status}", "{date}"
    # comparison pages as reviews: the result box and rounds
    result: str
    result_best: str
    result_fastest: str
    result_never: str
    result_everyone: str
    result_unrated: str
    round_name: str  # "{number}"
    rounds_line: str  # "{count}", "{dates}"
    round_changes: str
    delivered_in: str  # "{wait}"
    nothing_after: str  # "{wait}"
    mean_change: str  # "{before}", "{after}"
    went_up: str
    went_down: str
    same_service_attempts: str
    rounds_shown: str
    all_rounds: str
    download_json: str
    download_csv: str
    feed: str
    all_entries: str
    page: str
    previous: str
    next: str
    none: str
    yes: str
    no: str
    # an entry page read as an article; the leaderboard's views
    copy_prompt: str
    copied: str
    criterion: str
    count_short: str  # "{count}", beside a mean: how many values it rests on
    by_model: str
    by_service: str
    # enumerations
    statuses: dict[str, str]
    plans: dict[str, str]
    access: dict[str, str]
    months: tuple[str, ...]
    measured: MeasureWords

    def status_name(self, status: Status) -> str:
        """A status in this language."""
        return self.statuses[status.value]

    def plan_name(self, plan: Plan | None) -> str:
        """A plan in this language."""
        return self.plans[plan.value] if plan is not None else self.not_recorded

    def access_name(self, access: Access) -> str:
        """An access state in this language."""
        return self.access[access.value]

    def amount(self, amount: str, unit: str) -> str:
        """A cost in running text: `20 크레딧`, `0.5달러`; a unit this language has no word
        for stays as the writer wrote it."""
        form = self.units.get(unit.casefold())
        return form.format(amount=amount) if form else f"{amount} {unit}"

    def duration(self, value: timedelta) -> str:
        """A duration such as `2일 3시간` or `2 d 3 h`."""
        return format_duration(value, self.language)

    def ratio(self, value: float) -> str:
        """A wait-to-promise ratio: `16×`."""
        return format_ratio(value, self.language)

    def day(self, value: date) -> str:
        """A calendar day: `2025년 1월 3일` or `3 Jan 2025`."""
        if self.language == "ko":
            return f"{value.year}년 {value.month}월 {value.day}일"
        return f"{value.day} {self.months[value.month - 1][:3]} {value.year}"

    def moment(self, value: datetime, zone: tzinfo | None) -> str:
        """A moment in the magazine's zone (or as written): day, time and zone.

        The zone reads as its abbreviation where it has one (`KST`, `CET`, `UTC`), else as
        the offset (`UTC+04:00`): tz data names many zones only by a number such as `+04`.
        """
        local = value.astimezone(zone) if zone is not None else value
        return f"{self.day(local.date())} {local:%H:%M} {zone_name(local)}".rstrip()

    def month_name(self, year: int, month: int) -> str:
        """A month: `2025년 1월` or `January 2025`."""
        if self.language == "ko":
            return f"{year}년 {month}월"
        return f"{self.months[month - 1]} {year}"


def zone_name(moment: datetime) -> str:
    """`KST` for a zone with an abbreviation, else the UTC offset: `UTC+09:00`, `UTC-03:30`."""
    name = moment.tzname()
    if name and _ABBREVIATION.fullmatch(name):
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:5]}" if offset else ""
