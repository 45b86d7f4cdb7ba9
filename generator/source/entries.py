"""Loading and validating a magazine: registries, every entry file, and the rules between them.

`load_magazine` reads everything and raises one `ContentError` listing every problem of every
file, sorted, each located as `path:line:col: field: message` with the path relative to the
magazine root. Nothing is fetched and no clock is read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, tzinfo
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import ContentError, Problem
from ..filenames import name_problem, path_problem
from ..messages import Message
from ..model import (
    DEFAULT_CRITERIA,
    Clip,
    Criterion,
    Entry,
    EntryData,
    Experiment,
    Magazine,
    Service,
    TagLabel,
    group_comparisons,
)
from ..settings import Settings
from ..slugs import short_hash, slugify
from .aside import set_aside
from .config import load_settings
from .consistency import consistency_warnings, split_prompts
from .rules import Rules, duplicate_comparisons, duplicate_slugs, file_state
from .tree import Walk, link_problem, on_disk, walk_inside
from .validation import validate
from .yamlsource import EMPTY_FILE, Document, Target, field_loc, read_tolerant, read_yaml

SERVICES = "services"
CRITERIA = "criteria"
EXPERIMENTS = "experiments"
TAGS = "tags"
_REGISTRY_FILES = {
    f"{name}.{ext}" for name in (SERVICES, CRITERIA, EXPERIMENTS, TAGS) for ext in ("yml", "yaml")
}
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

M = TypeVar("M", bound=BaseModel)


class EntryCache:
    """Entries read by an earlier load in this process, reused while their file is unchanged.

    The live preview loads the magazine on every save; reading and validating one file is
    the same work every time its bytes (and the time zone that reads them) are the same, and
    so are the rules on an entry while the entry, the registries and settings the rules read
    and the files its clips name are the same. A clip file is the same while `os.stat` and
    `os.lstat` of its path find the same file (device, inode, type): a clip that appears,
    disappears, becomes a folder or a link to elsewhere is checked again.
    """

    def __init__(self) -> None:
        self._files: dict[str, tuple[bytes, object, Document, Entry | None, tuple[Problem, ...]]]
        self._files = {}
        self._rules: dict[str, tuple[Entry, Document, object, object, tuple[Problem, ...]]] = {}
        self._reads: object = None
        self._paths: dict[str, tuple[object, Path]] = {}
        self.checks = 0
        """How many times the rules ran on an entry (for tests)."""

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

    def keep_only(self, shown: set[str]) -> None:
        """Forget the files that are gone (by their path relative to the magazine root)."""
        self._files = {k: v for k, v in self._files.items() if k in shown}
        self._rules = {k: v for k, v in self._rules.items() if k in shown}

    def rule_problems(self, rules: Rules, entry: Entry, doc: Document) -> list[Problem]:
        """The rules' problems of one entry, kept while nothing they read has changed."""
        reads = rules.reads
        if reads is not self._reads:
            if self._reads != reads or repr(self._reads) != repr(reads):
                self._rules = {}
            self._reads = reads
        disk = rules.clip_files(entry)
        kept = self._rules.get(entry.path)
        if kept is not None and kept[0] is entry and kept[1] is doc and kept[3] == disk:
            return list(kept[4])
        found = _rule_problems(rules, entry, doc)
        self.checks += 1
        self._rules[entry.path] = (entry, doc, reads, disk, tuple(found))
        return found

    def clip_path(self, magazine: Magazine, entry: Entry, clip: Clip) -> Path:
        """`clip_path`, kept while the clip's path finds the same file."""
        if clip.file is None:
            return clip_path(magazine, entry, clip)
        joined = os.path.join(os.path.dirname(os.path.join(magazine.root, entry.path)), clip.file)
        state = file_state(str(on_disk(magazine.root, os.path.normpath(joined))))
        kept = self._paths.get(joined)
        if kept is not None and kept[0] == state:
            return kept[1]
        path = clip_path(magazine, entry, clip)
        self._paths[joined] = (state, path)
        return path


def _rule_problems(rules: Rules, entry: Entry, doc: Document) -> list[Problem]:
    """The rules' problems of one entry (an error no rule foresaw among them)."""
    found: list[Problem] = []
    checked = _guarded(doc, found, partial(rules.problems, entry, doc))
    # A field already reported (a YAML surprise, a value set aside) is not judged again.
    return found + [p for p in checked or [] if not _reported(doc, p.field)]


