"""`magazine media push` and `media gc`: the media on an S3-compatible store, verified.

A push uploads exactly the objects in the last build's manifest (`manifest`), under the key
prefix of `media_store`: each object whose key already holds the same size and ETag (the MD5
of the bytes, or of the part MD5s for a multipart upload) is left alone, every other one is
sent with a fixed `Content-Type`, `Cache-Control: public, max-age=31536000, immutable` and a
`Content-MD5` the store checks. Uploads run `store.concurrency` at once; a failure worth
another attempt is retried `store.retries` times with doubling waits. Then every object is
looked up again (HEAD): present, the size sent, the type and caching asked. Only a push that
verified everything returns; anything else raises a `StoreError` and the pages are not
published. A push never deletes; `gc` lists what no page references and deletes only on
request.

A push killed at any moment leaves nothing a later push trusts wrongly: a single put is
atomic and checked against its MD5, a multipart upload shows nothing until it is completed,
and the next push compares size and ETag before it skips anything.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import TypeVar

from ..errors import StoreError, TransientStoreError, UsageError
from ..messages import Message
from ..progress import Progress
from ..settings import Settings, StoreSettings
from ..sizes import format_bytes
from .manifest import CACHE_CONTROL, MediaManifest, MediaObject
from .store import ObjectStore, StoredObject

T = TypeVar("T")
R = TypeVar("R")

Sleep = Callable[[float], None]


@dataclass(frozen=True)
class PushReport:
    """What a push did, for the summary line."""

    store: str
    uploaded: int
    uploaded_bytes: int
    present: int
    present_bytes: int
    verified: int


@dataclass(frozen=True)
class Fingerprint:
    """What the store should report for a file: its MD5, and the ETag it gets there."""

    md5: bytes
    etag: str


def open_store(settings: Settings) -> tuple[ObjectStore, str]:
    """The store client and key prefix of `media_store`.

    Raises:
        UsageError: media_store is not set.
    """
    address = settings.store_bucket_prefix
    if address is None:
        raise UsageError(Message("store.not_set"))
    bucket, prefix = address
    return ObjectStore(bucket, settings.store), prefix


def push_media(
    manifest: MediaManifest,
    settings: Settings,
    *,
    progress: Progress,
    sleep: Sleep = time.sleep,
) -> PushReport:
    """Upload what the store lacks of `manifest`, then verify every object of it.

    Raises:
        StoreError: the store refused, failed after every retry, or holds something other
            than what was sent; the message is one line.
    """
    store, prefix = open_store(settings)
    tuning = settings.store
    _retrying(store.check_bucket, tuning, sleep)
    listed = _retrying(lambda: list(store.listing(prefix + "media/")), tuning, sleep)
    held = {item.key: item for item in listed}
    prints = dict(
        zip(
            manifest.objects,
            _each(manifest.objects, lambda item: fingerprint(item, tuning), tuning.concurrency),
            strict=True,
        )
    )
    missing = [
        item
        for item in manifest.objects
        if not _same(held.get(prefix + item.path), item, prints[item])
    ]
    sent = _upload_all(store, prefix, missing, prints, settings, progress, sleep)
    # An object left alone because its bytes matched may still carry an old type or caching.
    wrong = _verify_all(store, prefix, manifest.objects, prints, settings, progress, sleep)
    again = [
        item for item, problem in wrong if item not in sent and problem.key == "store.wrong_type"
    ]
    if again and len(again) == len(wrong):
        sent.update(_upload_all(store, prefix, again, prints, settings, progress, sleep))
        wrong = _verify_all(store, prefix, again, prints, settings, progress, sleep)
    if wrong:
        item, problem = wrong[0]
        where = store.where(prefix + item.path)
        raise StoreError(
            Message("store.wrong_objects", where=where, problem=problem, more=len(wrong) - 1)
            if len(wrong) > 1
            else Message("store.wrong_object", where=where, problem=problem)
        )
    uploaded_bytes = sum(item.size for item in sent)
    return PushReport(
        store=store.where(prefix),
        uploaded=len(sent),
        uploaded_bytes=uploaded_bytes,
        present=len(manifest.objects) - len(sent),
        present_bytes=manifest.total_bytes - uploaded_bytes,
        verified=len(manifest.objects),
    )


def fingerprint(item: MediaObject, tuning: StoreSettings) -> Fingerprint:
    """Hash a file as the store will: one MD5, or the multipart ETag of `part_bytes` parts."""
    whole = hashlib.md5(usedforsecurity=False)
    parts: list[bytes] = []
    with item.file.open("rb") as handle:
        while chunk := handle.read(tuning.part_bytes):
            whole.update(chunk)
            parts.append(hashlib.md5(chunk, usedforsecurity=False).digest())
    if item.size < tuning.multipart_bytes:
        return Fingerprint(whole.digest(), whole.hexdigest())
    joined = hashlib.md5(b"".join(parts), usedforsecurity=False).hexdigest()
    return Fingerprint(whole.digest(), f"{joined}-{len(parts)}")


def unreferenced(
    manifest: MediaManifest, settings: Settings, *, sleep: Sleep = time.sleep
) -> tuple[ObjectStore, list[StoredObject]]:
    """The store's objects under the prefix that no page of the last build references."""
    store, prefix = open_store(settings)
    _retrying(store.check_bucket, settings.store, sleep)
    kept = {prefix + item.path for item in manifest.objects}
    listed = _retrying(lambda: list(store.listing(prefix)), settings.store, sleep)
    return store, [item for item in listed if item.key not in kept]


