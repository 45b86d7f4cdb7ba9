"""Make writer- and server-supplied strings inert where they land in a generated page.

Every untrusted string passes through exactly one function here, chosen for its destination:

- `text`: inline Markdown or HTML text and attribute values (titles, verdicts, captions, tags).
  ASCII punctuation becomes numeric character references, which Markdown never reads as syntax
  (`#` headings, `{: onclick=...}` attribute lists, `[...](javascript:...)` links, backticks,
  `|` table cells) and HTML never reads as markup; whitespace collapses to single spaces so a
  newline cannot start a heading, list or setext underline.
- `attribute_text`: writer text kept exactly, line breaks too, in an HTML attribute (the prompt
  an entry page's copy button copies; the page shows its `paragraphs` through `text`).
- `notes`: Markdown rendered to HTML, cleaned by an allow-list and emitted as one raw HTML line
  that Markdown passes through untouched.
- `url`: an http(s) address for an `href`, or None.
- `front_matter`: a YAML double-quoted scalar for page front matter, HTML-escaped because the
  theme prints titles and tags without escaping them.

`Safe` marks a string as already prepared; the template renderer escapes every other string
with `text`, and so does `fill`, which puts arguments into a little Markdown or HTML written in
Python (`fill("[{}]({})", title, Safe(target))`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache, lru_cache
from urllib.parse import quote, urlsplit, urlunsplit

import markdown
import nh3


class Safe(str):
    """A string already prepared for the place it lands in; the renderer emits it unchanged."""

    __slots__ = ()


# C0/C1 controls except tab and newline. STX/ETX matter most: Python-Markdown uses them to
# delimit its placeholders for stashed raw HTML, so a writer's STX...ETX could forge one.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PUNCTUATION = frozenset("!\"#$%&'()*+-.:<=>@[\\]^_`{|}~")
_REFERENCES = str.maketrans({c: f"&#{ord(c)};" for c in _PUNCTUATION})
_NOTE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "kbd",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_NOTE_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
_NOTE_SCHEMES = frozenset({"http", "https", "mailto"})


def strip_controls(value: str) -> str:
    """Drop control characters (keeping tab and newline) and normalise line ends."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 forbids anywhere in a document, even as references."""


def xml_chars(value: str) -> str:
    """Drop the characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates)."""
    return _NOT_XML.sub("", value)


def text(value: object) -> Safe:
    """Inline text for Markdown or HTML: punctuation as character references, one line."""
    return _text(str(value))


# Labels, service names and dates repeat on every page: a page of a large magazine escapes
# about a hundred strings, most of them seen before.
@lru_cache(maxsize=65536)
def _text(value: str) -> Safe:
    flat = " ".join(strip_controls(unicodedata.normalize("NFC", value)).split())
    return Safe(flat.translate(_REFERENCES))


def fill(template: str, /, *args: object) -> Safe:
    """`template`, Markdown or HTML the generator wrote, with each `{}` filled by an argument
    escaped with `text` unless it is already prepared (`Safe`).

    What markupsafe's `Markup.format` does for HTML, with this module's escaping, so a piece
    left unescaped by mistake is escaped anyway. Arguments are escaped before they are put in
    (with `str.format`: links and cells fill hundreds of thousands of these in a large
    magazine), so a format spec meets text: format numbers before passing them.
    """
    return Safe(template.format(*[a if isinstance(a, Safe) else _text(str(a)) for a in args]))


