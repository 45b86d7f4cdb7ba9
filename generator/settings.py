"""Every setting and its default, in one place.

A magazine sets these under `extra.magazine` in its mkdocs.yml; the site language is
`theme.language`. Unknown keys are errors, like in entries.

```yaml
extra:
  magazine:
    timezone: Asia/Seoul          # read offset-less timestamps in this zone; dates shown in it
    allow_http: false             # accept http:// clip URLs (https:// always)
    media_base_url: null          # serve renditions from another host, e.g. https://media.example/
    media_store: null             # the bucket behind it, s3://BUCKET/PREFIX (`magazine media push`)
    media: {max_height: 720, crf: 23}
    fetch: {concurrency: 4, deadline: 600}
    limits: {site_bytes: 1000000000, file_bytes: 104857600, notes_chars: 100000, tags: 50}
```
"""

from __future__ import annotations

import difflib
import re
from datetime import tzinfo
from pathlib import Path, PurePosixPath
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .addresses import address_problem
from .messages import Message, MessageError


def _check_base_address(value: str) -> None:
    """Refuse an address pages are published under (see `address_problem`)."""
    wrong = address_problem(value, base=True)
    if wrong:
        raise MessageError(wrong)


LANGUAGES = ("ko", "en")
"""The values of `theme.language` the generator has words for."""

_LANGUAGE_GUESSES = {
    **dict.fromkeys(("kr", "kor", "korean", "ko-kr", "kr-ko", "한국어", "ko_kr"), "ko"),
    **dict.fromkeys(("eng", "english", "en-us", "en-gb", "us", "uk", "gb"), "en"),
}
"""What writers type for the two languages instead of their codes."""


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MediaSettings(_Section):
    """How clips become web renditions."""

    max_width: int = Field(1280, ge=16, description="Largest width of the MP4 rendition.")
    max_height: int = Field(720, ge=16, description="Largest height of the MP4 rendition.")
    crf: int = Field(23, ge=0, le=51, description="x264 constant rate factor (lower = better).")
    preset: str = Field("medium", description="x264 preset.")
    max_bitrate: str = Field("4M", description="Peak video bitrate cap (x264 -maxrate).")
    audio_bitrate: str = Field("128k", description="AAC bitrate when the clip has sound.")
    preview_seconds: float = Field(4.0, gt=0, description="Length of the muted card preview.")
    preview_height: int = Field(240, ge=16, description="Height of the card preview.")
    sheet_frames: int = Field(12, ge=2, le=64, description="Frames on the contact sheet.")
    sheet_columns: int = Field(4, ge=1, le=16, description="Columns of the contact sheet.")
    image_max_width: int = Field(1600, ge=16, description="Largest width of web images.")
    still_widths: tuple[Annotated[int, Field(ge=16, le=8192)], ...] = Field(
        (320, 640, 1280),
        min_length=1,
        description="Widths of the WebP stills a video's poster (and a still image) is also "
        "made at, for pages to choose from (`srcset`); never wider than the poster or image.",
    )
    still_quality: int = Field(80, ge=1, le=100, description="WebP quality of those stills.")
    ffmpeg: str | None = Field(
        None, description="Path of the ffmpeg binary (default: IMAGEIO_FFMPEG_EXE or the wheel's)."
    )
    timeout: float = Field(600, gt=0, description="Seconds one ffmpeg run may take.")
    jobs: int | None = Field(None, ge=1, description="Parallel ffmpeg runs (default: cores).")
    measure: bool = Field(
        True,
        description="Measure every clip (frame rate really delivered, frozen stretches, "
        "motion, detail, sharpness, flicker and flash risk, exposure, colour, black frames, "
        "letterboxing, cuts) and show the measurements beside the writer's ratings.",
    )


class FetchSettings(_Section):
    """How remote clips are downloaded."""

    concurrency: int = Field(4, ge=1, le=32, description="Downloads at once.")
    connect_timeout: float = Field(10, gt=0, description="Seconds to connect.")
    read_timeout: float = Field(30, gt=0, description="Seconds without a byte before giving up.")
    deadline: float = Field(600, gt=0, description="Seconds one file may take in total.")
    max_bytes: int = Field(2 * 1024**3, gt=0, description="Largest file accepted.")
    retries: int = Field(4, ge=0, le=10, description="Retries after 429, 5xx or a lost connection.")
    backoff: float = Field(1.0, ge=0, description="First retry delay in seconds (doubles).")
    max_retry_after: float = Field(120, ge=0, description="Longest Retry-After honoured.")


