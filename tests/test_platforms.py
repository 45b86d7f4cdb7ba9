"""Windows and macOS as well as Linux: no POSIX-only module is needed, and the lock holds.

Windows cannot be run here, so its absence of POSIX is simulated: the child command runs
with a `sys.meta_path` finder that refuses `fcntl`, `resource` and the other POSIX-only
modules, as a Windows Python would. `.github/workflows/test.yml` runs the whole suite on
Windows and macOS for forks and pull requests.
"""

from __future__ import annotations

import ast
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.build_fixtures import REPOSITORY, environment, write_small_magazine
from tests.test_races import set_option

PACKAGE = REPOSITORY / "generator"

# Modules that exist on one family of systems only: importing one at module level makes every
# command fail on the others (issue 22: `import fcntl` stopped even `magazine check` on Windows).
POSIX_ONLY = frozenset(
    {"fcntl", "resource", "termios", "tty", "pty", "pwd", "grp", "posix", "syslog", "curses"}
)
WINDOWS_ONLY = frozenset({"msvcrt", "winreg", "_winapi", "winsound"})

# The child's first statements: refuse the POSIX-only modules, say at the end which ones
# something asked for, then run `python -m generator` with the command line given.
REFUSING = f"""\
import atexit, sys
REFUSED = {sorted(POSIX_ONLY - {"posix"})!r}
asked = []
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in REFUSED:
            asked.append(name)
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
for name in REFUSED:
    sys.modules.pop(name, None)
sys.meta_path.insert(0, Refuse())
atexit.register(lambda: print("refused:", *sorted(set(asked)), file=sys.stderr))
import runpy
runpy.run_module("generator", run_name="__main__", alter_sys=True)
"""


def posixless(root: Path, *args: str) -> list[str]:
    """`magazine --root ROOT ARGS` in a Python that cannot import POSIX-only modules."""
    return [sys.executable, "-c", REFUSING, "--root", str(root), *args]


def native(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--root", str(root), *args]


def run(argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, capture_output=True, text=True, check=False, cwd=REPOSITORY, env=environment()
    )


# --- no POSIX-only import at module level ----------------------------------------------------


def platform_imports(path: Path) -> Iterator[tuple[str, int]]:
    """(module, line) of each platform-only import that runs when `path` is imported.

    Function bodies run later and may import what their platform has; at module level an
    import is allowed only in a `try` that catches ImportError or under an `if` that tests
    the platform (`sys.platform`, `os.name`).
    """

    def walk(body: list[ast.stmt]) -> Iterator[tuple[str, int]]:
        for node in body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name.split(".")[0], node.lineno
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                yield node.module.split(".")[0], node.lineno
            elif isinstance(node, ast.If):
                if not any(word in ast.unparse(node.test) for word in ("platform", "os.name")):
                    yield from walk(node.body)
                    yield from walk(node.orelse)
            elif isinstance(node, ast.Try):
                caught = {ast.unparse(h.type) for h in node.handlers if h.type is not None}
                if not any("ImportError" in c or "ModuleNotFoundError" in c for c in caught):
                    yield from walk(node.body)
                for handler in node.handlers:
                    yield from walk(handler.body)
                yield from walk(node.orelse)
                yield from walk(node.finalbody)
            elif isinstance(node, ast.With | ast.ClassDef):
                yield from walk(node.body)

    tree = ast.parse(path.read_text("utf-8"))
    for name, line in walk(tree.body):
        if name in POSIX_ONLY | WINDOWS_ONLY:
            yield name, line


def test_no_module_imports_a_platform_only_module_when_it_is_imported() -> None:
    found = [
        f"generator/{path.relative_to(PACKAGE)}:{line}: imports {name} at module level"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, line in platform_imports(path)
    ]
    assert found == []


def test_the_platform_import_checker_sees_what_runs_at_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import fcntl\n"
        "from resource import setrlimit\n"
        "with open('x'):\n    import termios\n"
        "class A:\n    import pwd\n"
        "try:\n    import grp\nexcept ImportError:\n    grp = None\n"
        "if sys.platform == 'win32':\n    import msvcrt\n"
        "def later():\n    import pty\n"
        "try:\n    import tty\nfinally:\n    pass\n"
    )
    assert list(platform_imports(probe)) == [
        ("fcntl", 1),
        ("resource", 2),
        ("termios", 4),
        ("pwd", 6),
        ("tty", 16),
    ]


