"""Messages for the writer, made from a catalogue key and its arguments, worded when printed.

A problem, warning or hint is a `Message`: a key of the catalogues (`messages_en`,
`messages_ko`; what the commands say in `messages_en_commands`, `messages_ko_commands`) and
named arguments. It is worded in the magazine's language (`theme.language`)
only where it is printed or shown, so the code that finds a problem never chooses words:

```python
Message("clip.not_found", shown="media/a.mp4", nearest=Message("hint.nearest", name="a.mov"))
```

An argument may itself be a Message (a reason inside a sentence); it is worded in the same
language. Every key exists in both catalogues with the same placeholders (a test compares
them), and `Problem` refuses a message that is not a `Message`, so an English sentence added
anywhere is caught where it is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from string import Formatter
from typing import Any

from .messages_en import CATALOGUE as _EN_FILES
from .messages_en_commands import CATALOGUE as _EN_COMMANDS
from .messages_ko import CATALOGUE as _KO_FILES
from .messages_ko_commands import CATALOGUE as _KO_COMMANDS

_EN = {**_EN_FILES, **_EN_COMMANDS}
CATALOGUES: dict[str, dict[str, str]] = {"en": _EN, "ko": {**_KO_FILES, **_KO_COMMANDS}}
"""Every catalogue by its language: the problems in the writer's files (`messages_en`,
`messages_ko`) and what the commands say (`messages_en_commands`, `messages_ko_commands`)."""


def catalogue_language(language: str) -> str:
    """The catalogue for a site language (`ko`, `ko-KR`, `ko_KR`, `en`): English when unknown."""
    head = language.strip().lower().replace("_", "-").split("-")[0]
    return head if head in CATALOGUES else "en"


class Message:
    """A catalogue key and its arguments: one sentence the writer reads, in any language."""

    __slots__ = ("args", "key")

    def __init__(self, key: str, /, **args: object) -> None:
        if key not in _EN:
            raise KeyError(f"no message {key!r} in the catalogue")
        self.key = key
        self.args: tuple[tuple[str, object], ...] = tuple(sorted(args.items()))

    def render(self, language: str = "en") -> str:
        """The sentence in `language` (see `catalogue_language`)."""
        lang = catalogue_language(language)
        values = {
            name: value.render(lang) if isinstance(value, Message) else value
            for name, value in self.args
        }
        return CATALOGUES[lang][self.key].format(**values)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        args = "".join(f", {name}={value!r}" for name, value in self.args)
        return f"Message({self.key!r}{args})"

    def _identity(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        return (self.key, tuple((name, repr(value)) for name, value in self.args))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __lt__(self, other: Message) -> bool:
        # Problems sort by their English wording: the same order in every language.
        return (str(self), self._identity()) < (str(other), other._identity())


def joined(items: Iterable[object]) -> object:
    """Several arguments as one, separated by commas, each worded in the message's language
    ("" for none)."""
    result: object = ""
    for number, item in enumerate(items):
        result = item if number == 0 else Message("text.list", first=result, next=item)
    return result


def placeholders(template: str) -> frozenset[str]:
    """The named fields of a catalogue template (`{limit:,}` gives `limit`)."""
    return frozenset(field for _, field, _, _ in Formatter().parse(template) if field)


def as_message(value: Any) -> Message | None:
    """The Message an exception carries (see `MessageError`), if any."""
    message = getattr(value, "message", None)
    return message if isinstance(message, Message) else None


class MessageError(ValueError):
    """A ValueError carrying a catalogue Message: raised in a pydantic validator, it becomes
    a located problem in the writer's language (`source.validation`).

    `field` names a key under the validated field when the problem is there (`lighting` of
    `ratings`), so the problem is located at that key.
    """

    def __init__(self, message: Message, *, field: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field
