"""Jinja2 templates to Markdown and HTML fragments: the one place that imports jinja2.

The environment is strict (`StrictUndefined`: a typo fails the build instead of rendering an empty
cell) and does not autoescape HTML, since the output is Markdown. Instead every `{{ value }}` is
finalised here: `escape.Safe` strings pass unchanged, numbers print as themselves, and any other
string is escaped with `escape.text`, so untrusted text is inert unless a view deliberately
prepared it for its place (a quoted prompt, sanitised notes, a checked URL) or a filter below did.
A macro's output is a plain string too: a template that prints another template's macro escapes
it (visibly), so fragments are called from Python (`render_fragment`, `macros`), which marks
what they make `Safe`.

Page templates (`templates/*.md.j2`) make Markdown; so do the small Markdown fragments of
`templates/fragments/*.md.j2` (a card, a thumbnail). Fragment templates
(`templates/fragments/*.html.j2`) make raw HTML: the viewer, a clip, the leaderboard's table,
a chart's frame, the small cells lists share (a wait, a day, a mean, a status badge). Markdown
passes raw HTML through only while it stays on one line, so a fragment's source is joined into
one line before it is read: each line's indentation and line end are dropped (write a space
that must separate two lines at the end of the first line's content, inside a tag or a
`{% if %}`).

Filters give each destination its one escaping function: `attr` (a generator-made value for an
attribute), `decimal` and `percent` (numbers as text), and the view helpers of the page context
the template was handed as `ctx`: `wait_cell`, `day_cell`, `mean`, `status_badge`, and
`service_link` and `entry_link` (Markdown links from the page given as their argument).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

import jinja2
import jinja2.ext

from . import escape

FRAGMENT = ".html.j2"
"""The suffix of fragment templates: raw HTML, read as one line."""


def _finalize(value: Any) -> str:
    # Called for every `{{ }}` of every page: the two common cases first.
    if type(value) is str:
        return escape.text(value)
    if isinstance(value, escape.Safe):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean reached a template output; format it with a label")
    if isinstance(value, int | float | Decimal):
        return str(value)
    if value is None:
        raise TypeError("None reached a template output; guard it with {% if %}")
    return escape.text(value)


class _OneLine(jinja2.ext.Extension):
    """Joins a fragment template's lines into one before Jinja reads it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name is None or not name.endswith(FRAGMENT):
            return source
        return "".join(line.strip() for line in source.splitlines())


def _decimal(value: float | Decimal, places: int) -> escape.Safe:
    """`3.7778` for `decimal(4)`: a number with a fixed count of decimals."""
    return escape.Safe(f"{value:.{places}f}")


def _percent(value: float) -> escape.Safe:
    """`75%`: a share as a whole percentage."""
    return escape.Safe(f"{value:.0%}")


# The view helpers read labels and the time zone from the page context a template is given as
# `ctx`, so the same cell is made alike in Python views and in templates.
@jinja2.pass_context
def _wait_cell(context: jinja2.runtime.Context, entry: Any) -> escape.Safe:
    return context["ctx"].wait_cell(entry)  # type: ignore[no-any-return]


@jinja2.pass_context
def _day_cell(context: jinja2.runtime.Context, moment: Any) -> escape.Safe:
    return context["ctx"].day_cell(moment)  # type: ignore[no-any-return]


@jinja2.pass_context
def _mean(context: jinja2.runtime.Context, found: Any, per_attempt: bool = False) -> escape.Safe:
    return context["ctx"].mean_html(found, per_attempt=per_attempt)  # type: ignore[no-any-return]


@jinja2.pass_context
def _status_badge(context: jinja2.runtime.Context, status: Any) -> escape.Safe:
    return context["ctx"].status_badge(status)  # type: ignore[no-any-return]


@jinja2.pass_context
def _service_link(context: jinja2.runtime.Context, key: str, page: str) -> escape.Safe:
    return context["ctx"].service_link(page, key)  # type: ignore[no-any-return]


@jinja2.pass_context
def _entry_link(context: jinja2.runtime.Context, entry: Any, page: str) -> escape.Safe:
    return context["ctx"].entry_link(page, entry)  # type: ignore[no-any-return]


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        extensions=[_OneLine],
        # The templates ship with the package: no need to look at their files before each use.
        auto_reload=False,
    )
    # `safe` would let a template declare any string prepared; only Python views may.
    del environment.filters["safe"]
    filters: dict[str, Callable[..., Any]] = {
        "attr": escape.attribute,
        "decimal": _decimal,
        "percent": _percent,
        "wait_cell": _wait_cell,
        "day_cell": _day_cell,
        "mean": _mean,
        "status_badge": _status_badge,
        "service_link": _service_link,
        "entry_link": _entry_link,
    }
    environment.filters.update(filters)
    return environment


# Fragments are rendered once per tile, card or cell, thousands of times a build: the template
# is looked up once.
@cache
def _template(path: str) -> jinja2.Template:
    return _environment().get_template(path)


def render_template(name: str, /, **context: Any) -> str:
    """Render `templates/<name>.md.j2` with a context of views and labels.

    Raises:
        jinja2.TemplateError: a bug in a template (never the writer's content).
    """
    return _template(f"{name}.md.j2").render(**context)


def render_fragment(name: str, /, **context: Any) -> escape.Safe:
    """Render `templates/fragments/<name>.html.j2`: one line of raw HTML, ready for its page.

    Raises:
        jinja2.TemplateError: a bug in a template (never the writer's content).
    """
    return escape.Safe(_template(f"fragments/{name}{FRAGMENT}").render(**context))


class Macros:
    """The macros of one fragment template, for Python views: `macros("cells").wait_cell(...)`
    returns what the macro makes, as `escape.Safe` (its arguments were escaped inside)."""

    def __init__(self, module: Any, *, kept: bool = False) -> None:
        self._module = module
        self._kept = kept

    def __getattr__(self, name: str) -> Callable[..., escape.Safe]:
        # Only for a macro not asked for yet: the call made here is then an attribute.
        macro = getattr(self._module, name)

        def call(*args: Any, **kwargs: Any) -> escape.Safe:
            return escape.Safe(macro(*args, **kwargs))

        if self._kept:
            call = lru_cache(maxsize=1 << 14)(call)
        setattr(self, name, call)
        return call


# A macro call costs a third of rendering a template: per-item fragments (a card, a tile, a
# cell) are macros, called from Python.
@cache
def macros(name: str, *, kept: bool = False) -> Macros:
    """The macros of `templates/fragments/<name>.html.j2` (raw HTML, one line each).

    Args:
        kept: keep each result for its arguments (hashable, plain values), for pieces that
            repeat across a render: one day, status or wait on several lists, the viewer's
            controls on every page with a viewer.
    """
    return Macros(_template(f"fragments/{name}{FRAGMENT}").module, kept=kept)


@cache
def markdown_macros(name: str) -> Macros:
    """The macros of `templates/fragments/<name>.md.j2` (Markdown)."""
    return Macros(_template(f"fragments/{name}.md.j2").module)
