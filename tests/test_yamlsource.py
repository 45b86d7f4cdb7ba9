"""Strict YAML reading: every silent change of the writer's data is a located problem."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.source import yamlsource
from generator.source.yamlsource import field_loc, field_name, read_tolerant, read_yaml

SEOUL = ZoneInfo("Asia/Seoul")


def problems(raw: bytes, zone: ZoneInfo | None = None) -> list[str]:
    return [str(p) for p in read_yaml(raw, "e.yml", zone=zone).problems]


def test_clean_file_has_data_and_no_problems() -> None:
    doc = read_yaml(b"title: x\nratings: {quality: 4}\ntags: [a, b]\n", "e.yml")
    assert doc.problems == ()
    assert doc.data == {"title": "x", "ratings": {"quality": 4}, "tags": ["a", "b"]}


def test_duplicate_key_names_both_lines() -> None:
    assert problems(b"title: a\nservice: sora\ntitle: b\n") == [
        "e.yml:3:1: title: duplicate key 'title' (first at line 1); keep one of them"
    ]


def test_duplicate_key_in_nested_mapping() -> None:
    raw = b"ratings:\n  quality: 4\n  quality: 5\n"
    assert problems(raw) == [
        "e.yml:3:3: ratings.quality: duplicate key 'quality' (first at line 2); keep one of them"
    ]


@pytest.mark.parametrize(
    ("value", "reading"), [("no", "false"), ("off", "false"), ("YES", "true"), ("On", "true")]
)
def test_yaml11_booleans_are_problems(value: str, reading: str) -> None:
    assert problems(f"verdict: {value}\n".encode()) == [
        f"e.yml:1:10: verdict: {value} would be read as {reading} (YAML 1.1); "
        f'write "{value}" for text, or true/false'
    ]


def test_true_false_and_quoted_words_are_fine() -> None:
    doc = read_yaml(b'stand_in: true\nverdict: "no"\nnote: y\n', "e.yml")
    assert doc.problems == ()
    assert doc.data == {"stand_in": True, "verdict": "no", "note": "y"}


def test_octal_and_base60_are_problems_but_08_and_decimal_are_not() -> None:
    raw = b"model: 0755\npromised_wait: 1:30\nat: 12:30:00\nversion: 08\namount: 1.5\n"
    assert problems(raw) == [
        'e.yml:1:8: model: 0755 would be read as the octal number 493; write "0755"',
        'e.yml:2:16: promised_wait: 1:30 would be read as a base-60 number; write "1:30" '
        "(or 1h30m for a wait)",
        'e.yml:3:5: at: 12:30:00 would be read as a base-60 number; write "12:30:00" '
        "(or 1h30m for a wait)",
    ]


def test_unquoted_hash_cutting_a_value_short() -> None:
    raw = b"prompt: a red #ff0000 car\nverdict: nice colours # but blurry\n"
    assert problems(raw) == [
        "e.yml:1:9: prompt: ' #' starts a comment, so this value stops at 'a red'; "
        "quote the whole value or use a | block",
        "e.yml:2:10: verdict: ' #' starts a comment, so this value stops at 'nice colours'; "
        "quote the whole value or use a | block",
    ]


def test_deliberate_comments_after_values_are_fine() -> None:
    raw = b"service: sora   # key into the registry\ntitle: Sparks  # shown as title\n"
    raw += b'prompt: "red #ff0000 car"\n# a line comment\n'
    doc = read_yaml(raw, "e.yml")
    assert doc.problems == ()
    assert doc.data["prompt"] == "red #ff0000 car"


def test_anchors_and_aliases_are_refused() -> None:
    assert problems(b"a: &x [1, 2]\nb: *x\n") == [
        "e.yml:1:4: anchors and aliases (& and *) are not allowed; write the value out"
    ]


def test_alias_bomb_is_refused_before_expanding() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    doc = read_yaml("\n".join(lines).encode(), "e.yml")
    assert doc.data is None
    assert [p.line for p in doc.problems] == [1]


def test_tab_indentation() -> None:
    assert problems(b"clips:\n\t- file: a.mp4\n") == [
        "e.yml:2:1: a tab character cannot be used here; indent with spaces"
    ]


def test_bad_utf8_is_located() -> None:
    assert problems("title: 한\nprompt: ok ".encode() + b"\xff\n") == [
        "e.yml:2:12: the file is not valid UTF-8 text; save it as UTF-8"
    ]


def test_control_character_is_located() -> None:
    assert problems("title: 한글\nprompt: a\x07b\n".encode()) == [
        "e.yml:2:10: control character U+0007 is not allowed in YAML; remove it"
    ]


@pytest.mark.parametrize("raw", [b"", b"\n\n", b"# only a comment\n"])
def test_empty_file(raw: bytes) -> None:
    assert problems(raw) == ["e.yml:1:1: the file is empty"]


def test_second_document() -> None:
    assert problems(b"title: a\n---\ntitle: b\n") == [
        "e.yml:2:1: a second document (---) is not allowed; one entry per file"
    ]


def test_deep_nesting_is_one_clean_problem() -> None:
    raw = b"a: " + b"[" * 1000 + b"]" * 1000 + b"\n"
    assert problems(raw) == ["e.yml:1:67: nesting is too deep (more than 64 levels)"]


def test_syntax_error_is_located() -> None:
    assert problems(b"title: a\nprompt: [unclosed\nstatus: x\n") == [
        "e.yml:3:7: the list or mapping in brackets that starts at line 2 is not closed: add the "
        "closing ] or }, or quote a value that holds ': '"
    ]


def test_python_tag_is_refused() -> None:
    assert problems(b"title: !!python/object/apply:os.system [ls]\n") == [
        "e.yml:1:8: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; "
        "remove it"
    ]


def test_bom_and_crlf_are_fine() -> None:
    doc = read_yaml(b"\xef\xbb\xbftitle: a\r\nservice: b\r\n", "e.yml")
    assert doc.problems == ()
    assert doc.data == {"title": "a", "service": "b"}


def test_non_text_keys_are_problems() -> None:
    assert problems(b"ratings:\n  2: 4\n") == [
        "e.yml:2:3: ratings.2: the key '2' is not text; quote it"
    ]


def test_timestamps_keep_offsets_and_naive_ones_stay_naive_without_zone() -> None:
    doc = read_yaml(b"a: 2025-01-03T10:00:00+09:00\nb: 2025-01-03 10:00:00\nc: 2025-01-03\n", "e")
    assert doc.data["a"] == datetime(2025, 1, 3, 1, 0, tzinfo=UTC)
    assert doc.data["a"].utcoffset() == timedelta(hours=9)
    assert doc.data["b"].tzinfo is None
    assert doc.data["c"] == date(2025, 1, 3)


def test_offsetless_timestamps_read_in_the_magazine_zone() -> None:
    doc = read_yaml(b"a: 2025-07-03 10:00:00\nb: 2025-07-03T10:00:00Z\n", "e", zone=SEOUL)
    assert doc.data["a"] == datetime(2025, 7, 3, 1, 0, tzinfo=UTC)
    assert doc.data["a"].tzinfo is SEOUL
    assert doc.data["b"] == datetime(2025, 7, 3, 10, 0, tzinfo=UTC)


def test_impossible_date_is_located() -> None:
    assert problems(b"title: a\nsubmitted_at: 2025-02-30 10:00:00\n") == [
        "e.yml:2:15: '2025-02-30 10:00:00' is not a real date or time; check the month, day "
        "and hour"
    ]


def test_find_points_at_key_value_or_parent() -> None:
    doc = read_yaml(b"title: a\nclips:\n  - file: x.mp4\n    caption: c\n", "e.yml")
    assert doc.find(("clips", 0, "caption"), "key") == (4, 5)
    assert doc.find(("clips", 0, "caption"), "value") == (4, 14)
    assert doc.find(("clips", 0, "url"), "parent") == (3, 5)
    assert doc.find(("missing",), "parent") == (1, 1)


def test_field_name() -> None:
    assert field_name(("clips", 1, "url")) == "clips[1].url"
    assert field_name(("ratings", "lighting")) == "ratings.lighting"


def test_tolerant_reader_accepts_mkdocs_python_tags() -> None:
    raw = b"site_name: M\nemoji: !!python/name:material.extensions.emoji.twemoji\nx: !ENV [A, b]\n"
    doc = read_tolerant(raw, "mkdocs.yml")
    assert doc.problems == ()
    assert doc.data == {
        "site_name": "M",
        "emoji": "tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji",
        "x": ["A", "b"],
    }


def test_field_loc_reads_back_what_field_name_writes() -> None:
    for loc in [("clips", 1, "url"), ("ratings", "lighting"), ("title",), ("a", 0, 2, "b")]:
        assert field_loc(field_name(loc)) == loc


EQUIVALENCE_CORPUS = [
    "title: 한글 제목 #태그\nprompt: 한국어 문장 # 주석 아님\nnotes: |\n  한글 본문\n",
    "verdict: no\nmodel: 0755\nwait: 1:30\nversion: 08\nratings:\n  2: 4\n  quality: 4\n",
    "title: a\nservice: sora\ntitle: b\nclips:\n  - file: a.mp4\n    caption: 'x'\n",
    'a: 2025-01-03T10:00:00+09:00\nb: 2025-01-03 10:00:00\nc: 2025-01-03\nd: "2025"\n',
    "tags: [a, b, {c: d}]\nprompt: >\n  folded\n  text\ncost: {amount: 1.5, unit: usd}\n",
]


@pytest.mark.skipif(yamlsource._FastLoader is None, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize("text", EQUIVALENCE_CORPUS)
def test_libyaml_reading_equals_pure_python_reading(text: str) -> None:
    # Entries are parsed with libyaml for speed; every result must be what the pure-Python
    # parser (whose messages problems are worded from) gives, down to the node marks.
    fast = yamlsource._read_text(text, "e.yml", SEOUL, yamlsource._FastLoader)
    slow = yamlsource._read_text(text, "e.yml", SEOUL, yamlsource._StrictLoader)
    assert (fast.data, fast.problems, fast.flagged) == (slow.data, slow.problems, slow.flagged)
    for loc in [(key,) for key in slow.data] + [("clips", 0, "caption"), ("ratings", "quality")]:
        for target in ("key", "value", "parent"):
            assert fast.find(loc, target) == slow.find(loc, target)
        assert fast.scalar_source(loc) == slow.scalar_source(loc)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("[", "]"), ("{", "}"), ("- ", ""), ("? ", ""), ("a:\n", "")],
)
def test_nesting_at_the_limit_is_read_and_one_deeper_is_refused(opening: str, closing: str) -> None:
    # Each level opens with an indicator of its own, so the text just under the limit takes
    # the shortcut past the event scan, and one more level does not.
    for depth, refused in ((yamlsource.MAX_DEPTH, False), (yamlsource.MAX_DEPTH + 1, True)):
        if opening == "a:\n":  # block mappings, one indented under the other
            raw = "".join(f"{' ' * i}k:\n" for i in range(depth - 1)) + f"{' ' * depth}k: v\n"
        else:
            raw = opening * depth + "x" + closing * depth + "\n"
        found = problems(raw.encode())
        assert any("nesting is too deep" in p for p in found) == refused, (depth, found)


_YAML_PIECES = [
    *("k: ", "k:", "\n", "\n  ", "\n    ", "- ", "[", "]", "{", "}", ", ", "? ", "v", "1:30"),
    *("&a ", "*a", "!!str ", "'q'", '"d"', " # c", "|\n  t", "---\n", "0755", "yes", "가"),
]
"""Pieces of YAML: keys, nesting, anchors and aliases, tags, scalars the reader flags."""


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_YAML_PIECES), max_size=16).map("".join))
def test_skipping_the_event_scan_changes_no_reading(text: str) -> None:
    # Where `_may_refuse` lets a text past the event scan, reading it gives what scanning it
    # first gives: the same data, problems (syntax errors included) and flagged fields.
    if yamlsource._may_refuse(text):
        return
    for loader in filter(None, (yamlsource._FastLoader, yamlsource._StrictLoader)):
        quick = yamlsource._read_text(text, "e.yml", SEOUL, loader)
        with patch.object(yamlsource, "_may_refuse", lambda _text: True):
            scanned = yamlsource._read_text(text, "e.yml", SEOUL, loader)
        assert (quick.data, quick.problems, quick.flagged) == (
            scanned.data,
            scanned.problems,
            scanned.flagged,
        )
