"""Loading and validating a magazine: registries, every entry file, and the rules between them.

`load_magazine` reads everything and raises one `ContentError` listing every problem of every
file, sorted, each located as `path:line:col: field: message` with the path relative to the
magazine root. Nothing is fetched and no clock is read.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel

from ..errors import ContentError, Problem
from ..model import (
    DEFAULT_CRITERIA,
    Clip,
    Comparison,
    Criterion,
    Entry,
    EntryData,
    Magazine,
    Service,
    Status,
    group_comparisons,
)
from ..settings import Settings
from ..slugs import short_hash, slugify
from .config import load_settings
from .tree import link_problem, walk_inside
from .validation import validate
from .yamlsource import Document, field_loc, read_tolerant, read_yaml

SERVICES = "services"
CRITERIA = "criteria"
_REGISTRY_FILES = {f"{name}.{ext}" for name in (SERVICES, CRITERIA) for ext in ("yml", "yaml")}
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

M = TypeVar("M", bound=BaseModel)


class EntryCache:
    """Entries read by an earlier load in this process, reused while their file is unchanged.

    The live preview loads the magazine on every save; reading and validating one file is
    the same work every time its bytes (and the time zone that reads them) are the same.
    """

    def __init__(self) -> None:
        self._files: dict[str, tuple[bytes, object, Document, Entry | None, tuple[Problem, ...]]]
        self._files = {}

    def read(
        self, shown: str, raw: bytes, zone: Any
    ) -> tuple[Document, Entry | None, list[Problem]]:
        """The document, entry and problems of one entry file's bytes."""
        found = self._files.get(shown)
        if found is not None and found[0] == raw and found[1] == zone:
            return found[2], found[3], list(found[4])
        doc, entry, problems = _read_entry(shown, raw, zone)
        self._files[shown] = (raw, zone, doc, entry, tuple(problems))
        return doc, entry, problems


def _read_entry(shown: str, raw: bytes, zone: Any) -> tuple[Document, Entry | None, list[Problem]]:
    doc = read_yaml(raw, shown, zone=zone)
    problems = list(doc.problems)
    return doc, _entry(doc, problems), problems


def load_magazine(root: Path, cache: EntryCache | None = None) -> Magazine:
    """Read and validate the magazine under `root`.

    Args:
        cache: entries kept from an earlier load (the live preview's), reused when unchanged.

    Raises:
        UsageError: `root` has no mkdocs.yml.
        ContentError: every problem found in mkdocs.yml, the registries and the entries.
    """
    root = root.resolve()
    settings = load_settings(root)
    entries_dir = root / settings.entries_dir
    problems: list[Problem] = []
    files = entry_files(root, settings)
    problems.extend(link_problems(root, settings))

    services, services_ok = _load_registry(root, entries_dir, SERVICES, Service, problems)
    if not services_ok and files and not _registry_file(entries_dir, SERVICES):
        problems.append(
            Problem(
                _relative(root, entries_dir / "services.yml"),
                0,
                0,
                "",
                "missing: list every service your entries name (key: {name: ..., kind: video})",
            )
        )
    criteria_map, criteria_ok = _load_registry(root, entries_dir, CRITERIA, Criterion, problems)
    has_criteria_file = _registry_file(entries_dir, CRITERIA) is not None
    criteria = tuple(criteria_map.values()) if has_criteria_file else DEFAULT_CRITERIA

    loaded: list[tuple[Entry, Document]] = []
    for file in files:
        raw = _read(file, _relative(root, file), problems)
        if raw is None:
            continue
        shown = _relative(root, file)
        if cache is None:
            doc, entry, found = _read_entry(shown, raw, settings.tzinfo)
        else:
            doc, entry, found = cache.read(shown, raw, settings.tzinfo)
        problems.extend(found)
        if entry is not None:
            loaded.append((entry, doc))

    rules = _Rules(
        root=root,
        settings=settings,
        services=services if services_ok else None,
        criteria={c.key: c for c in criteria} if criteria_ok or not has_criteria_file else None,
    )
    for entry, doc in loaded:
        problems.extend(rules.check(entry, doc))
    problems.extend(_duplicate_slugs(loaded))
    entries = tuple(sorted((e for e, _ in loaded), key=lambda e: (e.submitted_at, e.slug)))
    comparisons = group_comparisons(entries)
    problems.extend(_duplicate_comparisons(comparisons, {e.path: d for e, d in loaded}))
    if problems:
        raise ContentError(problems)
    return Magazine(
        root=root,
        settings=settings,
        entries=entries,
        services=dict(sorted(services.items())),
        criteria=criteria,
        comparisons=comparisons,
    )


