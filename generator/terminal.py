"""Words the command line prints, in the magazine's language (`theme.language`).

Pages take their words from `pages.labels`; the terminal shares its status names and
durations; its own few words are in the message catalogues (`terminal.*` keys of
`messages_en` and `messages_ko`). Messages about problems (`path:line:col: field:
message`), warnings and hints are catalogue messages (`messages`), worded where printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .build import BuildReport
from .messages import CATALOGUES, Message
from .pages.labels import Labels, labels_for
from .sizes import format_bytes


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


def build_summary(report: BuildReport) -> list[tuple[str, bool]]:
    """What a build prints, in the magazine's language: (line, for stderr) — the warnings,
    the counts, the site's size and largest files, and what the media store will hold."""
    words = terminal_words(report.language)
    lines = [(f"{words.warning}: {warning}", True) for warning in report.warnings]
    counts = {
        "entries": words.count(report.entries, words.entries),
        "pages": words.count(report.pages, words.pages),
        "clips": words.count(report.clips, words.clips),
    }
    lines.append((words.built.format(site=report.site_dir, **counts), False))
    budget = report.budget
    size = format_bytes(budget.total_bytes)
    lines.append((words.site_size.format(size=size, files=budget.files), False))
    lines += [(f"  {format_bytes(size):>10}  {path}", False) for path, size in budget.largest]
    if report.store is not None:
        holds = words.store_holds.format(
            store=report.store.store,
            objects=len(report.store.objects),
            size=format_bytes(report.store.total_bytes),
        )
        lines.append((holds, False))
    return lines


def usage_words(kind: str, name: str, listed: Sequence[str] = ()) -> Message:
    """A usage error of the command line's parser as a catalogue message: `kind` is
    `missing_argument`, `missing_option`, `no_such_option` (`listed`: the near ones) or
    `choice` (`listed`: the choices)."""
    if kind == "no_such_option" and listed:
        return Message("click.no_such_option_near", name=name, near=", ".join(listed))
    if kind == "choice":
        return Message("click.choice", name=name, choices=", ".join(listed))
    return Message(f"click.{kind}", name=name)


def terminal_words(language: str) -> TerminalWords:
    """The command line's words for a site language (`ko`, `en`, `ko-KR`), English when unknown."""
    return _KO if labels_for(language).language == "ko" else _EN
