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
from ..messages import Message
from ..model import Entry, Magazine
from ..slugs import slugify
from ..source import locate, registry_path
from . import urls
from .services import has_history
from .stats import Groupings, group
from .trials import PAGE_SIZE
from .viewerjs import viewer_script_paths

FIXED = {
    "latest.md": "claim.latest",
    "compare/index.md": "claim.comparisons",
    "services/index.md": "claim.services",
    "leaderboard.md": "claim.leaderboard",
    "reports/index.md": "claim.reports",
    "tags.md": "claim.tags",
    "data/index.md": "claim.data_page",
    "data/entries.json": "claim.data_file",
    "data/entries.csv": "claim.data_file",
    "data/measured.schema.json": "claim.measured_schema",
    "feed.xml": "claim.feed",
    "assets/magazine/magazine.css": "claim.style",
    "assets/magazine/magazine.js": "claim.script",
    "assets/magazine/theater.css": "claim.viewer_style",
    **dict.fromkeys(viewer_script_paths(), "claim.viewer_script"),
}
"""Generated files whose address no writer chooses, with the catalogue key naming each."""

_LIST_PAGE = re.compile(r"^page-(\d+)$")


@dataclass(frozen=True)
class Claim:
    """One generated file and what chose its address."""

    docs_path: str
    what: Message
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
    out = [Claim(path, Message(what)) for path, what in FIXED.items()]
    if home:
        out.append(Claim("index.md", Message("claim.home")))
    pages = max(1, -(-len(groups.entries) // PAGE_SIZE))
    out += [Claim(urls.trials_page(n), _list_page(n)) for n in range(1, pages + 1)]
    for entry in groups.entries:
        page = urls.entry_page(entry.slug)
        what = Message("claim.entry", path=entry.path)
        out.append(Claim(page, what, entry.path, _slug_field(entry)))
    for comparison in groups.comparisons:
        first = comparison.entries[0]
        field = "experiment" if first.experiment else "prompt"
        what = Message("claim.comparison", path=first.path)
        out.append(Claim(urls.comparison_page(comparison.slug), what, first.path, field))
    services = registry_path(magazine.root, magazine.settings, "services")
    for key, stats in groups.services.items():
        what = Message("claim.service", key=repr(key))
        out.append(Claim(urls.service_page(key), what, services, key, key=True))
        if has_history(stats):
            what = Message("claim.attempts", key=repr(key))
            out.append(Claim(urls.service_history_page(key), what, services, key, key=True))
    out += [
        Claim(urls.report_page(month), Message("claim.report", month=month))
        for month in groups.months
    ]
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
            raise SiteError(Message("site.generated_address", path=repr(claim.docs_path)))
        problems += found
    if problems:
        raise ContentError(problems)
    return every


def _list_page(number: int) -> Message:
    return Message("claim.list") if number == 1 else Message("claim.list_page", number=number)


def _reserved(claim: Claim) -> Claim | None:
    """The list page an entry's `page-N` address would take as the magazine grows."""
    stem = claim.docs_path.removeprefix("trials/").removesuffix(".md")
    match = _LIST_PAGE.match(stem) if claim.docs_path.startswith("trials/") else None
    if claim.file and match and int(match.group(1)) >= 2:
        reserved = Message("claim.reserved", what=_list_page(int(match.group(1))))
        return Claim(claim.docs_path, reserved)
    return None


_REMEDY = {
    "slug": "remedy.slug",
    "": "remedy.file",
    "experiment": "remedy.experiment",
    "prompt": "remedy.prompt",
}


def _located(magazine: Magazine, claim: Claim, other: Claim) -> Iterable[Problem]:
    if not claim.file:
        return
    remedy = Message("remedy.service" if claim.key else _REMEDY[claim.field])
    message = Message(
        "claim.taken", path=claim.docs_path, what=claim.what, other=other.what, remedy=remedy
    )
    yield locate(magazine.root, claim.file, claim.field, message, "key" if claim.key else "value")


def _unportable(magazine: Magazine, claim: Claim, served: urls.SiteUrls) -> list[Problem]:
    """The claim's file, in the staging docs and in the site, if Windows could not hold it."""
    for path in (claim.docs_path, served.output(claim.docs_path)):
        wrong = path_problem(path)
        if wrong is None:
            continue
        if not claim.file:
            raise SiteError(Message("site.generated_file", path=repr(path), reason=wrong))
        remedy = Message("remedy.service" if claim.key else _REMEDY[claim.field])
        message = Message(
            "claim.unportable", path=path, what=claim.what, reason=wrong, remedy=remedy
        )
        return [
            locate(magazine.root, claim.file, claim.field, message, "key" if claim.key else "value")
        ]
    return []


def _slug_field(entry: Entry) -> str:
    """`slug` when the entry's address comes from its slug: field, "" when from its file name."""
    from_name = slugify(PurePosixPath(entry.path).stem)
    return "" if entry.slug == from_name else "slug"