def entry_files(root: Path, settings: Settings) -> list[Path]:
    """Every entry file under the entries folder (any depth, sorted), registries excluded.

    Links are followed only to places inside the magazine folder (`link_problems` names the
    others).
    """
    found = []
    for rel, path in walk_inside(root, settings.entries_dir).files.items():
        relative = PurePosixPath(rel)
        if path.suffix not in (".yml", ".yaml"):
            continue
        if any(part.startswith(".") for part in relative.parts):
            continue
        if len(relative.parts) == 1 and relative.name in _REGISTRY_FILES:
            continue
        found.append(path)
    return found


def link_problems(root: Path, settings: Settings) -> list[Problem]:
    """Links in the entries and docs folders that are not followed: to outside the magazine
    folder, broken, or looping (clips are checked where an entry names them)."""
    problems = [
        p
        for p in walk_inside(root, settings.entries_dir).refused
        if PurePosixPath(p.path).suffix in ("", ".yml", ".yaml")
    ]
    return problems + walk_inside(root, settings.docs_dir).refused


def clip_path(magazine: Magazine, entry: Entry, clip: Clip) -> Path:
    """The absolute path of a local clip (checked by `load_magazine` to stay in the magazine).

    Raises:
        ValueError: the clip is a URL, not a file.
    """
    if clip.file is None:
        raise ValueError(f"{entry.path}: clip {clip.source} is a URL, not a local file")
    return ((magazine.root / entry.path).parent / clip.file).resolve()


def locate(root: Path, path: str, field: str, message: str) -> Problem:
    """A problem at a field of a file already loaded (a clip that failed after loading).

    Args:
        root: the magazine folder.
        path: the file, relative to `root` (an entry's `path`).
        field: the dotted field path, as `field_name` writes it (`clips[1].url`).
    """
    try:
        raw = (root / path).read_bytes()
    except OSError:
        return Problem(path, 0, 0, field, message)
    return read_tolerant(raw, path).problem(field_loc(field), message)


def _read(path: Path, shown: str, problems: list[Problem]) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, 0, 0, "", f"cannot read the file: {exc.strerror}"))
        return None


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _registry_file(entries_dir: Path, name: str) -> Path | None:
    for ext in ("yml", "yaml"):
        if (entries_dir / f"{name}.{ext}").is_file():
            return entries_dir / f"{name}.{ext}"
    return None


def _load_registry(
    root: Path, entries_dir: Path, name: str, model: type[M], problems: list[Problem]
) -> tuple[dict[str, M], bool]:
    """Read `entries/<name>.yml`: a mapping of key → fields. Returns (items, read cleanly)."""
    path = _registry_file(entries_dir, name)
    if path is None:
        return {}, False
    refused = link_problem(root, path)
    if refused is not None:
        problems.append(Problem(_relative(root, path), 0, 0, "", refused))
        return {}, False
    raw = _read(path, _relative(root, path), problems)
    if raw is None:
        return {}, False
    doc = read_yaml(raw, _relative(root, path))
    problems.extend(doc.problems)
    if doc.data is None:
        return {}, False
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), f"{name}.yml must map each key to its fields"))
        return {}, False
    items: dict[str, M] = {}
    clean = not doc.problems
    for key, fields in doc.data.items():
        if not isinstance(key, str):
            continue  # reported by the reader
        if not _KEY.match(key):
            message = "a key uses lowercase letters, digits, - and _ only (up to 64)"
            problems.append(doc.problem((key,), message, "key"))
            clean = False
            continue
        if not isinstance(fields, dict):
            problems.append(doc.problem((key,), "must be a mapping of fields (name: ..., ...)"))
            clean = False
            continue
        if "key" in fields:
            message = "the key is the name above; remove this line"
            problems.append(doc.problem((key, "key"), message, "key"))
            clean = False
            continue
        item, found = validate(model, {**fields, "key": key}, doc, (key,))
        problems.extend(found)
        if isinstance(item, model):
            items[key] = item
        else:
            clean = False
    return items, clean


