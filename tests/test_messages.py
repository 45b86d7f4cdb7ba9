"""Messages in the writer's language: one catalogue per language, the same keys in both, and a
Korean magazine told every kind of mistake in Korean."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import ContentError, MediaError, Problem
from generator.messages import CATALOGUES, Message, MessageError, catalogue_language, placeholders
from tests.magazine_fixtures import DELIVERED, MKDOCS, PENDING, STAND_IN, write_magazine

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
HANGUL = re.compile("[\uac00-\ud7a3]")


def test_every_key_is_in_both_catalogues_with_the_same_placeholders() -> None:
    english, korean = CATALOGUES["en"], CATALOGUES["ko"]
    assert sorted(english) == sorted(korean)
    different = {
        key: (placeholders(english[key]), placeholders(korean[key]))
        for key in english
        if placeholders(english[key]) != placeholders(korean[key])
    }
    assert different == {}


def test_every_korean_sentence_is_korean() -> None:
    # Templates that only arrange other messages or quoted words carry no words of their own.
    arranged = {
        "kind.other",
        "kind.bool",
        "media.clip",
        "link.mkdocs",
        "link.mkdocs_other",
        "hint.choice",
        "hint.choices",
        "new.promised_wait",
        "store.wrong_object",
        "fetch.at",
        "fetch.warning",
        "media.os_error",
        "media.more",
        "text.list",
    }
    english = [
        key
        for key, text in CATALOGUES["ko"].items()
        if key not in arranged and not HANGUL.search(text)
    ]
    assert english == []


def test_every_template_renders_with_its_placeholders() -> None:
    for language, catalogue in CATALOGUES.items():
        for key, template in catalogue.items():
            args = dict.fromkeys(placeholders(template), 1)
            assert Message(key, **args).render(language), (language, key)


def test_every_key_the_generator_names_is_in_the_catalogue() -> None:
    named: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Message"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                named[node.args[0].value] = f"{path.name}:{node.lineno}"
    missing = {key: where for key, where in named.items() if key not in CATALOGUES["en"]}
    assert missing == {}
    assert len(named) > 150


def test_a_problem_refuses_a_plain_string() -> None:
    # Engineers adding problems elsewhere write Message("key", ...): an English sentence is
    # caught where it is made (and by mypy before that), for a catalogue entry to be added.
    with pytest.raises(TypeError, match="catalogue Message"):
        Problem("a.yml", 1, 1, "title", "is wrong")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="no message"):
        Message("no.such.key")


def test_a_message_is_worded_when_printed() -> None:
    problem = Problem("a.yml", 3, 9, "status", Message("field.missing"))
    assert str(problem) == "a.yml:3:9: status: is required but missing"
    assert problem.render("ko") == "a.yml:3:9: status: 꼭 있어야 하는데 없습니다"
    assert problem.render("ko-KR") == problem.render("ko")
    assert problem.render("fr") == str(problem)
    error = ContentError([problem, problem])
    assert error.summary.render("ko") == "문제 2개"
    assert str(error.summary) == "2 problems found"
    assert catalogue_language("ko_KR") == "ko" and catalogue_language("de") == "en"


def test_a_message_inside_a_message_takes_the_same_language() -> None:
    hint = Message("hint.did_you_mean", near="'sora'")
    message = Message("service.unknown", name="'sorra'", hint=hint)
    assert "(did you mean 'sora'?)" in message.render("en")
    assert "('sora'을(를) 쓰려던 건가요?)" in message.render("ko")


def test_a_validator_error_carries_its_message() -> None:
    error = MessageError(Message("cost.places", places=6), field="amount")
    assert str(error) == "use at most 6 decimal places"
    assert error.message.render("ko") == "소수점 아래는 6자리까지만 쓰세요"
    media = MediaError(Message("media.empty"), source="a.mp4")
    assert media.message == "empty file (0 bytes)" and media.words == Message("media.empty")


def mkdocs_in(language: str) -> str:
    return MKDOCS.replace("language: ko", f"language: {language}")


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE.parent,
    )


MEDIA = "entries/2025/01/media"
MISTAKES = {
    # YAML the parser refuses, worded as advice
    "colon.yml": DELIVERED.replace("title: 금빛 불꽃이 사람으로", "title: 결과: 실망"),
    "saving.yml": 'title: ok\nservice: sora\nprompt: "half a prompt\n  still going\n',
    "tab.yml": DELIVERED.replace("  - file:", "\t- file:"),
    "bracket.yml": DELIVERED.replace("ratings: {quality: 4, lighting: 5}", "tags: [a, b"),
    # YAML 1.1 surprises
    "surprises.yml": PENDING.replace("promised_wait: 3h", "promised_wait: 1:30")
    + "model: no\nverdict: red #ff0000 car\n",
    "duplicate.yml": PENDING + "title: twice\n",
    # pydantic's errors, by type
    "fields.yml": PENDING.replace("title: Kling is still thinking\n", "")
    + "colour: red\nplan: gratis\nlanguage: korean\n",
    "together.yml": DELIVERED.replace("status: delivered", "status: '도착'").replace(
        "lighting: 5", "lighting: 9"
    ),
    "shapes.yml": PENDING + "clips: media/sparks-sora.mp4\ncost: 3 credits\nratings: 4\n",
    "times.yml": PENDING.replace("2025-01-03T10:05:00+09:00", "2025-01-03")
    .replace("checked_at: 2025-01-05T10:05:00+09:00", "checked_at: 2025-01-05 10:05:00")
    .replace("promised_wait: 3h", "promised_wait: soon"),
    # rules between fields and files
    "rules.yml": DELIVERED.replace("service: sora", "service: sorra")
    .replace("media/sparks-sora.mp4", "media/sparks-sora.mov")
    .replace("lighting: 5", "lightning: 5"),
    "url.yml": DELIVERED.replace("file: media/sparks-sora.mp4", "url: javascript:alert(1)"),
    "order.yml": DELIVERED.replace(
        "delivered_at: 2025-01-03T10:40", "delivered_at: 2025-01-02T10:40"
    ).replace("clips:\n  - file: media/sparks-sora.mp4\n", "")
    + "slug: Not_A_Slug\n",
    "list.yml": "- a\n- b\n",
}


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """`magazine check` of one magazine holding every kind of mistake, in both languages."""
    out: dict[str, list[str]] = {}
    for language in ("ko", "en"):
        root = write_magazine(
            tmp_path_factory.mktemp(language) / "m",
            {f"2025/01/{name}": text for name, text in MISTAKES.items()},
            mkdocs=mkdocs_in(language),
            files={f"{MEDIA}/sparks-sora.mp4": STAND_IN, f"{MEDIA}/broken.mp4": b"not media"},
        )
        done = check(root)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        out[language] = done.stderr.splitlines()
    return out


def _message_part(line: str) -> str:
    """What follows `path:line:col: field:` (or `path:`) in a problem line."""
    match = re.match(r"^entries/[^:]+(?::\d+)*: (?:[\w.\[\]]+: )?(.*)$", line)
    assert match, line
    return match.group(1)


def test_a_korean_magazine_is_told_every_kind_of_mistake_in_korean(
    mistakes: dict[str, list[str]],
) -> None:
    korean = mistakes["ko"]
    problems = [line for line in korean if line.startswith("entries/")]
    assert len(problems) >= 26, korean
    not_korean = [line for line in problems if not HANGUL.search(_message_part(line))]
    assert not_korean == []
    assert korean[-1] == f"문제 {len(problems)}개"
    # Every file with a mistake is reported, in the same places as in English.
    english = [line for line in mistakes["en"] if line.startswith("entries/")]
    assert [line.split(" ")[0] for line in problems] == [line.split(" ")[0] for line in english]
    assert {line.split(":")[0] for line in problems} == {
        f"entries/2025/01/{name}" for name in MISTAKES
    }


def test_parser_errors_become_writing_advice(mistakes: dict[str, list[str]]) -> None:
    korean = "\n".join(mistakes["ko"])
    assert "entries/2025/01/colon.yml:1:10: 값 안에 ': '가 있으면 따옴표로 감싸세요" in korean
    assert (
        "entries/2025/01/saving.yml:5:1: 3행에서 시작한 따옴표 값이 끝나지 않았습니다 — 닫는 "
        "따옴표가 없습니다. 저장 중이던 파일인가요?"
    ) in korean
    english = "\n".join(mistakes["en"])
    assert "colon.yml:1:10: a value with ': ' in it must be in quotes" in english
    assert "saving.yml:5:1: the quoted value that starts at line 3 never ends" in english
    assert "bracket.yml:12:1: the file stops before what starts at line 11 ends" in english
    assert "tab.yml:10:1: a tab character cannot be used here; indent with spaces" in english
    assert "mapping values are not allowed" not in english


def test_shape_errors_show_the_expected_shape(mistakes: dict[str, list[str]]) -> None:
    english = "\n".join(mistakes["en"])
    assert "shapes.yml:9:8: clips: must be a list of clips (got the text " in english
    assert "    - file: media/clip.mp4" in english
    assert "shapes.yml:10:7: cost: must be an amount and a unit (got the text '3 credits')" in (
        english
    )
    assert "  cost: {amount: 10, unit: credits}" in english
    assert "  ratings: {quality: 4, lighting: 5}" in english


def test_every_problem_of_a_file_in_one_run(mistakes: dict[str, list[str]]) -> None:
    together = [line for line in mistakes["en"] if "together.yml" in line]
    assert together == [
        "entries/2025/01/together.yml:8:9: status: must be one of delivered, pending, "
        "waitlisted, paywalled, failed, refused or abandoned (got '도착')",
        "entries/2025/01/together.yml:11:33: ratings.lighting: must be a whole number from 1 "
        "to 5 (got 9)",
    ]


def test_a_missing_clip_suggests_the_nearest_name(mistakes: dict[str, list[str]]) -> None:
    assert (
        "entries/2025/01/rules.yml:10:11: clips[0].file: file not found: "
        "entries/2025/01/media/sparks-sora.mov (paths are relative to this entry's folder); "
        "did you mean media/sparks-sora.mp4?"
    ) in mistakes["en"]
    assert any("media/sparks-sora.mp4을(를) 쓰려던 건가요?" in line for line in mistakes["ko"])


@pytest.mark.parametrize("language", ["en", "ko"])
def test_check_probes_local_clips_before_a_build(tmp_path: Path, language: str) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/a.yml": DELIVERED, "2025/01/b.yml": DELIVERED.replace("sparks-sora", "broken")},
        mkdocs=mkdocs_in(language),
        files={f"{MEDIA}/sparks-sora.mp4": STAND_IN, f"{MEDIA}/broken.mp4": b"not media"},
    )
    done = check(root)
    assert done.returncode == 1
    first, count = done.stderr.splitlines()
    where = "entries/2025/01/b.yml:10:11: clips[0].file: entries/2025/01/media/broken.mp4: "
    if language == "en":
        assert first.startswith(where + "not a video or image file that ffmpeg can read")
        assert count == "1 problem found"
    else:
        assert first.startswith(where + "ffmpeg이 읽을 수 있는 영상이나 이미지 파일이 아닙니다")
        assert count == "문제 1개"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_check_reports_a_broken_clip_with_the_other_problems(tmp_path: Path, language: str) -> None:
    # Every problem in one run: the clip ffmpeg cannot read beside a rating of 9 elsewhere,
    # and a broken clip of an entry that has problems of its own.
    root = write_magazine(
        tmp_path / "m",
        {
            "2025/01/a.yml": DELIVERED.replace("lighting: 5", "lighting: 9"),
            "2025/01/b.yml": DELIVERED.replace("sparks-sora", "broken"),
            "2025/01/c.yml": DELIVERED.replace("sparks-sora", "broken").replace(
                "quality: 4", "quality: 0"
            ),
        },
        mkdocs=mkdocs_in(language),
        files={f"{MEDIA}/sparks-sora.mp4": STAND_IN, f"{MEDIA}/broken.mp4": b"not media"},
    )
    done = check(root)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        "entries/2025/01/a.yml:11:33",
        "entries/2025/01/b.yml:10:11",
        "entries/2025/01/c.yml:10:11",
        "entries/2025/01/c.yml:11:20",
    ]
    broken = "clips[0].file: entries/2025/01/media/broken.mp4: "
    if language == "en":
        assert lines[0].endswith("ratings.lighting: must be a whole number from 1 to 5 (got 9)")
        assert f"b.yml:10:11: {broken}not a video or image file that ffmpeg can read" in lines[1]
        assert lines[-1] == "4 problems found"
    else:
        assert lines[0].startswith("entries/2025/01/a.yml:11:33: ratings.lighting: ")
        assert f"b.yml:10:11: {broken}ffmpeg이 읽을 수 있는 영상이나 이미지 파일이" in lines[1]
        assert all(HANGUL.search(_message_part(line)) for line in lines[:-1])
        assert lines[-1] == "문제 4개"


def test_an_english_magazine_reads_as_before(mistakes: dict[str, list[str]]) -> None:
    english = mistakes["en"]
    assert english[-1].endswith(" problems found")
    assert (
        "entries/2025/01/rules.yml:2:10: service: unknown service 'sorra' (did you mean "
        "'sora'?); add it to entries/services.yml"
    ) in english
    worded = [
        _message_part(line).replace("약 3시간", "").replace("3시간", "").replace("도착", "")
        for line in english
        if line.startswith("entries/")
    ]
    assert not any(HANGUL.search(text) for text in worded)


def test_a_usage_error_of_a_korean_magazine_is_korean(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "build", "--site-url", "ftp://x"],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE.parent,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("사용법 오류: --site-url: https:// URL이어야 합니다(지금은 ftp:)")