class LimitSettings(_Section):
    """What the published site may weigh (GitHub Pages by default), and what one entry may ask.

    The second group bounds the work any input can cause: each is reported as a located
    problem (by `magazine check`, or for clips by the build, which probes them) instead of a
    build that runs for hours or takes all the memory.
    """

    site_bytes: int = Field(1_000_000_000, gt=0, description="Whole site.")
    file_bytes: int = Field(100 * 1024**2, gt=0, description="Any one file.")
    entry_bytes: int = Field(
        1_000_000, gt=0, description="Largest entry or registry file read (bytes)."
    )
    text_chars: int = Field(
        1_000,
        gt=0,
        description="Longest one-line field: title, model, prompt_source, verdict, caption, "
        "cost unit, each tag.",
    )
    prompt_chars: int = Field(20_000, gt=0, description="Longest prompt (characters).")
    notes_chars: int = Field(100_000, gt=0, description="Longest notes (characters).")
    tags: int = Field(50, gt=0, description="Most tags on one entry.")
    clips: int = Field(50, gt=0, description="Most clips on one entry.")
    clip_seconds: float = Field(
        600, gt=0, description="Longest clip (seconds); longer ones are refused, not transcoded."
    )
    pixels: int = Field(
        50_000_000,
        gt=0,
        description="Largest picture (width × height) of an image or video, refused before "
        "it is decoded (a small file can declare a huge picture).",
    )


class StoreSettings(_Section):
    """How `magazine media push` talks to the media store (`media_store`)."""

    concurrency: int = Field(8, ge=1, le=64, description="Uploads at once.")
    retries: int = Field(4, ge=0, le=10, description="Retries after 429, 5xx or a lost connection.")
    backoff: float = Field(1.0, ge=0, description="First retry delay in seconds (doubles).")
    connect_timeout: float = Field(10, gt=0, description="Seconds to connect.")
    read_timeout: float = Field(60, gt=0, description="Seconds without an answer before giving up.")
    multipart_bytes: int = Field(
        64 * 1024**2, ge=5 * 1024**2, description="Files this large or larger go up in parts."
    )
    part_bytes: int = Field(
        16 * 1024**2,
        ge=5 * 1024**2,
        le=5 * 1024**3,
        description="Size of one part of a multipart upload (S3 allows 5 MiB to 5 GiB).",
    )


_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


def store_address(value: str) -> tuple[str, str]:
    """(bucket, key prefix ending in `/` or empty) of an `s3://BUCKET/PREFIX` address.

    Raises:
        ValueError: not such an address; the message never repeats the value, which may hold
            a secret the writer pasted by mistake.
    """
    try:
        parts = urlsplit(value)
    except ValueError:
        raise MessageError(Message("store.address")) from None
    if parts.scheme != "s3":
        raise MessageError(Message("store.address"))
    if "@" in parts.netloc or ":" in parts.netloc:
        raise MessageError(Message("store.credentials"))
    if parts.query or parts.fragment or "?" in value or "#" in value:
        raise MessageError(Message("store.query"))
    if not _BUCKET.match(parts.netloc):
        raise MessageError(Message("store.bucket"))
    segments = [segment for segment in parts.path.split("/") if segment]
    if any(segment in (".", "..") for segment in segments) or "//" in parts.path.strip("/"):
        raise MessageError(Message("store.prefix"))
    return parts.netloc, "".join(f"{segment}/" for segment in segments)


