"""The code's layout: stages import only earlier ones, each library has one home, small modules."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# The one-way pipeline: a module may import only from its own rank or a lower one.
RANKS = {"source": 1, "media": 2, "pages": 3, "site": 4}
COMMANDS = {"build", "cli", "pending", "publish", "scaffold", "schema", "terminal", "__main__"}
COMMANDS |= {"clipproblems", "desk", "starter", "yamledit"}

# Each third-party library is imported in these modules only.
HOMES = {
    "httpx": {"media.fetch"},
    "mkdocs": {
        "site.added",
        "site.buildplan",
        "site.builder",
        "site.cardfiles",
        "site.incremental",
        "site.mkdocs_internals",
        "site.pagework",
        "site.preview",
    },
    "watchdog": {"site.preview", "site.mkdocs_internals"},
    "jinja2": {"pages.render"},
    "av": {"media.probe"},
    "numpy": {"media.frames"},
    "ffmpeg": {"media.recipes"},
    "imageio_ffmpeg": {"media.transcode"},
    "ghp_import": {"site.deploy"},
    "boto3": {"site.store"},
    "botocore": {"site.store"},
    "nh3": {"pages.escape"},
    "markdown": {"pages.escape"},
    "click": {"cli"},
    "yaml": {"source.yamlsource", "site.config"},
    "rich": {"progress", "pending"},
    "PIL": {"site.sharecards"},
    "filelock": {"site.cachefolder"},
    "ruamel": {"yamledit"},
}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def rank(module: str) -> int:
    head = module.split(".")[0]
    if head in RANKS:
        return RANKS[head]
    return 5 if head in COMMANDS else 0


def imports(module: str, path: Path) -> Iterator[tuple[str, int]]:
    """(absolute module name inside `generator`, or a library's top name; line) of each import."""
    is_package = path.name == "__init__.py"
    package = module.split(".") if is_package else module.split(".")[:-1]
    package = [p for p in package if p]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join([*base, *([node.module] if node.module else [])])
                targets = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
                for name in targets:
                    yield "generator." + name.strip("."), node.lineno
            elif node.module:
                yield node.module, node.lineno


def test_no_stage_imports_a_later_stage() -> None:
    upward = []
    for module, path in modules():
        for name, line in imports(module, path):
            if not name.startswith("generator."):
                continue
            target = name.removeprefix("generator.")
            if target in ("", "__version__"):
                continue
            if rank(target) > rank(module):
                upward.append(f"generator/{path.relative_to(PACKAGE)}:{line}: imports {name}")
    assert upward == []


def test_the_layout_checker_sees_an_upward_import(tmp_path: Path) -> None:
    probe = tmp_path / "stage.py"
    probe.write_text("from ..pages import render_pages\nfrom ..site.builder import x\n")
    found = [name for name, _ in imports("media.stage", probe)]
    assert found == ["generator.pages", "generator.site.builder"]
    assert rank("site.builder") > rank("media.stage")
    assert rank("pages.urls") > rank("media.renditions") > rank("source.entries") > rank("model")


def test_each_library_is_imported_in_its_home_only() -> None:
    strays = []
    for module, path in modules():
        for name, line in imports(module, path):
            top = name.split(".")[0]
            if top in HOMES and module not in HOMES[top]:
                strays.append(f"generator/{path.relative_to(PACKAGE)}:{line}: imports {top}")
    assert strays == []


def test_every_module_says_what_it_holds_and_stays_small() -> None:
    for module, path in modules():
        tree = ast.parse(path.read_text("utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring and docstring.strip(), f"{module} has no docstring"
        lines = path.read_text("utf-8").count("\n")
        assert lines <= 500, f"{module} has {lines} lines; split it"


def test_every_package_names_its_public_face() -> None:
    for package in ("source", "media", "pages", "site"):
        tree = ast.parse((PACKAGE / package / "__init__.py").read_text("utf-8"))
        assert ast.get_docstring(tree)
        names = [
            node
            for node in tree.body
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
        ]
        assert names, f"generator/{package}/__init__.py has no __all__"


def test_every_error_raised_on_purpose_is_in_the_one_tree() -> None:
    import generator.errors as errors

    for module, path in modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef) and module != "errors":
                bases = {ast.unparse(base) for base in node.bases}
                assert not bases & {"Exception", "BaseException"}, f"{module}.{node.name}"
    for name in dir(errors):
        value = getattr(errors, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, errors.MagazineError) or value is Exception, name


def test_the_readme_module_map_names_every_module() -> None:
    readme = (PACKAGE.parent / "README.md").read_text("utf-8")
    section = readme[readme.index("## How it works") : readme.index("## Development")]
    missing = [
        module
        for module, path in modules()
        if module and f"`{path.stem}`" not in section and path.stem != "__init__"
    ]
    assert missing == []


def _module_graph() -> dict[str, set[str]]:
    """Which module imports which, between modules (a package's `__init__` only re-exports,
    so an import of a package is not an edge)."""
    found = dict(modules())
    packages = {m for m, p in found.items() if p.name == "__init__.py"}
    graph: dict[str, set[str]] = {m: set() for m in found if m not in packages}
    for module in graph:
        for name, _ in imports(module, found[module]):
            if not name.startswith("generator."):
                continue
            parts = name.removeprefix("generator.").split(".")
            while parts and ".".join(parts) not in found:
                parts.pop()
            target = ".".join(parts)
            if parts and target not in packages and target != module:
                graph[module].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, done, path = [], set(), []

    def visit(module: str) -> None:
        if module in path:
            cycles.append([*path[path.index(module) :], module])
            return
        if module in done:
            return
        path.append(module)
        for target in sorted(graph.get(module, ())):
            visit(target)
        path.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
    return cycles


def test_no_two_modules_import_each_other() -> None:
    assert _cycles(_module_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
