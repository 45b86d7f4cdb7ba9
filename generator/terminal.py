"""Words the command line prints, in the magazine's language (`theme.language`).

Pages take their words from `pages.labels`; the terminal shares its status names and
durations, and adds its own few words here. Messages about problems (`path:line:col: field:
message`), warnings and hints are catalogue messages (`messages`), worded where printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pages.labels import Labels, labels_for


@dataclass(frozen=True)
class TerminalWords:
    """The command line's own words in one language."""

    labels: Labels
    pending_columns: tuple[str, ...]
    nothing_waiting: str
    unknown: str
    built: str  # "{site}", "{entries}", "{pages}", "{clips}"
    entries: tuple[str, str]  # one, many: "{count} entry", "{count} entries"
    pages: tuple[str, str]
    clips: tuple[str, str]
    site_size: str  # "{size}", "{files}"
    warning: str
    error: str
    usage_error: str
    services: tuple[str, str]
    comparisons: tuple[str, str]
    check_ok: str  # "{counts}"
    fetched: str  # "{clips}", "{reused}", "{failed}"
    store_holds: str = ""  # "{store}", "{objects}", "{size}"

    def count(self, number: int, forms: tuple[str, str]) -> str:
        """`1 entry`, `13 entries`, `체험기 13개`."""
        return (forms[0] if number == 1 else forms[1]).format(count=number)


_EN = TerminalWords(
    labels=labels_for("en"),
    pending_columns=("entry", "service", "status", "submitted", "waited", "promised", "ratio"),
    nothing_waiting="nothing is waiting",
    unknown="unknown",
    built="built {site}: {entries}, {pages}, {clips}",
    entries=("{count} entry", "{count} entries"),
    pages=("{count} page", "{count} pages"),
    clips=("{count} clip", "{count} clips"),
    site_size="site size: {size} in {files} files",
    warning="warning",
    error="error",
    usage_error="usage error",
    services=("{count} service", "{count} services"),
    comparisons=("{count} comparison", "{count} comparisons"),
    check_ok="ok: {counts}",
    fetched="{clips} downloaded, {reused} from the archive, {failed} failed",
    store_holds="media store {store} will hold {size} in {objects} files "
    "(`magazine media push` uploads what it lacks)",
)

_KO = TerminalWords(
    labels=labels_for("ko"),
    pending_columns=("체험기", "서비스", "상태", "제출", "기다린 시간", "약속", "배수"),
    nothing_waiting="기다리는 것이 없다",
    unknown="모름",
    built="{site}에 만들었다: {entries}, {pages}, {clips}",
    entries=("체험기 {count}개", "체험기 {count}개"),
    pages=("페이지 {count}개", "페이지 {count}개"),
    clips=("결과물 {count}개", "결과물 {count}개"),
    site_size="사이트 크기: 파일 {files}개, {size}",
    warning="경고",
    error="오류",
    usage_error="사용법 오류",
    services=("서비스 {count}개", "서비스 {count}개"),
    comparisons=("비교 {count}개", "비교 {count}개"),
    check_ok="이상 없음: {counts}",
    fetched="{clips} 내려받음, 보관본 {reused}개, 실패 {failed}개",
    store_holds="미디어 저장소 {store}: 파일 {objects}개, {size} "
    "(`magazine media push`가 없는 것만 올린다)",
)


def terminal_words(language: str) -> TerminalWords:
    """The command line's words for a site language (`ko`, `en`, `ko-KR`), English when unknown."""
    return _KO if labels_for(language).language == "ko" else _EN