def _reported(doc: Document, field: str) -> bool:
    loc = field_loc(field)
    return any(loc[: len(flagged)] == flagged for flagged in doc.flagged)


def _read_entry(shown: str, raw: bytes, zone: Any) -> tuple[Document, Entry | None, list[Problem]]:
    doc = read_yaml(raw, shown, zone=zone)
    problems = list(doc.problems)
    aside: set[str] = set()
    entry = _guarded(doc, problems, partial(_entry, doc, problems, aside, zone))
    if aside:
        doc = replace(doc, flagged=doc.flagged | {(name,) for name in aside})
    return doc, entry, problems


def load_magazine(root: Path, cache: EntryCache | None = None) -> Magazine:
    """Read and validate the magazine under `root` (see `read_magazine`).

    Raises:
        ContentError: every problem found in mkdocs.yml, the registries and the entries.
    """
    magazine, problems = read_magazine(root, cache)
    if problems:
        raise ContentError(problems)
    return magazine


def read_magazine(root: Path, cache: EntryCache | None = None) -> tuple[Magazine, list[Problem]]:
    """The magazine under `root` as far as it reads (with problems, the entries that could be
    read at all, for `check` to probe their clips in the same run), and every problem found.

    Args:
        cache: entries kept from an earlier load (the live preview's), reused when unchanged.

    Raises:
        UsageError: `root` has no mkdocs.yml.
    """
    root = root.resolve()
    settings = load_settings(root)
    entries_dir = root / settings.entries_dir
    problems: list[Problem] = []
    walk = walk_inside(root, settings.entries_dir)
    files = entry_files(root, settings, walk)
    problems.extend(link_problems(root, settings, walk))

    services, services_ok = _load_registry(
        root, entries_dir, SERVICES, Service, problems, settings.limits.entry_bytes
    )
    if not services_ok and files and not _registry_file(entries_dir, SERVICES):
        problems.append(
            Problem(
                _relative(root, entries_dir / "services.yml"),
                0,
                0,
                "",
                Message("registry.services_missing"),
            )
        )
    criteria_map, criteria_ok = _load_registry(
        root, entries_dir, CRITERIA, Criterion, problems, settings.limits.entry_bytes
    )
    has_criteria_file = _registry_file(entries_dir, CRITERIA) is not None
    criteria = tuple(criteria_map.values()) if has_criteria_file else DEFAULT_CRITERIA
    experiments, _ = _load_registry(
        root, entries_dir, EXPERIMENTS, Experiment, problems, settings.limits.entry_bytes
    )
    tags, _ = _load_registry(
        root, entries_dir, TAGS, TagLabel, problems, settings.limits.entry_bytes
    )

    loaded: list[tuple[Entry, Document]] = []
    seen: set[str] = set()
    for file in files:
        shown = _inside(root, file)
        seen.add(shown)
        unportable = path_problem(shown)
        if unportable:
            message = Message("name.file", reason=unportable)
            problems.append(Problem(shown, 0, 0, "", message))
        raw = _read(file, shown, problems, settings.limits.entry_bytes)
        if raw is None:
            continue
        if cache is None:
            doc, entry, found = _read_entry(shown, raw, settings.tzinfo)
        else:
            doc, entry, found = cache.read(shown, raw, settings.tzinfo)
        problems.extend(found)
        if entry is not None:
            loaded.append((entry, doc))

    if cache is not None:
        cache.keep_only(seen)
    rules = Rules(
        root=root,
        settings=settings,
        services=services if services_ok else None,
        criteria={c.key: c for c in criteria} if criteria_ok or not has_criteria_file else None,
    )
    for entry, doc in loaded:
        if cache is None:
            problems.extend(_rule_problems(rules, entry, doc))
        else:
            problems.extend(cache.rule_problems(rules, entry, doc))
    problems.extend(duplicate_slugs(loaded))
    entries = tuple(sorted((e for e, _ in loaded), key=lambda e: (e.submitted_at, e.slug)))
    comparisons = group_comparisons(entries)
    problems.extend(duplicate_comparisons(comparisons, {e.path: d for e, d in loaded}))
    warnings: list[Problem] = []
    if not problems:  # warnings are for a magazine without problems, never shown beside them
        docs = {e.path: d for e, d in loaded}
        warnings = sorted(
            [w for entry, doc in loaded for w in consistency_warnings(entry, doc)]
            + split_prompts(entries, docs)
        )
    magazine = Magazine(
        root=root,
        settings=settings,
        entries=entries,
        services=dict(sorted(services.items())),
        criteria=criteria,
        comparisons=comparisons,
        experiments=dict(sorted(experiments.items())),
        warnings=tuple(warnings),
        tags=dict(sorted(tags.items())),
    )
    return magazine, problems


