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
from ..messages import Message
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
            message = Message("service.unknown", name=repr(entry.service), hint=hint)
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
            message = Message("name.slug", slug=repr(entry.slug), reason=wrong)
            yield doc.problem(("slug",), message)
        elif wrong and not path_problem(entry.path):  # else the file name is reported
            message = Message("name.slug_from_file", slug=repr(entry.slug), reason=wrong)
            yield Problem(entry.path, 0, 0, "", message)
        if entry.experiment:
            slug = comparison_slug(entry.comparison_key, entry.prompt)
            wrong = name_problem(slug)
            if wrong:
                message = Message("name.experiment", slug=repr(slug), reason=wrong)
                yield doc.problem(("experiment",), message)

    def _ratings(self, entry: Entry, doc: Document) -> Iterable[Problem]:
        if self.criteria is None:
            return
        for key, score in entry.ratings.items():
            criterion = self.criteria.get(key)
            if criterion is None:
                hint = did_you_mean(key, self.criteria)
                message = Message("rating.unknown", name=repr(key), hint=hint)
                yield doc.problem(("ratings", key), message, "key")
            elif not 1 <= score <= criterion.scale:
                message = Message("rating.range", scale=criterion.scale, got=score)
                yield doc.problem(("ratings", key), message)

    def _times(self, entry: Entry, doc: Document) -> Iterable[Problem]:
        outside = list(moment_problems(entry, doc))
        if outside:
            yield from outside
            return
        submitted = entry.submitted_at.isoformat()
        if entry.delivered_at is not None and entry.delivered_at < entry.submitted_at:
            message = Message("time.before_submitted", submitted=submitted)
            yield doc.problem(("delivered_at",), message)
        if entry.checked_at is not None and entry.checked_at < entry.submitted_at:
            message = Message("time.before_submitted", submitted=submitted)
            yield doc.problem(("checked_at",), message)
        if entry.status is Status.DELIVERED:
            if not entry.clips:
                yield doc.problem(("status",), Message("status.delivered_no_clips"))
            if entry.delivered_at is None:
                yield doc.problem(("status",), Message("status.delivered_no_time"))
        if entry.status is Status.PENDING and entry.checked_at is None:
            yield doc.problem(("status",), Message("status.pending_no_check"))

    def _file_problem(self, entry: Entry, text: str) -> Message | None:
        """Why a local clip path cannot be used, or None."""
        if any(ord(char) < 0x20 or ord(char) == 0x7F for char in text):
            return Message("clip.control_character")
        try:
            return self._file_problem_on_disk(entry, text)
        except RuntimeError:  # Path.resolve on Python 3.11 and 3.12
            return Message("clip.link_loop")
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                return Message("clip.path_too_long")
            if exc.errno == errno.ELOOP:
                return Message("clip.link_loop")
            return Message("clip.unreadable", reason=str(exc.strerror or exc))

    def _file_problem_on_disk(self, entry: Entry, text: str) -> Message | None:
        if PurePosixPath(text).is_absolute() or PureWindowsPath(text).is_absolute():
            return Message("clip.absolute")
        if PureWindowsPath(text).drive or text.startswith("\\"):
            return Message("clip.absolute")
        wrong = path_problem(text)
        if wrong:
            return Message("clip.unportable", reason=wrong)
        folder = (self.root / entry.path).parent
        joined = Path(os.path.normpath(folder / text))
        if not joined.is_relative_to(self.root):
            return Message("clip.outside")
        joined = on_disk(self.root, str(joined))
        real = joined.resolve()
        if not real.is_relative_to(self.root):
            return Message("clip.link_outside")
        shown = joined.relative_to(self.root).as_posix()
        if not real.exists():
            nearest = nearest_file(folder, text)
            if nearest is not None:
                return Message("clip.not_found_near", shown=shown, nearest=nearest)
            return Message("clip.not_found", shown=shown)
        if real.is_dir():
            return Message("clip.folder", shown=shown)
        if not real.is_file():
            return Message("clip.not_regular", shown=shown)
        return None


_NEAREST_LOOKED_AT = 2000
"""A folder with more names than this is not searched for a near name (a huge media folder)."""


def nearest_file(folder: Path, text: str) -> str | None:
    """The existing file whose path (relative to `folder`) is nearest to `text`, or None.

    Looks in the folder the path names (or, when that folder is missing, the nearest folder
    on the way that exists), so `media/sparks-sora.mp4` finds `media/sparks_sora.mp4` and
    `clip/a.mp4` finds `clips/a.mp4`.
    """
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    candidates: list[str] = []
    for depth in range(len(parts) - 1, -1, -1):
        base = folder.joinpath(*parts[:depth])
        prefix = "".join(f"{part}/" for part in parts[:depth])
        try:
            if not base.is_dir():
                continue
            names = sorted(os.listdir(base))[:_NEAREST_LOOKED_AT]
        except OSError:
            continue
        for name in names:
            path = base / name
            if path.is_file():
                candidates.append(prefix + name)
            elif path.is_dir() and depth == len(parts) - 2:
                try:
                    inner = sorted(os.listdir(path))[:_NEAREST_LOOKED_AT]
                except OSError:
                    continue
                candidates.extend(f"{prefix}{name}/{item}" for item in inner)
        if candidates:
            break
    wanted = "/".join(parts)
    close = difflib.get_close_matches(wanted, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


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


def url_problem(url: str, allow_http: bool) -> Message | None:
    """Why a clip URL cannot be fetched, or None. The message never repeats the URL.

    A clip URL may carry credentials and a query (signed links): it is fetched, and only its
    public part (`public_url`) is ever shown or published.
    """
    return address_problem(url, allow_http=allow_http, credentials=True)


def did_you_mean(name: str, known: Mapping[str, Any]) -> Message:
    """A hint for a key not found: the nearest known one, else every known one."""
    close = difflib.get_close_matches(name, list(known), n=1)
    if close:
        return Message("hint.did_you_mean", near=repr(close[0]))
    if not known:
        return Message("hint.none_known")
    return Message("hint.known", listed=", ".join(sorted(known)))


def duplicate_slugs(loaded: list[tuple[Entry, Document]]) -> Iterable[Problem]:
    by_slug: dict[str, list[tuple[Entry, Document]]] = {}
    for entry, doc in loaded:
        by_slug.setdefault(entry.slug, []).append((entry, doc))
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        for entry, doc in group:
            others = ", ".join(e.path for e, _ in group if e is not entry)
            message = Message("name.slug_taken", slug=repr(slug), others=others)
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
            message = Message("name.comparison_taken", slug=repr(slug), others=others)
            yield docs[first.path].problem(("experiment",), message)