# Calls that exist on POSIX only (or, like `os.fchmod`, on Windows only from Python 3.13): used
# as `os.NAME` they stop a command on Windows; `getattr(os, NAME, None)` is the guarded form.
POSIX_CALLS = {
    "os": {
        "fchmod", "fchown", "chown", "lchown", "pwrite", "pread", "getuid", "geteuid",
        "getgid", "killpg", "getpgid", "setsid", "setpgrp", "fork", "uname", "statvfs",
        "mkfifo", "sync", "getloadavg", "sched_getaffinity", "posix_fadvise", "nice",
        "O_NOFOLLOW", "O_DIRECTORY", "O_CLOEXEC", "WNOHANG",
    },
    "signal": {
        "SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE",
        "SIGXFSZ", "alarm", "setitimer", "pthread_kill", "pthread_sigmask",
    },
}  # fmt: skip


def posix_calls(path: Path) -> Iterator[tuple[str, int]]:
    """(`module.name`, line) of each POSIX-only call or constant, and each `preexec_fn=`."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in POSIX_CALLS.get(node.value.id, ()):
                yield f"{node.value.id}.{node.attr}", node.lineno
        elif isinstance(node, ast.keyword) and node.arg == "preexec_fn":
            yield "preexec_fn=", node.value.lineno


def test_no_module_calls_what_only_posix_has() -> None:
    found = [
        f"generator/{path.relative_to(PACKAGE)}:{line}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, line in posix_calls(path)
    ]
    assert found == []


def test_the_posix_call_checker_sees_them(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "os.fchmod(fd, 0o644)\n"
        "os.chmod(path, 0o644)\n"
        "flag = getattr(os, 'O_NOFOLLOW', 0)\n"
        "os.kill(pid, signal.SIGKILL)\n"
        "subprocess.run(argv, preexec_fn=limit)\n"
    )
    assert list(posix_calls(probe)) == [
        ("os.fchmod", 1),
        ("signal.SIGKILL", 4),
        ("preexec_fn=", 5),
    ]


def test_every_text_file_the_generator_writes_has_lf_line_ends() -> None:
    """Python writes text with the system's line end (CRLF on Windows) unless told otherwise,
    and the site would then differ by the machine that built it."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            named = {keyword.arg for keyword in node.keywords}
            if node.func.attr == "write_text" and "newline" not in named:
                found.append(f"generator/{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_relative_paths_are_named_with_slashes() -> None:
    """`str(path.relative_to(root))` is `entries\\a.yml` on Windows; problems, pages and the
    lock file name files as `entries/a.yml` everywhere (`.as_posix()`)."""
    found = [
        f"generator/{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "str"
        and node.args
        and isinstance(node.args[0], ast.Call)
        and isinstance(node.args[0].func, ast.Attribute)
        and node.args[0].func.attr == "relative_to"
    ]
    assert found == []


# --- the commands without POSIX ---------------------------------------------------------------


def test_the_refusing_child_really_refuses(tmp_path: Path) -> None:
    probe = run(posixless(tmp_path, "--version"))
    assert "refused:" in probe.stderr, probe.stderr
    refused = subprocess.run(
        [sys.executable, "-c", REFUSING.replace("import runpy", "import fcntl\nimport runpy")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "ModuleNotFoundError: No module named 'fcntl'" in refused.stderr


@pytest.mark.slow
def test_check_and_build_run_where_posix_modules_cannot_be_imported(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    checked = run(posixless(root, "check"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr

    built = run(posixless(root, "build"))
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    # filelock asked for fcntl, was refused, and locked with its marker file instead
    assert "refused: fcntl" in built.stderr, built.stderr
    assert (root / "site/index.html").is_file()
    assert (root / "site/trials/sora/index.html").is_file()


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


@contextmanager
def started(argv: list[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`argv` in its own process group, stopped (killed if need be) with the group at the end."""
    with log.open("wb") as sink:
        child = subprocess.Popen(
            argv,
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=REPOSITORY,
            env=environment(),
            start_new_session=os.name == "posix",
        )
    try:
        yield child
    finally:
        if child.poll() is None:
            stop(child)


def stop(child: subprocess.Popen[bytes]) -> None:
    """End `child` and, on POSIX, the process group it leads (MkDocs' server threads, ffmpeg)."""
    if os.name != "posix":
        child.kill()
        child.wait()
        return
    os.killpg(child.pid, signal.SIGTERM)
    try:
        child.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()


@pytest.mark.slow
def test_serve_runs_where_posix_modules_cannot_be_imported(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "mag")
    port = _free_port()
    log = tmp_path / "serve.log"
    with started(posixless(root, "serve", "--port", str(port)), log) as child:
        page = ""
        for _ in range(900):  # bounded by attempts, not by a clock
            page = _get(f"http://127.0.0.1:{port}/trials/sora/")
            if "느낌은 있는데" in page:
                break
            assert child.poll() is None, log.read_text("utf-8", "replace")
            time.sleep(0.2)
        assert "느낌은 있는데" in page, log.read_text("utf-8", "replace")
    assert "Traceback" not in log.read_text("utf-8", "replace")


# --- the lock, on the native and on the POSIX-less path --------------------------------------

# A command that holds the cache folder until it is killed: what a build killed half-way leaves.
# It ends by itself once the file `done` appears beside the magazine folder.
HOLDING = """\
import sys, time
from pathlib import Path
from generator.source import load_settings
from generator.site.cachefolder import hold_cache_folder
root = Path(sys.argv[-1])
with hold_cache_folder(root, load_settings(root), "build", notify=print):
    print("holding", flush=True)
    for _ in range(6000):
        if (root.parent / "done").exists():
            break
        time.sleep(0.1)
"""


def hold(root: Path, python: str) -> tuple[list[str], Callable[..., list[str]]]:
    """The holding command and the command line of `magazine`, both native or POSIX-less."""
    if python == "native":
        return [sys.executable, "-c", HOLDING, str(root)], native
    return [sys.executable, "-c", REFUSING.replace(_RUN, HOLDING), str(root)], posixless


def wait_until_held(log: Path, child: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if "holding" in log.read_text("utf-8", "replace"):
            return
        assert child.poll() is None, log.read_text("utf-8", "replace")
        time.sleep(0.1)
    raise AssertionError(log.read_text("utf-8", "replace"))


@pytest.mark.parametrize("python", ["native", "posixless"])
def test_a_second_command_waits_saying_for_whom_then_runs(tmp_path: Path, python: str) -> None:
    root = write_small_magazine(tmp_path / "mag")
    holder, argv = hold(root, python)
    with started(holder, tmp_path / "holder.log") as child:
        wait_until_held(tmp_path / "holder.log", child)
        log = tmp_path / "second.log"
        with started(argv(root, "fetch", "--offline"), log) as second:
            for _ in range(600):
                if "사용을 마칠 때까지 기다립니다" in log.read_text("utf-8", "replace"):
                    break
                assert second.poll() is None, log.read_text("utf-8", "replace")
                time.sleep(0.1)
            said = log.read_text("utf-8", "replace")
            assert f"magazine build (process {child.pid})이(가) .magazine/ 사용을" in said
            assert second.poll() is None  # still waiting while the first holds on
            (tmp_path / "done").touch()
            assert child.wait(timeout=60) == 0
            assert second.wait(timeout=120) == 0, log.read_text("utf-8", "replace")


@pytest.mark.parametrize("python", ["native", "posixless"])
def test_a_killed_holder_never_blocks_the_next_command(tmp_path: Path, python: str) -> None:
    root = write_small_magazine(tmp_path / "mag")
    set_option(root, "lock_wait: 0")
    holder, argv = hold(root, python)
    log = tmp_path / "holder.log"
    with started(holder, log) as child:
        wait_until_held(log, child)
        busy = run(argv(root, "fetch", "--offline"))
        assert busy.returncode == 1, busy.stdout + busy.stderr
        said = busy.stdout + busy.stderr
        assert f"magazine build (process {child.pid})이(가) .magazine/를 쓰고 있고" in said
        assert "Traceback" not in said
        child.kill()  # SIGKILL: no handler, no cleanup, as a crash or a closed laptop would
        child.wait()
    after = run(argv(root, "fetch", "--offline"))
    assert after.returncode == 0, after.stdout + after.stderr


_RUN = 'import runpy\nrunpy.run_module("generator", run_name="__main__", alter_sys=True)\n'
