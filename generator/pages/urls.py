"""Where generated pages live and how one page addresses another file of the site.

Markdown links (`[x](../services/sora.md)`) are rewritten by the site builder, but raw HTML
(`<video src>`, `<source>`, `poster`) is not, so those URLs are made relative to where a page is
*served*: `trials/foo.md` is served at `trials/foo/` with directory URLs, `trials/foo.html`
without.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

from ..media.renditions import Rendition

_MARKDOWN = frozenset({"md", "markdown", "mdown", "mkdn", "mkd"})
"""Suffixes MkDocs reads as Markdown pages."""


def entry_page(slug: str) -> str:
    """Docs path of an entry page."""
    return f"trials/{slug}.md"


def comparison_page(slug: str) -> str:
    """Docs path of a comparison page."""
    return f"compare/{slug}.md"


def service_page(key: str) -> str:
    """Docs path of a service page."""
    return f"services/{key}.md"


def service_history_page(key: str) -> str:
    """Docs path of every attempt of a service, for services with more than a page shows."""
    return f"services/{key}/attempts.md"


def report_page(month: str) -> str:
    """Docs path of a monthly report (`YYYY-MM`)."""
    return f"reports/{month}.md"


def trials_page(number: int) -> str:
    """Docs path of one page of the list of all trials (1-based)."""
    return "trials/index.md" if number == 1 else f"trials/page-{number}.md"


def markdown_link(source: str, target: str) -> str:
    """A Markdown link target from one docs file to another (the builder rewrites it)."""
    return relative_path(target, posixpath.dirname(source) or ".")


@lru_cache(maxsize=1 << 16)
def relative_path(target: str, start: str) -> str:
    """`posixpath.relpath` for site-relative paths, without asking the OS for the cwd.

    Pages link to each other hundreds of thousands of times in a large magazine, and
    `relpath` makes both paths absolute (a `getcwd` call each) before comparing them; most
    of those links are the same few thousand (a page's folder to a service, a month, a list
    page), so the answers are kept.
    """
    there = [part for part in target.split("/") if part and part != "."]
    here = [part for part in start.split("/") if part and part != "."]
    if ".." in there or ".." in here or target.startswith("/") or start.startswith("/"):
        return posixpath.relpath(target, start)
    common = 0
    for a, b in zip(there, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


@dataclass(frozen=True)
class SiteUrls:
    """Served addresses of docs files, and URLs between them for raw HTML."""

    directory_urls: bool = True
    media_base_url: str | None = None
    site_url: str | None = None

    def served(self, docs_path: str) -> str:
        """The URL path a docs file is served at, relative to the site root."""
        if not docs_path.endswith(".md"):
            return docs_path
        stem = docs_path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def output(self, docs_path: str) -> str:
        """The file a docs file becomes in the built site: `trials/a.md` → `trials/a/index.html`.

        Two docs files with one output file (`leaderboard.md` and `leaderboard/index.md`)
        would silently replace each other, so clashes are looked for on this path.
        """
        stem, dot, suffix = docs_path.rpartition(".")
        if not dot or suffix.lower() not in _MARKDOWN:
            return docs_path
        folder, _, name = stem.rpartition("/")
        if name.lower() == "readme":  # MkDocs serves README.md as its folder's index
            stem = f"{folder}/index" if folder else "index"
        served = self.served(stem + ".md")
        return served + "index.html" if not served or served.endswith("/") else served

    def relative(self, page: str, target: str) -> str:
        """URL of `target` (a docs path) from the served location of `page`."""
        here = self.served(page)
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        there = self.served(target)
        rel = relative_path(there or ".", base.rstrip("/") or ".")
        if there.endswith("/") or not there:
            rel = rel.rstrip("/") + "/" if rel != "." else "./"
        return rel

    def media(self, page: str, rendition: Rendition) -> str:
        """URL of a rendition: on the media host when one is set, else relative to the page."""
        if self.media_base_url:
            return self.media_base_url + rendition.url_path.lstrip("/")
        return self.relative(page, rendition.url_path.lstrip("/"))

    def absolute(self, docs_path: str) -> str | None:
        """Absolute URL of a docs file when the site URL is known."""
        if not self.site_url:
            return None
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base + self.served(docs_path)

    def shared(self, rendition: Rendition) -> str:
        """A rendition's address for link previews (Open Graph): on the media host, else
        absolute under the site URL, else relative to the site root (the theme prefixes the
        page's way back to the root; previews need the site URL to be set)."""
        path = rendition.url_path.lstrip("/")
        if self.media_base_url:
            return self.media_base_url + path
        if self.site_url:
            base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
            return base + path
        return path
