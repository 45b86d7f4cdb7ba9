"""Strict reading of the writer's YAML files, and a tolerant one for mkdocs.yml.

PyYAML implements YAML 1.1, which silently changes a writer's data: `no` becomes false, `0755`
becomes 493, `1:30` becomes 90, `red #ff0000` becomes `red`, and a repeated key overwrites the
first. The strict reader turns each of these into a `Problem` with a line and column, refuses
anchors and aliases (alias bombs), and keeps the composed node tree so that later validation
errors can be located too. This is the only module that imports yaml.

Files are parsed with libyaml (PyYAML's C parser) when it is installed: reading is then about
ten times faster, which matters for a magazine of thousands of entries. Both parsers give the
same nodes, tags and marks; a file libyaml refuses is read again with the pure-Python parser,
whose messages the problems are worded from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Literal

import yaml
from yaml.constructor import ConstructorError

from ..errors import Problem
from ..messages import Message

Loc = tuple[str | int, ...]
Target = Literal["key", "value", "parent"]

MAX_DEPTH = 64
"""Deeper nesting is refused: no entry needs it, and the composer recurses."""

MAX_DIGITS = 30
"""Longer whole numbers are refused: no field needs them, and past 4,300 digits Python's int()
raises instead of reading them."""

EMPTY_FILE = Message("yaml.empty")
"""The problem of a file with no data (only comments, or nothing)."""

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_OCTAL = re.compile(r"^[-+]?0[0-7_]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_CUT_COMMENT = re.compile(r"^( +)#(.*)$")
_INFINITY = re.compile(r"^[-+]?\.inf$", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
# What the YAML reader refuses; checked first so the error has a line and column.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def field_name(loc: Loc) -> str:
    """A dotted field path as writers read it: `clips[1].url`, `ratings.lighting`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def field_loc(field: str) -> Loc:
    """The inverse of `field_name`: `clips[1].url` becomes `("clips", 1, "url")`."""
    loc: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field):
        loc.append(int(index) if index else name)
    return tuple(loc)


@dataclass(frozen=True)
class Document:
    """One YAML file: its data, the node tree it came from, and what went wrong reading it.

    `data` is None when the file could not be read at all (then `problems` says why).
    `flagged` holds the field paths already reported, so validation does not report them twice.
    """

    path: str
    data: Any
    node: yaml.Node | None
    problems: tuple[Problem, ...]
    flagged: frozenset[Loc] = frozenset()

    def find(self, loc: Loc, target: Target = "value") -> tuple[int, int]:
        """The 1-based (line, column) of a field: its key, its value, or its parent mapping.

        Walks as far along `loc` as the file goes; an unknown part stops at the nearest node.
        """
        if self.node is None:
            return (1, 1)
        path = loc[:-1] if target == "parent" else loc
        node: yaml.Node = self.node
        key_node: yaml.Node | None = None
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
        chosen = key_node if target == "key" and key_node is not None else node
        return (chosen.start_mark.line + 1, chosen.start_mark.column + 1)

    def scalar_source(self, loc: Loc) -> str | None:
        """The text of a plain (unquoted) scalar as the writer typed it, if `loc` is one."""
        if self.node is None:
            return None
        node: yaml.Node = self.node
        for part in loc:
            child = _child(node, part)
            if child is None:
                return None
            node = child[1]
        if isinstance(node, yaml.ScalarNode) and not node.style:
            return str(node.value)
        return None

    def problem(self, loc: Loc, message: Message, target: Target = "value") -> Problem:
        """A Problem located at a field of this file."""
        line, column = self.find(loc, target)
        return Problem(self.path, line, column, field_name(loc), message)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        found = None
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                found = (key, value)  # the last one wins, like the constructor
        return found
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        item: yaml.Node = node.value[part]
        return (item, item)
    return None


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    """A timestamp, read in the loader's zone when it has no offset; impossible dates refused."""
    try:
        value = loader.construct_yaml_timestamp(node)
    except ValueError as exc:
        error = ConstructorError(None, None, "not a real date", node.start_mark)
        error.magazine_message = Message("yaml.not_a_date", value=repr(node.value))  # type: ignore[attr-defined]
        raise error from exc
    zone: tzinfo | None = loader.zone
    if isinstance(value, datetime) and value.tzinfo is None and zone is not None:
        value = value.replace(tzinfo=zone)
    return value


