"""`magazine new`: a new entry file that passes `magazine check` as written."""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from .atomic import write_file
from .durations import parse_duration
from .errors import UsageError, inert
from .messages import Message, as_message
from .model import Plan, Status, normalize_prompt
from .schema import SCHEMA_FILE, schema_text
from .settings import Settings
from .slugs import slugify
from .source.config import load_settings
from .source.entries import entry_files, in_zone
from .source.yamlsource import read_yaml, unprintable
from .yamledit import scalar_text

_TITLE_LENGTH = 60


def new_entry(
    root: Path,
    service: str,
    prompt: str,
    title: str | None = None,
    now: datetime | None = None,
    *,
    experiment: str | None = None,
    model: str | None = None,
    plan: str | None = None,
    promised_wait: str | None = None,
    status: Status = Status.PENDING,
) -> Path:
    """Write `entries/YYYY/MM/<service>-<title>.yml` for a prompt just sent; return its path.

    The entry is pending, submitted and checked `now` (the current time unless given), with the
    UTC offset of the magazine's time zone. An existing file is never overwritten: the next free
    name is taken. `entries/schema.json` is written too when it does not exist yet, so the
    editor comment at the top of the entry points at a real file.

    A second entry for the same service, prompt and minute is refused, naming the first:
    running the same command twice records one attempt, not two.

    Raises:
        UsageError: unknown service, empty prompt, text YAML cannot hold, a bad optional
            field, or the same attempt recorded already.
    """
    settings = load_settings(root)
    entries_dir = root / settings.entries_dir
    _check_service(entries_dir, service)
    prompt = _clean_prompt(prompt)
    title = " ".join((title or _title_from(prompt)).split())
    if not title:
        raise UsageError(Message("new.title_empty"))
    if unprintable(title) is not None:
        raise UsageError(Message("new.title_control"))
    moment = _moment(now, settings)
    extra = _extra_fields(experiment, model, plan, promised_wait, status)

    folder = entries_dir / f"{moment:%Y}" / f"{moment:%m}"
    schema = entries_dir / SCHEMA_FILE
    schema_ref = Path(os.path.relpath(schema, folder)).as_posix()
    text = entry_text(
        service, prompt, title, moment, schema_ref, extra, status, language=settings.language
    )

    taken, attempts = _existing(root, settings)
    same = attempts.get((service, normalize_prompt(prompt), _minute(moment)))
    if same is not None:
        when = f"{moment:%Y-%m-%d %H:%M}"
        raise UsageError(Message("new.same_attempt", same=str(same), service=service, when=when))
    folder.mkdir(parents=True, exist_ok=True)
    if not schema.exists():
        write_file(schema, schema_text())
    base = slugify(f"{service} {title}", max_length=50) or service
    for number in range(1, 1000):
        name = base if number == 1 else f"{base}-{number}"
        if slugify(name) in taken:
            continue
        path = folder / f"{name}.yml"
        try:
            write_file(path, text, exclusive=True)
        except FileExistsError:
            continue
        return path
    raise UsageError(Message("new.no_free_name", base=repr(base), folder=str(folder)))


def entry_text(
    service: str,
    prompt: str,
    title: str,
    moment: datetime,
    schema_ref: str,
    extra: dict[str, str] | None = None,
    status: Status = Status.PENDING,
    *,
    language: str = "en",
) -> str:
    """The YAML of a new entry (pending unless told); the prompt as a `|` block when that keeps
    it exact. `extra`: optional fields already written as YAML values (model, plan,
    experiment, promised_wait). The comments are in the magazine's `language`."""

    def said(key: str) -> str:
        return Message(f"scaffold.{key}").render(language)

    stamp = moment.isoformat(timespec="seconds")
    extra = extra or {}
    # Only a pending attempt is checked at once: a waitlisted or paywalled one would read
    # "for at least 0 s" (checked_at is what the writer sets once time has passed).
    checked = (
        f"checked_at: {stamp}  # {said('checked_pending')}"
        if status is Status.PENDING
        else f"# checked_at: {stamp}  # {said('checked')}"
    )
    promised = (
        f"promised_wait: {extra['promised_wait']}"
        if "promised_wait" in extra
        else f"# promised_wait: 3h  # {said('promised')}"
    )
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"service: {service}",
        *(f"{key}: {extra[key]}" for key in ("model", "plan") if key in extra),
        f"prompt: {_prompt_block(prompt)}",
        *(f"{key}: {extra[key]}" for key in ("experiment",) if key in extra),
        f"submitted_at: {stamp}",
        promised,
        f"status: {status.value}",
        checked,
        f"# {said('deliver')}",
        f"# {said('deliver_by_hand')}",
        "# delivered_at: " + stamp,
        "# clips:",
        f"#   - file: media/clip.mp4  # {said('clip')}",
        "# ratings: {quality: 4, composition: 3, story: 3, camera: 3, consistency: 4, "
        "lighting: 4, colour: 4}",
        f"# verdict: {said('verdict')}",
        "",
    ]
    return "\n".join(lines)