def entry_files(root: Path, settings: Settings, walk: Walk | None = None) -> list[Path]:
    """Every entry file under the entries folder (any depth, sorted), registries excluded.

    Links are followed only to places inside the magazine folder (`link_problems` names the
    others). `walk`: the entries folder's, when the caller has it already.
    """
    found = []
    walk = walk if walk is not None else walk_inside(root, settings.entries_dir)
    for rel, path in walk.files.items():
        # `rel` is a walk's key: POSIX, relative, no empty or `.` parts (strings, not paths:
        # the preview asks on every save, for every file).
        if not rel.endswith((".yml", ".yaml")):
            continue
        parts = rel.split("/")
        if any(part.startswith(".") for part in parts):
            continue
        if len(parts) == 1 and rel in _REGISTRY_FILES:
            continue
        found.append(path)
    return found


def link_problems(root: Path, settings: Settings, walk: Walk | None = None) -> list[Problem]:
    """Links in the entries and docs folders that are not followed: to outside the magazine
    folder, broken, or looping (clips are checked where an entry names them); and files in the
    docs folder whose names Windows cannot hold. `walk`: the entries folder's, when the caller
    has it already."""
    walk = walk if walk is not None else walk_inside(root, settings.entries_dir)
    problems = [p for p in walk.refused if PurePosixPath(p.path).suffix in ("", ".yml", ".yaml")]
    docs = walk_inside(root, settings.docs_dir)
    return problems + docs.refused + _unportable(settings.docs_dir, docs)


def _unportable(folder: str, walk: Walk) -> list[Problem]:
    """The writer's pages and files whose names Windows cannot hold (they become site files)."""
    problems = []
    for rel in walk.files:
        wrong = path_problem(rel)
        if wrong:
            message = Message("name.file", reason=wrong)
            problems.append(Problem((PurePosixPath(folder) / rel).as_posix(), 0, 0, "", message))
    return problems


def clip_path(magazine: Magazine, entry: Entry, clip: Clip) -> Path:
    """The absolute path of a local clip (checked by `load_magazine` to stay in the magazine).

    Raises:
        ValueError: the clip is a URL, not a file.
    """
    if clip.file is None:
        raise ValueError(f"{entry.path}: clip {clip.source} is a URL, not a local file")
    joined = os.path.normpath((magazine.root / entry.path).parent / clip.file)
    return on_disk(magazine.root, joined).resolve()


def locate(
    root: Path, path: str, field: str, message: Message, target: Target = "value"
) -> Problem:
    """A problem at a field of a file already loaded (a clip that failed after loading).

    Args:
        root: the magazine folder.
        path: the file, relative to `root` (an entry's `path`).
        field: the dotted field path, as `field_name` writes it (`clips[1].url`).
        target: point at the field's value, its key, or its parent mapping.
    """
    try:
        raw = (root / path).read_bytes()
    except OSError:
        return Problem(path, 0, 0, field, message)
    return read_tolerant(raw, path).problem(field_loc(field), message, target)


def _read(path: Path, shown: str, problems: list[Problem], limit: int) -> bytes | None:
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        reason = str(exc.strerror or exc)
        problems.append(Problem(shown, 0, 0, "", Message("file.unreadable", reason=reason)))
        return None
    if len(raw) > limit:
        message = Message("limit.entry_bytes", limit=limit)
        problems.append(Problem(shown, 1, 1, "", message))
        return None
    return raw


T = TypeVar("T")

_UNFORESEEN = (ValueError, OverflowError, OSError, RuntimeError, RecursionError, UnicodeError)
"""What a value no rule foresaw can raise deep in a library; one file's surprise must not
hide every other file's problems."""


def _guarded(doc: Document, problems: list[Problem], step: Callable[[], T]) -> T | None:
    """Run one file's step; an error no rule foresaw becomes a problem of that file."""
    try:
        return step()
    except _UNFORESEEN as exc:
        detail = f"{type(exc).__name__}: {exc}"
        problems.append(doc.problem((), Message("file.unforeseen", detail=detail)))
        return None


