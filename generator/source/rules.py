"""The rules within an entry and between entries: clips, ratings, slugs, comparisons."""

from __future__ import annotations

import difflib
import errno
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from ..addresses import address_problem
from ..errors import Problem
from ..filenames import name_problem, path_problem
from ..model import (
    Comparison,
    Criterion,
    Entry,
    Service,
    Status,
    comparison_slug,
)
from ..settings import Settings
from .bounds import moment_problems, size_problems
from .tree import on_disk
from .yamlsource import Document


class Rules:
    """The rules that need more than one field, or another file, to check."""

    def __init__(
        self,
        *,
        root: Path,
        settings: Settings,
        services: Mapping[str, Service] | None,
        criteria: Mapping[str, Criterion] | None,
    ) -> None:
        self.root = root
        self.settings = settings
        self.services = services
        self.criteria = criteria
        self.reads: tuple[object, ...] = (
            root,
            settings.limits,
            settings.allow_http,
            None if services is None else tuple(services),
            None if criteria is None else tuple((k, c.scale) for k, c in criteria.items()),
        )
        """Everything `check` reads besides the entry, its document and its clip files."""

    def clip_files(self, entry: Entry) -> tuple[object, ...]:
        """What `check` finds on disk for the entry's local clips (see `file_state`)."""
        folder = os.path.dirname(os.path.join(self.root, entry.path))
        return tuple(
            file_state(str(on_disk(self.root, os.path.normpath(os.path.join(folder, clip.file)))))
            for clip in entry.clips
            if clip.file is not None
        )

    def problems(self, entry: Entry, doc: Document) -> list[Problem]:
        """`check` run to the end, so that an error it meets is raised here."""
        return list(self.check(entry, doc))

    def check(self, entry: Entry, doc: Document) -> Iterable[Problem]:
        """Every cross-field and cross-file problem of one entry."""
        if self.services is not None and entry.service not in self.services:
            hint = did_you_mean(entry.service, self.services)
            message = f"unknown service {entry.service!r}{hint}; add it to entries/services.yml"
            yield doc.problem(("service",), message)
        yield from self._names(entry, doc)
        yield from self._ratings(entry, doc)
        yield from self._times(entry, doc)
        yield from size_problems(entry, doc, self.settings.limits)
        for index, clip in enumerate(entry.clips):
            if clip.file is not None:
                wrong = self._file_problem(entry, clip.file)
                if wrong:
                    yield doc.problem(("clips", index, "file"), wrong)
            elif clip.url is not None:
                wrong = url_problem(clip.url, self.settings.allow_http)
                if wrong:
                    yield doc.problem(("clips", index, "url"), wrong)

    def _names(self, entry: Entry, doc: Document) -> Iterable[Problem]:
        """Page addresses the entry chooses that Windows could not hold as file names."""
        chosen = isinstance(doc.data, dict) and "slug" in doc.data
        wrong = name_problem(entry.slug)
        if wrong and chosen:
            yield doc.problem(("slug",), f"the page address {entry.slug!r}: {wrong}; {_ELSE}")
        elif wrong and not path_problem(entry.path):  # else the file name is reported
            message = (
                f"the page address {entry.slug!r}, made from the file name: {wrong}; "
                f"rename the file or set slug: to another address ({_WINDOWS})"
            )
            yield Problem(entry.path, 0, 0, "", message)
        if entry.experiment:
            slug = comparison_slug(entry.comparison_key, entry.prompt)
            wrong = name_problem(slug)
            if wrong:
                message = (
                    f"the comparison's page address {slug!r}: {wrong}; choose another "
                    f"experiment key ({_WINDOWS})"
                )
                yield doc.problem(("experiment",), message)

    def _ratings(self, entry: Entry, doc: Document) -> Iterable[Problem]:
        if self.criteria is None:
            return
        for key, score in entry.ratings.items():
            criterion = self.criteria.get(key)
            if criterion is None:
                hint = did_you_mean(key, self.criteria)
                message = f"unknown criterion {key!r}{hint}"
                yield doc.problem(("ratings", key), message, "key")
            elif not 1 <= score <= criterion.scale:
                message = f"must be a whole number from 1 to {criterion.scale} (got {score})"
                yield doc.problem(("ratings", key), message)

    def _times(self, entry: Entry, doc: Document) -> Iterable[Problem]:
        outside = list(moment_problems(entry, doc))
        if outside:
            yield from outside
            return
        submitted = entry.submitted_at.isoformat()
        if entry.delivered_at is not None and entry.delivered_at < entry.submitted_at:
            message = f"is before submitted_at ({submitted})"
            yield doc.problem(("delivered_at",), message)
        if entry.checked_at is not None and entry.checked_at < entry.submitted_at:
            message = f"is before submitted_at ({submitted})"
            yield doc.problem(("checked_at",), message)
        if entry.status is Status.DELIVERED:
            if not entry.clips:
                message = "is delivered but has no clips: add the file or URL under clips"
                yield doc.problem(("status",), message)
            if entry.delivered_at is None:
                message = "is delivered but has no delivered_at: when did the result arrive?"
                yield doc.problem(("status",), message)
        if entry.status is Status.PENDING and entry.checked_at is None:
            message = (
                "is pending but has no checked_at: add the last time you looked "
                "(the wait shown is at least checked_at − submitted_at)"
            )
            yield doc.problem(("status",), message)

    def _file_problem(self, entry: Entry, text: str) -> str | None:
        """Why a local clip path cannot be used, or None."""
        if any(ord(char) < 0x20 or ord(char) == 0x7F for char in text):
            return (
                "a file path cannot contain control characters (such as NUL; in double quotes, "
                "\\t and \\n are escapes: write the path without quotes, with /)"
            )
        try:
            return self._file_problem_on_disk(entry, text)
        except RuntimeError:  # Path.resolve on Python 3.11 and 3.12
            return "is a link that leads back to itself (a symbolic link loop)"
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                return "the path is too long for the file system; use shorter names"
            if exc.errno == errno.ELOOP:
                return "is a link that leads back to itself (a symbolic link loop)"
            return f"cannot be read: {exc.strerror or exc}"

    def _file_problem_on_disk(self, entry: Entry, text: str) -> str | None:
        if PurePosixPath(text).is_absolute() or PureWindowsPath(text).is_absolute():
            return "must be a path relative to this entry's folder, not an absolute path"
        if PureWindowsPath(text).drive or text.startswith("\\"):
            return "must be a path relative to this entry's folder, not an absolute path"
        wrong = path_problem(text)
        if wrong:
            return f"{wrong}; rename the file ({_WINDOWS})"
        folder = (self.root / entry.path).parent
        joined = Path(os.path.normpath(folder / text))
        if not joined.is_relative_to(self.root):
            return "goes outside the magazine folder; keep clips inside it"
        joined = on_disk(self.root, str(joined))
        real = joined.resolve()
        if not real.is_relative_to(self.root):
            return "is a link to a file outside the magazine folder; copy the file in instead"
        shown = joined.relative_to(self.root).as_posix()
        if not real.exists():
            return f"file not found: {shown} (paths are relative to this entry's folder)"
        if real.is_dir():
            return f"{shown} is a folder, not a file"
        if not real.is_file():
            return f"{shown} is not a regular file (a pipe, socket or device); clips are files"
        return None