# Notes are the longest text an entry page renders; the preview renders an entry's page again
# whenever another attempt at its prompt changes, with the same notes.
@lru_cache(maxsize=4096)
def notes(value: str, language: str | None = None) -> Safe:
    """Writer Markdown as sanitised HTML on one line, in a block Markdown leaves alone.

    Images are not allowed: a page must never load anything from a third-party host. With
    `language`, the block says which language its text is in (`lang`).

    A raw `<div>` without a `markdown` attribute is already left alone by `md_in_html`; a
    `markdown="0"` would be copied into the page, where it is not valid HTML.
    """
    source = strip_controls(value)
    rendered = plain_paragraphs(source)
    if rendered is None:
        rendered = _notes_markdown().reset().convert(source)
    clean = nh3.clean(
        rendered,
        tags=set(_NOTE_TAGS),
        attributes={tag: set(names) for tag, names in _NOTE_ATTRIBUTES.items()},
        url_schemes=set(_NOTE_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # One physical line: no blank line can end the raw block early, in any Markdown parser.
    one_line = clean.strip().replace("\n", "&#10;")
    if language:
        return fill(
            '<div class="magazine-notes" lang="{}">{}</div>', attribute(language), Safe(one_line)
        )
    return fill('<div class="magazine-notes">{}</div>', Safe(one_line))


_NOT_PLAIN = re.compile(r"[\\`*_\[\]<>&|~{}]|[^\S \n]|^[ #>+=\-\d]| $", re.MULTILINE)
"""What could make Markdown read a note as more than paragraphs of text: inline syntax
anywhere, and at the start of a line a heading, quote, list, rule, setext underline or
indented code; a trailing space (two make a line break); any white space but the space and
the line end (a tab is expanded, other spaces are stripped from a paragraph's ends)."""


def plain_paragraphs(source: str) -> str | None:
    """The HTML Markdown makes of prose with no Markdown in it, or None for any other text.

    Most notes are paragraphs of plain prose, and converting those through Markdown was the
    largest single cost of rendering a large magazine. For this text the result is known:
    blocks between blank lines become paragraphs, each kept line for line. Anything that could
    read otherwise goes through Markdown (`tests/test_pages_escape.py` holds the two equal).
    """
    if _NOT_PLAIN.search(source):
        return None
    blocks = [block for block in re.split(r"\n{2,}", source.strip("\n")) if block]
    return "\n".join(f"<p>{block}</p>" for block in blocks)


@cache
def _notes_markdown() -> markdown.Markdown:
    # One converter for every entry (reset between pages): building one costs more than
    # converting a typical note. Pages are rendered in one thread.
    return markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"])


def url(value: str | None) -> Safe | None:
    """An http(s) URL escaped for an HTML attribute, or None for anything else."""
    if not value:
        return None
    raw = strip_controls(value).strip()
    if any(c.isspace() for c in raw):
        return None
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    safe_chars = "/:@!$&'()*+,;=-._~%?#[]"
    rebuilt = urlunsplit(
        (
            parts.scheme.lower(),
            parts.netloc,
            quote(parts.path, safe=safe_chars),
            quote(parts.query, safe=safe_chars),
            quote(parts.fragment, safe=safe_chars),
        )
    )
    return Safe(html.escape(rebuilt, quote=True))


def attribute(value: str) -> Safe:
    """A generator-made value (a relative URL, a number) escaped for an HTML attribute."""
    return Safe(html.escape(strip_controls(value), quote=True))


def attribute_text(value: str) -> Safe:
    """Writer text kept exactly (line breaks too) in an HTML attribute, on one line.

    For a value a script reads back as written (the prompt a copy button copies): newlines
    become `&#10;`, so the raw HTML around it stays on one line, which Markdown passes through.
    """
    return Safe(html.escape(strip_controls(value), quote=True).replace("\n", "&#10;"))


def paragraphs(value: str) -> list[str]:
    """The paragraphs of plain writer text: the blocks between blank lines, not yet escaped.

    Lines within a block are the writer's (or YAML's) hard wraps; `text` joins them, so a
    paragraph reads as prose and wraps to the reader's screen.
    """
    blocks = re.split(r"\n[^\S\n]*\n", strip_controls(value).strip("\n"))
    return [block for block in blocks if block.strip()]


def front_matter(value: str) -> str:
    """A YAML double-quoted scalar whose text is HTML-escaped and on one line."""
    flat = " ".join(strip_controls(unicodedata.normalize("NFC", value)).split())
    escaped = html.escape(flat, quote=True)
    if escaped.isprintable() and "\\" not in escaped:  # `"` is already `&quot;`
        return f'"{escaped}"'
    out = ['"']
    for char in escaped:
        if char in '"\\':
            out.append("\\" + char)
        elif not char.isprintable():
            out.append(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