def delete_objects(
    store: ObjectStore,
    objects: Sequence[StoredObject],
    settings: Settings,
    *,
    progress: Progress,
    sleep: Sleep = time.sleep,
) -> int:
    """Delete `objects` (what `unreferenced` found); the number deleted."""
    task = progress.task(Message("progress.deleting").render(settings.language), len(objects))

    lock = threading.Lock()

    def delete(item: StoredObject) -> None:
        _retrying(lambda: store.delete(item.key), settings.store, sleep)
        with lock:
            task.advance()

    _each(objects, delete, settings.store.concurrency)
    progress.finish(task)
    return len(objects)


def _same(held: StoredObject | None, item: MediaObject, print_: Fingerprint) -> bool:
    return held is not None and held.size == item.size and held.etag == print_.etag


def _upload_all(
    store: ObjectStore,
    prefix: str,
    items: Sequence[MediaObject],
    prints: dict[MediaObject, Fingerprint],
    settings: Settings,
    progress: Progress,
    sleep: Sleep,
) -> set[MediaObject]:
    if not items:
        return set()
    tuning = settings.store
    uploading = Message("progress.uploading", store=store.where(prefix))
    task = progress.task(
        uploading.render(settings.language), sum(i.size for i in items), unit="bytes"
    )
    lock = threading.Lock()

    def upload(item: MediaObject) -> None:
        key = prefix + item.path
        if item.size < tuning.multipart_bytes:
            _retrying(lambda: _put_whole(store, key, item, prints[item]), tuning, sleep)
        else:
            _put_in_parts(store, key, item, tuning, sleep)
        with lock:
            task.advance(item.size)

    _each(items, upload, tuning.concurrency)
    progress.finish(task)
    return set(items)


def _put_whole(store: ObjectStore, key: str, item: MediaObject, print_: Fingerprint) -> None:
    with item.file.open("rb") as body:
        store.put(key, body, item.size, print_.md5, item.content_type, CACHE_CONTROL)


def _put_in_parts(
    store: ObjectStore, key: str, item: MediaObject, tuning: StoreSettings, sleep: Sleep
) -> None:
    upload = _retrying(
        lambda: store.start_parts(key, item.content_type, CACHE_CONTROL), tuning, sleep
    )
    try:
        etags: list[str] = []
        with item.file.open("rb") as handle:
            while data := handle.read(tuning.part_bytes):
                number, md5 = len(etags) + 1, hashlib.md5(data, usedforsecurity=False).digest()
                etags.append(
                    _retrying(
                        lambda: store.put_part(key, upload, number, data, md5),  # noqa: B023
                        tuning,
                        sleep,
                    )
                )
        _retrying(lambda: store.finish_parts(key, upload, etags), tuning, sleep)
    except BaseException:
        store.abort_parts(key, upload)
        raise


def _verify_all(
    store: ObjectStore,
    prefix: str,
    items: Sequence[MediaObject],
    prints: dict[MediaObject, Fingerprint],
    settings: Settings,
    progress: Progress,
    sleep: Sleep,
) -> list[tuple[MediaObject, Message]]:
    """(object, what is wrong) for every object the store does not hold as sent."""
    tuning = settings.store
    task = progress.task(Message("progress.verifying").render(settings.language), len(items))
    lock = threading.Lock()

    def verify(item: MediaObject) -> Message | None:
        found = _retrying(lambda: store.head(prefix + item.path), tuning, sleep)
        with lock:
            task.advance()
        if found is None:
            return Message("store.missing_after")
        if found.size != item.size:
            return Message(
                "store.wrong_size", found=found.size, sent=item.size, size=format_bytes(item.size)
            )
        if found.content_type != item.content_type or found.cache_control != CACHE_CONTROL:
            return Message(
                "store.wrong_type",
                found_type=repr(found.content_type or "none"),
                found_cache=repr(found.cache_control or "none"),
                wanted_type=repr(item.content_type),
                wanted_cache=repr(CACHE_CONTROL),
            )
        return None

    problems = _each(items, verify, tuning.concurrency)
    progress.finish(task)
    return [(item, problem) for item, problem in zip(items, problems, strict=True) if problem]


def _retrying(action: Callable[[], T], tuning: StoreSettings, sleep: Sleep) -> T:
    """Run `action`, again after a doubling wait while it fails in a way worth retrying."""
    attempt = 0
    while True:
        try:
            return action()
        except TransientStoreError as exc:
            if attempt >= tuning.retries:
                tries = Message("store.tries" if attempt else "store.tries_one", count=attempt + 1)
                reason = exc.args[0] if exc.worded else str(exc)
                raise StoreError(Message("store.gave_up", reason=reason, tries=tries)) from None
            sleep(tuning.backoff * 2**attempt)
            attempt += 1


def _each(items: Iterable[T], work: Callable[[T], R], workers: int) -> list[R]:
    """`work` on every item, `workers` at once, results in order. The first failure (or an
    interrupt) cancels what has not started and is raised once the running ones end."""
    items = list(items)
    if not items:
        return []
    pool = ThreadPoolExecutor(max_workers=min(workers, len(items)))
    futures: list[Future[R]] = [pool.submit(work, item) for item in items]
    try:
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failed = next((f for f in futures if f in done and f.exception() is not None), None)
        if failed is not None:
            error = failed.exception()
            assert error is not None
            raise error
        return [future.result() for future in futures]
    finally:
        for future in futures:
            future.cancel()
        pool.shutdown(wait=True)
