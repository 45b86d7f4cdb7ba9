"""The site configuration a build uses, derived from the writer's mkdocs.yml.

The writer's mkdocs.yml is read (by `site`, with MkDocs' own loader) and never written. The
build uses a derived copy in the cache folder that differs only where the magazine needs it:

- `docs_dir` is the staging folder, `site_dir` the build folder; relative paths the writer
  wrote (`theme.custom_dir`, `hooks`, `watch`) are re-anchored to the cache folder.
- the generated sections are appended to the writer's `nav`; without a `nav`, the writer's own
  pages come first. Never one item per entry: a sidebar of 1,000 pages makes MkDocs ten times
  slower, and entry pages are reached from their section pages. A home page listed without a
  title is called "Home" in the site language: its own title is the site's name, which
  Material already shows as the phone drawer's title.
- the `search` and `tags` plugins are present; search splits words at punctuation too.
- link checks that MkDocs leaves at `info` are raised to `warn`, so strict builds fail on
  broken anchors and unknown links; omitted files stay at `info` (entry pages are not in nav).
- `theme.font: false` unless the writer chose fonts: pages load nothing from Google.

The result is written with PyYAML's safe dumper (plus the `!!python/name:` and `!relative`
tags a writer may use), which MkDocs and Zensical both read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import SiteError
from ..messages import Message

SEARCH_SEPARATOR = r"""[\s\-,:;!?=\[\](){}"'`/|·…“”‘’「」『』〈〉《》、。]+|\.(?!\d)|&[lg]t;"""
"""Splits words at spaces and punctuation (ASCII and CJK), and at dots not inside numbers."""

_SEARCH_NAMES = ("search", "material/search")
_TAGS_NAMES = ("tags", "material/tags")
_LINK_CHECKS = ("anchors", "unrecognized_links", "absolute_links")
_NAV_KEYS = ("omitted_files", "not_found", "absolute_links")
_LINK_KEYS = ("not_found", "anchors", "absolute_links", "unrecognized_links")


@dataclass(frozen=True)
class Apply:
    """A callable's result the builder makes when it reads the file (`!!python/object/apply`)."""

    name: str
    kwds: Mapping[str, Any]


HEADING_SLUGS = Apply("pymdownx.slugs.slugify", {"case": "lower"})
"""Heading anchors that keep Hangul (`#프롬프트`, not `#_1`), so shared section links mean
something in every language."""


@dataclass(frozen=True)
class Tag:
    """A YAML tag the writer used that must reach the builder as written (`!relative`)."""

    tag: str
    value: str


def derive_config(
    writer: Mapping[str, Any],
    *,
    root: Path,
    config_dir: Path,
    docs_dir: Path,
    site_dir: Path,
    writer_pages: Iterable[str],
    nav: Sequence[Any],
    extra_css: Sequence[str] = (),
    extra_javascript: Sequence[str] = (),
    theme_dir: Path | None = None,
    site_url: str | None = None,
    permalink_title: str | None = None,
    home_title: str | None = None,
) -> dict[str, Any]:
    """The configuration to build with, from the writer's loaded mkdocs.yml.

    Args:
        writer: the writer's mkdocs.yml as loaded (INHERIT resolved).
        root: the magazine folder (where the writer's relative paths start).
        config_dir: the folder the derived file is written to (its paths start there).
        docs_dir: the staging docs folder.
        site_dir: where the builder writes the site.
        writer_pages: the writer's docs-relative Markdown paths (for a nav when there is none).
        nav: the generated sections, as MkDocs nav items.
        extra_css: stylesheets the generated pages need, docs-relative.
        extra_javascript: scripts the generated pages need, docs-relative.
        theme_dir: the theme overrides folder (holding the writer's custom_dir, if any).
        site_url: the published address, when the build was given one (`--site-url`).
        permalink_title: the heading anchors' tooltip in the site language.
        home_title: the home page's navigation item in the site language ("Home").
    """
    config = dict(writer)
    config.pop("INHERIT", None)

    def here(path: str | os.PathLike[str]) -> str:
        full = Path(path) if Path(path).is_absolute() else root / path
        return Path(os.path.relpath(full, config_dir)).as_posix()

    config["docs_dir"] = here(docs_dir)
    config["site_dir"] = here(site_dir)
    for key in ("hooks", "watch"):
        if isinstance(config.get(key), list):
            config[key] = [here(p) if isinstance(p, str) else p for p in config[key]]

    theme = config.get("theme") or {"name": "material"}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    if theme_dir is not None:
        theme["custom_dir"] = here(theme_dir)
    elif isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = here(theme["custom_dir"])
    if site_url:
        config["site_url"] = site_url
    theme.setdefault("font", False)
    config["theme"] = theme

    config["nav"] = merge_nav(config.get("nav"), nav, writer_pages, home_title=home_title)
    config["plugins"] = _ensure_plugins(config.get("plugins"))
    config["markdown_extensions"] = _ensure_toc(
        _ensure_extensions(config.get("markdown_extensions")), permalink_title
    )
    config["validation"] = _raise_validation(config.get("validation"))
    config["extra_css"] = _append(config.get("extra_css"), extra_css)
    config["extra_javascript"] = _append(config.get("extra_javascript"), extra_javascript)
    return config


def merge_nav(
    writer_nav: Any,
    generated: Sequence[Any],
    writer_pages: Iterable[str],
    *,
    home_title: str | None = None,
) -> list[Any]:
    """The writer's nav (or their pages) followed by the generated sections not already in it.

    With `home_title`, a top-level home page without a title of its own (`- index.md`) gets
    that one: MkDocs would take its heading, usually the site's name, which the phone drawer
    already shows as its title, so the name would stand twice one above the other.
    """
    if isinstance(writer_nav, list) and writer_nav:
        base = list(writer_nav)
    else:
        base = pages_nav(writer_pages)
    present = set(_nav_targets(base))
    extra = [item for item in generated if not set(_nav_targets([item])) & present]
    merged = base + extra
    if home_title:
        merged = [{home_title: item} if item == HOME_PAGE else item for item in merged]
    return merged


HOME_PAGE = "index.md"
"""The docs-relative home page, as a nav lists it."""


def pages_nav(pages: Iterable[str]) -> list[Any]:
    """A nav of the writer's Markdown pages: index first, folders as sections after pages."""
    tree: dict[str, Any] = {}
    for page in sorted(p for p in pages if p.lower().endswith((".md", ".markdown"))):
        node = tree
        *folders, name = page.split("/")
        for folder in folders:
            node = node.setdefault(folder + "/", {})
        node[name] = page
    return _tree_nav(tree)


def _tree_nav(tree: Mapping[str, Any]) -> list[Any]:
    def order(name: str) -> tuple[int, str]:
        if name.rsplit(".", 1)[0] in ("index", "README"):
            return (0, name)
        return (2, name) if name.endswith("/") else (1, name)

    items: list[Any] = []
    for name in sorted(tree, key=order):
        value = tree[name]
        if isinstance(value, str):
            items.append(value)
        else:
            title = name.rstrip("/").replace("-", " ").replace("_", " ").capitalize()
            items.append({title: _tree_nav(value)})
    return items


def _nav_targets(items: Sequence[Any]) -> Iterable[str]:
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, Mapping):
            for value in item.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _nav_targets(value)


