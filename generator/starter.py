"""`magazine init`: a magazine of one's own that builds at once.

It writes mkdocs.yml (Material, the language, the zone; `site_url` left to the publishing
workflow), `entries/services.yml` with the common services ready to uncomment,
`entries/schema.json`, `docs/index.md` with the `<!-- magazine:… -->` markers, `.gitignore`
and the GitHub Actions workflow. A folder that already holds a magazine is refused; a
`.gitignore` or workflow of the writer's own is kept and named.
"""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .atomic import write_file
from .errors import UsageError
from .messages import Message
from .schema import SCHEMA_FILE, schema_text
from .source.config import CONFIG_NAMES
from .source.yamlsource import unprintable

TITLES = {"ko": "생성 AI 체험기", "en": "Hands-on generative AI"}

_MKDOCS = """\
# The magazine's settings. `magazine build` reads this file, adds the generated pages and
# builds the site into site/. Settings of the generator itself live under extra.magazine.
site_name: {title}
# site_url: https://YOUR-NAME.github.io/YOUR-REPO/   # the publishing workflow passes it
docs_dir: docs
theme:
  name: material
  language: {language}
  features:
    - navigation.sections
    - navigation.indexes
    - navigation.top
    - search.suggest
    - search.highlight
    - content.code.copy
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: deep purple
      accent: amber
      toggle: {{icon: material/weather-night, name: {dark}}}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: deep purple
      accent: amber
      toggle: {{icon: material/weather-sunny, name: {light}}}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
plugins:
  - search
  - tags
extra:
  magazine:
    timezone: {timezone}   # times written without a UTC offset are read in this zone
"""

_SERVICES = """\
# The services this magazine tries. Keys are used in entries (`service: sora`).
# Uncomment the ones you use (remove the `# ` at the start of their lines) or add your own:
# key:
#   name: shown name
#   vendor: who makes it
#   url: https://...
#   kind: video          # video | image
#   changes:             # dated changes you observed, oldest first; access is one of
#                        # free, paid, waitlist, invite, closed
#     - {date: 2025-01-01, access: free, note: what changed}
#
# sora:
#   name: Sora
#   vendor: OpenAI
#   url: https://openai.com/sora
#   kind: video
# kling:
#   name: Kling
#   vendor: Kuaishou
#   url: https://klingai.com
#   kind: video
# veo:
#   name: Veo
#   vendor: Google
#   url: https://deepmind.google/technologies/veo/
#   kind: video
# runway:
#   name: Runway
#   vendor: Runway
#   url: https://runwayml.com
#   kind: video
# pika:
#   name: Pika
#   vendor: Pika Labs
#   url: https://pika.art
#   kind: video
# hailuo:
#   name: Hailuo
#   vendor: MiniMax
#   url: https://hailuoai.video
#   kind: video
# luma:
#   name: Luma Dream Machine
#   vendor: Luma AI
#   url: https://lumalabs.ai
#   kind: video
# midjourney:
#   name: Midjourney
#   vendor: Midjourney, Inc.
#   url: https://www.midjourney.com
#   kind: image
"""

_INDEX = {
    "ko": """\
# {title}

같은 프롬프트를 여러 생성 AI 서비스에 보내고, 기다리고, 받은 것을 기록합니다.

<!-- magazine:lead -->

## 최근 체험기

<!-- magazine:latest -->

<!-- magazine:waiting -->
""",
    "en": """\
# {title}

The same prompt sent to several generative AI services: how long they promised, how long they
took, and what came back.

<!-- magazine:lead -->

## Latest trials

<!-- magazine:latest -->

<!-- magazine:waiting -->
""",
}

_GITIGNORE = """\
# what `magazine build` makes: the site and the cache folder
/site/
/.magazine/
"""

WORKFLOW = """\
# Builds the magazine on every push to main and publishes it with GitHub Pages.
# Settings → Pages → Source: "GitHub Actions".
name: publish

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One publication at a time; a newer push waits instead of cancelling a deployment half-way.
concurrency:
  group: pages
  cancel-in-progress: false

env:
  # What pip installs to get the `magazine` command: the generator's package, or
  # git+https://github.com/OWNER/REPO of the generator's repository.
  GENERATOR: hands-on-magazine

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"

      - name: Install the generator
        run: pip install "$GENERATOR"

      # Downloads and transcodes are cached by content: a new entry only adds to the cache.
      - name: Restore archived clips and renditions
        uses: actions/cache@v4
        with:
          path: |
            .magazine/archive
            .magazine/renditions
          key: CACHE_KEY
          restore-keys: |
            media-${{ runner.os }}-${{ hashFiles('magazine.lock') }}-
            media-${{ runner.os }}-

      # The address Pages serves the site at: the feed, sitemap, 404 page and link previews
      # need it.
      - uses: actions/configure-pages@v5
        id: pages

      - name: Build
        run: magazine build --site-url "${{ steps.pages.outputs.base_url }}/"

      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

# The cache key is long; ruff measures this module's lines, GitHub does not mind.
_CACHE_KEY = (
    "media-${{ runner.os }}-${{ hashFiles('magazine.lock') }}-${{ hashFiles('entries/**') }}"
)
WORKFLOW = WORKFLOW.replace("CACHE_KEY", _CACHE_KEY)


def start_magazine(
    folder: Path, *, language: str = "ko", timezone: str = "Asia/Seoul", title: str | None = None
) -> list[str]:
    """Write a new magazine into `folder` (made when missing); return the lines to print.

    Raises:
        UsageError: the folder holds a magazine already, or an option is wrong.
    """
    if language not in TITLES:
        raise UsageError(Message("init.lang", value=repr(language)))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(Message("init.timezone", value=repr(timezone))) from None
    name = " ".join((title or TITLES[language]).split())
    if not name or unprintable(name) is not None:
        raise UsageError(Message("init.title"))
    if folder.exists() and not folder.is_dir():
        raise UsageError(Message("init.file", folder=str(folder)))
    for existing in (*CONFIG_NAMES, "entries", "docs"):
        if (folder / existing).exists():
            raise UsageError(
                Message("init.exists", existing=str(folder / existing), folder=str(folder))
            )
    dark, light = ("어두운 화면", "밝은 화면") if language == "ko" else ("Dark mode", "Light mode")
    files = {
        "mkdocs.yml": _MKDOCS.format(
            title=json.dumps(name, ensure_ascii=False),
            language=language,
            timezone=timezone,
            dark=dark,
            light=light,
        ),
        "entries/services.yml": _SERVICES,
        f"entries/{SCHEMA_FILE}": schema_text(),
        "docs/index.md": _INDEX[language].format(title=name),
        ".gitignore": _GITIGNORE,
        ".github/workflows/publish.yml": WORKFLOW,
    }
    lines = []
    for rel, text in files.items():
        path = folder / rel
        if path.exists():
            hint = Message("init.gitignore" if rel == ".gitignore" else "init.workflow")
            lines.append(Message("init.kept", path=rel, hint=hint).render(language))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, text, exclusive=True)
        lines.append(Message("init.wrote", path=rel).render(language))
    lines.append(Message("init.next").render(language))
    return lines
