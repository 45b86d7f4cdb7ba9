"""Every address the pages stage generates, and what chose it: no two may be the same.

Pages are collected by path, so two pages at one address would leave only the later one, and
the build would still succeed. An entry's slug, an entry file's name, a service key or an
experiment key all choose an address next to the generated list pages (`trials/index.md`,
`trials/page-2.md`, `services/index.md`, `compare/index.md`). `check_addresses` lists every
claim and turns each clash into a problem located at the writer's field that chose the name,
naming the other page; `magazine check` and every build run it before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..errors import ContentError, Problem, SiteError
from ..filenames import path_problem
from ..model import Entry, Magazine
from ..slugs import slugify
from ..source import locate, registry_path
from . import urls
from .services import has_history
from .stats import Groupings, group
from .trials import PAGE_SIZE
from .viewerjs import viewer_script_paths

FIXED = {
    "latest.md": "the latest trials",
    "compare/index.md": "the index of comparisons",
    "services/index.md": "the index of services",
    "leaderboard.md": "the leaderboard",
    "reports/index.md": "the index of monthly reports",
    "tags.md": "the tags page",
    "data/index.md": "the open data page",
    "data/entries.json": "the open data file",
    "data/entries.csv": "the open data file",
    "data/measured.schema.json": "the JSON Schema of the open data's measurements",
    "feed.xml": "the feed",
    "assets/magazine/magazine.css": "the magazine's style sheet",
    "assets/magazine/magazine.js": "the magazine's script",
    "assets/magazine/theater.css": "the comparison viewer's style sheet",
    **dict.fromkeys(viewer_script_paths(), "a module of the comparison viewer's script"),
}
"""Generated files whose address no writer chooses."""

_LIST_PAGE = re.compile(r"^page-(\d+)$")


@dataclass(frozen=True)
class Claim:
    """One generated file and what chose its address."""

    docs_path: str
    what: str
    """For messages: `the page of entries/2025/01/a.yml`, `page 2 of the list of all trials`."""
    file: str = ""
    """The writer's file (relative to the magazine root) that chose the name, if any."""
    field: str = ""
    """The field of `file` that chose the name; empty when it was the file's own name."""
    key: bool = False
    """The name is the field's key (a service key), not its value."""


def claims(magazine: Magazine, *, home: bool, groups: Groupings | None = None) -> list[Claim]:
    """Every file `render_pages` writes, with what chose its address."""
    groups = groups or group(magazine)
    out = [Claim(path, what) for path, what in FIXED.items()]
    if home:
        out.append(Claim("index.md", "the home page"))
    pages = max(1, -(-len(groups.entries) // PAGE_SIZE))
    out += [Claim(urls.trials_page(n), _list_page(n)) for n in range(1, pages + 1)]
    for entry in groups.entries:
        page = urls.entry_page(entry.slug)
        out.append(Claim(page, f"the page of {entry.path}", entry.path, _slug_field(entry)))
    for comparison in groups.comparisons:
        first = comparison.entries[0]
        field = "experiment" if first.experiment else "prompt"
        what = f"the comparison of {first.path}"
        out.append(Claim(urls.comparison_page(comparison.slug), what, first.path, field))
    services = registry_path(magazine.root, magazine.settings, "services")
    for key, stats in groups.services.items():
        what = f"the page of service {key!r}"
        out.append(Claim(urls.service_page(key), what, services, key, key=True))
        if has_history(stats):
            what = f"the page of every attempt of service {key!r}"
            out.append(Claim(urls.service_history_page(key), what, services, key, key=True))
    out += [Claim(urls.report_page(month), f"the report of {month}") for month in groups.months]
    return out


def check_addresses(
    magazine: Magazine, *, home: bool, groups: Groupings | None = None
) -> list[Claim]:
    """Every claim, after making sure no two share a served address.

    Raises:
        ContentError: a writer-chosen name takes the address of another page (each located
            at the field or file name that chose it, naming the other page).
        SiteError: two generated pages clash without a writer's name involved (a bug).
    """
    every = claims(magazine, home=home, groups=groups)
    served = urls.SiteUrls(directory_urls=magazine.settings.use_directory_urls)
    taken: dict[str, Claim] = {}
    problems: list[Problem] = []
    for claim in every:
        problems += _unportable(magazine, claim, served)
        key = served.output(claim.docs_path).casefold()
        other = taken.get(key) or _reserved(claim)
        if other is None:
            taken[key] = claim
            continue
        found = list(_located(magazine, claim, other)) + list(_located(magazine, other, claim))
        if not found:
            raise SiteError(f"two generated files share the address {claim.docs_path!r}")
        problems += found
    if problems:
        raise ContentError(problems)
    return every


def _list_page(number: int) -> str:
    return "the list of all trials" if number == 1 else f"page {number} of the list of all trials"


def _reserved(claim: Claim) -> Claim | None:
    """The list page an entry's `page-N` address would take as the magazine grows."""
    stem = claim.docs_path.removeprefix("trials/").removesuffix(".md")
    match = _LIST_PAGE.match(stem) if claim.docs_path.startswith("trials/") else None
    if claim.file and match and int(match.group(1)) >= 2:
        return Claim(claim.docs_path, _list_page(int(match.group(1))) + " (reserved)")
    return None


_REMEDY = {
    "slug": "choose another slug",
    "": "rename the file or set slug: to another address",
    "experiment": "choose another experiment key",
    "prompt": "set experiment: to another key",
}


def _located(magazine: Magazine, claim: Claim, other: Claim) -> Iterable[Problem]:
    if not claim.file:
        return
    remedy = "choose another service key" if claim.key else _REMEDY[claim.field]
    message = (
        f"the page address {claim.docs_path} of {claim.what} is also {other.what}, and one "
        f"would replace the other; {remedy}"
    )
    yield locate(magazine.root, claim.file, claim.field, message, "key" if claim.key else "value")


def _unportable(magazine: Magazine, claim: Claim, served: urls.SiteUrls) -> list[Problem]:
    """The claim's file, in the staging docs and in the site, if Windows could not hold it."""
    for path in (claim.docs_path, served.output(claim.docs_path)):
        wrong = path_problem(path)
        if wrong is None:
            continue
        if not claim.file:
            raise SiteError(f"the generated file {path!r}: {wrong}")
        remedy = "choose another service key" if claim.key else _REMEDY[claim.field]
        message = f"the page address {path} of {claim.what}: {wrong}; {remedy}"
        return [
            locate(magazine.root, claim.file, claim.field, message, "key" if claim.key else "value")
        ]
    return []


def _slug_field(entry: Entry) -> str:
    """`slug` when the entry's address comes from its slug: field, "" when from its file name."""
    from_name = slugify(PurePosixPath(entry.path).stem)
    return "" if entry.slug == from_name else "slug"
