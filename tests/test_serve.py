from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from watchdog.events import FileSystemEvent

from generator.site.preview import Preview, Regenerated, _Server
from generator.site.staging import write_staging
from tests.site_fixtures import MagazineRoot, generated, generated_pages, rendered


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(url: str, text: str, attempts: int = 300) -> str:
    """Poll `url` until it contains `text` (bounded by attempts, not by a clock)."""
    page = ""
    for _ in range(attempts):
        page = _get(url)
        if text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}; last page:\n{page[:500]}")


def test_editing_an_entry_regenerates_and_the_served_page_changes(
    magazine: MagazineRoot,
) -> None:
    entry = magazine.root / "entries" / "sora.yml"
    calls: list[str] = []

    def regenerate() -> Regenerated:
        # Stands in for entries → pages: the page shows the entry file's title line.
        title = entry.read_text("utf-8").split(":", 1)[1].strip()
        calls.append(title)
        files = generated_pages()
        files["entries/sora-waitlist.md"] = f"# {title}\n\n대기열 이야기.\n\n## Notes\n\n-\n"
        write_staging(magazine.root, magazine.settings, generated(files), {}, magazine.staging)
        return rendered(files), None

    reports: list[str] = []
    preview = Preview(
        magazine.root,
        magazine.settings,
        magazine.staging,
        None,  # nothing staged yet: the preview stages as it starts
        regenerate=regenerate,
        port=_free_port(),
        report=reports.append,
    )
    server = threading.Thread(target=preview.serve, daemon=True)
    server.start()
    try:
        url = preview.url + "entries/sora-waitlist/"
        page = _wait_for(url, "<title>소라 - ")
        assert "livereload" in page  # the preview reloads the browser by itself
        assert calls == ["소라"]

        said = len(reports)
        entry.write_text("title: 소라 두 번째 시도\n", encoding="utf-8")

        _wait_for(url, "<title>소라 두 번째 시도 - ")
        assert calls[-1] == "소라 두 번째 시도"
        # The page is sent as soon as it is written; "rebuilt" is said when the build ends
        # (a first build the save stopped says nothing: the next one goes on from it).
        for _ in range(300):
            if len(reports) > said:
                break
            time.sleep(0.2)
        assert reports and {r.split(":")[0] for r in reports} == {"rebuilt"}
    finally:
        preview.shutdown()
        server.join(timeout=30)
    assert not server.is_alive()
    assert magazine.git("status", "--porcelain") == " M entries/sora.yml\n"


def test_a_broken_rebuild_is_reported_and_the_last_site_stays(magazine: MagazineRoot) -> None:
    state = {"broken": False}

    def regenerate() -> Regenerated:
        if state["broken"]:
            raise_content = {"about.md": "# clash with the writer's page\n"}
            write_staging(
                magazine.root, magazine.settings, generated(raise_content), {}, magazine.staging
            )
        write_staging(
            magazine.root, magazine.settings, generated(generated_pages()), {}, magazine.staging
        )
        return rendered(), None

    reports: list[str] = []
    preview = Preview(
        magazine.root,
        magazine.settings,
        magazine.staging,
        None,
        regenerate=regenerate,
        port=_free_port(),
        report=reports.append,
    )
    try:
        preview.rebuild()
        state["broken"] = True
        preview.rebuild()
    finally:
        preview.shutdown()

    assert len(reports) == 2
    assert reports[0].startswith("rebuilt: ")
    assert "docs/about.md" in reports[1]
    assert preview.problem is not None and "docs/about.md" in preview.problem
    assert (preview.site_dir / "entries/sora-waitlist/index.html").is_file()


def test_reading_the_watched_files_reaches_no_handler(tmp_path: Path) -> None:
    # Every save stages the magazine, which reads every entry: the operating system is asked
    # for changes only, so those reads cost the preview nothing while it stages.
    entries = tmp_path / "entries"
    (entries / "2025").mkdir(parents=True)
    files = [entries / "2025" / f"entry-{n}.yml" for n in range(20)]
    for file in files:
        file.write_text("title: 소라\n", encoding="utf-8")
    seen: list[str] = []
    wrote = threading.Event()

    class Recording(_Server):
        def _changed(self, event: FileSystemEvent) -> None:
            seen.append(f"{event.event_type} {Path(str(event.src_path)).name}")
            if event.event_type == "modified" and not event.is_directory:
                wrote.set()

    server = Recording(builder=lambda: None, host="127.0.0.1", port=_free_port(), root=tmp_path)
    server.watch(str(entries))
    server.observer.start()
    try:
        for _ in range(3):
            for file in files:
                file.read_text(encoding="utf-8")
        files[0].write_text("title: 소라 두 번째\n", encoding="utf-8")
        assert wrote.wait(timeout=30)
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()
    assert seen and all(not line.startswith(("opened", "closed")) for line in seen), seen
    assert all(line.endswith("entry-0.yml") or line.endswith("2025") for line in seen), seen
