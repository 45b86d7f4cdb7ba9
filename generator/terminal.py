"""Words the command line prints, in the magazine's language (`theme.language`).

Pages take their words from `pages.labels`; the terminal shares its status names and
durations; its own few words are in the message catalogues (`terminal.*` keys of
`messages_en` and `messages_ko`). Messages about problems (`path:line:col: field:
message`), warnings and hints are catalogue messages (`messages`), worded where printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import CATALOGUES
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


_COLUMNS = ("entry", "service", "status", "submitted", "waited", "promised", "ratio")


def _words(language: str) -> TerminalWords:
    """The command line's words from the catalogue of `language` (`messages_en`, `messages_ko`)."""
    said = CATALOGUES[language]

    def forms(one: str, many: str) -> tuple[str, str]:
        return (said[f"terminal.{one}"], said[f"terminal.{many}"])

    return TerminalWords(
        labels=labels_for(language),
        pending_columns=tuple(said[f"terminal.column.{name}"] for name in _COLUMNS),
        nothing_waiting=said["terminal.nothing_waiting"],
        unknown=said["terminal.unknown"],
        built=said["terminal.built"],
        entries=forms("entry", "entries"),
        pages=forms("page", "pages"),
        clips=forms("clip", "clips"),
        site_size=said["terminal.site_size"],
        warning=said["terminal.warning"],
        error=said["terminal.error"],
        usage_error=said["terminal.usage_error"],
        services=forms("service", "services"),
        comparisons=forms("comparison", "comparisons"),
        check_ok=said["terminal.check_ok"],
        fetched=said["terminal.fetched"],
        store_holds=said["terminal.store_holds"],
    )


_EN = _words("en")
_KO = _words("ko")


def terminal_words(language: str) -> TerminalWords:
    """The command line's words for a site language (`ko`, `en`, `ko-KR`), English when unknown."""
    return _KO if labels_for(language).language == "ko" else _EN