def registry_path(root: Path, settings: Settings, name: str) -> str:
    """The registry file `name` (services, criteria), relative to the root: as found, else .yml."""
    entries_dir = root / settings.entries_dir
    found = _registry_file(entries_dir, name) or entries_dir / f"{name}.yml"
    return _relative(root, found)


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _inside(root: Path, path: Path) -> str:
    """`_relative` for a path known to be under `root` (both resolved), without pathlib's
    parsing: a large magazine asks for thousands."""
    text, prefix = str(path), str(root).rstrip(os.sep) + os.sep
    if text.startswith(prefix):
        return text[len(prefix) :].replace(os.sep, "/")
    return _relative(root, path)


def _registry_file(entries_dir: Path, name: str) -> Path | None:
    for ext in ("yml", "yaml"):
        if (entries_dir / f"{name}.{ext}").is_file():
            return entries_dir / f"{name}.{ext}"
    return None


def _load_registry(
    root: Path,
    entries_dir: Path,
    name: str,
    model: type[M],
    problems: list[Problem],
    limit: int,
) -> tuple[dict[str, M], bool]:
    """Read `entries/<name>.yml`: a mapping of key → fields. Returns (items, read cleanly)."""
    path = _registry_file(entries_dir, name)
    if path is None:
        return {}, False
    refused = link_problem(root, path)
    if refused is not None:
        problems.append(Problem(_relative(root, path), 0, 0, "", refused))
        return {}, False
    raw = _read(path, _relative(root, path), problems, limit)
    if raw is None:
        return {}, False
    doc = read_yaml(raw, _relative(root, path))
    if doc.node is None and [p.message for p in doc.problems] == [EMPTY_FILE]:
        return {}, True  # nothing uncommented yet (as `magazine init` writes it): none
    problems.extend(doc.problems)
    if doc.data is None:
        return {}, False
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), Message("registry.not_a_mapping", name=name)))
        return {}, False
    items: dict[str, M] = {}
    clean = not doc.problems
    for key, fields in doc.data.items():
        if not isinstance(key, str):
            continue  # reported by the reader
        # A tag is keyed as entries write it (`슬로모션` too); other keys name pages and fields.
        if name != TAGS and not _KEY.match(key):
            message = Message("registry.key")
            problems.append(doc.problem((key,), message, "key"))
            clean = False
            continue
        unportable = name_problem(key) if name == SERVICES else None
        if unportable:
            message = Message("name.service", key=repr(key), reason=unportable)
            problems.append(doc.problem((key,), message, "key"))
            clean = False
            continue
        if name == EXPERIMENTS and isinstance(fields, str):
            fields = {"title": fields}  # `key: title`, the short form
        if not isinstance(fields, dict):
            problems.append(doc.problem((key,), Message("registry.item_mapping")))
            clean = False
            continue
        if "key" in fields:
            message = Message("registry.key_field")
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


TIME_FIELDS = ("submitted_at", "delivered_at", "checked_at", "updated_at")


def in_zone(fields: dict[str, Any], zone: tzinfo | None) -> dict[str, Any]:
    """The fields with every offset-less time read in the magazine's zone, however YAML typed
    it: `2025-01-05T10:15` and `"2025-01-05 10:15:00"` are text to YAML, not timestamps."""
    if zone is None:
        return fields
    out = dict(fields)
    for name in TIME_FIELDS:
        value = out.get(name)
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip())
            except ValueError:
                continue  # validation says what is wrong with it
        if isinstance(value, datetime) and value.tzinfo is None:
            out[name] = value.replace(tzinfo=zone)
    return out


def _entry(
    doc: Document, problems: list[Problem], aside: set[str], zone: tzinfo | None = None
) -> Entry | None:
    if doc.data is None:
        return None
    if not isinstance(doc.data, dict):
        found = Message("kind.list" if isinstance(doc.data, list) else "kind.single")
        message = Message("entry.not_a_mapping", got=found)
        problems.append(Problem(doc.path, 1, 1, "", message))
        return None
    zoned = in_zone(doc.data, zone)
    data, found_problems = validate(EntryData, zoned, doc, zoned=zone is not None)
    problems.extend(found_problems)
    if not isinstance(data, EntryData):
        data = set_aside(zoned, aside)
        if data is None:
            return None
    stem = PurePosixPath(doc.path).stem
    slug = data.slug or slugify(stem) or short_hash(doc.path)
    fields: dict[str, Any] = {**dict(data), "path": doc.path, "slug": slug}
    return Entry.model_validate(fields)
