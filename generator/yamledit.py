"""Editing a writer's entry file in place: only the changed lines change.

The desk commands (`deliver`, `checked`, `mark`, `resend`) change a few top-level fields of
an entry the writer wrote by hand, with comments, their own key order and quoting. This is the
only module that imports ruamel.yaml, and it uses it for one thing: its round-trip parser
knows where each top-level key and value starts. The edit itself is a splice of lines (a
value replaced on its own line with the comment after it kept, a line inserted after a key's
block, a key's lines removed), not a dump of the whole document: a round-trip dump still
re-indents sequences, moves comment columns and loses the comment lines that follow a removed
key. Every other byte of the file stays as the writer left it.

Loading stays strict (`source.yamlsource`): before anything is written, the edited text is read
back by the strict reader and must give exactly the data intended, else nothing is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .atomic import write_file
from .errors import EditRefused, UsageError
from .messages import Message
from .source.yamlsource import read_yaml

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/+:?=&%~-]*$")
_QUOTED_END = {"'": re.compile(r"'(?:[^']|'')*'"), '"': re.compile(r'"(?:[^"\\]|\\.)*"')}


@dataclass(frozen=True)
class _Key:
    """Where one top-level key sits in the text (0-based lines)."""

    line: int
    value_line: int
    value_column: int
    last_line: int
    """The last line of the key's block (its value, nested lines and comments within)."""


