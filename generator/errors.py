"""Every error the generator raises on purpose, in one tree.

```
MagazineError                 anything the writer can act on; the CLI prints it without a traceback
├── UsageError                a wrong command line or setting (exit 2)
│   └── EditRefused           a file a command would edit has problems (listed, located)
├── ContentError              one or more Problems in the writer's files (exit 1)
│   └── MediaFailures         clips that could not be fetched or transcoded, each located
├── FetchError                a remote clip could not be downloaded or verified
├── DownloadFailure           one download went wrong (inside fetch; becomes a FetchError)
│   └── TransientFailure      ... in a way worth another attempt (429, 5xx, lost connection)
├── MediaError                ffmpeg or probing failed (carries the command and stderr tail)
│   └── OverLimit             a clip over the magazine's limits (pixels, length)
├── BudgetError               the site would exceed its size limits
├── SiteError                 MkDocs refused to build the generated pages
├── BusyError                 another magazine command holds the cache folder
├── StorageError              the disk is full, read-only, or a file may not be written
└── StoreError                the media store (S3) refused, failed or lied; nothing was published
    └── TransientStoreError   ... in a way worth another attempt (429, 5xx, lost connection)
```

A library's own exception becomes one of these at exactly one boundary (`raise ... from exc`):
httpx in `media/fetch`, ffmpeg in `media/transcode`, PyAV in `media/probe`, MkDocs in
`site/builder`, boto3 in `site/store`. Failures of single clips travel as `FetchError` and
`MediaError` values until the build gathers them, located, into one `MediaFailures` that the
CLI prints.

What the writer reads is a catalogue `Message` (`messages`), worded in the magazine's language
where it is printed: every `Problem`'s message, and the one argument of an error made from one
(`MagazineError.worded`); an error made from a plain string prints it, in English, whole.

Built-in exceptions mean something else: a `ValueError` inside a pydantic validator becomes a
located Problem there, an `OSError` of a full, read-only or size-limited disk (or a missing
permission) becomes a `StorageError` at the CLI, wherever the write happened, and any other
built-in exception is a bug of the generator (the CLI shows it as one, with the traceback
under `-v`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .messages import Message


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, located like a compiler error.

    `path` is relative to the magazine root, `line` and `column` are 1-based (0 when unknown),
    `field` is the dotted path inside the entry (`ratings.lighting`, `clips[1].url`).
    `message` is a catalogue `Message`, worded in the magazine's language when printed; a
    plain string is refused, so every sentence the writer reads has a Korean and an English
    wording.
    """

    path: str
    line: int
    column: int
    field: str
    message: Message
    severity: str = "error"

    def __post_init__(self) -> None:
        if not isinstance(self.message, Message):
            raise TypeError(
                f"a Problem's message must be a catalogue Message, not {self.message!r}"
            )

    def __str__(self) -> str:
        return self.render("en")

    def render(self, language: str) -> str:
        """`path:line:col: field: message`, the message worded in `language`."""
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        field = f" {inert(self.field)}:" if self.field else ""
        level = (
            "" if self.severity == "error" else f" {Message('severity.warning').render(language)}:"
        )
        first, *rest = inert(self.message.render(language), keep_lines=True).split("\n")
        # Only the first line may read as a problem: a message naming a writer's file whose
        # name holds a line feed continues on an indented line.
        more = "".join(f"\n{line if line[:1].isspace() else '  ' + line}" for line in rest)
        return f"{inert(where)}:{level}{field} {first}{more}"


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def inert(text: str, *, keep_lines: bool = False) -> str:
    """Text for a terminal, the one escaping place for everything a command prints.

    A writer's or a server's string with CR, ESC or another control character in it can
    neither start a line that looks like another message nor send escape sequences to the
    terminal (colours, blinking, OSC 8 links, clearing the screen): each such character is
    printed as its Python escape (`\\x1b`). Bidirectional overrides, which reorder what a
    line shows, and lone surrogates, which no terminal encoding can write, are escaped too.
    With `keep_lines`, line feeds stay (a message of several lines of ours). Escaping twice
    changes nothing.
    """
    return "".join(
        char
        if (char == "\n" and keep_lines)
        or not (
            ord(char) < 0x20
            or 0x7F <= ord(char) <= 0x9F
            or char in _BIDI_CONTROLS
            or 0xD800 <= ord(char) <= 0xDFFF
        )
        else repr(char)[1:-1]
        for char in text
    )


class MagazineError(Exception):
    """Base of every error meant for the writer rather than for a developer.

    Made with a catalogue `Message` as its one argument, it is worded in the magazine's
    language by `render`; made with a string, it prints that string in every language.
    """

    exit_code = 1

    @property
    def worded(self) -> bool:
        """Made from a catalogue Message: worded in any language (else English, whole)."""
        return len(self.args) == 1 and isinstance(self.args[0], Message)

    def render(self, language: str) -> str:
        """The error for the writer, in `language` where it was made from a Message."""
        if len(self.args) == 1 and isinstance(self.args[0], Message):
            return self.args[0].render(language)
        return str(self)


