"""Jinja2 templates to Markdown: the one place that imports jinja2.

The environment is strict (`StrictUndefined`: a typo fails the build instead of rendering an empty
cell) and does not autoescape HTML, since the output is Markdown. Instead every `{{ value }}` is
finalised here: `escape.Safe` strings pass unchanged, numbers print as themselves, and any other
string is escaped with `escape.text`, so untrusted text is inert unless a view deliberately
prepared it for its place (a prompt fence, sanitised notes, a checked URL).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import jinja2

from . import escape


def _finalize(value: Any) -> str:
    if isinstance(value, escape.Safe):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean reached a template output; format it with a label")
    if isinstance(value, int | float | Decimal):
        return str(value)
    if value is None:
        raise TypeError("None reached a template output; guard it with {% if %}")
    return escape.text(value)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        # The templates ship with the package: no need to look at their files before each use.
        auto_reload=False,
    )


def render_template(name: str, **context: Any) -> str:
    """Render `templates/<name>.md.j2` with a context of views and labels.

    Raises:
        jinja2.TemplateError: a bug in a template (never the writer's content).
    """
    return _environment().get_template(f"{name}.md.j2").render(**context)
