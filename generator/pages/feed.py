"""The Atom feed (`feed.xml`) of new and updated entries, newest change first.

Each entry's `updated` is `Entry.last_changed`, never the build clock. Links are absolute when
mkdocs.yml sets `site_url`; otherwise they are relative to the feed (which sits at the site root)
and ids are stable `urn:uuid:` names derived from the slugs, so the feed still validates.
Characters XML 1.0 forbids are dropped from the whole document.
"""

from __future__ import annotations

import heapq
import uuid
import xml.etree.ElementTree as ET

from ..model import Entry, Status
from . import escape, urls
from .context import PageContext

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
FEED_SIZE = 50
"""Entries in the feed."""
_NAMESPACE = uuid.UUID("5b0d5c2e-3f39-4c55-9b1a-6d0c3c7f0a11")


def _link(ctx: PageContext, docs_path: str) -> str:
    return ctx.urls.absolute(docs_path) or ctx.urls.served(docs_path) or "./"


def _id(ctx: PageContext, docs_path: str, name: str) -> str:
    return ctx.urls.absolute(docs_path) or uuid.uuid5(_NAMESPACE, name).urn


def _summary(ctx: PageContext, entry: Entry) -> str:
    L = ctx.labels
    parts = [ctx.groups.service(entry.service).name]
    if entry.status in (Status.DELIVERED, Status.PENDING):
        # Every other status names itself in the wait: `failed after 40 min`, `refused`.
        parts.append(L.status_name(entry.status))
    parts.append(ctx.wait_text(entry))
    if entry.verdict:
        parts.append(entry.verdict)
    return " · ".join(parts)


def feed_entries(ctx: PageContext) -> list[Entry]:
    """The entries the feed lists: the newest changes first."""
    # (moment, slug) never ties, so this is the head of a full sort.
    return heapq.nlargest(FEED_SIZE, ctx.groups.entries, key=lambda e: (e.last_changed, e.slug))


def render_feed(ctx: PageContext, chosen: list[Entry]) -> str:
    """The Atom document of `chosen` (`feed_entries`) as text."""
    ET.register_namespace("", ATOM)
    settings = ctx.magazine.settings
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": settings.language})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = settings.site_name
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _id(ctx, "index.md", f"feed:{settings.site_name}")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": _link(ctx, "index.md")})
    if settings.site_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": _link(ctx, "feed.xml")})
    updated = chosen[0].last_changed.isoformat() if chosen else "1970-01-01T00:00:00+00:00"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = settings.site_name
    for entry in chosen:
        page = urls.entry_page(entry.slug)
        language = {f"{{{XML}}}lang": entry.language} if entry.language else {}
        item = ET.SubElement(feed, f"{{{ATOM}}}entry", language)
        title = ET.SubElement(item, f"{{{ATOM}}}title", {"type": "text"})
        title.text = escape.strip_controls(entry.title)
        ET.SubElement(item, f"{{{ATOM}}}id").text = _id(ctx, page, f"entry:{entry.slug}")
        ET.SubElement(item, f"{{{ATOM}}}link", {"rel": "alternate", "href": _link(ctx, page)})
        ET.SubElement(item, f"{{{ATOM}}}published").text = entry.submitted_at.isoformat()
        ET.SubElement(item, f"{{{ATOM}}}updated").text = entry.last_changed.isoformat()
        for tag in entry.tags:
            ET.SubElement(item, f"{{{ATOM}}}category", {"term": escape.strip_controls(tag)})
        summary = ET.SubElement(item, f"{{{ATOM}}}summary", {"type": "text"})
        summary.text = escape.strip_controls(_summary(ctx, entry))
    ET.indent(feed)
    # ElementTree writes any character it is given; one that XML 1.0 forbids (U+FFFE in a
    # title, a control in the site name) would make the whole feed unreadable to every reader.
    return escape.xml_chars(ET.tostring(feed, encoding="unicode", xml_declaration=True)) + "\n"
