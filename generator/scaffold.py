"""`magazine new`: a new entry file that passes `magazine check` as written."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from .atomic import write_file
from .errors import UsageError, inert
from .model import Status
from .schema import SCHEMA_FILE, schema_text
from .settings import Settings
from .slugs import slugify
from .source.config import load_settings
from .source.entries import entry_files
from .source.yamlsource import read_yaml, unprintable

_TITLE_LENGTH = 60


def new_entry(
    root: Path,
    service: str,
    prompt: str,
    title: str | None = None,
    now: datetime | None = None,
) -> Path:
    """Write `entries/YYYY/MM/<service>-<title>.yml` for a prompt just sent; return its path.

    The entry is pending, submitted and checked `now` (the current time unless given), with the
    UTC offset of the magazine's time zone. An existing file is never overwritten: the next free
    name is taken. `entries/schema.json` is written too when it does not exist yet, so the
    editor comment at the top of the entry points at a real file.

    Raises:
        UsageError: unknown service, empty prompt, or text YAML cannot hold.
    """
    settings = load_settings(root)
    entries_dir = root / settings.entries_dir
    _check_service(entries_dir, service)
    prompt = _clean_prompt(prompt)
    title = " ".join((title or _title_from(prompt)).split())
    if not title:
        raise UsageError("the title is empty")
    if unprintable(title) is not None:
        raise UsageError("the title contains a control character")
    moment = _moment(now, settings)

    folder = entries_dir / f"{moment:%Y}" / f"{moment:%m}"
    schema = entries_dir / SCHEMA_FILE
    schema_ref = Path(os.path.relpath(schema, folder)).as_posix()
    text = entry_text(service, prompt, title, moment, schema_ref)

    folder.mkdir(parents=True, exist_ok=True)
    if not schema.exists():
        write_file(schema, schema_text())
    taken = _taken_slugs(root, settings)
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
    raise UsageError(f"no free file name for {base!r} in {folder}")


def entry_text(service: str, prompt: str, title: str, moment: datetime, schema_ref: str) -> str:
    """The YAML of a new pending entry; the prompt as a `|` block when that keeps it exact."""
    stamp = moment.isoformat(timespec="seconds")
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"service: {service}",
        f"prompt: {_prompt_block(prompt)}",
        f"submitted_at: {stamp}",
        f"status: {Status.PENDING.value}",
        f"checked_at: {stamp}  # the last time you looked; update it while you wait",
        "# promised_wait: 3h  # what the service said it would take",
        "# When the result arrives: status: delivered, delivered_at, and clips:",
        "# delivered_at: " + stamp,
        "# clips:",
        "#   - file: media/clip.mp4  # relative to this file's folder",
        "# ratings: {quality: 4, composition: 3, story: 3, camera: 3, consistency: 4, "
        "lighting: 4, colour: 4}",
        "# verdict: one line about what you saw",
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
        raise UsageError("the prompt is empty")
    index = unprintable(text)
    if index is not None:
        raise UsageError(f"the prompt contains a control character (U+{ord(text[index]):04X})")
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
            raise UsageError("the time given has no UTC offset (and no extra.magazine.timezone)")
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
                raise UsageError(
                    f"unknown service {service!r} (known: {listed}); add it to {path.name} first"
                )
            return
    raise UsageError(f"{entries_dir.name}/services.yml is missing: list the service there first")


def _taken_slugs(root: Path, settings: Settings) -> set[str]:
    """Slugs already used: from file names and from explicit `slug:` fields."""
    taken: set[str] = set()
    for path in entry_files(root, settings):
        taken.add(slugify(path.stem))
        data = read_yaml(path.read_bytes(), path.name).data
        if isinstance(data, dict) and isinstance(data.get("slug"), str):
            taken.add(data["slug"])
    return taken
