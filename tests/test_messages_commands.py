"""Every line a command prints follows the magazine's language (#19): a Korean magazine is told
in Korean what a command did, why it stopped and where it stands, located as `check` locates
(`path:line:col: field:`) where the line is about a place in a file."""

from __future__ import annotations

import errno
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from generator.clipproblems import failure_message
from generator.errors import MediaError, Problem, StorageError
from generator.media import fetch_clips
from generator.messages import Message
from generator.model import Clip, Entry, Magazine
from generator.progress import SilentProgress
from generator.publish import push_summary
from generator.settings import FetchSettings, Settings
from generator.site import PushReport
from tests.http_fixtures import ClipServer, clip_bytes, ok, sequence, status
from tests.magazine_fixtures import DELIVERED, MKDOCS, PENDING, write_magazine

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
HANGUL = re.compile("[\uac00-\ud7a3]")
STORE = (
    "    timezone: Asia/Seoul\n"
    "    media_store: s3://magazine-media/root\n"
    "    media_base_url: https://media.example.org/root\n"
)


def magazine(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`magazine --root ROOT ARGS` in a child process, as a writer runs it (no terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE.parent,
        timeout=600,
    )


def korean(line: str) -> bool:
    return HANGUL.search(line) is not None


def test_usage_errors_of_the_site_and_the_store_are_korean(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m")
    served = magazine(root, "serve", "--site")
    assert served.returncode == 2
    assert served.stderr.startswith("사용법 오류: ")
    assert "빌드된 사이트가 없습니다. 먼저 magazine build를 실행하세요" in served.stderr
    pushed = magazine(root, "media", "push")
    assert pushed.returncode == 2
    assert pushed.stderr == (
        "사용법 오류: mkdocs.yml에 extra.magazine.media_store가 없어 올릴 것이 없습니다\n"
    )
    quiet = magazine(root, "media", "push", "--if-configured")
    assert (quiet.returncode, quiet.stdout) == (
        0,
        "mkdocs.yml에 media_store가 없어 올릴 것이 없습니다\n",
    )
    assert "Traceback" not in served.stderr + pushed.stderr + quiet.stderr


def test_a_store_error_is_korean(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m", mkdocs=MKDOCS.replace("    timezone: Asia/Seoul\n", STORE)
    )
    done = magazine(root, "media", "push")
    assert done.returncode == 1
    assert done.stderr == (
        "오류: 아직 s3://magazine-media/root/에 맞춰 미디어를 준비한 빌드가 없습니다. 먼저 "
        "`magazine build`를 실행하세요\n"
    )


def test_init_usage_errors_speak_the_language_asked_for(tmp_path: Path) -> None:
    done = magazine(tmp_path, "init", "new", "--timezone", "Mars/Base")
    assert done.returncode == 2
    assert done.stderr == (
        "사용법 오류: --timezone 'Mars/Base': Asia/Seoul 같은 시간대 이름을 쓰세요\n"
    )
    english = magazine(tmp_path, "init", "new", "--lang", "en", "--timezone", "Mars/Base")
    assert english.stderr == (
        "usage error: --timezone 'Mars/Base': use a zone name like Asia/Seoul\n"
    )
    assert not (tmp_path / "new").exists()


def test_the_desk_says_what_it_changed_in_korean(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m")
    delivered = magazine(root, "deliver", "kling", "--at", "2025-01-05T14:00")
    assert delivered.returncode == 0, delivered.stderr
    assert delivered.stdout.splitlines() == [
        "entries/2025/01/kling.yml: status: pending → delivered",
        "entries/2025/01/kling.yml: delivered_at: 2025-01-05T14:00:00+09:00",
        "entries/2025/01/kling.yml: checked_at 지움",
        "Kling: 2일 3시간 (약속의 17×)",
        "받은 결과물을 clips:에 더하세요(--clip 파일 또는 --url 주소).",
    ]
    again = magazine(root, "checked", "kling")
    assert again.returncode == 2
    assert again.stderr == (
        "사용법 오류: entries/2025/01/kling.yml은(는) 이미 도착했습니다. 바꾸려면 status, "
        "delivered_at, clips를 직접 고치세요\n"
    )
    resent = magazine(root, "resend", "entries/2025/01/kling.yml", "--at", "2025-04-05T10:00")
    assert resent.returncode == 0, resent.stderr
    lines = resent.stdout.splitlines()
    assert lines[-2].startswith("새 시도: entries/2025/04/")
    assert lines[-1].startswith("같은 비교로 묶었습니다: experiment: ")


def test_an_entry_a_command_cannot_edit_is_told_why_in_korean(tmp_path: Path) -> None:
    flow = PENDING + "clips: [{file: media/a.mp4}]\n"
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": flow})
    done = magazine(root, "deliver", "kling", "--url", "https://cdn.example.org/b.mp4")
    assert done.returncode == 2
    assert done.stderr == (
        "사용법 오류: entries/2025/01/kling.yml: clips: 한 줄([...])로 쓰여 있습니다. 명령이 더할 "
        "수 있게 `- `로 시작하는 줄의 목록으로 쓰세요\n"
    )
    assert (root / "entries/2025/01/kling.yml").read_text(encoding="utf-8") == flow


def test_fetch_failures_are_located_and_korean(tmp_path: Path) -> None:
    remote = DELIVERED.replace("file: media/sparks-sora.mp4", "url: https://cdn.example.org/a.mp4")
    root = write_magazine(tmp_path / "m", {"2025/01/remote.yml": remote})
    done = magazine(root, "fetch", "--offline")
    assert done.returncode == 1
    assert done.stdout == "결과물 0개 내려받음, 보관본 0개, 실패 1개\n"
    assert done.stderr == (
        "entries/2025/01/remote.yml:10:10: clips[0].url: 결과물을 내려받지 못했습니다: "
        "보관본에 없고, --offline이라 내려받을 수 없습니다 (https://cdn.example.org/a.mp4)\n"
    )


def test_a_fetch_warning_is_korean(tmp_path: Path, clip_server: ClipServer) -> None:
    # The link has expired since the clip was archived: the copy is used, with a warning.
    url = clip_server.serve("/signed.mp4", sequence(ok(clip_bytes(20_000)), status(410)))
    fast = FetchSettings(retries=0, backoff=0.01, connect_timeout=2, read_timeout=2)
    settings = Settings(language="ko", allow_http=True, fetch=fast)
    entry = Entry(
        title="sparks",
        service="sora",
        prompt="golden sparks",
        submitted_at=datetime(2025, 1, 1, 10, tzinfo=UTC),
        status="delivered",
        clips=(Clip(url=url),),
        path="entries/sparks.yml",
        slug="sparks",
    )
    kept = Magazine(root=tmp_path, settings=settings, entries=(entry,), services={})
    fetch_clips(kept, offline=False, progress=SilentProgress())
    again = fetch_clips(kept, offline=False, force=True, progress=SilentProgress())
    assert again.errors == ()
    (warning,) = again.warnings
    assert warning == (
        "entries/sparks.yml: clips[0].url: 링크가 만료되었거나 없어졌습니다(HTTP 410). 보관해 "
        f"둔 사본을 씁니다 ({url})"
    )


def test_progress_and_summaries_are_korean(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m")
    built = magazine(root, "build", "--offline")
    assert built.returncode == 0, built.stderr
    # Plain progress lines (no terminal), the count and the size in the magazine's language.
    assert "  끝남: 미디어" in built.stderr.splitlines()
    assert built.stdout.splitlines()[1].startswith("사이트 크기: 파일 ")
    report = PushReport(
        store="s3://b/p/",
        uploaded=1,
        uploaded_bytes=2048,
        present=3,
        present_bytes=4096,
        verified=4,
    )
    assert push_summary(report, "ko") == (
        "s3://b/p/: 1개 올림(2.0 KiB), 이미 있던 것 3개(4.0 KiB), 4개 모두 확인했습니다"
    )
    assert push_summary(report) == (
        "s3://b/p/: uploaded 1 object (2.0 KiB), 3 already there (4.0 KiB); all 4 verified"
    )


def test_a_full_disk_is_told_in_korean() -> None:
    error = StorageError(OSError(errno.ENOSPC, "No space left on device", "site/index.html"))
    assert error.render("ko") == (
        "site/index.html에 쓸 수 없습니다(No space left on device). 아무것도 게시하지 않았고, "
        "이전 사이트와 작성한 파일은 그대로입니다"
    )
    assert str(error).startswith("cannot write site/index.html: No space left on device;")


def test_every_error_the_commands_raise_is_a_catalogue_message() -> None:
    # A plain English string given to one of our errors is worded in English on every magazine.
    made_plain = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text("utf-8")
        for match in re.finditer(
            r"raise (?:Usage|Storage|Busy|Budget|Site|Store|TransientStore)Error\(\s*f?[\"']",
            text,
        ):
            made_plain.append(f"{path.name}:{text[: match.start()].count(chr(10)) + 1}")
    assert made_plain == []
    assert korean(
        Message("busy.timeout", who="magazine build", folder=".magazine", wait=3).render("ko")
    )


def test_what_ffmpeg_was_asked_and_said_is_labelled_in_korean() -> None:
    error = MediaError(
        Message("media.ffmpeg_failed", code=1),
        source="entries/a.mp4",
        command=["ffmpeg", "-i", "a\x1b.mp4"],
        stderr_tail="moov atom not found\nInvalid data",
    )
    problem = Problem("entries/a.yml", 10, 11, "clips[0].file", failure_message(error))
    assert problem.render("ko").splitlines() == [
        "entries/a.yml:10:11: clips[0].file: entries/a.mp4: ffmpeg이 실패했습니다(종료 코드 1)",
        "  실행한 명령: ffmpeg -i a\\x1b.mp4",
        "  ffmpeg의 출력:",
        "    moov atom not found",
        "    Invalid data",
    ]
    assert str(problem).splitlines()[1:3] == ["  command: ffmpeg -i a\\x1b.mp4", "  ffmpeg said:"]


def test_the_command_lines_own_usage_errors_are_korean(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m")
    marked = magazine(root, "mark", "kling", "도착")
    assert marked.returncode == 2
    assert marked.stderr.splitlines()[-2:] == [
        "도움말은 'python -m generator mark -h'로 보세요.",
        "사용법 오류: STATUS: waitlisted, paywalled, failed, refused, abandoned 중 하나여야 합니다",
    ]
    missing = magazine(root, "deliver")
    assert missing.stderr.splitlines()[-1] == "사용법 오류: 인수 ENTRY이(가) 필요합니다"
    near = magazine(root, "pending", "--nw")
    assert near.stderr.splitlines()[-1] == (
        "사용법 오류: 그런 옵션은 없습니다: --nw(--now을(를) 쓰려던 건가요?)"
    )
    english = write_magazine(tmp_path / "e", mkdocs=MKDOCS.replace("language: ko", "language: en"))
    assert "'x' is not one of 'waitlisted'" in magazine(english, "mark", "kling", "x").stderr


def test_no_key_is_in_two_catalogue_files() -> None:
    # The catalogues of a language are merged: a key in both files would hide one wording.
    from generator import messages_en, messages_en_commands, messages_ko, messages_ko_commands

    assert set(messages_en.CATALOGUE) & set(messages_en_commands.CATALOGUE) == set()
    assert set(messages_ko.CATALOGUE) & set(messages_ko_commands.CATALOGUE) == set()


def test_a_new_entrys_comments_are_in_the_magazines_language(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m")
    made = magazine(
        root, "new", "--service", "sora", "--prompt", "비 오는 등대", "--now", "2025-02-01T10:00"
    )
    assert made.returncode == 0, made.stderr
    text = (root / made.stdout.strip()).read_text(encoding="utf-8")
    assert "checked_at: 2025-02-01T10:00:00+09:00  # 마지막으로 확인한 때입니다." in text
    assert "# 결과가 오면: magazine deliver 이-파일 --clip 파일 (또는 status:" in text
    assert "# verdict: 본 것에 대한 한 줄 평" in text
    assert magazine(root, "check").returncode == 0
