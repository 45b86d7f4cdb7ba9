"""Progress for long work: rich bars on a terminal, plain lines in CI and logs."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol, TextIO

from .errors import inert
from .messages import Message
from .sizes import format_bytes

if TYPE_CHECKING:
    from rich.console import Console


class Task(Protocol):
    """One unit of progress (a download, a batch of transcodes)."""

    def advance(self, amount: float = 1) -> None:
        """Move forward by `amount` (bytes, clips)."""

    def describe(self, text: str) -> None:
        """Say what is being worked on now (the clip at work)."""


class Progress(Protocol):
    """Creates tasks; one per download or stage."""

    def task(self, label: str, total: float | None, *, unit: str = "") -> Task:
        """Start a task; `unit` is "bytes" for downloads, "" for counts."""

    def finish(self, task: Task) -> None:
        """Mark a task done."""

    def note(self, text: str) -> None:
        """A line of information above the bars."""


class _PlainTask:
    def __init__(self, out: TextIO, label: str, total: float | None, unit: str) -> None:
        self.out, self.label, self.total, self.unit = out, label, total, unit
        self.done = 0.0

    def advance(self, amount: float = 1) -> None:
        self.done += amount

    def describe(self, text: str) -> None:
        if self.unit not in ("bytes", "silent"):
            shown = f"{self.done:.0f}/{self.total:.0f}" if self.total else f"{self.done:.0f}"
            print(inert(f"  {self.label} [{shown}] {text}"), file=self.out, flush=True)


class PlainProgress:
    """One line per event: readable in CI logs, where bars would be noise."""

    def __init__(self, out: TextIO | None = None, language: str = "en") -> None:
        self.out = out or sys.stderr
        self.language = language

    def task(self, label: str, total: float | None, *, unit: str = "") -> Task:
        return _PlainTask(self.out, label, total, unit)

    def finish(self, task: Task) -> None:
        if isinstance(task, _PlainTask):
            done = (
                Message("progress.done_size", label=task.label, size=format_bytes(task.done))
                if task.unit == "bytes"
                else Message("progress.done", label=task.label)
            )
            print(inert(f"  {done.render(self.language)}"), file=self.out, flush=True)

    def note(self, text: str) -> None:
        print(inert(text, keep_lines=True), file=self.out, flush=True)


class SilentProgress:
    """No output at all (tests, library use)."""

    def task(self, label: str, total: float | None, *, unit: str = "") -> Task:
        return _PlainTask(sys.stderr, label, total, "silent")

    def finish(self, task: Task) -> None:
        return None

    def note(self, text: str) -> None:
        return None


class _RichTask:
    def __init__(self, bars: object, task_id: object) -> None:
        self.bars, self.task_id = bars, task_id

    def advance(self, amount: float = 1) -> None:
        self.bars.advance(self.task_id, amount)  # type: ignore[attr-defined]

    def describe(self, text: str) -> None:
        self.bars.update(self.task_id, info=inert(text))  # type: ignore[attr-defined]


class RichProgress:
    """Live bars with bytes, speed and the item at work; for terminals.

    Labels and the item at work are file names and addresses: shown as text, never read as
    rich markup (`[bold]`, `[link=...]`) and with their control characters escaped.
    """

    def __init__(self, console: Console | None = None) -> None:
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            MofNCompleteColumn,
            TextColumn,
            TransferSpeedColumn,
        )
        from rich.progress import Progress as Bars

        self._bytes = Bars(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            transient=False,
            console=console,
        )
        self._counts = Bars(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[info]}", markup=False),
            console=console,
        )

    def task(self, label: str, total: float | None, *, unit: str = "") -> Task:
        bars = self._bytes if unit == "bytes" else self._counts
        bars.start()
        return _RichTask(bars, bars.add_task(inert(label), total=total, info=""))

    def finish(self, task: Task) -> None:
        if isinstance(task, _RichTask):
            bars = task.bars
            bars.update(task.task_id, info="")  # type: ignore[attr-defined]
            if all(t.finished for t in bars.tasks):  # type: ignore[attr-defined]
                bars.stop()  # type: ignore[attr-defined]

    def note(self, text: str) -> None:
        self._counts.console.print(inert(text, keep_lines=True), highlight=False, markup=False)

    def close(self) -> None:
        """Stop every bar (safe to call twice)."""
        self._bytes.stop()
        self._counts.stop()


@contextmanager
def progress_for(
    stream: TextIO | None = None, *, quiet: bool = False, language: str = "en"
) -> Iterator[Progress]:
    """Bars when `stream` is a terminal, plain lines otherwise (in `language`), nothing when
    quiet."""
    stream = stream or sys.stderr
    if quiet:
        yield SilentProgress()
    elif stream.isatty():
        rich = RichProgress()
        try:
            yield rich
        finally:
            rich.close()
    else:
        yield PlainProgress(stream, language)
