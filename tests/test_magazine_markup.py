"""The Nu HTML checker on the built example: the project's own markup validates (issue 9).

Material's own findings are named here, narrowly, and left alone: its drawer and search
toggles are checkboxes with `autocomplete="off"`, and its table-of-contents title is a label
for a toggle that a page without headings does not have.
"""

from __future__ import annotations

import re

import pytest

from tests.browser_fixtures import ServedSite
from tests.checker_fixtures import Finding, run_vnu

pytestmark = pytest.mark.browser

_MATERIAL = (
    (
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"'),
    ),
    (
        re.compile(r"^The value of the “for” attribute of the “label” element must be the ID"),
        re.compile(r'<label class="md-nav__title" for="__(toc|drawer)"'),
    ),
)


def _materials(finding: Finding) -> bool:
    extract = " ".join(finding.extract.split())
    return any(m.search(finding.message) and e.search(extract) for m, e in _MATERIAL)


def test_the_projects_markup_validates(example_ko: ServedSite) -> None:
    pages = sorted(example_ko.site.rglob("*.html"))
    assert len(pages) > 30
    findings = [f for f in run_vnu(pages) if f.kind in ("error", "warning")]
    ours = [f for f in findings if not _materials(f)]
    theirs = sorted({f.message for f in findings if _materials(f)})
    if theirs:
        print("Material's own findings:", *theirs, sep="\n  ")
    assert ours == [], "\n".join(f"{f}\n    {f.extract!r}" for f in ours)
