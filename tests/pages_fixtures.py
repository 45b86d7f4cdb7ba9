"""A small magazine built in code, its media index, and Markdown-to-HTML as the site does it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.errors import MediaError
from generator.media.renditions import ClipMedia, ClipRef, MediaFacts, MediaIndex, Rendition, Role
from generator.model import (
    Access,
    Clip,
    Cost,
    Entry,
    Magazine,
    Service,
    ServiceChange,
    group_comparisons,
)
from generator.settings import Settings

SPARKS = (
    "A mesmerizing shower of golden sparks swirls in slow motion against a night sky,\n"
    "slowly forming the silhouette of a person."
)
BOAT = "A paper boat drifts down a rain-soaked street at dusk, reflections of neon signs."
HOSTILE = (
    '<script>alert(1)</script> {: onclick="alert(2)" } [x](javascript:alert(3)) '
    "`tick` ```fence``` <img src=x onerror=alert(4)>"
)
SITE_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]


def at(text: str) -> datetime:
    """An aware moment in Seoul time: `2025-01-03 10:00`."""
    return datetime.fromisoformat(text + "+09:00")


def entry(slug: str, **fields: Any) -> Entry:
    """An entry with sensible defaults; any field can be overridden."""
    values: dict[str, Any] = {
        "title": slug.replace("-", " ").title(),
        "service": "sora",
        "prompt": SPARKS,
        "submitted_at": at("2025-01-03T10:00:00"),
        "status": "delivered",
        "path": f"entries/{slug}.yml",
        "slug": slug,
    }
    values.update(fields)
    return Entry.model_validate(values)


SERVICES = {
    "sora": Service(
        key="sora",
        name="Sora",
        vendor="OpenAI",
        url="https://openai.com/sora",
        description="Text to **video** by OpenAI.",
        changes=(ServiceChange(date=date(2024, 12, 9), access=Access.PAID, note="paid"),),
    ),
    "kling": Service(
        key="kling",
        name="Kling",
        vendor="Kuaishou",
        url="https://klingai.com",
        changes=(
            ServiceChange(date=date(2025, 2, 10), access=Access.FREE, note="free queue shorter"),
        ),
    ),
    "midjourney": Service(key="midjourney", name="Midjourney", kind="image"),
    "veo": Service(key="veo", name="Veo", vendor="Google"),
}


def entries() -> tuple[Entry, ...]:
    """Eight trials over three months: delivered, pending, paywalled, waitlisted, a hostile one."""
    return (
        entry(
            "sparks-sora",
            title="금빛 불꽃이 사람으로",
            model="Sora 1.0",
            plan="paid",
            promised_wait="3h",
            delivered_at=at("2025-01-03T10:40:00"),
            clips=(Clip(file="media/sparks-sora.mp4", caption="첫 결과"),),
            cost=Cost(amount=20, unit="credits"),
            ratings={"quality": 4, "composition": 3, "lighting": 5},
            verdict="느낌은 있는데 인물이 흐려진다",
            notes="Good **sparks**.\n\nSee [the docs](https://example.org/docs).",
            tags=("text-to-video", "slow-motion"),
        ),
        entry(
            "sparks-kling",
            service="kling",
            plan="free",
            submitted_at=at("2025-01-03T10:05:00"),
            promised_wait="3h",
            status="pending",
            checked_at=at("2025-01-05T10:05:00"),
            cost=Cost(amount=10, unit="credits"),
            tags=("text-to-video",),
        ),
        entry(
            "sparks-midjourney",
            service="midjourney",
            submitted_at=at("2025-01-03T10:10:00"),
            status="paywalled",
        ),
        entry(
            "sparks-veo",
            service="veo",
            submitted_at=at("2025-01-03T10:15:00"),
            status="waitlisted",
            checked_at=at("2025-01-04T10:15:00"),
        ),
        entry(
            "boat-sora",
            prompt=BOAT,
            submitted_at=at("2025-02-01T09:00:00"),
            promised_wait="1h",
            delivered_at=at("2025-02-01T11:00:00"),
            clips=(
                Clip(file="media/boat-sora.mp4", stand_in=True),
                Clip(url="https://cdn.example/boat.mp4?sig=SECRET"),
            ),
            cost=Cost(amount=20, unit="credits"),
            ratings={"quality": 5, "composition": 4, "lighting": 4},
            tags=("text-to-video",),
        ),
        entry(
            "boat-kling",
            service="kling",
            prompt=BOAT,
            submitted_at=at("2025-02-01T09:05:00"),
            promised_wait="3h",
            delivered_at=at("2025-02-01T10:05:00"),
            clips=(Clip(file="media/boat-kling.mp4"),),
            cost=Cost(amount=10, unit="credits"),
            ratings={"quality": 3, "composition": 3, "lighting": 2},
        ),
        entry(
            "lantern-sora",
            prompt="Lanterns over a night market.",
            submitted_at=at("2025-03-01T00:30:00"),
            delivered_at=at("2025-03-01T02:30:00"),
            clips=(Clip(file="media/lantern.mp4"),),
            cost=Cost(amount=20, unit="credits"),
            ratings={"quality": 3},
        ),
        entry(
            "hostile-sora",
            title=HOSTILE,
            prompt="Line one\n```\n# not a heading\n````` five\n" + HOSTILE,
            submitted_at=at("2025-02-10T09:00:00"),
            status="failed",
            cost=Cost(amount=20, unit="credits"),
            verdict="# heading?\n===\n" + HOSTILE,
            notes=(
                "<script>alert(5)</script>\n\n[bad](javascript:alert(6)) "
                '<a href="https://ok.example/" onclick="alert(7)">ok</a> '
                '<img src="https://tracker.example/p.gif"> <b style="color:red">b</b>'
            ),
            model="[m](javascript:alert(8))",
            tags=("<b>tag</b>", "x\x02wzxhzdk:0\x03"),
        ),
    )


def media_index() -> MediaIndex:
    """Renditions for the delivered clips; the remote boat clip failed; kling has none."""

    def clip(slug: str, position: int, digest: str, stand_in: bool = False) -> ClipMedia:
        return ClipMedia(
            ref=ClipRef(slug, position),
            source_sha256=digest * 64,
            facts=MediaFacts(
                kind="video",
                width=160,
                height=120,
                duration=2.0,
                fps=25.0,
                codec="h264",
                pix_fmt="yuv420p",
                size_bytes=12345,
            ),
            renditions=(
                Rendition(
                    Role.VIDEO,
                    Path("/cache/v.mp4"),
                    f"media/{digest}/video.mp4",
                    "video/mp4",
                    160,
                    120,
                ),
                Rendition(
                    Role.POSTER, Path("/cache/p.jpg"), f"media/{digest}/poster.jpg", "image/jpeg"
                ),
                Rendition(
                    Role.SHEET,
                    Path("/cache/s.jpg"),
                    f"media/{digest}/sheet.jpg",
                    "image/jpeg",
                    640,
                    360,
                ),
                Rendition(
                    Role.STILL,
                    Path("/cache/still-160.webp"),
                    f"media/{digest}/still-160.webp",
                    "image/webp",
                    160,
                    120,
                ),
            ),
        )

    clips = {
        ClipRef("sparks-sora", 0): clip("sparks-sora", 0, "a"),
        ClipRef("boat-sora", 0): clip("boat-sora", 0, "b"),
        ClipRef("boat-kling", 0): clip("boat-kling", 0, "c"),
    }
    return MediaIndex(
        clips=clips,
        failures={ClipRef("boat-sora", 1): MediaError("download failed <b>503</b>")},
    )


def magazine(language: str = "en", **settings: Any) -> Magazine:
    """The small magazine in a site language."""
    items = entries()
    return Magazine(
        root=Path("/magazine"),
        settings=Settings(language=language, timezone="Asia/Seoul", **settings),
        entries=items,
        services=SERVICES,
        comparisons=group_comparisons(items),
    )


def to_html(text: str) -> BeautifulSoup:
    """Markdown (front matter removed) to HTML with the site's extensions, parsed."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    html = markdown.markdown(text, extensions=SITE_EXTENSIONS)
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def small_magazine() -> Magazine:
    """The small magazine in English."""
    return magazine()


@pytest.fixture
def small_media() -> MediaIndex:
    """Its media index."""
    return media_index()


def later(moment: datetime, hours: float) -> datetime:
    """A moment some hours after another."""
    return moment + timedelta(hours=hours)