def _construct_int(loader: Any, node: yaml.ScalarNode) -> Any:
    """A whole number; one too long to use stays text, for `_surprise` to report."""
    if _digits(str(node.value)) > MAX_DIGITS:
        return str(node.value)
    return loader.construct_yaml_int(node)


def _construct_float(loader: Any, node: yaml.ScalarNode) -> Any:
    """A number; one too large for a float (1e4300) stays text, for `_surprise` to report."""
    value = loader.construct_yaml_float(node)
    if math.isinf(value) and not _INFINITY.match(str(node.value)):
        return str(node.value)
    return value


def _digits(text: str) -> int:
    return sum(1 for char in text if char.isdigit())


class _StrictLoader(yaml.SafeLoader):
    """The pure-Python strict loader: slow, but its error messages are the ones we word."""

    zone: tzinfo | None = None


_StrictLoader.add_constructor(_TIMESTAMP, _construct_timestamp)
_StrictLoader.add_constructor(_INT, _construct_int)
_StrictLoader.add_constructor(_FLOAT, _construct_float)
_FastLoader: type[Any] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CStrictLoader(yaml.CSafeLoader):
        """The strict loader on libyaml's parser (plain scalars have style "" there, not None)."""

        zone: tzinfo | None = None

    _CStrictLoader.add_constructor(_TIMESTAMP, _construct_timestamp)
    _CStrictLoader.add_constructor(_INT, _construct_int)
    _CStrictLoader.add_constructor(_FLOAT, _construct_float)
    _FastLoader = _CStrictLoader


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads unknown tags (`!!python/name:...`, `!ENV`) as plain data."""


def _construct_unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return str(node.value) or str(node.tag)


_TolerantLoader.add_multi_constructor("", _construct_unknown)


def read_yaml(raw: bytes, path: str, *, zone: tzinfo | None = None) -> Document:
    """Read one writer's file strictly; every problem found is in the returned Document.

    Args:
        raw: the file's bytes (UTF-8, with or without a BOM).
        path: the file's path relative to the magazine root, for messages.
        zone: the magazine's time zone; offset-less timestamps are read in it. Without one they
            stay naive, for validation to refuse.
    """
    text, problem = _decode(raw, path)
    if problem is not None:
        return Document(path, None, None, (problem,))
    if _FastLoader is not None:
        document = _read_text(text, path, zone, _FastLoader)
        if document.data is not None:
            return document
    return _read_text(text, path, zone, _StrictLoader)


def _read_text(text: str, path: str, zone: tzinfo | None, loader_class: type[Any]) -> Document:
    scanned = _may_refuse(text)
    problem = _scan_events(text, path, loader_class) if scanned else None
    if problem is not None:
        return Document(path, None, None, (problem,))
    loader = loader_class(text)
    loader.zone = zone
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(path, None, None, (Problem(path, 1, 1, "", EMPTY_FILE),))
        surprises = list(_surprises(node, (), path, text.splitlines()))
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        # The scan reports the first error in the whole stream (a syntax error after a second
        # document, say): the same problem whether or not it ran before.
        first = None if scanned else _scan_events(text, path, loader_class)
        return Document(path, None, None, (first or _marked_problem(path, exc),))
    except RecursionError:
        deep = Problem(path, 1, 1, "", Message("yaml.too_deep", levels=MAX_DEPTH))
        return Document(path, None, None, (deep,))
    finally:
        loader.dispose()
    flagged = frozenset(loc for loc, _ in surprises if loc)
    return Document(path, data, node, tuple(p for _, p in surprises), flagged)


def read_tolerant(raw: bytes, path: str) -> Document:
    """Read a configuration file such as mkdocs.yml: unknown tags become plain strings."""
    text, problem = _decode(raw, path)
    if problem is not None:
        return Document(path, None, None, (problem,))
    loader = _TolerantLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        return Document(path, None, None, (_marked_problem(path, exc),))
    except yaml.YAMLError as exc:
        unread = Problem(path, 1, 1, "", Message("yaml.syntax", detail=str(exc)))
        return Document(path, None, None, (unread,))
    except RecursionError:
        deep = Problem(path, 1, 1, "", Message("yaml.too_deep", levels=MAX_DEPTH))
        return Document(path, None, None, (deep,))
    finally:
        loader.dispose()
    return Document(path, data, node, ())


def unprintable(text: str) -> int | None:
    """The index of the first character YAML refuses, or None when the text is clean."""
    bad = _NON_PRINTABLE.search(text)
    return bad.start() if bad is not None else None


def _decode(raw: bytes, path: str) -> tuple[str, Problem | None]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[start : exc.start].decode("utf-8", "replace")) + 1
        return "", Problem(path, line, column, "", Message("yaml.not_utf8"))
    bad = _NON_PRINTABLE.search(text)
    if bad is not None:
        index, char = bad.start(), bad.group()
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        message = Message("yaml.control_character", code=f"U+{ord(char):04X}")
        return "", Problem(path, line, column, "", message)
    return text, None


def _may_refuse(text: str) -> bool:
    """Whether `text` could hold what `_scan_events` refuses; most entries cannot.

    An anchor needs a `&` and an alias a `*`. Every level of nesting opens with an indicator
    of its own (`[` or `{` for a flow collection, `- ` for a sequence, `: ` or `? ` after a key
    for a mapping), so a text with at most `MAX_DEPTH` of those characters cannot nest deeper.
    """
    if "&" in text or "*" in text:
        return True
    return sum(text.count(char) for char in ":-?[{") > MAX_DEPTH


def _scan_events(text: str, path: str, loader_class: type[Any]) -> Problem | None:
    """Refuse anchors, aliases and deep nesting before anything is composed."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader_class):
            line, column = _position(event.start_mark)
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return Problem(path, line, column, "", Message("yaml.anchor"))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = Message("yaml.too_deep", levels=MAX_DEPTH)
                    return Problem(path, line, column, "", message)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        return _marked_problem(path, exc)
    return None


