"""Reading mkdocs.yml into `Settings`: the site's own keys and `extra.magazine`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..addresses import address_problem
from ..errors import ContentError, MagazineError, Problem, UsageError
from ..messages import Message
from ..settings import Settings
from .validation import problems_from
from .yamlsource import Document, Loc, read_tolerant

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
_FROM_TOP = {
    "site_name": ("site_name",),
    "site_url": ("site_url",),
    "language": ("theme", "language"),
    "docs_dir": ("docs_dir",),
    "site_dir": ("site_dir",),
    "use_directory_urls": ("use_directory_urls",),
}


def config_path(root: Path) -> Path:
    """The magazine's mkdocs.yml.

    Raises:
        UsageError: when `root` has none (it is not a magazine folder).
    """
    for name in CONFIG_NAMES:
        if (root / name).is_file():
            return root / name
    raise UsageError(Message("usage.no_config", root=str(root)))


def site_language(root: Path) -> str:
    """`theme.language` of the magazine under `root`, or "en"; never raises.

    For the words of a message about a magazine whose settings may be the very problem.
    """
    try:
        path = config_path(root)
        theme = read_tolerant(path.read_bytes(), path.name).data.get("theme")
        language = theme.get("language") if isinstance(theme, dict) else None
    except (MagazineError, OSError, AttributeError):
        return "en"
    return language if isinstance(language, str) else "en"


def load_settings(root: Path) -> Settings:
    """Read site_name, site_url, theme.language and `extra.magazine` from mkdocs.yml.

    Raises:
        UsageError: no mkdocs.yml under `root`.
        ContentError: mkdocs.yml cannot be read, or `extra.magazine` has unknown or bad keys.
    """
    path = config_path(root)
    doc = read_tolerant(path.read_bytes(), path.name)
    if doc.problems:
        raise ContentError(doc.problems)
    config = doc.data
    if not isinstance(config, dict):
        raise ContentError([Problem(path.name, 1, 1, "", Message("config.not_a_mapping"))])
    problems: list[Problem] = []
    extra = config.get("extra")
    section: Any = extra.get("magazine") if isinstance(extra, dict) else None
    if section is None:
        section = {}
    if not isinstance(section, dict):
        problems.append(doc.problem(("extra", "magazine"), Message("config.section_mapping")))
        section = {}
    for key in sorted(set(section) & set(_FROM_TOP), key=str):
        where = ".".join(_FROM_TOP[key])
        message = Message("config.from_top", where=where, key=key)
        problems.append(doc.problem(("extra", "magazine", key), message, "key"))
        del section[key]
    problems.extend(_address_problems(config, doc))
    theme = config.get("theme")
    data = dict(section)
    for key, value in (
        ("site_name", config.get("site_name")),
        ("site_url", config.get("site_url")),
        ("language", theme.get("language") if isinstance(theme, dict) else None),
        ("docs_dir", config.get("docs_dir")),
        ("site_dir", config.get("site_dir")),
        ("use_directory_urls", config.get("use_directory_urls")),
    ):
        if value is not None:
            data[key] = value

    def relocate(loc: Loc) -> Loc:
        if loc and loc[0] in _FROM_TOP:
            return (*_FROM_TOP[str(loc[0])], *loc[1:])
        return ("extra", "magazine", *loc)

    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, doc, model=Settings, relocate=relocate))
        raise ContentError(problems) from None
    problems += _store_pairing(settings, doc)
    if problems:
        raise ContentError(problems)
    return settings


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_RELATIVE_BASE = "https://relative.invalid/"
"""Where a relative link is placed to check its characters the way an address's are."""


def _address_problems(config: dict[str, Any], doc: Document) -> Iterable[Problem]:
    """The theme's addresses of mkdocs.yml, located (see `config_address_problems`)."""
    for loc, message in config_address_problems(config):
        yield doc.problem(loc, message)


def config_address_problems(
    config: Mapping[str, Any], *, site_url: bool = False
) -> list[tuple[Loc, Message]]:
    """Every address of an MkDocs configuration that MkDocs or Material publish, checked.

    These are the theme's: the repository link (edit links append page paths to it), the
    footer's social links (which may also be `mailto:`), the logo's home page and the language
    switcher; with `site_url`, the site's address too (`Settings` checks the one written in
    mkdocs.yml; the site adapter checks the configuration as MkDocs reads it, after INHERIT
    and `!ENV`).
    """
    extra = config.get("extra")
    extra = extra if isinstance(extra, dict) else {}
    found: list[tuple[Loc, object, bool, bool]] = [
        (("repo_url",), config.get("repo_url"), True, False),
        (("edit_uri",), config.get("edit_uri"), False, False),
        (("extra", "homepage"), extra.get("homepage"), False, False),
    ]
    if site_url:
        found.insert(0, (("site_url",), config.get("site_url"), True, False))
    for key, mailto in (("social", True), ("alternate", False)):
        items = extra.get(key)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                found.append((("extra", key, index, "link"), item.get("link"), False, mailto))
    problems: list[tuple[Loc, Message]] = []
    for loc, value, base, mailto in found:
        if not isinstance(value, str) or not value:
            # MkDocs refuses a value of another type itself; `!ENV [NAME, default]` is a
            # list until MkDocs reads it, and is checked then (see `site.builder`).
            continue
        if mailto and value.lower().startswith("mailto:"):
            wrong = address_problem(_RELATIVE_BASE + value.removeprefix("mailto:"))
        elif _SCHEME.match(value):
            wrong = address_problem(value, base=base)
        else:
            wrong = address_problem(_RELATIVE_BASE + value.lstrip("/"), base=base)
        if wrong:
            problems.append((loc, wrong))
    return problems


def _store_pairing(settings: Settings, doc: Document) -> list[Problem]:
    """`media_store` and `media_base_url` name two sides of one place: each needs the other.

    A store without its public address would be pushed to and never read; an address without
    its store would be read and never verified (`magazine media push` checks every object
    the pages point at).
    """
    if settings.media_store and not settings.media_base_url:
        return [
            doc.problem(
                ("extra", "magazine", "media_store"),
                Message("store.needs_base_url"),
                "key",
            )
        ]
    if settings.media_base_url and not settings.media_store:
        return [
            doc.problem(
                ("extra", "magazine", "media_base_url"),
                Message("store.needs_store"),
                "key",
            )
        ]
    return []
