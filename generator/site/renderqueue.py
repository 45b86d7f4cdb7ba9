"""The pages a preview build still has to write, and the ones a reader is waiting for.

A save can change hundreds of pages (a service renamed shows on every page of its attempts),
and converting each costs MkDocs tens of milliseconds. The writer looks at one of them. So a
build first plans (which pages it will write), then writes them one at a time, always taking
next a page that a browser has asked for. The server asks `wait` before sending any file:
during a build it holds a request until the plan is known and, if the file is in it, until
it is written; every other file is already final. What is served is therefore never a page
of the previous save once the new one is planned, only sooner for the page the reader wants.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Mapping
from typing import TypeVar

T = TypeVar("T")


class RenderQueue:
    """Shared by one builder thread and the server's request threads."""

    def __init__(self, on_plan: Callable[[], None] | None = None) -> None:
        """`on_plan` is called (in the builder's thread) once a build's plan is known."""
        self._ready = threading.Condition()
        self._building = False
        self._pending: set[str] | None = None
        self._asked: dict[str, int] = {}
        self.on_plan = on_plan

    def begin(self) -> None:
        """A build starts: requests wait until it has planned."""
        with self._ready:
            self._building, self._pending = True, None

    def plan(self, outputs: Collection[str]) -> None:
        """The site paths this build will still write; every other file is final."""
        with self._ready:
            self._pending = set(outputs)
            self._ready.notify_all()
        if self.on_plan is not None:
            self.on_plan()

    def take(self, remaining: Mapping[str, T]) -> str:
        """The output to write next: one a reader waits for, else the first remaining."""
        with self._ready:
            for output in self._asked:
                if output in remaining:
                    return output
        return next(iter(remaining))

    def done(self, output: str) -> None:
        """`output` is written."""
        with self._ready:
            if self._pending is not None:
                self._pending.discard(output)
            self._ready.notify_all()

    def end(self) -> None:
        """The build finished or failed: nothing is pending any more."""
        with self._ready:
            self._building, self._pending = False, None
            self._ready.notify_all()

    def wait(self, output: str) -> None:
        """Hold a request for `output` (a site path) until the file is final."""
        with self._ready:
            if not self._building:
                return
            self._asked[output] = self._asked.get(output, 0) + 1
            try:
                self._ready.wait_for(
                    lambda: (
                        not self._building
                        or (self._pending is not None and output not in self._pending)
                    )
                )
            finally:
                self._asked[output] -= 1
                if not self._asked[output]:
                    del self._asked[output]
