"""Every word the generator writes on a page, in each site language (Korean and English).

`labels_for(language)` returns a complete `Labels`; a dataclass without defaults makes a
missing word a construction error rather than an empty cell on a page.
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
    download_json: str
    download_csv: str
    feed: str
    feed_absolute: str
    all_entries: str
    page: str
    previous: str
    next: str
    none: str
    yes: str
    no: str
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


def labels_for(language: str) -> Labels:
    """The labels of a site language (`ko`, `en`, `ko-KR`), English when unknown."""
    return LANGUAGES.get(language.split("-")[0].lower(), LANGUAGES["en"])


# The words themselves live in one module per language; they need the class defined above.
from .labels_en import EN  # noqa: E402
from .labels_ko import KO  # noqa: E402

LANGUAGES: dict[str, Labels] = {"en": EN, "ko": KO}


# ---------------------------------------------------------------- comparison viewer (theater)


@dataclass(frozen=True)
class TheaterLabels:
    """The comparison viewer's words: its controls' accessible names and its tiles' phrases.

    Entries with `{name}` take a service and model; `{count}` a number of other services;
    `{t}` and `{total}` are filled in by the viewer's script as the clips play.
    """

    viewer: str
    transport: str
    play: str
    pause: str
    restart: str
    frame_back: str
    frame_forward: str
    position: str
    time: str
    speed: str
    loop: str
    wipe: str
    wipe_a: str
    wipe_b: str
    divider: str
    enlarge: str
    sound: str
    silent: str
    still: str
    keys: str
    against: str
    open_full: str
    this_trial: str


_THEATER_EN = TheaterLabels(
    viewer="Every clip of this prompt, in sync",
    transport="Playback of every clip",
    play="Play all",
    pause="Pause all",
    restart="Restart",
    frame_back="One frame back",
    frame_forward="One frame forward",
    position="Position",
    time="{t} / {total} s",
    speed="Speed",
    loop="Loop",
    wipe="A/B wipe",
    wipe_a="Clip A (left of the divider)",
    wipe_b="Clip B (right of the divider)",
    divider="Wipe divider between A and B",
    enlarge="Large view: {name}",
    sound="Sound: {name}",
    silent="no sound",
    still="still image, not played",
    keys=(
        "Keys: Space plays or pauses, ← → move one second, , and . step one frame, "
        "arrows move the wipe divider, Esc leaves the large view."
    ),
    against="See it against {count} other services",
    open_full="Open the full comparison",
    this_trial="this trial",
)

_THEATER_KO = TheaterLabels(
    viewer="이 프롬프트의 모든 결과물, 함께 재생",
    transport="모든 결과물 재생 조작",
    play="모두 재생",
    pause="모두 일시 정지",
    restart="처음부터",
    frame_back="한 프레임 뒤로",
    frame_forward="한 프레임 앞으로",
    position="재생 위치",
    time="{t} / {total}초",
    speed="재생 속도",
    loop="반복 재생",
    wipe="A/B 겹쳐 보기",
    wipe_a="결과물 A (경계선 왼쪽)",
    wipe_b="결과물 B (경계선 오른쪽)",
    divider="A와 B 사이 경계선",
    enlarge="{name} 크게 보기",
    sound="{name} 소리 듣기",
    silent="소리 없음",
    still="정지 이미지, 재생하지 않음",
    keys=(
        "키보드: 스페이스는 재생과 일시 정지, ← →는 1초 이동, 쉼표와 마침표는 한 프레임 이동, "
        "겹쳐 보기에서는 화살표로 경계선 이동, Esc는 크게 보기 닫기."
    ),
    against="다른 서비스 {count}곳의 결과물과 함께 보기",
    open_full="비교 페이지에서 모두 보기",
    this_trial="이 체험기",
)


def theater_labels(language: str) -> TheaterLabels:
    """The viewer's words in a site language, English when unknown."""
    return _THEATER_KO if language.split("-")[0].lower() == "ko" else _THEATER_EN