def _plugin_name(entry: Any, section: str = "plugins") -> str:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, Mapping) and len(entry) == 1:
        return str(next(iter(entry)))
    raise SiteError(Message("site.config_entry", section=section, entry=repr(entry)))


def _ensure_plugins(plugins: Any) -> list[Any]:
    if plugins is None:
        entries: list[Any] = ["search"]
    elif isinstance(plugins, Mapping):
        entries = [{name: options} for name, options in plugins.items()]
    elif isinstance(plugins, list):
        entries = list(plugins)
    else:
        raise SiteError(Message("site.config_list", section="plugins"))
    names = [_plugin_name(e) for e in entries]
    result: list[Any] = []
    for entry, name in zip(entries, names, strict=True):
        if name in _SEARCH_NAMES:
            options = dict(entry[name] or {}) if isinstance(entry, Mapping) else {}
            options.setdefault("separator", SEARCH_SEPARATOR)
            entry = {name: options}
        result.append(entry)
    if not set(names) & set(_SEARCH_NAMES):
        result.insert(0, {"search": {"separator": SEARCH_SEPARATOR}})
    if not set(names) & set(_TAGS_NAMES):
        result.append("tags")
    return result


REQUIRED_EXTENSIONS = ("tables", "attr_list", "md_in_html")
"""Markdown extensions the generated pages rely on (tables, card grids, raw HTML blocks)."""