class Settings(_Section):
    """Magazine-wide settings (`extra.magazine`) plus what the builder reads from mkdocs.yml."""

    site_name: str = Field("Magazine", description="From mkdocs.yml `site_name`.")
    site_url: str | None = Field(
        None,
        description="From mkdocs.yml `site_url`: http(s), a host, percent-encoded, no "
        "user:password@, no query or fragment (page paths are appended to it).",
    )
    language: str = Field("en", description="From mkdocs.yml `theme.language`.")
    use_directory_urls: bool = Field(
        True,
        description="From mkdocs.yml `use_directory_urls`: pages served as `x/` or `x.html` "
        "(raw HTML such as <video> needs URLs relative to where a page is served).",
    )
    timezone: str | None = Field(None, description="IANA zone, e.g. Asia/Seoul.")
    allow_http: bool = Field(False, description="Accept http:// clip URLs.")
    media_base_url: str | None = Field(
        None,
        description="Serve renditions from this URL instead of the site itself; checked like "
        "site_url.",
    )
    media_store: str | None = Field(
        None,
        description="The S3-compatible bucket and prefix (s3://BUCKET/PREFIX) that "
        "media_base_url serves; `magazine media push` uploads there. Credentials and endpoint "
        "come from the AWS SDK's usual places (environment, profiles), never from here.",
    )
    docs_dir: str = Field("docs", description="From mkdocs.yml `docs_dir`: the writer's pages.")
    site_dir: str = Field("site", description="From mkdocs.yml `site_dir`: the built site.")
    entries_dir: str = Field("entries", description="Folder of entries and registries.")
    cache_dir: str = Field(".magazine", description="Archive, renditions, staging (git-ignored).")
    lock_file: str = Field("magazine.lock", description="Record of fetched URLs (committed).")
    lock_wait: float = Field(
        600,
        ge=0,
        description="Seconds build, fetch, serve or deploy waits for another one using the "
        "cache folder before giving up (0: give up at once).",
    )
    media: MediaSettings = MediaSettings()
    fetch: FetchSettings = FetchSettings()
    limits: LimitSettings = LimitSettings()
    store: StoreSettings = StoreSettings()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise MessageError(Message("settings.timezone", name=repr(value))) from exc
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        # Every word the generator writes exists in these; Material would also fail on an
        # unknown code (`kr`), deep in a template, as a traceback.
        if value not in LANGUAGES:
            guess = _LANGUAGE_GUESSES.get(value.strip().casefold().replace("_", "-"))
            if guess is None:
                guess = next(iter(difflib.get_close_matches(value, LANGUAGES, n=1, cutoff=0.5)), "")
            if guess:
                hint = Message("hint.did_you_mean", near=repr(guess))
                raise MessageError(Message("settings.language_near", hint=hint))
            raise MessageError(Message("settings.language"))
        return value

    @field_validator("media_base_url")
    @classmethod
    def _https_base(cls, value: str | None) -> str | None:
        if value is not None:
            _check_base_address(value)
        return value if value is None or value.endswith("/") else value + "/"

    @field_validator("site_url")
    @classmethod
    def _site_address(cls, value: str | None) -> str | None:
        # MkDocs treats an empty site_url as none; anything else is published on every page.
        if value:
            _check_base_address(value)
        return value

    @field_validator("media_store")
    @classmethod
    def _s3_address(cls, value: str | None) -> str | None:
        if value is None:
            return None
        bucket, prefix = store_address(value)
        return f"s3://{bucket}/{prefix}"

    @model_validator(mode="after")
    def _cache_apart(self) -> Settings:
        # The build writes into the cache folder freely: it must be a folder of its own.
        cache = PurePosixPath(self.cache_dir.replace("\\", "/"))
        if cache.is_absolute() or not cache.parts or ".." in cache.parts:
            message = Message("settings.cache_inside", value=repr(self.cache_dir))
            raise MessageError(message, field="cache_dir")
        for name in ("docs_dir", "entries_dir"):
            other = PurePosixPath(str(getattr(self, name)).replace("\\", "/"))
            if cache == other or other in cache.parents or cache in other.parents:
                message = Message(
                    "settings.cache_overlaps",
                    value=repr(self.cache_dir),
                    name=name,
                    other=repr(str(other)),
                )
                raise MessageError(message, field="cache_dir")
        return self

    @property
    def tzinfo(self) -> tzinfo | None:
        """The zone as a tzinfo, or None when the magazine sets none."""
        return ZoneInfo(self.timezone) if self.timezone else None

    @property
    def store_bucket_prefix(self) -> tuple[str, str] | None:
        """(bucket, key prefix) of `media_store`, or None when the media stays in the site."""
        return store_address(self.media_store) if self.media_store else None

    def cache_path(self, root: Path) -> Path:
        """The git-ignored folder for everything the build makes."""
        return root / self.cache_dir