_WINDOWS = "a magazine with it could not be cloned or built on Windows"
_ELSE = f"choose another slug ({_WINDOWS})"


def file_state(path: str) -> tuple[object, object]:
    """What a path finds, following links and not: (device, inode, type) or why nothing.

    Two equal states mean the same file is there, reached by the same last link: cheaper to
    ask than resolving every link of the path, which is what checking a clip file takes.
    """
    return _stat(os.stat, path), _stat(os.lstat, path)


def _stat(call: Callable[[str], os.stat_result], path: str) -> object:
    try:
        found = call(path)
    except OSError as exc:
        return exc.errno
    except ValueError as exc:  # a NUL in the path
        return str(exc)
    return (found.st_dev, found.st_ino, found.st_mode)


def url_problem(url: str, allow_http: bool) -> str | None:
    """Why a clip URL cannot be fetched, or None. The message never repeats the URL.

    A clip URL may carry credentials and a query (signed links): it is fetched, and only its
    public part (`public_url`) is ever shown or published.
    """
    return address_problem(url, allow_http=allow_http, credentials=True)


def did_you_mean(name: str, known: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    if close:
        return f" (did you mean {close[0]!r}?)"
    listed = ", ".join(sorted(known)) or "none yet"
    return f" (known: {listed})"


def duplicate_slugs(loaded: list[tuple[Entry, Document]]) -> Iterable[Problem]:
    by_slug: dict[str, list[tuple[Entry, Document]]] = {}
    for entry, doc in loaded:
        by_slug.setdefault(entry.slug, []).append((entry, doc))
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        for entry, doc in group:
            others = ", ".join(e.path for e, _ in group if e is not entry)
            message = (
                f"the page address {slug!r} is also used by {others}; set a different slug: "
                "in one of them"
            )
            yield doc.problem(("slug",), message, "key")


def duplicate_comparisons(
    comparisons: tuple[Comparison, ...], docs: Mapping[str, Document]
) -> Iterable[Problem]:
    """Two experiments whose keys give the same page address (`a_b` and `a-b`)."""
    by_slug: dict[str, list[Comparison]] = {}
    for comparison in comparisons:
        by_slug.setdefault(comparison.slug, []).append(comparison)
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        for comparison in group:
            first = comparison.entries[0]
            others = ", ".join(c.entries[0].path for c in group if c is not comparison)
            message = (
                f"this comparison's page address {slug!r} is also used by the comparison of "
                f"{others}; choose experiment keys that differ in more than - and _"
            )
            yield docs[first.path].problem(("experiment",), message)