def scalar_text(value: str | datetime) -> str:
    """A value written as YAML: plain when it reads back as the same text, else quoted."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if _PLAIN.match(value):
        doc = read_yaml(f"v: {value}\n".encode(), "value")
        if not doc.problems and doc.data == {"v": value}:
            return value
    return json.dumps(value, ensure_ascii=False)


class EntryEdit:
    """Changes to one entry file, written only if the strict reader reads back what was meant.

    Use `set`, `remove` and `append`, then `write`. `data` is the file's data as the strict
    reader reads it, with the changes so far.
    """

    def __init__(self, path: Path, shown: str, zone: tzinfo | None, language: str = "en") -> None:
        self.path, self.shown, self.zone = path, shown, zone
        self.language = language
        """The magazine's language, which the changes are listed in."""
        self.original = path.read_bytes()
        doc = read_yaml(self.original, shown, zone=zone)
        if doc.problems:
            raise EditRefused(shown, doc.problems)
        if not isinstance(doc.data, dict):
            raise UsageError(Message("edit.not_an_entry", shown=shown))
        self.data: dict[str, Any] = dict(doc.data)
        self.text = self.original.decode("utf-8-sig")
        self.bom = self.original.startswith(b"\xef\xbb\xbf")
        # Lines a command adds end as the writer's lines do.
        self.newline = "\r\n" if "\r\n" in self.text else "\n"
        self.changes: list[str] = []

    def set(self, key: str, value: str | datetime, *, after: Sequence[str] = ()) -> None:
        """Give `key` a one-line value: replaced where it is, else inserted after the first
        of `after` that the file has (else at the end)."""
        old = self.data.get(key)
        written = scalar_text(value)
        if old is not None and _scalar_of(old) == written:
            return
        keys = self._keys()
        if key in keys:
            self._replace_value(keys[key], key, written)
        else:
            self._insert(keys, after, [f"{key}: {written}"])
        self.data[key] = value
        shown_old = _shown(old)
        self.changes.append(
            f"{key}: {shown_old} → {written}" if old is not None else f"{key}: {written}"
        )

    def remove(self, key: str) -> None:
        """Remove `key` and its lines (nothing when the file has no such key)."""
        keys = self._keys()
        if key not in keys:
            return
        found = keys[key]
        lines = self._lines()
        del lines[found.line : found.last_line + 1]
        self.text = "".join(lines)
        self.data.pop(key)
        self.changes.append(Message("edit.removed", key=key).render(self.language))

    def append(
        self, key: str, items: Sequence[Mapping[str, str]], *, after: Sequence[str] = ()
    ) -> None:
        """Add mappings of one-line values to the list under `key` (created when missing)."""
        if not items:
            return
        keys = self._keys()
        old = self.data.get(key)
        if old is not None and not isinstance(old, list):
            raise UsageError(Message("edit.not_a_list", shown=self.shown, key=key))
        found = keys.get(key)
        if found is None or (old == [] and found.last_line == found.line):
            if found is not None:
                lines = self._lines()
                del lines[found.line : found.last_line + 1]
                self.text = "".join(lines)
                keys = self._keys()
            rows = [f"{key}:", *(_item_lines(item, "  ") for item in items)]
            self._insert(keys, after, rows)
        else:
            if found.value_line == found.line:
                raise UsageError(Message("edit.flow_list", shown=self.shown, key=key))
            lines = self._lines()
            dash = lines[found.value_line][: found.value_column]
            indent = dash if not dash.strip() else " " * found.value_column
            rows = [_item_lines(item, indent) for item in items]
            lines[found.last_line + 1 : found.last_line + 1] = [
                row.replace("\n", self.newline) + self.newline for row in rows
            ]
            self.text = "".join(lines)
        self.data[key] = [*(old or []), *(dict(item) for item in items)]
        for item in items:
            self.changes.append(f"{key}: + {', '.join(str(v) for v in item.values())}")

    def verify(self) -> bytes:
        """The edited file's bytes, once the strict reader reads them back as intended.

        Raises:
            UsageError: the edit would not read back as intended (nothing is written).
        """
        body = (("\ufeff" if self.bom else "") + self.text).encode("utf-8")
        doc = read_yaml(body, self.shown, zone=self.zone)
        if doc.problems or doc.data != self.data:
            raise UsageError(Message("edit.not_read_back", shown=self.shown))
        return body

    def write(self) -> None:
        """Write the edited file atomically, after reading it back strictly (`verify`)."""
        body = self.verify()
        if self.path.read_bytes() != self.original:
            raise UsageError(Message("edit.changed_meanwhile", shown=self.shown))
        write_file(self.path, body)

    def _lines(self) -> list[str]:
        lines = self.text.splitlines(keepends=True)
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += self.newline
        return lines

    def _keys(self) -> dict[str, _Key]:
        """Every top-level key's place, from ruamel's round-trip parse of the text now."""
        try:
            tree = YAML(typ="rt").load(StringIO(self.text))
        except YAMLError as exc:
            raise UsageError(
                Message("edit.cannot_edit", shown=self.shown, detail=str(exc))
            ) from exc
        lines = self._lines()
        starts = [(str(k), *tree.lc.key(k), *tree.lc.value(k)) for k in tree]
        starts.sort(key=lambda row: row[1])
        out: dict[str, _Key] = {}
        for index, (name, line, column, value_line, value_column) in enumerate(starts):
            end = starts[index + 1][1] if index + 1 < len(starts) else len(lines)
            last = line
            for number in range(line + 1, end):
                row = lines[number]
                stripped = row.strip()
                if not stripped:
                    continue
                indent = len(row) - len(row.lstrip(" "))
                if stripped.startswith("#") and indent <= column:
                    continue  # a comment of the writer's own between keys: it stays
                last = number
            out[name] = _Key(line, value_line, value_column, max(last, value_line))
        return out

    def _replace_value(self, found: _Key, key: str, written: str) -> None:
        lines = self._lines()
        row = lines[found.line]
        if found.last_line != found.line or found.value_line != found.line:
            # Not on one line (a block or a value on the next line): the key gets one line.
            lines[found.line : found.last_line + 1] = [
                f"{row[: row.index(key)]}{key}: {written}{self.newline}"
            ]
        else:
            start = found.value_column
            rest = row[start:]
            end = _scalar_end(rest)
            lines[found.line] = row[:start] + written + rest[end:]
        self.text = "".join(lines)

    def _insert(self, keys: Mapping[str, _Key], after: Sequence[str], rows: list[str]) -> None:
        lines = self._lines()
        anchor = next((keys[name] for name in after if name in keys), None)
        at = anchor.last_line + 1 if anchor is not None else len(lines)
        lines[at:at] = [row.replace("\n", self.newline) + self.newline for row in rows]
        self.text = "".join(lines)


def _scalar_end(rest: str) -> int:
    """Where a one-line scalar ends in `rest` (the line from the value's first character)."""
    quoted = _QUOTED_END.get(rest[:1])
    if quoted is not None:
        match = quoted.match(rest)
        if match:
            return match.end()
    comment = re.search(r"\s#", rest)
    text = rest[: comment.start()] if comment else rest
    return len(text.rstrip("\r\n").rstrip())


def _item_lines(item: Mapping[str, str], indent: str) -> str:
    """One list item of one-line values: `  - file: media/x.mp4` (more keys on more lines)."""
    rows = [f"{name}: {scalar_text(value)}" for name, value in item.items()]
    inner = "\n".join(f"{indent}  {row}" for row in rows[1:])
    return f"{indent}- {rows[0]}" + (f"\n{inner}" if inner else "")


def _scalar_of(value: Any) -> str:
    return scalar_text(value) if isinstance(value, str | datetime) else str(value)


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return str(value)
