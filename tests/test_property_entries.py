"""Property: whatever a mutated entry holds, `check` and `build` end located or succeed.

Valid entries are mutated the way hostile or careless files differ from them: keys deleted,
values swapped for other types, huge and tiny numbers, odd Unicode (lone surrogates, U+FFFE,
controls), long strings, nested lists and mappings, unknown keys. Every run must exit 0, or 1
with each problem located as `path[:line[:col]]: ...`, and never raise past the command line.
`check` runs on many examples; `build` (MkDocs included) on fewer, as each costs seconds.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.build_fixtures import invoke
from tests.magazine_fixtures import MKDOCS, SERVICES, write_magazine

VALID: dict[str, Any] = {
    "title": "Sparks on Sora",
    "service": "sora",
    "model": "Sora 1.0",
    "plan": "free",
    "prompt": "A mesmerizing shower of golden sparks swirls in slow motion.\n",
    "experiment": "sparks",
    "submitted_at": "2025-01-03T10:00:00+09:00",
    "promised_wait": "3h",
    "status": "pending",
    "checked_at": "2025-01-05T10:00:00+09:00",
    "cost": {"amount": 3, "unit": "credits"},
    "ratings": {"quality": 4, "lighting": 5},
    "verdict": "느낌은 있는데 인물이 흐려진다",
    "notes": "Markdown *notes*.\n",
    "tags": ["text-to-video", "slow-motion"],
    "language": "ko",
    "slug": "sparks-sora",
    "updated_at": "2025-01-06T09:00:00+09:00",
}
KEYS = [*VALID, "clips", "delivered_at", "prompt_source", "unknown_key"]

ODD = "\ud800\udfff\ufffe\uffff\x00\x0b\x1b\x7f\x85\u200b\u202e\ufeff한글🎬=+-@\r\n\t\\\"'`<>&#|"

odd_text = st.text(alphabet=st.sampled_from(ODD) | st.characters(), max_size=40)
long_text = st.builds(
    lambda char, count: char * count, st.sampled_from("a한\ud800 -"), st.integers(0, 300_000)
)
numbers = (
    st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([0, -1, 10**4000, 1e308, 5e-324, 2**63, -(2**63)])
)
textual_numbers = st.sampled_from(
    [
        "9" * 5000,
        "1e4300",
        "1e-4300",
        "99999999999999w",
        "9" * 400 + "s",
        "P" + "9" * 400 + "D",
        "0.0000001s",
        "-3h",
        "3h" * 2000,
        "1h30m",
        "3시간",
        "PT3H",
        ".nan",
        ".inf",
    ]
)
moments = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]),
).map(lambda moment: moment.isoformat())
scalars = st.none() | st.booleans() | numbers | odd_text | textual_numbers | moments | long_text
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(odd_text, inner, max_size=4),
    max_leaves=8,
)
clips = st.lists(
    st.fixed_dictionaries(
        {
            "file": st.sampled_from(
                ["media/none.mp4", "media", "../../etc/passwd", "a\x00b", "a" * 300]
            )
        },
        optional={"caption": values, "stand_in": values, "sha256": values, "url": values},
    ),
    max_size=3,
)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A valid entry with a few keys deleted, replaced, nested or added."""
    entry = dict(VALID)
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(KEYS))
        action = draw(st.sampled_from(["delete", "replace", "replace", "nest", "clips"]))
        if action == "delete":
            entry.pop(key, None)
        elif action == "replace":
            entry[key] = draw(values)
        elif action == "nest":
            entry[key] = {"value": entry.get(key), "more": [entry.get(key)]}
        else:
            entry["clips"] = draw(clips)
    return entry


TEXT_FIELDS = ["title", "model", "prompt", "verdict", "notes", "prompt_source"]
printable = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from(ODD[4:]),
    min_size=1,
    max_size=60,
)
plausible_moments = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(2099, 12, 30), timezones=st.just(UTC)
).map(lambda moment: moment.isoformat())


@st.composite
def plausible(draw: st.DrawFn) -> dict[str, Any]:
    """An entry that may well pass `check`, with extreme but allowed values: for `build`."""
    entry = dict(VALID)
    for key in draw(st.lists(st.sampled_from(TEXT_FIELDS), max_size=4)):
        entry[key] = draw(printable)
    entry["tags"] = draw(st.lists(printable, max_size=5))
    entry["ratings"] = draw(
        st.dictionaries(st.sampled_from(["quality", "story"]), st.integers(1, 5))
    )
    entry["cost"] = {
        "amount": draw(st.integers(0, 10**14) | st.sampled_from([0.000001, 1.5])),
        "unit": draw(printable),
    }
    entry["promised_wait"] = draw(st.sampled_from(["1s", "3h", "3650d", "52w", "PT0.5S", "1h 30m"]))
    submitted = draw(plausible_moments)
    entry["submitted_at"] = submitted
    entry["checked_at"] = draw(st.sampled_from([submitted, "2099-12-31T23:59:59-11:00"]))
    entry.pop("updated_at")
    entry["status"] = draw(st.sampled_from(["pending", "waitlisted", "failed", "refused"]))
    if draw(st.booleans()):
        entry.pop("slug")
    return entry


LOCATED = re.compile(r"^(entries/\S+?\.yml|mkdocs\.yml)(:\d+(:\d+)?)?: \S")
COUNT = re.compile(r"^(\d+ (problem|problems|clip|clips) (found|failed)|(문제|결과물) \d+개)")
"""The count line, in English or (the fixture is a Korean magazine) in Korean."""


def dumped(entry: dict[str, Any], plain: bool) -> bytes:
    """The entry as YAML: escaped ASCII, or raw UTF-8 (lone surrogates then break the UTF-8)."""
    text = yaml.safe_dump(entry, allow_unicode=not plain, sort_keys=False, width=1_000_000)
    return text.encode("utf-8", "surrogatepass")


def assert_located(root: Path, command: str) -> None:
    result = invoke(root, command, *(["-q"] if command == "build" else []))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command} raised") from result.exception
    assert result.exit_code in (0, 1), (result.exit_code, result.output, result.stderr)
    if result.exit_code == 1:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert lines and COUNT.match(lines[-1]), result.stderr
        problems = [line for line in lines[:-1] if not line.startswith((" ", "warning:"))]
        assert problems, result.stderr
        for line in problems:
            assert LOCATED.match(line), line


def magazine(root: Path, entry: dict[str, Any], plain: bool) -> Path:
    if root.exists():
        shutil.rmtree(root / "entries")
    write_magazine(root, {}, services=SERVICES, mkdocs=MKDOCS, files={})
    target = root / "entries/2025/01/mutant.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(dumped(entry, plain))
    (target.parent / "media").mkdir()
    return root


SETTINGS = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


@settings(max_examples=250, **SETTINGS)  # type: ignore[arg-type]
@given(entry=mutated(), plain=st.booleans())
def test_check_never_raises_past_the_command_line(entry: dict[str, Any], plain: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert_located(magazine(Path(folder) / "m", entry, plain), "check")


@settings(max_examples=25, **SETTINGS)  # type: ignore[arg-type]
@given(entry=plausible() | mutated(), plain=st.booleans())
def test_build_never_raises_past_the_command_line(entry: dict[str, Any], plain: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert_located(magazine(Path(folder) / "m", entry, plain), "build")