def _prompt_block(prompt: str) -> str:
    indicator = "|2-" if prompt[:1] in (" ", "\t") else "|-"
    body = "\n".join(f"  {line}" if line else "" for line in prompt.split("\n"))
    block = f"{indicator}\n{body}"
    doc = read_yaml(f"prompt: {block}\n".encode(), "prompt")
    if not doc.problems and doc.data == {"prompt": prompt}:
        return block
    return json.dumps(prompt, ensure_ascii=False)


def _clean_prompt(prompt: str) -> str:
    text = prompt.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n").rstrip()
    if not text.strip():
        raise UsageError(Message("new.prompt_empty"))
    index = unprintable(text)
    if index is not None:
        raise UsageError(Message("new.prompt_control", code=f"U+{ord(text[index]):04X}"))
    return text


def _title_from(prompt: str) -> str:
    first = " ".join(prompt.split("\n", 1)[0].split())
    if len(first) <= _TITLE_LENGTH:
        return first
    cut = first[:_TITLE_LENGTH].rsplit(" ", 1)[0] or first[:_TITLE_LENGTH]
    return cut.rstrip(" ,.;:") + "…"


def _moment(now: datetime | None, settings: Settings) -> datetime:
    zone = settings.tzinfo
    if now is None:
        moment = datetime.now(zone) if zone else datetime.now().astimezone()
    elif now.tzinfo is None:
        if zone is None:
            raise UsageError(Message("new.no_offset"))
        moment = now.replace(tzinfo=zone)
    else:
        moment = now.astimezone(zone) if zone else now
    return moment.replace(microsecond=0)


def _check_service(entries_dir: Path, service: str) -> None:
    for name in ("services.yml", "services.yaml"):
        path = entries_dir / name
        if path.is_file():
            data = read_yaml(path.read_bytes(), name).data
            known = sorted(k for k in data if isinstance(k, str)) if isinstance(data, dict) else []
            if service not in known:
                listed = ", ".join(inert(key) for key in known) or "none yet"
                message = Message(
                    "new.unknown_service", name=repr(service), listed=listed, file=path.name
                )
                raise UsageError(message)
            return
    raise UsageError(Message("new.no_services", folder=entries_dir.name))


def _existing(
    root: Path, settings: Settings
) -> tuple[set[str], dict[tuple[str, str, datetime], str]]:
    """Slugs already used (file names and explicit `slug:` fields), and the attempts already
    recorded by (service, normalised prompt, minute submitted), each with its file."""
    taken: set[str] = set()
    attempts: dict[tuple[str, str, datetime], str] = {}
    zone = settings.tzinfo
    for path in entry_files(root, settings):
        taken.add(slugify(path.stem))
        data = read_yaml(path.read_bytes(), path.name, zone=zone).data
        if not isinstance(data, dict):
            continue
        data = in_zone(data, zone)
        if isinstance(data.get("slug"), str):
            taken.add(data["slug"])
        service, prompt, submitted = (
            data.get("service"),
            data.get("prompt"),
            data.get("submitted_at"),
        )
        known = isinstance(service, str) and isinstance(prompt, str)
        if known and isinstance(submitted, datetime) and submitted.tzinfo is not None:
            shown = path.resolve().relative_to(root.resolve()).as_posix()
            attempts[(str(service), normalize_prompt(str(prompt)), _minute(submitted))] = shown
    return taken, attempts


def _minute(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def _extra_fields(
    experiment: str | None,
    model: str | None,
    plan: str | None,
    promised_wait: str | None,
    status: Status,
) -> dict[str, str]:
    """The optional fields of `magazine new`, checked and written as YAML values."""
    out: dict[str, str] = {}
    if status is Status.DELIVERED:
        raise UsageError(Message("new.delivered"))
    if experiment is not None:
        if not _KEY.match(experiment):
            raise UsageError(Message("new.experiment", value=repr(experiment)))
        out["experiment"] = experiment
    if model is not None:
        model = " ".join(model.split())
        if not model or unprintable(model) is not None:
            raise UsageError(Message("new.model"))
        out["model"] = json.dumps(model, ensure_ascii=False)
    if plan is not None:
        try:
            out["plan"] = Plan(plan).value
        except ValueError:
            known = ", ".join(p.value for p in Plan)
            raise UsageError(Message("new.plan", value=repr(plan), known=known)) from None
    if promised_wait is not None:
        try:
            parse_duration(promised_wait)
        except ValueError as exc:
            reason = as_message(exc) or Message("field.invalid", detail=str(exc))
            raise UsageError(Message("new.promised_wait", reason=reason)) from None
        out["promised_wait"] = scalar_text(promised_wait.strip())
    return out
