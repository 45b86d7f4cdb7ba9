"""Secrets in clip addresses: removed by one scrubber, and found in nothing a build writes."""

from __future__ import annotations

from pathlib import Path

from generator.addresses import public_url
from tests.build_fixtures import make_clip, run_magazine, write_small_magazine
from tests.http_fixtures import ClipServer, ok, status

PASSWORD = "PASSWORD-2f1b"
TOKEN = "TOKEN-93ac"


def test_public_url_drops_query_fragment_and_credentials() -> None:
    signed = f"https://user:{PASSWORD}@cdn.example/v/clip.mp4?X-Amz-Signature={TOKEN}#t=3"
    assert public_url(signed) == "https://cdn.example/v/clip.mp4"
    assert public_url("https://cdn.example:8443/a.mp4") == "https://cdn.example:8443/a.mp4"
    assert public_url(f"https://user@[::1]:8080/a.mp4?{TOKEN}") == "https://[::1]:8080/a.mp4"
    assert public_url("https://cdn.example/a.mp4?sig=S#t") == "https://cdn.example/a.mp4"


def _with_remote_clips(root: Path, server: ClipServer, clip: bytes) -> None:
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("    timezone:", "    allow_http: true\n    timezone:"),
        encoding="utf-8",
    )
    host = server.base.removeprefix("http://")
    good = server.serve("/files/boat.mp4", ok(clip)).removeprefix(server.base)
    runway = root / "entries/2025/02/runway.yml"
    (root / "entries/2025/02/media/runway.mp4").unlink()
    runway.write_text(
        runway.read_text("utf-8").replace(
            "  - file: media/runway.mp4",
            f"  - url: http://user:{PASSWORD}@{host}{good}?token={TOKEN}",
        ),
        encoding="utf-8",
    )


def _leaks(root: Path, texts: list[str]) -> list[str]:
    found = [f"output {i}" for i, text in enumerate(texts) if PASSWORD in text or TOKEN in text]
    for path in sorted(root.rglob("*")):
        if not path.is_file() or (path.suffix == ".yml" and "entries" in path.parts):
            continue  # the writer's own entry holds the address they wrote
        data = path.read_bytes()
        if PASSWORD.encode() in data or TOKEN.encode() in data:
            found.append(str(path.relative_to(root)))
    return found


def test_credentials_and_query_reach_no_built_file_message_lock_or_open_data(
    tmp_path: Path,
) -> None:
    root = write_small_magazine(tmp_path / "mag")
    clip = make_clip(tmp_path / "served.mp4", size="128x96").read_bytes()
    server = ClipServer()
    server.start()
    try:
        _with_remote_clips(root, server, clip)
        built = run_magazine(root, "-v", "build")
        assert built.returncode == 0, built.stdout + built.stderr
        fetched = run_magazine(root, "-v", "fetch", "--force")
        assert fetched.returncode == 0, fetched.stdout + fetched.stderr
        # The link expires: the archived copy serves, and the warning names no secret.
        server.serve("/files/boat.mp4", status(403))
        refused = run_magazine(root, "-v", "fetch", "--force")
    finally:
        server.stop()
    outputs = [built.stdout, built.stderr, fetched.stdout, fetched.stderr]
    outputs += [refused.stdout, refused.stderr]
    assert _leaks(root, outputs) == []
    opendata = (root / "site/data/entries.json").read_text("utf-8")
    assert f"{server.base}/files/boat.mp4" in opendata
    assert (root / "site/data/entries.csv").read_text("utf-8").count("/files/boat.mp4") == 1
