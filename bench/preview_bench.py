"""Benchmark of the live preview over HTTP; writes the "Preview" section of BENCHMARKS.md.

    python bench/preview_bench.py [--sizes 1000 4000] [--site-url URL] [--out BENCHMARKS.md]

For each size N, a synthetic magazine of N entries (`bench/synthetic.py`) is built once with
`magazine build` (which warms the media cache), built again (timed: a build with a warm cache),
and then served with a real `magazine serve` in its own process group. Measured, in wall-clock
time as the writer waits for it:

- first preview: from starting `magazine serve` until the home page is served, and until the
  whole site is built (the preview sends each page as soon as it is made, the one asked for
  first, and says "rebuilt" when the site is complete);
- save → page: after editing one entry's verdict, a service's name, and adding a new entry,
  the time until the served page shows the change (polled over HTTP every 50 ms), and until
  the whole site is rebuilt. Each edit waits for the previous build to be complete.

The machine is shared, so the load average is recorded with the figures, and the first preview
is given as a ratio to the warm build run right before it.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate import python_speed
from synthetic import write_magazine

REPOSITORY = Path(__file__).resolve().parent.parent
POLL = 0.05
LIMIT = 600.0
"""Seconds to wait for any one change before giving up."""


@dataclass
class Figures:
    """One size's measurements, in seconds."""

    entries: int
    build: float
    first_preview: float
    first_complete: float
    verdict: float
    service: float
    new_entry: float
    complete: tuple[float, float, float]
    speed: float
    """`python_speed()` right before the edits."""
    """Seconds until the whole site was rebuilt, after each of the three edits."""
    load: str


def command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--root", str(root), *args]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPOSITORY), env.get("PYTHONPATH")]))
    return env


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return ""


def until(url: str, check: Callable[[str], bool], since: float) -> float:
    """Seconds from `since` until the page at `url` passes `check`."""
    while time.perf_counter() - since < LIMIT:
        if check(fetch(url)):
            return time.perf_counter() - since
        time.sleep(POLL)
    raise RuntimeError(f"{url} did not change within {LIMIT:.0f} s")


def builds(log: Path) -> int:
    """How many builds the preview has completed (its "rebuilt" lines)."""
    text = log.read_text("utf-8", errors="replace")
    return len(re.findall(r"^(?:rebuilt: |다시 빌드함: )", text, flags=re.MULTILINE))


def until_built(log: Path, count: int, since: float) -> float:
    """Seconds from `since` until the preview has completed `count` builds."""
    while time.perf_counter() - since < LIMIT:
        if builds(log) >= count:
            return time.perf_counter() - since
        time.sleep(POLL)
    raise RuntimeError(f"the preview did not finish build {count} within {LIMIT:.0f} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def timed_build(root: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command(root, "build"), capture_output=True, text=True, cwd=REPOSITORY, env=environment()
    )
    if done.returncode != 0:
        raise RuntimeError(f"magazine build failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start


def measure(root: Path, count: int, site_url: str | None = None) -> Figures:
    write_magazine(root, count)
    if site_url:
        # Published at an address: every page without a poster gets a drawn link-preview card.
        config = root / "mkdocs.yml"
        config.write_text(f"site_url: {site_url}\n" + config.read_text("utf-8"), "utf-8")
    timed_build(root)  # warms the media cache
    build = timed_build(root)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = root.parent / f"serve-{count}.log"
    start = time.perf_counter()
    with log.open("wb") as sink:
        child = subprocess.Popen(
            command(root, "serve", "--port", str(port)),
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=REPOSITORY,
            env=environment(),
            start_new_session=True,
        )
    try:
        first = until(url, lambda body: "<html" in body, start)
        first_complete = until_built(log, 1, start)
        speed = python_speed()
        entries = sorted((root / "entries").rglob("trial-*.yml"))
        delivered = next(p for p in entries if "\nverdict: " in p.read_text("utf-8"))
        slug = delivered.stem
        text = delivered.read_text("utf-8")
        verdict = "완전히 새로운 판정 문장"
        since = time.perf_counter()
        delivered.write_text(re.sub(r"(?m)^verdict: .*$", f"verdict: {verdict}", text), "utf-8")
        saved_verdict = until(url + f"trials/{slug}/", lambda body: verdict in body, since)
        complete = [until_built(log, 2, since)]

        registry = root / "entries" / "services.yml"
        since = time.perf_counter()
        registry.write_text(
            registry.read_text("utf-8").replace("name: Pika", "name: Pika Labs"), "utf-8"
        )
        saved_service = until(url + "services/pika/", lambda body: "Pika Labs" in body, since)
        complete.append(until_built(log, 3, since))

        new = delivered.with_name("trial-99999-new.yml")
        since = time.perf_counter()
        new.write_text(text.replace("title: ", "title: 새로 쓴 체험기 ", 1), "utf-8")
        saved_new = until(url + "trials/trial-99999-new/", lambda b: "새로 쓴 체험기" in b, since)
        complete.append(until_built(log, 4, since))
    finally:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=60)
    load = "{:.1f}, {:.1f}, {:.1f}".format(*os.getloadavg())
    return Figures(
        count,
        build,
        first,
        first_complete,
        saved_verdict,
        saved_service,
        saved_new,
        (complete[0], complete[1], complete[2]),
        speed,
        load,
    )


def report(figures: list[Figures]) -> str:
    lines = [
        "## Preview",
        "",
        f"`python bench/preview_bench.py` — 2 cores ({platform.machine()}, "
        f"{platform.system()}), Python {platform.python_version()}. A real `magazine serve` "
        "over HTTP on a synthetic magazine; each figure is one run, wall-clock seconds until "
        "the served page shows the change, with the load average (1, 5, 15 min) right after. "
        "Other work shares the two cores, so single figures are noisy.",
        "",
        "| entries | load average | Python speed | warm `magazine build` | first page "
        "| first ÷ build "
        "| whole site | verdict edited | service renamed | entry added |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in figures:
        done = f.complete
        lines.append(
            f"| {f.entries:,} | {f.load} | {f.speed:.2f} s | {f.build:.1f} s "
            f"| {f.first_preview:.1f} s "
            f"| {f.first_preview / f.build:.2f} | {f.first_complete:.1f} s "
            f"| {f.verdict:.2f} s ({done[0]:.2f} s) | {f.service:.2f} s ({done[1]:.2f} s) "
            f"| {f.new_entry:.2f} s ({done[2]:.2f} s) |"
        )
    lines += [
        "",
        "Each edit: until the served page shows it (in brackets: until the whole site is "
        "rebuilt and the preview says so). Python speed: CPU time of 10⁷ additions in a "
        "Python loop right before the edits (`bench/calibrate.py`), to weigh these seconds "
        "against figures from other machines.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--site-url", default=None, help="publish the magazine at this address (cards drawn)"
    )
    parser.add_argument(
        "--logs", type=Path, default=None, help="keep each size's `magazine serve` output here"
    )
    args = parser.parse_args()
    figures = []
    with tempfile.TemporaryDirectory(prefix="preview-bench-") as work:
        for count in args.sizes:
            figures.append(measure(Path(work) / f"magazine-{count}", count, args.site_url))
            if args.logs is not None:
                args.logs.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(work) / f"serve-{count}.log", args.logs / f"serve-{count}.log")
            print(report(figures), flush=True)
    text = report(figures)
    if args.out is not None:
        print(f"paste into {args.out}:\n{text}")


if __name__ == "__main__":
    main()