class UsageError(MagazineError):
    """The command line or a setting is wrong."""

    exit_code = 2


class EditRefused(UsageError):
    """A command would edit a file that has problems: they are listed, located, below."""

    def __init__(self, shown: str, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__(Message("edit.has_problems", shown=inert(shown)))

    def render(self, language: str) -> str:
        """The sentence, then every problem on a line of its own, worded in `language`."""
        return "\n".join([super().render(language), *(p.render(language) for p in self.problems)])


class ContentError(MagazineError):
    """The writer's files have problems; all of them are listed."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        count = len(self.problems)
        self.summary = Message("count.problem" if count == 1 else "count.problems", count=count)
        super().__init__(str(self.summary))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def render(self, language: str) -> str:
        """Every problem, one a line, worded in `language`."""
        return "\n".join(p.render(language) for p in self.problems)


class FetchError(MagazineError):
    """A remote clip could not be downloaded or verified.

    The URL is stored without its query string: service links carry signatures.
    """

    def __init__(
        self, message: str | Message, *, url: str = "", entry: str = "", field: str = ""
    ) -> None:
        self.url = url
        self.entry = entry
        self.field = field
        self.words: Message | str = Message("fetch.at", reason=message, url=url) if url else message
        """The failure and the address, worded in the magazine's language when printed."""
        self.detail = str(self.words)
        prefix = "".join(f"{part}: " for part in (entry, field) if part)
        super().__init__(f"{prefix}{self.detail}")


class DownloadFailure(MagazineError):
    """One download did not succeed; `expired` when the server said the link is gone."""

    def __init__(self, message: str | Message, *, expired: bool = False) -> None:
        super().__init__(message)
        self.words = message
        """What went wrong, a catalogue Message where it was made as one."""
        self.message = str(message)
        self.expired = expired


class TransientFailure(DownloadFailure):
    """A download failure worth another attempt (after `retry_after` seconds when given)."""

    def __init__(self, reason: str | Message, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class MediaError(MagazineError):
    """Probing or transcoding a clip failed."""

    def __init__(
        self,
        message: str | Message,
        *,
        source: str = "",
        command: Iterable[str] = (),
        stderr_tail: str = "",
    ) -> None:
        self.words: Message | None = message if isinstance(message, Message) else None
        """The message as a catalogue entry, when it was made as one (worded when printed)."""
        message = str(message)
        self.message = message
        self.source = source
        self.command = tuple(command)
        self.stderr_tail = stderr_tail
        # The file's path and ffmpeg's words are one line each: a line feed in a folder name
        # cannot start a line of its own that reads like another problem.
        text = f"{inert(source)}: {message}" if source else message
        if self.command:
            text += "\n  command: " + " ".join(inert(arg) for arg in self.command)
        if stderr_tail:
            text += "\n  ffmpeg said:\n    " + "\n    ".join(
                inert(line) for line in stderr_tail.splitlines()
            )
        super().__init__(text)

    def _key(self) -> tuple[str, str, tuple[str, ...], str]:
        return (self.message, self.source, self.command, self.stderr_tail)

    def __eq__(self, other: object) -> bool:
        # Failures travel as values in the media index, which is compared between builds.
        if not isinstance(other, MediaError):
            return NotImplemented
        return type(self) is type(other) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


class OverLimit(MediaError):
    """A clip over one of the magazine's limits (`limits.pixels`, `limits.clip_seconds`)."""


class MediaFailures(ContentError):
    """Some clips could not be fetched or transcoded; each failure is a located problem.

    `failures` keeps the typed errors (`FetchError`, `MediaError`) in the problems' order.
    """

    def __init__(self, located: Iterable[tuple[Problem, MagazineError]]) -> None:
        pairs = sorted(located, key=lambda pair: pair[0])
        super().__init__(problem for problem, _ in pairs)
        self.failures: tuple[MagazineError, ...] = tuple(error for _, error in pairs)
        count = len(self.problems)
        self.summary = Message(
            "count.clip_failed" if count == 1 else "count.clips_failed", count=count
        )
        self.args = (str(self.summary),)


class BudgetError(MagazineError):
    """The built site would not fit where it is published."""


class SiteError(MagazineError):
    """MkDocs (or another site builder) failed on the generated pages."""


class BusyError(MagazineError):
    """Another magazine command is using the cache folder, and waiting for it ran out."""


class StorageError(MagazineError):
    """A file could not be written: no space left, a size limit, a read-only disk, no right.

    What was there before stays as it was: the previous site and every writer's file.
    """

    def __init__(self, error: OSError) -> None:
        self.error = error
        reason = error.strerror or type(error).__name__
        super().__init__(
            Message("storage.cannot_write_file", path=str(error.filename), reason=reason)
            if error.filename
            else Message("storage.cannot_write", reason=reason)
        )


class StoreError(MagazineError):
    """The media store refused a request, failed, or reported what was not sent.

    The message is one line, names the object as `s3://bucket/key` at most and never a
    credential or the endpoint's user-info; pages are published only after a push succeeds.
    """


class TransientStoreError(StoreError):
    """A store failure worth another attempt: 429, a 5xx, a lost or refused connection."""
