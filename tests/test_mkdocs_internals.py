"""MkDocs' and Material's private surface is used in one module only, and only where tested.

`generator/site/mkdocs_internals.py` holds every private name of MkDocs and Material the
preview needs and checks the installed versions against the tested range; outside it (or
with `MAGAZINE_MKDOCS_INTERNALS=off`) the preview builds the whole site on every save and says
so once. Every other module is read here to find any private name it touches.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from generator.site.mkdocs_internals import SWITCH, TESTED, notice_for
from tests.build_fixtures import REPOSITORY, write_small_magazine
from tests.test_preview import assert_serves_a_clean_build, serving, wait_for

PACKAGE = REPOSITORY / "generator"
ADAPTER = PACKAGE / "site" / "mkdocs_internals.py"
_LIBRARIES = ("mkdocs", "material", "watchdog", "jinja2", "markdown", "pymdownx")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path != ADAPTER)


def _own_names(trees: list[ast.Module]) -> set[str]:
    """Private names the generator defines itself: functions, classes, module names, names
    assigned in a module or class body, and attributes set on `self` in `__init__`."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
                if node.name == "__init__":
                    for inner in ast.walk(node):
                        if (
                            isinstance(inner, ast.Attribute)
                            and isinstance(inner.ctx, ast.Store)
                            and isinstance(inner.value, ast.Name)
                            and inner.value.id == "self"
                        ):
                            names.add(inner.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    for path in PACKAGE.rglob("*.py"):
        names.add(path.stem)
    return {name for name in names if _private(name)}


def private_names_touched() -> list[str]:
    """Every private name of another project a module of the generator (but the adapter)
    imports, reads, writes or asks for by string, as `path:line: name`."""
    paths = _modules()
    trees = [ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in paths]
    own = _own_names(trees)
    found = []
    for path, tree in zip(paths, trees, strict=True):
        shown = path.relative_to(REPOSITORY).as_posix()
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(_LIBRARIES):
                names = [alias.name for alias in node.names if _private(alias.name)]
                names += [
                    part
                    for part in (node.module or "").split(".")
                    if _private(part) and part not in own
                ]
            elif isinstance(node, ast.Attribute) and _private(node.attr):
                if node.attr not in own:
                    names = [node.attr]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
                and _private(node.args[1].value)
            ):
                names = [node.args[1].value]
            found += [f"{shown}:{node.lineno}: {name}" for name in names]
    return found


def private_methods_overridden() -> list[str]:
    """Methods a generator class defines under the private name of a base class from another
    project (overriding MkDocs' `_serve_request` is touching it as much as calling it)."""
    found = []
    for path in _modules():
        if path.name == "__main__.py":
            continue  # runs the command line when imported
        rel = path.relative_to(REPOSITORY).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            foreign = [base for base in cls.__mro__[1:] if base.__module__.startswith(_LIBRARIES)]
            for attribute in vars(cls):
                if _private(attribute) and any(hasattr(base, attribute) for base in foreign):
                    found.append(f"{name}.{cls.__name__}.{attribute}")
    return found


def test_no_module_but_the_adapter_touches_a_private_name() -> None:
    assert private_names_touched() == []
    assert private_methods_overridden() == []


def test_the_check_finds_each_kind_of_touch(tmp_path: Path) -> None:
    # The reader is checked on itself: an adapter's lines, were they anywhere else.
    source = ADAPTER.read_text(encoding="utf-8")
    assert "_mkdocs_build._build_page" in source and "config._current_page" in source
    assert re.search(r"self\._epoch_cond", source) and "plugin.mappings.data" in source
    tree = ast.parse(source)
    touched = {
        node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr
    }
    assert {"_build_page", "_current_page", "_epoch_cond", "_want_rebuild"} <= touched
    own = _own_names([ast.parse(p.read_text(encoding="utf-8")) for p in _modules()])
    assert not {"_build_page", "_current_page", "_epoch_cond", "_want_rebuild"} & own


def test_versions_outside_the_tested_range_are_named_in_one_notice() -> None:
    tested = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2"}
    assert notice_for(tested) is None
    assert notice_for({**tested, "mkdocs-material": "9.8.10"}) is None
    newer = notice_for({**tested, "mkdocs": "1.7.0"})
    assert newer is not None and "mkdocs 1.7.0" in str(newer) and "whole site" in str(newer)
    both = notice_for({"mkdocs": "2.0.0rc1", "mkdocs-material": None})
    assert both is not None and "mkdocs 2.0.0rc1" in str(both) and "not installed" in str(both)
    assert both.render("ko") == (
        "미리보기는 저장할 때마다 사이트 전체를 다시 빌드합니다. mkdocs 2.0.0rc1(시험한 범위: "
        "1.6.x–1.6.x), mkdocs-material 설치 안 됨(시험한 범위: 9.8.x–9.8.x)은(는) 부분 빌드를 "
        "시험한 범위 밖입니다"
    )
    assert set(TESTED) == {"mkdocs", "mkdocs-material"}


@pytest.mark.slow
def test_with_the_internals_off_the_preview_builds_whole_and_equals_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SWITCH, "off")
    root = write_small_magazine(tmp_path / "magazine")
    entry = root / "entries/2025/01/sora.yml"
    with serving(root, tmp_path / "serve.log") as served:
        wait_for(served, "trials/sora/", lambda body: "느낌은 있는데" in body)
        entry.write_text(
            entry.read_text(encoding="utf-8").replace("느낌은 있는데", "통째로 다시"),
            encoding="utf-8",
        )
        wait_for(served, "trials/sora/", lambda body: "통째로 다시" in body)
        assert_serves_a_clean_build(served, root, tmp_path / "clean")
        said = served.lines()
        assert sum(f"{SWITCH}=off" in line for line in said) == 1, said
        assert "" not in said, said
