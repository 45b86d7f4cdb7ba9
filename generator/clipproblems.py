"""A clip's failures and warnings as problems located at the clip's field of its entry file."""

from __future__ import annotations

from dataclasses import replace

from .errors import FetchError, MagazineError, MediaError, Problem, inert
from .media import MediaIndex
from .media.renditions import ClipRef
from .messages import Message
from .model import Magazine
from .source import locate


def failure_message(error: MagazineError) -> Message:
    """A clip's failure as a catalogue message (ffmpeg's and a server's words quoted as said)."""
    if isinstance(error, FetchError):
        return Message("fetch.failed", detail=error.words)
    if isinstance(error, MediaError) and error.words is not None:
        # The command and ffmpeg's words as said, each escaped, under labels in the language.
        command = " ".join(inert(arg) for arg in error.command)
        lines = "\n    ".join(inert(line) for line in error.stderr_tail.splitlines())
        more = Message(
            "media.more",
            command=Message("media.command", command=command) if command else "",
            said=Message("media.said", lines=lines) if error.stderr_tail else "",
        )
        return Message("media.clip", source=error.source, reason=error.words, more=more)
    return Message("media.failed", detail=str(error))


def clip_problem(magazine: Magazine, ref: ClipRef, message: Message) -> Problem:
    """`message` at the clip's `file:` or `url:` line in its entry file."""
    return locate(magazine.root, _entry_path(magazine, ref), _clip_field(magazine, ref), message)


def clip_warnings(magazine: Magazine, media: MediaIndex) -> list[str]:
    """Each clip's warnings (a measurement cut short), located at the clip's line."""
    return [
        replace(
            clip_problem(magazine, ref, Message("media.measured_part", detail=text)),
            severity="warning",
        ).render(magazine.settings.language)
        for ref, clip in sorted(media.clips.items())
        for text in clip.warnings
    ]


def _clip_field(magazine: Magazine, ref: ClipRef) -> str:
    try:
        clip = magazine.entry(ref.entry).clips[ref.position]
    except (KeyError, IndexError):
        return f"clips[{ref.position}]"
    return f"clips[{ref.position}].{'file' if clip.file is not None else 'url'}"


def _entry_path(magazine: Magazine, ref: ClipRef) -> str:
    try:
        return magazine.entry(ref.entry).path
    except KeyError:
        return ref.entry
