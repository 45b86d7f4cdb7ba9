"""Theme overrides the magazine adds to Material: link-preview cards and a localised footer.

MkDocs takes one `theme.custom_dir`. The build fills a folder in the cache with the writer's
own custom_dir (when there is one) and adds its templates only where the writer has none, so a
writer's `main.html` or `partials/copyright.html` always wins. Both MkDocs and Zensical read
`custom_dir` from the derived mkdocs.yml.

- `main.html` extends Material's `base.html` and fills its empty `extrahead` block with Open
  Graph and Twitter card metadata: the page title, its description (the verdict on an entry
  page), and the poster when the page's front matter names one (`magazine_image`), else the
  card `sharecards.py` drew for the page; always absolute, so only when `site_url` is set.
  It also names Material's search dialog (which has no accessible name of its own).
- `partials/copyright.html` says "Made with Material for MkDocs" in the site's language
  (Material writes it in English whatever `theme.language` is), in a grey that keeps 4.5:1
  contrast on the footer.
- `fragments/tags/default/listing.html` is the tags plugin's listing with each page's poster
  as a lazy thumbnail beside its title: its WebP widths (`magazine_stills`) in a `srcset`,
  else the link preview's picture (`magazine_image`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..pages.labels import labels_for
from ..pages.pictures import THUMB

MAIN = """\
{#- Written by the magazine build: link previews (Open Graph, Twitter cards). -#}
{% extends "base.html" %}
{% block extrahead %}
  {{ super() }}
  {%- set meta = page.meta if page and page.meta else {} -%}
  {%- if meta.title -%}{%- set card_title = meta.title -%}
  {%- elif page and page.title and not page.is_homepage -%}{%- set card_title = page.title -%}
  {%- else -%}{%- set card_title = config.site_name -%}{%- endif -%}
  {%- set card_text = meta.description or config.site_description or config.site_name -%}
  {%- set card_image = meta.magazine_image or "" -%}
  {#- Plain Jinja that minijinja (Zensical) reads too: no Python string methods. -#}
  {#- Crawlers reject relative images: absolute under site_url, else none at all. A page
      without a poster has a card the build drew (`sharecards.py`) when site_url is set. -#}
  {%- if not card_image and config.site_url and page and page.file -%}
    {%- set card_image = "cards/" ~ page.file.src_uri[:-3] ~ ".png" -%}
  {%- endif -%}
  {%- if card_image and "://" not in card_image -%}
    {%- set card_image = (config.site_url ~ card_image) if config.site_url else "" -%}
  {%- endif %}
  <meta property="og:type" content="{{ 'website' if page and page.is_homepage else 'article' }}">
  <meta property="og:site_name" content="{{ config.site_name | striptags | e }}">
  <meta property="og:title" content="{{ card_title | striptags | e }}">
  <meta property="og:description" content="{{ card_text | striptags | e }}">
  <meta property="og:locale" content="@LOCALE@">
  {%- if page and page.canonical_url %}
  <meta property="og:url" content="{{ page.canonical_url | e }}">
  {%- endif %}
  {%- if card_image %}
  <meta property="og:image" content="{{ card_image | e }}">
  <meta name="twitter:card" content="summary_large_image">
  <meta name="twitter:image" content="{{ card_image | e }}">
  {%- else %}
  <meta name="twitter:card" content="summary">
  {%- endif %}
  <meta name="twitter:title" content="{{ card_title | striptags | e }}">
  <meta name="twitter:description" content="{{ card_text | striptags | e }}">
{% endblock %}
{#- Material's search dialog has no name (axe, Lighthouse: aria-dialog-name): name it. -#}
{% block header %}
  {{ super() | replace('data-md-component="search" role="dialog"',
                        'data-md-component="search" role="dialog" aria-label="@SEARCH@"') }}
{% endblock %}
"""

COPYRIGHT = """\
{#- Written by the magazine build: Material's footer line in the site's language. -#}
{#- Material's grey (--md-footer-fg-color--lighter) is under 4.5:1 on its footer; the lighter
    white it uses for footer links reaches it. -#}
<div class="md-copyright" style="color: var(--md-footer-fg-color--light)">
  {% if config.copyright %}
    <div class="md-copyright__highlight">
      {{ config.copyright }}
    </div>
  {% endif %}
  {% if not config.extra.generator == false %}
    @MADE_WITH@
    <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">
      Material for MkDocs
    </a>
  {% endif %}
</div>
"""

TAG_LISTING = """\
{#- Written by the magazine build: the tags listing, with each trial's poster. -#}
{% macro render(listing) %}
  {{ listing.content }}
  <ul class="magazine-tag-list">
    {% for mapping in listing.mappings %}
      {%- set meta = mapping.item.meta if mapping.item.meta else {} -%}
      {%- set thumb = meta.magazine_image or "" -%}
      {%- if thumb and "://" not in thumb -%}{%- set thumb = base_url ~ "/" ~ thumb -%}{%- endif %}
      {#- The poster's WebP widths (`magazine_stills`, narrowest first), from the site root. -#}
      {%- set stills = meta.magazine_stills or [] %}
      <li>
        <a href="{{ mapping.item.url | url }}">
          {%- if stills %}
          {%- set small = stills | first %}
          <img class="magazine-tag-thumb" src="
                 {%- if '://' not in small.src %}{{ base_url }}/{% endif %}{{ small.src | e }}"
               alt="" loading="lazy" decoding="async"
               srcset="
                 {%- for still in stills -%}
                   {%- if '://' not in still.src %}{{ base_url }}/{% endif -%}
                   {{ still.src | e }} {{ still.width }}w{% if not loop.last %}, {% endif -%}
                 {%- endfor %}"
               sizes="@THUMB_SIZES@" width="{{ small.width }}" height="{{ small.height }}">
          {%- elif thumb %}
          <img class="magazine-tag-thumb" src="{{ thumb | e }}" alt=""
               loading="lazy" decoding="async">
          {%- else %}
          <span class="magazine-tag-thumb magazine-tag-none" aria-hidden="true"></span>
          {%- endif %}
          <span>{{ mapping.item.title }}</span>
        </a>
      </li>
    {% endfor %}
    {% for child in listing %}
      <li class="magazine-tag-child">{{ render(child) }}</li>
    {% endfor %}
  </ul>
{% endmacro %}
{{ render(listing) }}
"""

LISTING_META = ("magazine_image", "magazine_stills")
"""What `TAG_LISTING` shows of a listed page's front matter besides its title and tags: a
page whose tags list it must be shown again in the listings when one of these changes."""

_LOCALES = {"ko": "ko_KR", "en": "en_US"}
_SEARCH = {"ko": "검색", "en": "Search"}
"""The search dialog's name, in the site's language."""


def theme_files(language: str) -> dict[str, str]:
    """The override templates for a site language, by path under the theme folder."""
    labels = labels_for(language)
    locale = _LOCALES.get(labels.language, "en_US")
    return {
        "main.html": MAIN.replace("@LOCALE@", locale).replace(
            "@SEARCH@", _SEARCH.get(labels.language, "Search")
        ),
        "partials/copyright.html": COPYRIGHT.replace("@MADE_WITH@", labels.made_with),
        "fragments/tags/default/listing.html": TAG_LISTING.replace("@THUMB_SIZES@", THUMB),
    }


def write_theme(target: Path, language: str, writer_dir: Path | None) -> None:
    """Fill `target` with the writer's custom_dir, then the magazine's templates it lacks.

    Files are rewritten only when their content changes: the live preview watches the theme
    folder, and rewriting it on every rebuild would trigger the next rebuild.
    """
    wanted: dict[str, bytes] = {}
    if writer_dir is not None and writer_dir.is_dir():
        for path in sorted(writer_dir.rglob("*")):
            if path.is_file():
                wanted[path.relative_to(writer_dir).as_posix()] = path.read_bytes()
    for rel, text in theme_files(language).items():
        wanted.setdefault(rel, text.encode("utf-8"))
    if target.exists():
        for path in sorted(target.rglob("*"), reverse=True):
            rel = path.relative_to(target).as_posix()
            if path.is_file() and rel not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for rel, content in wanted.items():
        path = target / rel
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def folder_digest(folder: Path) -> str:
    """A digest of every file's path and bytes under `folder` (the theme a build renders
    with: a change means every page may look different)."""
    digest = hashlib.blake2b(digest_size=16)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass"))
                digest.update(b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()
