"""Every word the generator writes on a page, in each site language (Korean and English).

`labels_for(language)` returns a complete `Labels` (`wording`); the words themselves live in
one module per language (`labels_en`, `labels_ko`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .labels_en import EN
from .labels_ko import KO
from .wording import Labels, MeasureWords

__all__ = [
    "LANGUAGES",
    "Labels",
    "MeasureWords",
    "TheaterLabels",
    "labels_for",
    "theater_labels",
]


def labels_for(language: str) -> Labels:
    """The labels of a site language (`ko`, `en`, `ko-KR`), English when unknown."""
    return LANGUAGES.get(language.split("-")[0].lower(), LANGUAGES["en"])


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