def _ensure_extensions(extensions: Any) -> list[Any]:
    if extensions is None:
        entries: list[Any] = []
    elif isinstance(extensions, Mapping):
        entries = [{name: options} for name, options in extensions.items()]
    elif isinstance(extensions, list):
        entries = list(extensions)
    else:
        raise SiteError(Message("site.config_list", section="markdown_extensions"))
    names = {_plugin_name(entry, "markdown_extensions") for entry in entries}
    return entries + [name for name in REQUIRED_EXTENSIONS if name not in names]


def _ensure_toc(extensions: list[Any], permalink_title: str | None) -> list[Any]:
    """`toc` with Unicode heading slugs and, in the site language, the anchors' tooltip
    (MkDocs' default is English "Permanent link"); what the writer set stays."""
    result = []
    found = False
    for entry in extensions:
        name = _plugin_name(entry, "markdown_extensions")
        if name == "toc":
            found = True
            options = dict(entry[name] or {}) if isinstance(entry, Mapping) else {}
            options.setdefault("slugify", HEADING_SLUGS)
            if permalink_title:
                options.setdefault("permalink_title", permalink_title)
            entry = {name: options}
        result.append(entry)
    if not found:
        options = {"slugify": HEADING_SLUGS}
        if permalink_title:
            options["permalink_title"] = permalink_title
        result.append({"toc": options})
    return result


def _raise_validation(validation: Any) -> dict[str, Any]:
    given = dict(validation) if isinstance(validation, Mapping) else {}
    nav = dict(given.pop("nav", None) or {})
    links = dict(given.pop("links", None) or {})
    # MkDocs lets top-level keys stand for both groups; spell them out per group.
    for key, level in given.items():
        if key in _NAV_KEYS:
            nav.setdefault(key, level)
        if key in _LINK_KEYS:
            links.setdefault(key, level)
    nav["omitted_files"] = "info"
    for key in _LINK_CHECKS:
        if not (key == "absolute_links" and links.get(key) == "relative_to_docs"):
            links[key] = "warn"
    return {"nav": nav, "links": links}


def _append(existing: Any, added: Sequence[str]) -> list[Any]:
    items = list(existing) if isinstance(existing, list) else []
    for item in added:
        if item not in items:
            items.append(item)
    return items


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, plus the few kinds of value a writer's mkdocs.yml may hold."""


def _tag(dumper: yaml.SafeDumper, value: Tag) -> yaml.Node:
    return dumper.represent_scalar(value.tag, value.value)


def _apply(dumper: yaml.SafeDumper, value: Apply) -> yaml.Node:
    return dumper.represent_mapping(
        f"tag:yaml.org,2002:python/object/apply:{value.name}", {"kwds": dict(value.kwds)}
    )


def _path(dumper: yaml.SafeDumper, value: os.PathLike[str]) -> yaml.Node:
    return dumper.represent_str(os.fspath(value))


def _other(dumper: yaml.SafeDumper, value: Any) -> yaml.Node:
    # `!!python/name:module.attr` values (emoji indexes, slug functions) go back as written.
    module, name = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
    if module and name and callable(value):
        return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{module}.{name}", "")
    raise SiteError(Message("site.config_value", kind=type(value).__name__))


_Dumper.add_representer(Tag, _tag)
_Dumper.add_representer(Apply, _apply)
_Dumper.add_multi_representer(os.PathLike, _path)  # type: ignore[type-abstract]
_Dumper.add_multi_representer(object, _other)


def dump_config(config: Mapping[str, Any]) -> str:
    """The configuration as YAML text (tags kept), ending in a newline."""
    body = yaml.dump(dict(config), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return "# Derived from mkdocs.yml by the magazine build; do not edit.\n" + body
