"""The MkDocs adapter: builds the staging docs folder into the published site.

With `preview`, the only module that imports MkDocs. It reads the writer's mkdocs.yml with
MkDocs' own loader (INHERIT, `!ENV`, `!!python/name:` tags), writes the derived configuration
to the cache folder (see `config`), builds in-process in strict mode with the generated pages
marked (`File.generated_by`), adds Korean subword search (see `search`) and swaps the finished
site into place: a failed build leaves the previous site exactly as it was. MkDocs' exceptions
and strict-mode warnings become one `SiteError` here (or located problems, for links in the
writer's own pages).

The derived configuration also builds with Zensical (`zensical build -f .magazine/mkdocs.yml`),
which reads the same file and ignores the plugins it does not know.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from ..errors import ContentError, Problem, SiteError
from ..messages import Message
from ..model import Magazine
from ..pages import RenderedSite
from ..pages.labels import labels_for
from ..settings import Settings
from ..source.config import config_address_problems, config_path
from ..source.yamlsource import field_name
from .cachefolder import make_cache_folder
from .config import Tag, derive_config, dump_config
from .pagework import write_index
from .search import finish_search
from .staging import check_site_target, discard_leftovers, replace_dir, writer_files
from .theme import write_theme

GENERATED_BY = "magazine"
"""`File.generated_by` of the pages the magazine generated (the writer's pages have None)."""

# The build changes the process's working folder and environment for its duration.
_BUILD_LOCK = threading.Lock()


def read_writer_config(root: Path, config_dir: Path) -> dict[str, Any]:
    """The writer's mkdocs.yml as MkDocs reads it; `!relative` tags kept for the derived file."""
    path = config_path(root)
    loader = get_yaml_loader()

    def relative(_loader: Any, node: Any) -> Tag:
        value = str(node.value or "")
        prefix, _, rest = value.partition("/")
        if prefix == "$config_dir":
            value = "$config_dir/" + Path(os.path.relpath(root / rest, config_dir)).as_posix()
        return Tag("!relative", value)

    loader.add_constructor("!relative", relative)
    try:
        with path.open("rb") as source:
            return yaml_load(source, loader)
    except MkDocsException as exc:
        raise SiteError(Message("site.config_unreadable", name=path.name, detail=str(exc))) from exc


def write_site_config(
    root: Path,
    settings: Settings,
    staging_docs: Path,
    build_dir: Path,
    rendered: RenderedSite,
    *,
    name: str = "mkdocs.yml",
    theme_sources: list[Path] | None = None,
) -> Path:
    """Write the derived configuration into the cache folder and return its path.

    Each configuration (`name`) gets a theme folder of its own, so that the preview and a
    build running beside it never read each other's. The writer's `theme.custom_dir`, when
    there is one, is added to `theme_sources`.
    """
    cache = make_cache_folder(root, settings)
    writer = read_writer_config(root, cache)
    writer_theme = writer.get("theme")
    custom = writer_theme.get("custom_dir") if isinstance(writer_theme, dict) else None
    theme_dir = theme_folder(root, settings, name)
    writer_dir = root / custom if isinstance(custom, str) else None
    if writer_dir is not None and theme_sources is not None:
        theme_sources.append(writer_dir)
    write_theme(theme_dir, settings.language, writer_dir)
    config = derive_config(
        writer,
        root=root,
        config_dir=cache,
        docs_dir=staging_docs,
        site_dir=build_dir,
        writer_pages=writer_files(root, settings),
        nav=rendered.nav,
        extra_css=rendered.extra_css,
        extra_javascript=rendered.extra_javascript,
        theme_dir=theme_dir,
        site_url=settings.site_url,
        permalink_title=labels_for(settings.language).permalink,
        home_title=labels_for(settings.language).home,
    )
    _check_addresses(root, config)
    path = cache / name
    path.write_text(dump_config(config), encoding="utf-8", newline="\n")
    return path


def _check_addresses(root: Path, config: dict[str, Any]) -> None:
    """Refuse addresses that reached the configuration only as MkDocs reads it.

    mkdocs.yml itself is checked, located, when the magazine is loaded; a `site_url` or
    `repo_url` that comes from an INHERIT file or an `!ENV` variable is seen only here.

    Raises:
        ContentError: one problem per address, at the field of mkdocs.yml.
    """
    wrong = config_address_problems(config, site_url=True)
    if wrong:
        name = config_path(root).name
        raise ContentError(
            Problem(name, 0, 0, field_name(loc), Message("config.through_inherit", reason=message))
            for loc, message in wrong
        )


def theme_folder(root: Path, settings: Settings, name: str = "mkdocs.yml") -> Path:
    """The theme folder the derived configuration `name` uses, in the cache folder."""
    stem = Path(name).stem
    return settings.cache_path(root) / ("theme" if name == "mkdocs.yml" else f"{stem}-theme")


def build_site(
    root: Path,
    settings: Settings,
    staging_docs: Path,
    site_dir: Path,
    rendered: RenderedSite,
    *,
    strict: bool = True,
    source_date_epoch: int | None = None,
    before_publish: Callable[[Path], None] | None = None,
) -> tuple[str, ...]:
    """Build the staging docs into `site_dir`, replacing the previous site only on success.

    Args:
        source_date_epoch: the time stamped into the sitemap when `SOURCE_DATE_EPOCH` is not
            set in the environment (use `source_date_epoch(magazine)`), so that two builds of
            the same input are byte-identical.
        before_publish: called with the finished folder before it replaces the previous
            site (the size budget weighs it there); whatever it raises leaves the previous
            site as it was.

    Returns:
        MkDocs' warnings (always empty in strict mode, where a warning fails the build).

    Raises:
        UsageError: `site_dir` would overwrite the writer's files or the cache.
        SiteError: MkDocs failed, or (strict) warned; every warning is listed.
    """
    check_site_target(root, settings, site_dir)
    return build_into(
        root,
        settings,
        staging_docs,
        site_dir,
        rendered,
        strict=strict,
        source_date_epoch=source_date_epoch,
        work_name="site",
        before_publish=before_publish,
    )


def source_date_epoch(magazine: Magazine) -> int | None:
    """The latest moment any entry records, as a Unix time (None for an empty magazine)."""
    if not magazine.entries:
        return None
    return int(max(entry.last_changed for entry in magazine.entries).timestamp())


def build_into(
    root: Path,
    settings: Settings,
    staging_docs: Path,
    site_dir: Path,
    rendered: RenderedSite,
    *,
    strict: bool,
    source_date_epoch: int | None,
    work_name: str,
    before_publish: Callable[[Path], None] | None = None,
) -> tuple[str, ...]:
    """Build into `site_dir` through a work folder named `work_name` in the cache folder."""
    # MkDocs runs inside the magazine root, so paths relative to the caller would go astray.
    root, staging_docs, site_dir = root.resolve(), staging_docs.resolve(), site_dir.resolve()
    cache = settings.cache_path(root)
    # Inside the cache folder: Zensical wants site_dir below the configuration file.
    build_dir = cache / f"{work_name}.build"
    config_name = "mkdocs.yml" if work_name == "site" else f"{work_name}.yml"
    derived = write_site_config(root, settings, staging_docs, build_dir, rendered, name=config_name)
    discard_leftovers(site_dir)
    shutil.rmtree(build_dir, ignore_errors=True)
    try:
        generated = frozenset(path for path in rendered.files if path.endswith(".md"))
        warnings = _run_mkdocs(
            root, derived, settings.docs_dir, generated, strict=strict, epoch=source_date_epoch
        )
        finish_site(build_dir)
        if before_publish is not None:
            before_publish(build_dir)
        replace_dir(build_dir, site_dir)
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise
    return warnings


def finish_site(build_dir: Path) -> None:
    """What the site gets after MkDocs: Korean subword search, and `.nojekyll`."""
    finish_search(build_dir)
    # Jekyll would hide files starting with `_` when the site is served from a branch.
    (build_dir / ".nojekyll").write_bytes(b"")


@contextmanager
def mkdocs_running(root: Path, epoch: int | None) -> Iterator[list[str]]:
    """Around MkDocs kept loaded (the preview's): the build lock and environment, warnings.

    Yields the list the warnings MkDocs logs are added to, as text.

    Raises:
        SiteError: MkDocs raised (every warning logged before is listed).
    """
    texts: list[str] = []
    marker = _GeneratedPages(frozenset())
    with _BUILD_LOCK, _build_environment(root, epoch), _captured_warnings(marker) as warnings:
        try:
            yield texts
        except MkDocsException as exc:
            listed = "".join(f"\n  {w.text}" for w in warnings)
            failed = Message("site.mkdocs_failed", detail=str(exc), listed=listed)
            raise SiteError(failed) from exc
        finally:
            texts.extend(w.text for w in warnings)


def _run_mkdocs(
    root: Path,
    config_file: Path,
    docs_dir: str,
    generated: frozenset[str],
    *,
    strict: bool,
    epoch: int | None,
) -> tuple[str, ...]:
    """Build with MkDocs in this process; the one place MkDocs' errors become ours.

    Raises:
        ContentError: strict mode failed only on links in the writer's own pages.
        SiteError: anything else (every warning is listed).
    """
    marker = _GeneratedPages(generated)
    with _BUILD_LOCK, _build_environment(root, epoch), _captured_warnings(marker) as warnings:
        try:
            config = load_config(config_file=str(config_file), strict=strict)
            config.plugins["magazine/generated"] = marker
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as exc:
            located = [_writer_problem(root, docs_dir, warning) for warning in warnings]
            problems = [p for p in located if p is not None]
            if warnings and len(problems) == len(warnings):
                raise ContentError(problems) from exc
            listed = "".join(f"\n  {p or w.text}" for p, w in zip(located, warnings, strict=True))
            failed = Message("site.mkdocs_failed", detail=str(exc), listed=listed)
            raise SiteError(failed) from exc
    return tuple(warning.text for warning in warnings)


class _GeneratedPages(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Marks the generated pages (`File.generated_by`) and knows which page is being rendered.

    The staging step knows which files it generated; MkDocs is told here, so warnings are
    attributed to a page by MkDocs' own objects rather than guessed from their wording.
    """

    def __init__(self, generated: frozenset[str]) -> None:
        self.generated = generated
        self.files: dict[str, File] = {}
        self.current: File | None = None

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        for file in files:
            if file.src_uri in self.generated:
                file.generated_by = GENERATED_BY
            self.files[file.src_uri] = file
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: Any, files: Files) -> str:
        self.current = page.file
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: Any, files: Files) -> str:
        self.current = None
        return html

    def on_post_build(self, *, config: Any) -> None:
        # After the search plugin's own (this plugin is registered last): the finished index
        # is written from the records it holds.
        write_index(config)


@dataclass(frozen=True)
class _Warning:
    text: str
    file: File | None
    """The page MkDocs was working on when it warned, when it was working on one."""


_LINK_WARNING = re.compile(
    r"(?:WARNING: )?Doc file '(?P<page>[^']+)' contains (?P<kind>an? [a-z ]*?link) "
    r"'(?P<target>[^']*)'(?P<rest>.*)$",
    re.DOTALL,
)


def _writer_problem(root: Path, docs_dir: str, warning: _Warning) -> Problem | None:
    """A strict-mode link warning about one of the writer's pages, located in that page.

    Returns None when the warning is about a generated page (a bug of the generator, not the
    writer's to fix), about no page, or not about a link.
    """
    file = warning.file
    if file is None or file.generated_by is not None:
        return None
    match = _LINK_WARNING.match(warning.text)
    if match is None:
        return None
    try:
        text = Path(file.abs_src_path or "").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    target, rest = match["target"], match["rest"].strip(" ,.")
    if rest.startswith("but the target is not found"):
        message = Message("link.no_page", target=f"'{target}'")
    elif rest.startswith("but "):
        message = Message("link.mkdocs", target=f"'{target}'", detail=rest.removeprefix("but "))
    else:
        message = Message(
            "link.mkdocs_other", kind=match["kind"], target=f"'{target}'", detail=rest
        )
    offset = text.find(f"]({target}")
    offset = offset + 2 if offset >= 0 else text.find(target)
    line = column = 0
    if offset >= 0:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    shown = (Path(docs_dir) / file.src_uri).as_posix()
    return Problem(shown, line, column, "link", message)


@contextmanager
def _build_environment(root: Path, epoch: int | None) -> Iterator[None]:
    # Relative paths in markdown_extensions (snippets' base_path) start at the magazine root.
    changes = {"NO_MKDOCS_2_WARNING": "1"}
    if epoch is not None and "SOURCE_DATE_EPOCH" not in os.environ:
        changes["SOURCE_DATE_EPOCH"] = str(epoch)
    saved = {key: os.environ.get(key) for key in changes}
    cwd = os.getcwd()
    os.environ.update(changes)
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class _Collector(logging.Handler):
    def __init__(self, marker: _GeneratedPages) -> None:
        super().__init__(logging.WARNING)
        self.marker = marker
        self.warnings: list[_Warning] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = f"{record.levelname}: {record.getMessage()}"
        file = self.marker.current
        if file is None:
            # Anchors are checked after every page is rendered; MkDocs names the page first.
            named = _NAMED_PAGE.match(record.getMessage())
            file = self.marker.files.get(named["page"]) if named else None
        self.warnings.append(_Warning(text, file))


_NAMED_PAGE = re.compile(r"Doc file '(?P<page>[^']+)'")


@contextmanager
def _captured_warnings(marker: _GeneratedPages) -> Iterator[list[_Warning]]:
    logger = logging.getLogger("mkdocs")
    collector = _Collector(marker)
    logger.addHandler(collector)
    try:
        yield collector.warnings
    finally:
        logger.removeHandler(collector)