def _position(mark: Any) -> tuple[int, int]:
    """A 0-based PyYAML mark as a 1-based (line, column)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _marked_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    line, column = _position(exc.problem_mark or exc.context_mark)
    start, _ = _position(exc.context_mark)
    carried = getattr(exc, "magazine_message", None)
    text: str = exc.problem or exc.context or ""
    message = carried if isinstance(carried, Message) else _advice(text, exc, start)
    return Problem(path, line, column, "", message)


def _advice(text: str, exc: yaml.MarkedYAMLError, start: int) -> Message:
    """What the writer should do about a parser's error, worded as writing advice.

    The parser's own words (pure-Python PyYAML's) describe its state, not the writer's
    mistake; each common one maps to what usually caused it. Others keep the parser's words
    inside a sentence of the catalogue.
    """
    context = exc.context or ""
    if "expected a single document" in text or "but found another document" in text:
        return Message("yaml.second_document")
    if "found character '\\t'" in text:
        return Message("yaml.tab")
    if "could not determine a constructor" in text:
        return Message("yaml.tag", tag=text.split("tag ")[-1])
    if "mapping values are not allowed here" in text:
        return Message("yaml.colon_in_value")
    if "found unexpected end of stream" in text and "quoted scalar" in context:
        return Message("yaml.unclosed_quote", start=start)
    if "'<stream end>'" in text or "found unexpected end of stream" in text:
        end, _ = _position(exc.problem_mark)
        if exc.problem_mark is not None and start >= end:
            return Message("yaml.cut_short")  # the parser knows no earlier start
        return Message("yaml.unfinished", start=start)
    if "expected ',' or ']'" in text or "expected ',' or '}'" in text:
        return Message("yaml.unclosed_bracket", start=start)
    if "could not find expected ':'" in text:
        return Message("yaml.no_colon", start=start)
    if "expected <block end>" in text or "did not find expected" in text:
        return Message("yaml.indentation")
    if "that cannot start any token" in text:
        return Message("yaml.cannot_start", char=text.split("'")[1] if "'" in text else "?")
    if "found unknown escape character" in text:
        return Message("yaml.escape")
    detail = f"{exc.problem} ({exc.context})" if exc.context and exc.problem else text
    return Message("yaml.syntax", detail=detail or "?")


def _surprises(
    node: yaml.Node, loc: Loc, path: str, lines: Sequence[str]
) -> Iterator[tuple[Loc, Problem]]:
    """YAML 1.1 readings that would silently change what the writer wrote."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, yaml.Node] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                yield loc, _at(path, key, loc, Message("yaml.key_not_plain"))
                continue
            name = str(key.value)
            child = (*loc, name)
            half = _half_character(name)
            if half:
                yield child, _at(path, key, child, half)
            if key.tag != _STR:
                message = Message("yaml.key_not_text", name=repr(name))
                yield child, _at(path, key, child, message)
            if name in seen:
                first = seen[name].start_mark.line + 1
                message = Message("yaml.duplicate_key", name=repr(name), first=first)
                yield child, _at(path, key, child, message)
            seen[name] = key
            yield from _surprises(value, child, path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _surprises(item, (*loc, index), path, lines)
    elif isinstance(node, yaml.ScalarNode):
        surprise = _half_character(str(node.value))
        if not surprise and not node.style:
            surprise = _surprise(node, lines)
        if surprise:
            yield loc, _at(path, node, loc, surprise)


def _half_character(text: str) -> Message | None:
    """A lone surrogate (`"\\ud800"`) is half of a UTF-16 pair, no character, and not UTF-8."""
    half = _SURROGATE.search(text)
    if half is None:
        return None
    return Message("yaml.surrogate", code=f"\\u{ord(half.group()):04x}")


def _surprise(node: yaml.ScalarNode, lines: Sequence[str]) -> Message | None:
    text = str(node.value)
    quoted = f'"{text}"'
    if node.tag == _BOOL and text.lower() not in ("true", "false"):
        read = "true" if text.lower() in ("yes", "on") else "false"
        return Message("yaml.boolean", text=text, read=read, quoted=quoted)
    if node.tag == _INT and _digits(text) > MAX_DIGITS:
        return Message("yaml.too_many_digits", digits=_digits(text), most=MAX_DIGITS)
    if node.tag == _FLOAT and isinstance(_float_or_none(text), str):
        return Message("yaml.too_large", text=repr(text[:40]))
    if node.tag == _INT and _OCTAL.match(text):
        number = int(text.replace("_", ""), 8)
        return Message("yaml.octal", text=text, number=number, quoted=quoted)
    if node.tag in (_INT, _FLOAT) and _SEXAGESIMAL.match(text):
        return Message("yaml.base60", text=text, quoted=quoted)
    if node.tag == _STR:
        end = node.end_mark
        rest = lines[end.line][end.column :] if end.line < len(lines) else ""
        cut = _CUT_COMMENT.match(rest)
        hashtag = cut is not None and not cut.group(2)[:1].isspace()
        prose_cut = cut is not None and len(cut.group(1)) == 1 and " " in text
        if hashtag or prose_cut:
            return Message("yaml.cut_comment", text=repr(text))
    return None


def _float_or_none(text: str) -> float | str | None:
    """How YAML reads a float scalar here: a float, or the text when too large to use."""
    try:
        value = float(text.replace("_", ""))
    except ValueError:
        return None
    return text if math.isinf(value) and not _INFINITY.match(text) else value


def _at(path: str, node: yaml.Node, loc: Loc, message: Message) -> Problem:
    line, column = _position(node.start_mark)
    return Problem(path, line, column, field_name(loc), message)
