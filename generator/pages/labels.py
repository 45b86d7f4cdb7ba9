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

    def status_name(self, status: Status) -> str:
        """A status in this language."""
        return self.statuses[status.value]

    def plan_name(self, plan: Plan | None) -> str:
        """A plan in this language."""
        return self.plans[plan.value] if plan is not None else self.not_recorded

    def access_name(self, access: Access) -> str:
        """An access state in this language."""
        return self.access[access.value]

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


_EN = Labels(
    language="en",
    trials="Trials",
    comparisons="Comparisons",
    services="Services",
    leaderboard="Leaderboard",
    reports="Monthly reports",
    tags="Tags",
    data="Open data",
    latest="Latest trials",
    prompt="Prompt",
    prompt_source="Prompt source",
    service="Service",
    model="Model",
    plan="Plan",
    cost="Cost",
    status="Status",
    timeline="Timeline",
    submitted="Submitted",
    promised="Promised",
    delivered="Delivered",
    last_checked="Last checked",
    wait="Wait",
    clips="Clips",
    contact_sheet="Contact sheet",
    media_facts="Media facts",
    resolution="Resolution",
    duration_label="Duration",
    frame_rate="Frame rate",
    codec="Codec",
    audio="Audio",
    file_size="Size",
    seconds="{value} s",
    ratings="Ratings",
    verdict="Verdict",
    notes="Notes",
    comparison="Same prompt, other attempts",
    no_clips="Nothing came back.",
    no_media="No media for this clip yet (pending, not fetched or not delivered).",
    media_failed="This clip could not be processed",
    stand_in="Stand-in, not the service's output",
    original="Original file",
    no_ratings="Not rated.",
    not_recorded="not recorded",
    no_check="not delivered, and no check recorded",
    times_promise="{ratio} the promise",
    still_waiting="still waiting after {wait}",
    as_of="as of the last check on {date}",
    at_least="≥ {wait}",
    play_all="Play all in sync",
    best="best",
    never_arrived="never arrived",
    score="Score",
    vendor="Vendor",
    home_page="Home page",
    kind="Kind",
    access_history="Access over time",
    wait_history="Wait per attempt against the promise",
    score_history="Scores over time",
    delivery_rate="Delivery rate",
    cost_per_clip="Cost per usable clip",
    attempts="Attempts",
    median_wait="Median wait",
    average="Average",
    no_usable_clip="{total} spent over {attempts} attempts, no usable clip yet",
    per_usable_clip="{cost} ({total} over {attempts} attempts, {clips} usable clips)",
    when="Date",
    chart_wait_title="Wait per attempt (hours); dashed bars with an arrow are still waiting",
    chart_score_title="Average score per attempt over time",
    hours="hours",
    registry_change="registry",
    what="What",
    source="Source",
    kinds={"video": "video", "image": "image"},
    observed="observed",
    rated_attempts="Rated attempts",
    mean_of_ratings="Ratings averaged: {count}",
    mean_of_attempts="Rated attempts averaged: {count}",
    few_hint="fewer than {few}, so only a hint",
    few_legend=(
        "Faded italic figures rest on fewer than {few} ratings; only a service with at least "
        "{few} rated attempts gets a rank (#)."
    ),
    side_by_side="See them side by side",
    overall="Overall",
    month="Month",
    tried="What was tried",
    changes_since="What changed since the month before",
    no_changes="No change in access or speed since the month before.",
    medians="Medians per service",
    archive="All months",
    faster="faster",
    slower="slower",
    first_seen="first tried this month",
    download_json="Every entry as JSON",
    download_csv="Every entry as CSV",
    feed="Atom feed of new and updated entries",
    feed_absolute="Feed links are relative until mkdocs.yml sets site_url.",
    all_entries="All trials, newest first",
    page="Page",
    previous="Previous",
    next="Next",
    none="none",
    yes="yes",
    no="no",
    statuses={
        "delivered": "delivered",
        "pending": "pending",
        "waitlisted": "waitlisted",
        "paywalled": "paywalled",
        "failed": "failed",
        "refused": "refused",
        "abandoned": "abandoned",
    },
    plans={
        "free": "free",
        "trial": "trial",
        "paid": "paid",
        "subscription": "subscription",
        "credits": "credits",
        "api": "API",
        "waitlist": "waitlist",
        "invite": "invite",
    },
    access={
        "free": "free",
        "paid": "paid only",
        "waitlist": "waitlist",
        "invite": "invite only",
        "closed": "shut down",
    },
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
)