def _entry(doc: Document, problems: list[Problem]) -> Entry | None:
    if doc.data is None:
        return None
    if not isinstance(doc.data, dict):
        found = "a list" if isinstance(doc.data, list) else "a single value"
        message = f"an entry is a mapping of fields (title: ..., service: ...), not {found}"
        problems.append(Problem(doc.path, 1, 1, "", message))
        return None
    data, found_problems = validate(EntryData, doc.data, doc)
    problems.extend(found_problems)
    if not isinstance(data, EntryData):
        return None
    stem = PurePosixPath(doc.path).stem
    slug = data.slug or slugify(stem) or short_hash(doc.path)
    fields: dict[str, Any] = {**dict(data), "path": doc.path, "slug": slug}
    return Entry.model_validate(fields)


class _Rules:
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

    def check(self, entry: Entry, doc: Document) -> Iterable[Problem]:
        """Every cross-field and cross-file problem of one entry."""
        if self.services is not None and entry.service not in self.services:
            hint = _did_you_mean(entry.service, self.services)
            message = f"unknown service {entry.service!r}{hint}; add it to entries/services.yml"
            yield doc.problem(("service",), message)
        yield from self._ratings(entry, doc)
        yield from self._times(entry, doc)
        for index, clip in enumerate(entry.clips):
            if clip.file is not None:
                wrong = self._file_problem(entry, clip.file)
                if wrong:
                    yield doc.problem(("clips", index, "file"), wrong)
            elif clip.url is not None:
                wrong = _url_problem(clip.url, self.settings.allow_http)
                if wrong:
                    yield doc.problem(("clips", index, "url"), wrong)

    def _ratings(self, entry: Entry, doc: Document) -> Iterable[Problem]:
        if self.criteria is None:
            return
        for key, score in entry.ratings.items():
            criterion = self.criteria.get(key)
            if criterion is None:
                hint = _did_you_mean(key, self.criteria)
                message = f"unknown criterion {key!r}{hint}"
                yield doc.problem(("ratings", key), message, "key")
            elif not 1 <= score <= criterion.scale:
                message = f"must be a whole number from 1 to {criterion.scale} (got {score})"
                yield doc.problem(("ratings", key), message)

    def _times(self, entry: Entry, doc: Document) -> Iterable[Problem]:
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
        if PurePosixPath(text).is_absolute() or PureWindowsPath(text).is_absolute():
            return "must be a path relative to this entry's folder, not an absolute path"
        if PureWindowsPath(text).drive or text.startswith("\\"):
            return "must be a path relative to this entry's folder, not an absolute path"
        folder = (self.root / entry.path).parent
        joined = Path(os.path.normpath(folder / text))
        if not joined.is_relative_to(self.root):
            return "goes outside the magazine folder; keep clips inside it"
        real = joined.resolve()
        if not real.is_relative_to(self.root):
            return "is a link to a file outside the magazine folder; copy the file in instead"
        shown = _relative(self.root, joined)
        if not real.exists():
            return f"file not found: {shown} (paths are relative to this entry's folder)"
        if not real.is_file():
            return f"{shown} is a folder, not a file"
        return None


def _url_problem(url: str, allow_http: bool) -> str | None:
    """Why a clip URL cannot be fetched, or None. The message never repeats the URL."""
    if any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        return "a URL cannot contain spaces or control characters"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "is not a valid URL"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        got = f"{scheme}:" if scheme else "no scheme"
        return f"must be an https:// URL (got {got})"
    if not host:
        return "has no host name"
    if scheme == "http" and not allow_http:
        return "http:// is not allowed: use https://, or set extra.magazine.allow_http: true"
    return None


def _did_you_mean(name: str, known: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    if close:
        return f" (did you mean {close[0]!r}?)"
    listed = ", ".join(sorted(known)) or "none yet"
    return f" (known: {listed})"


def _duplicate_slugs(loaded: list[tuple[Entry, Document]]) -> Iterable[Problem]:
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


def _duplicate_comparisons(
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
