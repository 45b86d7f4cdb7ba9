"""The writer's desk: `deliver`, `checked`, `mark` and `resend` record what happened to an
attempt by editing its entry file in place (`yamledit`), comments and all.

`ENTRY` on the command line is a path, a slug, or a service key when that service has exactly
one open attempt. Each command says what it changed and the attempt's new wait line in the
magazine's language ("Kling: 2일 4시간 (약속의 17×)").
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from .atomic import copy_file
from .errors import UsageError
from .messages import Message
from .model import Entry, Status, comparison_slug, normalize_prompt
from .pages.labels import Labels, labels_for
from .scaffold import new_entry
from .settings import Settings
from .slugs import short_hash, slugify
from .source.config import load_settings
from .source.entries import entry_files, in_zone
from .source.yamlsource import read_yaml
from .yamledit import EntryEdit

MARKS = (Status.WAITLISTED, Status.PAYWALLED, Status.FAILED, Status.REFUSED, Status.ABANDONED)
"""What `magazine mark` may set (delivered has its own command, pending is where all start)."""


@dataclass(frozen=True)
class Found:
    """One entry file as the desk sees it: where it is and what it holds (not validated)."""

    path: Path
    shown: str
    slug: str
    data: dict[str, Any]

    @property
    def open(self) -> bool:
        """Pending, waitlisted or paywalled."""
        return str(self.data.get("status")) in {s.value for s in Status if s.open}


@dataclass
class DeskReport:
    """What a command did, as lines for the terminal."""

    lines: list[str] = field(default_factory=list)


class Desk:
    """The magazine's entries and words, for the commands that edit them."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.settings: Settings = load_settings(self.root)
        self.zone = self.settings.tzinfo
        self.labels: Labels = labels_for(self.settings.language)
        self.entries = self._scan()

    def find(self, text: str) -> Found:
        """The entry `text` names: a path, a slug, or a service with one open attempt.

        Raises:
            UsageError: nothing or more than one entry matches; the message lists them.
        """
        candidates = [Path(text), self.root / text]
        for candidate in candidates:
            if candidate.is_file():
                resolved = candidate.resolve()
                for found in self.entries:
                    if found.path == resolved:
                        return found
                raise UsageError(Message("desk.not_an_entry", text=text))
        by_slug = [f for f in self.entries if f.slug == text]
        if by_slug:
            return by_slug[0]
        by_service = [f for f in self.entries if f.data.get("service") == text]
        open_ones = [f for f in by_service if f.open]
        if len(open_ones) == 1:
            return open_ones[0]
        if len(open_ones) > 1:
            listed = ", ".join(f.slug for f in open_ones)
            raise UsageError(
                Message("desk.open_attempts", text=text, count=len(open_ones), listed=listed)
            )
        if by_service:
            raise UsageError(Message("desk.no_open_attempt", text=text))
        raise UsageError(Message("desk.nothing_named", text=repr(text)))

    def deliver(
        self, found: Found, at: datetime, clips: Sequence[Path], urls: Sequence[str]
    ) -> DeskReport:
        """Status delivered, `delivered_at`, clips copied next to the entry, `checked_at` gone."""
        edit = self._edit(found)
        if at < self._submitted(found):
            raise UsageError(Message("desk.delivery_before", shown=found.shown))
        edit.set("status", Status.DELIVERED.value)
        edit.set("delivered_at", at, after=("promised_wait", "submitted_at"))
        edit.remove("checked_at")
        items: list[dict[str, str]] = [{"file": name} for name in self._copy(found, clips)]
        items += [{"url": url} for url in urls]
        edit.append("clips", items, after=("status", "delivered_at"))
        edit.write()
        report = self._report(found, edit)
        if not edit.data.get("clips"):
            report.lines.append(self._said(Message("desk.no_clips")))
        if found.data.get("verdict") or found.data.get("ratings"):
            report.lines.append(self._said(Message("desk.revise")))
        return report

    def checked(self, found: Found, at: datetime) -> DeskReport:
        """`checked_at` at `at`: the wait line advances."""
        self._open_only(found)
        if at < self._submitted(found):
            raise UsageError(Message("desk.time_before", shown=found.shown))
        edit = self._edit(found)
        edit.set("checked_at", at, after=("status",))
        edit.write()
        return self._report(found, edit)

    def mark(self, found: Found, status: Status, at: datetime) -> DeskReport:
        """A new status, and `checked_at` (when the writer found out)."""
        self._open_only(found)
        if at < self._submitted(found):
            raise UsageError(Message("desk.time_before", shown=found.shown))
        edit = self._edit(found)
        edit.set("status", status.value)
        edit.set("checked_at", at, after=("status",))
        edit.write()
        return self._report(found, edit)

    def resend(self, found: Found, services: Sequence[str], at: datetime) -> DeskReport:
        """A new pending attempt of the same prompt for each service, all in one comparison.

        The comparison keeps its address: when it has no `experiment` yet, its current slug
        becomes the key, written into every earlier entry of the comparison.
        """
        prompt = str(found.data.get("prompt", ""))
        key = found.data.get("experiment")
        members: list[Found]
        if isinstance(key, str) and key:
            members = [f for f in self.entries if f.data.get("experiment") == key]
        else:
            key = comparison_slug(f"prompt:{normalize_prompt(prompt)}", prompt)
            members = [
                f
                for f in self.entries
                if not f.data.get("experiment")
                and normalize_prompt(str(f.data.get("prompt", ""))) == normalize_prompt(prompt)
            ]
        chosen = list(services) or [str(found.data.get("service"))]
        known = self._services()
        unknown = [key for key in chosen if known is not None and key not in known]
        if unknown:
            listed = ", ".join(sorted(known or ())) or Message("desk.none_yet")
            raise UsageError(Message("desk.unknown_service", name=repr(unknown[0]), listed=listed))
        # The key is the comparison's slug as it stands, so writing it into the earlier entries
        # first changes neither the comparison nor its address, whatever happens next.
        report = DeskReport()
        edits = []
        for member in members:
            if member.data.get("experiment") != key:
                edit = self._edit(member)
                edit.set("experiment", key, after=("prompt_source", "prompt"))
                edit.verify()
                edits.append((member, edit))
        for member, edit in edits:
            edit.write()
            report.lines += [f"{member.shown}: {change}" for change in edit.changes]
        for service in chosen:
            earlier = [m for m in members if m.data.get("service") == service]
            promised = next(
                (str(m.data["promised_wait"]) for m in earlier[::-1] if "promised_wait" in m.data),
                None,
            )
            path = new_entry(
                self.root,
                service,
                prompt,
                title=str(found.data.get("title") or "") or None,
                now=at,
                experiment=key,
                promised_wait=promised,
            )
            report.lines.append(self._said(Message("desk.new", path=self._shown(path))))
        if edits:
            report.lines.append(self._said(Message("desk.experiment", key=key)))
        return report

    def _open_only(self, found: Found) -> None:
        if str(found.data.get("status")) == Status.DELIVERED.value:
            raise UsageError(Message("desk.delivered_already", shown=found.shown))

    def _edit(self, found: Found) -> EntryEdit:
        return EntryEdit(found.path, found.shown, self.zone, self.settings.language)

    def _said(self, message: Message) -> str:
        return message.render(self.settings.language)

    def _submitted(self, found: Found) -> datetime:
        submitted = in_zone(found.data, self.zone).get("submitted_at")
        if not isinstance(submitted, datetime) or submitted.tzinfo is None:
            raise UsageError(Message("desk.submitted_offset", shown=found.shown))
        return submitted

    def _report(self, found: Found, edit: EntryEdit) -> DeskReport:
        report = DeskReport([f"{found.shown}: {change}" for change in edit.changes])
        line = self.wait_line(found, edit.data)
        if line:
            report.lines.append(line)
        return report

    def wait_line(self, found: Found, data: dict[str, Any]) -> str | None:
        """`Kling: 2일 4시간 (약속의 17×)`: the attempt as it stands after the edit."""
        try:
            fields = in_zone(data, self.zone)
            entry = Entry.model_validate({**fields, "path": found.shown, "slug": found.slug})
        except ValidationError:
            return None
        return f"{self._service_name(entry.service)}: {_wait_text(entry, self.labels)}"

    def _services(self) -> dict[str, Any] | None:
        """The services registry as written (None when there is none to read)."""
        for name in ("services.yml", "services.yaml"):
            path = self.root / self.settings.entries_dir / name
            if path.is_file():
                data = read_yaml(path.read_bytes(), name).data
                return data if isinstance(data, dict) else {}
        return None

    def _service_name(self, key: str) -> str:
        fields = (self._services() or {}).get(key)
        if isinstance(fields, dict) and isinstance(fields.get("name"), str):
            return str(fields["name"])
        return key

    def _copy(self, found: Found, clips: Sequence[Path]) -> list[str]:
        """Copy each clip next to the entry as `media/<slug>[-n].<ext>`; the names to list."""
        names: list[str] = []
        folder = found.path.parent / "media"
        for number, source in enumerate(clips, start=1):
            if not source.is_file():
                raise UsageError(Message("desk.no_clip_file", source=str(source)))
            inside = _relative_to(source.resolve(), found.path.parent)
            if inside is not None:
                names.append(inside)  # already beside the entry: listed where it is
                continue
            suffix = source.suffix.lower()
            base = found.slug if number == 1 else f"{found.slug}-{number}"
            for attempt in range(1, 100):
                name = base if attempt == 1 else f"{base}-{attempt}"
                target = folder / f"{name}{suffix}"
                if target.exists() and os.path.samefile(target, source):
                    break
                if target.exists():
                    if target.read_bytes() == source.read_bytes():
                        break
                    continue
                folder.mkdir(parents=True, exist_ok=True)
                try:
                    copy_file(source, target)
                except FileExistsError:
                    continue
                break
            else:
                raise UsageError(
                    Message("desk.no_free_name", name=f"{base}{suffix}", folder=str(folder))
                )
            names.append(PurePosixPath("media", target.name).as_posix())
        return names

    def _shown(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def _scan(self) -> list[Found]:
        out = []
        for path in entry_files(self.root, self.settings):
            shown = self._shown(path)
            data = read_yaml(path.read_bytes(), shown, zone=self.zone).data
            if not isinstance(data, dict):
                continue
            stem = PurePosixPath(shown).stem
            slug = data.get("slug")
            if not isinstance(slug, str):
                slug = slugify(stem) or short_hash(shown)
            out.append(Found(path.resolve(), shown, slug, data))
        return out


def _relative_to(path: Path, folder: Path) -> str | None:
    """`path` relative to `folder` (POSIX), or None when it is not inside it."""
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return None


def _wait_text(entry: Entry, labels: Labels) -> str:
    """How the attempt stands, in words (as the pages say it)."""
    status, wait = entry.status, entry.wait
    if status in (Status.REFUSED, Status.PAYWALLED) or wait is None:
        return labels.status_name(status)
    core = labels.duration(wait.duration)
    phrase = {
        Status.PENDING: labels.still_waiting,
        Status.WAITLISTED: labels.waitlisted_for,
        Status.FAILED: labels.failed_after,
        Status.ABANDONED: labels.abandoned_after,
    }.get(status)
    if phrase is not None:
        core = phrase.format(wait=core)
    if wait.ratio is not None and status is not Status.WAITLISTED:
        core += f" ({labels.times_promise.format(ratio=labels.ratio(wait.ratio))})"
    return core
