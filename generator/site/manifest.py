"""What the built pages load from the media store: the push manifest a build leaves behind.

With `media_store`, `magazine build` writes `.magazine/media-store.json` after the site is
built: every object the pages reference (their `media_base_url` addresses, found in the
generated files), with its file in the rendition cache, its size and its type. `magazine
media push` uploads exactly these, `media gc` keeps exactly these, and both refuse a manifest
made for another store or base address (build again first).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..atomic import write_file
from ..errors import StoreError, UsageError
from ..generated import GeneratedFile
from ..messages import Message
from ..settings import Settings

MANIFEST_NAME = "media-store.json"

CONTENT_TYPES: Mapping[str, str] = {
    "mp4": "video/mp4",
    "jpg": "image/jpeg",
    "webp": "image/webp",
    "png": "image/png",
    "gif": "image/gif",
}
"""The type of every file the media stage makes, by extension; not the OS's `mimetypes`,
which differs between machines (`.webp` unknown on some, `.ts` a Qt file on others)."""

CACHE_CONTROL = "public, max-age=31536000, immutable"
"""Content-addressed media never changes under its address: caches may keep it a year."""

_MEDIA_PATH = re.compile(r"media/[0-9a-f]{6,64}/[A-Za-z0-9._-]+\.[a-z0-9]+")


@dataclass(frozen=True)
class MediaObject:
    """One file the pages load from the store."""

    path: str  # media/<hash>/<file>: under media_base_url, and the key under the prefix
    file: Path  # the rendition in the cache folder
    size: int
    content_type: str


@dataclass(frozen=True)
class MediaManifest:
    """Everything the last build's pages load from `store` through `base_url`."""

    store: str
    base_url: str
    objects: tuple[MediaObject, ...]

    @property
    def total_bytes(self) -> int:
        """What the store holds for these pages."""
        return sum(item.size for item in self.objects)


def referenced_media(
    base_url: str, files: Iterable[GeneratedFile], renditions: Mapping[str, Path]
) -> dict[str, Path]:
    """The renditions that generated files point at through `base_url`, by site path.

    JSON may write `/` as `\\/`; such text is read with plain slashes.

    Raises:
        StoreError: a page points into the store at a file the media stage did not make.
    """
    found: set[str] = set()
    pattern = re.compile(re.escape(base_url) + "(" + _MEDIA_PATH.pattern + ")")
    for body in files:
        text = body.data.decode("utf-8", "replace")
        if "\\/" in text:
            text = text.replace("\\/", "/")
        if base_url in text:
            found.update(match.group(1) for match in pattern.finditer(text))
    unknown = sorted(found - set(renditions))
    if unknown:
        raise StoreError(Message("store.unknown_media", address=f"{base_url}{unknown[0]}"))
    return {path: renditions[path] for path in sorted(found)}


def media_manifest(settings: Settings, media: Mapping[str, Path]) -> MediaManifest:
    """The manifest of `media` (site path → file) for the store in `settings`.

    Raises:
        StoreError: a file has a type the store is not told how to serve.
    """
    objects = []
    for path, file in sorted(media.items()):
        kind = CONTENT_TYPES.get(PurePosixPath(path).suffix.lstrip(".").lower())
        if kind is None:
            raise StoreError(Message("store.no_content_type", path=path))
        objects.append(MediaObject(path, file, file.stat().st_size, kind))
    return MediaManifest(str(settings.media_store), str(settings.media_base_url), tuple(objects))


def write_manifest(cache: Path, root: Path, manifest: MediaManifest) -> None:
    """Write the manifest into the cache folder atomically (files relative to `root`)."""
    data = {
        "store": manifest.store,
        "base_url": manifest.base_url,
        "objects": [
            {
                "path": item.path,
                "file": item.file.resolve().relative_to(root.resolve()).as_posix(),
                "size": item.size,
                "type": item.content_type,
            }
            for item in manifest.objects
        ],
    }
    write_file(cache / MANIFEST_NAME, json.dumps(data, indent=1, sort_keys=True) + "\n")


def read_manifest(cache: Path, root: Path, settings: Settings) -> MediaManifest:
    """The manifest of the last build, checked against the settings and the cache.

    Raises:
        UsageError: `media_store` is not set.
        StoreError: no build with this store yet, a build for another store or address, or a
            rendition gone from the cache or changed since.
    """
    if not settings.media_store:
        raise UsageError(Message("store.not_set_push"))
    listed = str(cache / MANIFEST_NAME)
    try:
        data = json.loads((cache / MANIFEST_NAME).read_text("utf-8"))
        if data["store"] != settings.media_store or data["base_url"] != settings.media_base_url:
            raise StoreError(Message("store.other_store"))
        objects = tuple(
            MediaObject(
                str(item["path"]), root / str(item["file"]), int(item["size"]), str(item["type"])
            )
            for item in data["objects"]
        )
    except FileNotFoundError:
        raise StoreError(Message("store.no_build", store=str(settings.media_store))) from None
    except (OSError, ValueError, KeyError, TypeError):
        raise StoreError(Message("store.manifest_unreadable", file=listed)) from None
    for item in objects:
        if (
            not _MEDIA_PATH.fullmatch(item.path)
            or CONTENT_TYPES.get(PurePosixPath(item.path).suffix.lstrip(".")) != item.content_type
        ):
            raise StoreError(Message("store.manifest_names", file=listed, path=repr(item.path)))
        try:
            size = item.file.stat().st_size
        except OSError:
            size = -1
        if size != item.size:
            raise StoreError(Message("store.cache_changed", path=item.path))
    return MediaManifest(str(settings.media_store), str(settings.media_base_url), objects)