_KO = Labels(
    language="ko",
    trials="체험기",
    comparisons="비교",
    services="서비스",
    leaderboard="순위표",
    reports="월간 리포트",
    tags="태그",
    data="공개 데이터",
    latest="최근 체험기",
    prompt="프롬프트",
    prompt_source="프롬프트 출처",
    service="서비스",
    model="모델",
    plan="요금제",
    cost="비용",
    status="상태",
    timeline="진행",
    submitted="제출",
    promised="약속",
    delivered="도착",
    last_checked="마지막 확인",
    wait="대기",
    clips="결과물",
    contact_sheet="프레임 모음",
    media_facts="미디어 정보",
    resolution="해상도",
    duration_label="길이",
    frame_rate="프레임 속도",
    codec="코덱",
    audio="오디오",
    file_size="크기",
    seconds="{value}초",
    ratings="평가",
    verdict="한줄평",
    notes="메모",
    comparison="같은 프롬프트의 다른 시도",
    no_clips="받은 결과물이 없다.",
    no_media="이 결과물은 아직 미디어가 없다 (대기 중, 받지 못함 또는 미도착).",
    media_failed="이 결과물을 처리하지 못했다",
    stand_in="대체 자료, 서비스의 결과물이 아님",  # a clip may be a video or an image
    original="원본 파일",
    no_ratings="평가 없음.",
    not_recorded="기록 없음",
    no_check="도착하지 않음, 확인 기록 없음",
    times_promise="약속의 {ratio}",
    still_waiting="{wait} 넘게 기다리는 중",
    as_of="마지막 확인 {date} 기준",
    at_least="≥ {wait}",
    play_all="모두 함께 재생",
    best="최고",
    never_arrived="도착하지 않음",
    score="점수",
    vendor="만든 곳",
    home_page="홈페이지",
    kind="종류",
    access_history="이용 조건의 변화",
    wait_history="시도별 대기 시간과 약속",
    score_history="시간에 따른 점수",
    delivery_rate="도착률",
    cost_per_clip="쓸 만한 결과물당 비용",
    attempts="시도",
    median_wait="대기 중앙값",
    average="평균",
    no_usable_clip="시도 {attempts}번에 {total}, 아직 쓸 만한 결과물 없음",
    per_usable_clip="{cost} (시도 {attempts}번에 {total}, 결과물 {clips}개)",
    when="날짜",
    chart_wait_title="시도별 대기 시간 (시간), 화살표가 붙은 점선 막대는 아직 기다리는 중",
    chart_score_title="시도별 평균 점수의 변화",
    hours="시간",
    registry_change="등록 정보",
    what="내용",
    source="출처",
    kinds={"video": "영상", "image": "이미지"},
    observed="관찰",
    rated_attempts="평가한 시도",
    mean_of_ratings="평가 {count}개의 평균",
    mean_of_attempts="평가한 시도 {count}번의 평균",
    few_hint="{few} 미만이라 참고용",
    few_legend=(
        "흐린 기울임꼴 숫자는 평가 {few}개 미만의 평균이다. 순위(#)는 평가한 시도가 "
        "{few}번 이상인 서비스에만 매긴다."
    ),
    side_by_side="모두 나란히 보기",
    overall="종합",
    month="월",
    tried="이번 달에 해 본 것",
    changes_since="지난달과 달라진 점",
    no_changes="지난달과 비교해 이용 조건이나 속도에 변화가 없다.",
    medians="서비스별 중앙값",
    archive="모든 달",
    faster="빨라짐",
    slower="느려짐",
    first_seen="이번 달 처음 시도",
    download_json="모든 체험기 (JSON)",
    download_csv="모든 체험기 (CSV)",
    feed="새 체험기와 수정된 체험기의 Atom 피드",
    feed_absolute="mkdocs.yml에 site_url을 정하기 전까지 피드의 링크는 상대 주소다.",
    all_entries="모든 체험기, 최신순",
    page="페이지",
    previous="이전",
    next="다음",
    none="없음",
    yes="예",
    no="아니오",
    statuses={
        "delivered": "도착",
        "pending": "대기 중",
        "waitlisted": "대기자 명단",
        "paywalled": "유료 전용",
        "failed": "실패",
        "refused": "거부됨",
        "abandoned": "포기",
    },
    plans={
        "free": "무료",
        "trial": "체험판",
        "paid": "유료",
        "subscription": "구독",
        "credits": "크레딧",
        "api": "API",
        "waitlist": "대기자 명단",
        "invite": "초대",
    },
    access={
        "free": "무료",
        "paid": "유료 전용",
        "waitlist": "대기자 명단",
        "invite": "초대 전용",
        "closed": "서비스 종료",
    },
    months=tuple(f"{n}월" for n in range(1, 13)),
)

LANGUAGES: dict[str, Labels] = {"en": _EN, "ko": _KO}


def zone_name(moment: datetime) -> str:
    """`KST` for a zone with an abbreviation, else the UTC offset: `UTC+09:00`, `UTC-03:30`."""
    name = moment.tzname()
    if name and _ABBREVIATION.fullmatch(name):
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:5]}" if offset else ""


def labels_for(language: str) -> Labels:
    """The labels of a site language (`ko`, `en`, `ko-KR`), English when unknown."""
    return LANGUAGES.get(language.split("-")[0].lower(), _EN)
