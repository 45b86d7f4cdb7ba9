"""Download every remote clip once into the archive and record it in the lock file.

`fetch_clips` decides per URL whether the archive already holds verified bytes (then there is
no network at all), downloads what is missing, and reports per clip: the archived file, a
warning (the link failed but an archived copy is used), or an error. This is the only module
that imports httpx; its errors become `FetchError` here.

One download (`_download`) is a loop of attempts under a total deadline:

- redirects are followed one hop at a time, and each hop's scheme is checked (https, or http
  when `allow_http`; never `file:`, `ftp:` and the like; no https → http downgrade);
- bytes stream into `partial/<url key>.part`, hashed as they arrive, with the response's
  strong ETag and announced size beside them; a later attempt sends `Range` and `If-Range`
  only when both are known, accepts a 206 only when it covers exactly the bytes asked for up
  to the same total under the same ETag, and otherwise starts again from zero (Last-Modified
  alone is not trusted: a server that ignores `If-Range` would stitch two versions);
- the received size must equal the announced one, and the first bytes must be those of a
  video or image container (`payload.not_media`): a web page, text, gzip or ZIP is refused
  whatever its Content-Type, and so is a compressed transfer (`Content-Encoding`);
- connection failures, 429 and 5xx are retried with doubling backoff (or `Retry-After`, capped);
- a body larger than `max_bytes` and a body that takes longer than `deadline` are refused;
- messages name the entry file and the URL without its query string (signed links carry
  secrets there); error text from the library is scrubbed of the query string too.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from .. import __version__
from ..addresses import public_url
from ..errors import DownloadFailure, FetchError, TransientFailure
from ..messages import Message
from ..model import Magazine
from ..progress import Progress
from ..settings import FetchSettings
from .archive import Archive, Partial
from .lockfile import Lock, read_lock, url_key, write_lock
from .payload import (
    SNIFF_BYTES,
    content_range,
    file_label,
    is_accepted_type,
    media_type,
    not_media,
    retry_after_seconds,
    suffix_for,
)
from .remotes import Download, Ledger, RemoteClip, scheme_problem
from .renditions import ClipRef

MAX_REDIRECTS = 10
_EXPIRED = frozenset({401, 403, 404, 410})


@dataclass(frozen=True)
class FetchResult:
    """What fetching found for every remote clip.

    `downloaded` and `reused` count clips, not files (two entries may share a URL): each clip
    in `sources` was either freshly downloaded or served from the archive, so the two add up to
    `len(sources)`.
    """

    sources: Mapping[ClipRef, Path]
    warnings: tuple[str, ...]
    errors: tuple[FetchError, ...]
    downloaded: int
    reused: int


def fetch_clips(
    magazine: Magazine, *, offline: bool = False, progress: Progress, force: bool = False
) -> FetchResult:
    """Make sure every `url` clip has a verified copy in the archive.

    Args:
        magazine: the loaded magazine; its settings give limits, the archive and lock paths.
        offline: use the archive only; a clip without an archived copy is an error.
        progress: where download bars (bytes, speed) or plain lines go.
        force: download again even when the archive has the file (a failure then falls back to
            the archived copy with a warning; without a declared sha256 the new bytes replace
            the locked ones).

    Raises:
        ContentError: the lock file is damaged (every other problem is in `errors`).
    """
    settings = magazine.settings
    archive = Archive(settings.cache_path(magazine.root) / "archive")
    lock_path = magazine.root / settings.lock_file
    lock = read_lock(lock_path, root=magazine.root)
    groups: dict[str, list[RemoteClip]] = {}
    for entry in sorted(magazine.entries, key=lambda e: (e.submitted_at, e.slug)):
        for position, clip in enumerate(entry.clips):
            if clip.url is not None:
                wanted = RemoteClip(ClipRef(entry.slug, position), entry, clip)
                groups.setdefault(wanted.url, []).append(wanted)

    ledger = Ledger(archive, lock)
    jobs: list[tuple[str, list[RemoteClip]]] = []
    for url, members in groups.items():
        problem = scheme_problem(url, settings.allow_http)
        if problem:
            ledger.errors.extend(m.error(problem) for m in members)
        elif offline:
            ledger.use_archive(members, missing=Message("fetch.offline_missing"))
        elif not force and ledger.reusable(url, members):
            ledger.use_archive(members, missing=Message("fetch.vanished"))
        else:
            jobs.append((url, members))

    if jobs:
        _run_downloads(jobs, ledger, settings.fetch, settings.allow_http, force, progress)
    kept = {url_key(url): r for url in groups if (r := ledger.record(url)) is not None}
    if not offline and (kept or lock_path.exists()):
        write_lock(lock_path, Lock(dict(sorted(kept.items()))))
    return FetchResult(
        sources=dict(ledger.sources),
        warnings=tuple(w.render(settings.language) for w in ledger.warnings),
        errors=tuple(ledger.errors),
        downloaded=ledger.downloaded,
        reused=ledger.reused,
    )


def _run_downloads(
    jobs: list[tuple[str, list[RemoteClip]]],
    ledger: Ledger,
    settings: FetchSettings,
    allow_http: bool,
    force: bool,
    progress: Progress,
) -> None:
    limits = httpx.Limits(max_connections=settings.concurrency)
    headers = {"User-Agent": f"hands-on-magazine/{__version__}", "Accept-Encoding": "identity"}
    with (
        httpx.Client(
            limits=limits,
            headers=headers,
            event_hooks={"response": [lambda response: _redirect_target(response, allow_http)]},
        ) as client,
        ThreadPoolExecutor(settings.concurrency, thread_name_prefix="fetch") as pool,
    ):
        futures: list[tuple[str, list[RemoteClip], Future[Download]]] = []
        for url, members in jobs:
            expected = {ledger.expected(url, m, force=force) for m in members} - {None}
            label = f"{members[0].ref.entry}: {file_label(url)}"
            task = _Transfer(
                client,
                url,
                ledger.archive.partial(url_key(url)),
                settings,
                allow_http,
                frozenset(e for e in expected if e is not None),
                progress,
                label,
            )
            futures.append((url, members, pool.submit(task.run)))
        for url, members, future in futures:
            try:
                done = future.result()
            except DownloadFailure as failure:
                ledger.failed(url, members, failure)
            else:
                ledger.finished(url, members, done, force)


def _redirect_target(response: httpx.Response, allow_http: bool) -> httpx.URL | None:
    """Where a redirect leads, once its scheme is checked; None when it is no redirect.

    It also runs as the client's response hook: httpx prepares the next request of a redirect
    even when not following it, and chokes on some locations (`data:`) before we could look.
    """
    if not response.has_redirect_location:
        return None
    try:
        target = response.request.url.join(response.headers["location"])
    except httpx.InvalidURL as exc:
        raise DownloadFailure(Message("download.redirect_invalid")) from exc
    if target.scheme == "http" and response.request.url.scheme == "https":
        raise DownloadFailure(
            Message("download.redirect_downgrade", target=public_url(str(target)))
        )
    if target.scheme == "http" and not allow_http:
        raise DownloadFailure(Message("download.redirect_http", target=public_url(str(target))))
    if target.scheme not in ("https", "http"):
        raise DownloadFailure(Message("download.redirect_scheme", scheme=target.scheme))
    return target


class _Transfer:
    """One URL's download: attempts, retries and the deadline (runs in a worker thread)."""

    def __init__(
        self,
        client: httpx.Client,
        url: str,
        partial: Partial,
        settings: FetchSettings,
        allow_http: bool,
        expected: frozenset[str],
        progress: Progress,
        label: str,
    ) -> None:
        self.client, self.url, self.partial, self.settings = client, url, partial, settings
        self.allow_http, self.expected = allow_http, expected
        self.progress, self.label = progress, label
        self.deadline_at = 0.0
        self._resumed = False  # this attempt continued kept bytes or had no Content-Length

    def run(self) -> Download:
        """Attempt until done, a permanent failure, the retry budget or the deadline."""
        self.deadline_at = time.monotonic() + self.settings.deadline
        failures = 0
        while True:
            try:
                done = self._attempt()
            except TransientFailure as retry:
                reason, retry_after = retry.reason, retry.retry_after
            except OSError as exc:  # the archive folder itself (disk full, permissions)
                raise DownloadFailure(Message("download.cannot_write", detail=str(exc))) from exc
            else:
                suspect = self._resumed and self.expected and done.sha256 not in self.expected
                if not suspect or failures >= self.settings.retries:
                    return done
                # A resumed or close-delimited body that hashes wrong may be truncated or
                # stitched from two versions: start once more from zero before blaming the file.
                self.partial.discard()
                reason, retry_after = Message("download.hash_wrong"), None
            failures += 1
            if failures > self.settings.retries:
                raise DownloadFailure(Message("download.gave_up", reason=reason, count=failures))
            delay = self.settings.backoff * 2 ** (failures - 1)
            if retry_after is not None:
                delay = retry_after
            delay = min(delay, self.settings.max_retry_after)
            if time.monotonic() + delay > self.deadline_at:
                raise DownloadFailure(
                    Message("download.no_time", reason=reason, deadline=self.settings.deadline)
                )
            time.sleep(delay)

    @property
    def _too_slow(self) -> Message:
        return Message("download.too_slow", deadline=self.settings.deadline)

    def _timeout(self) -> httpx.Timeout:
        left = self.deadline_at - time.monotonic()
        if left <= 0:
            raise DownloadFailure(self._too_slow)
        s = self.settings
        return httpx.Timeout(
            connect=min(s.connect_timeout, left),
            read=min(s.read_timeout, left),
            write=min(s.read_timeout, left),
            pool=min(s.connect_timeout, left),
        )

    def _attempt(self) -> Download:
        self._resumed = False
        offset = self.partial.size
        resumable = self.partial.resumable() if offset else None
        if offset and (resumable is None or offset >= resumable[1]):
            self.partial.discard()
            offset = 0
        headers = {}
        if resumable is not None and offset:
            headers = {"Range": f"bytes={offset}-", "If-Range": resumable[0]}
        try:
            response = self._open(headers)
            try:
                return self._receive(response, offset, resumable if offset else None)
            finally:
                response.close()
        except httpx.InvalidURL as exc:
            raise DownloadFailure(Message("download.invalid_url")) from exc
        except httpx.TimeoutException as exc:
            raise TransientFailure(Message("download.timed_out", kind=type(exc).__name__)) from exc
        except httpx.TransportError as exc:
            detail = self._scrub(str(exc)) or type(exc).__name__
            raise TransientFailure(Message("download.connection", detail=detail)) from exc

    def _open(self, headers: dict[str, str]) -> httpx.Response:
        """Send the request, following redirects one checked hop at a time."""
        current = httpx.URL(self.url)
        for _hop in range(MAX_REDIRECTS + 1):
            request = self.client.build_request(
                "GET", current, headers=headers, timeout=self._timeout()
            )
            # The client's response hook has already refused a redirect to a bad scheme.
            response = self.client.send(request, stream=True, follow_redirects=False)
            target = _redirect_target(response, self.allow_http)
            if target is None:
                return response
            response.close()
            current = target
        raise DownloadFailure(Message("download.redirects", count=MAX_REDIRECTS))

    def _receive(
        self, response: httpx.Response, offset: int, resumable: tuple[str, int] | None
    ) -> Download:
        status = response.status_code
        if status in _EXPIRED:
            raise DownloadFailure(Message("download.expired", status=status), expired=True)
        if status == 429 or status >= 500:
            raise TransientFailure(
                Message("download.http", status=status),
                retry_after_seconds(response.headers.get("retry-after")),
            )
        if status == 416:
            self.partial.discard()
            raise TransientFailure(Message("download.no_resume"))
        if status not in (200, 206):
            raise DownloadFailure(Message("download.unexpected", status=status))
        content_type = media_type(response.headers.get("content-type"))
        if not is_accepted_type(content_type):
            raise DownloadFailure(Message("download.not_media_type", kind=content_type))
        encoding = response.headers.get("content-encoding", "").strip().lower()
        if encoding not in ("", "identity"):
            # Asked for identity: compressed bytes would be hashed and archived as the file.
            raise DownloadFailure(Message("download.compressed", encoding=encoding[:40]))
        length = response.headers.get("content-length")
        remaining = int(length) if length and length.isdigit() else None
        total: int | None
        if status == 206:
            total = self._check_resume(response, offset, remaining, resumable)
            remaining = total - offset
            self._resumed = True
        else:
            offset = 0
            total = remaining
            etag = response.headers.get("etag")
            strong = etag if etag and not etag.startswith("W/") else None
            self.partial.begin(strong, total, public_url(self.url))
            self._resumed = remaining is None
        limit = self.settings.max_bytes
        if total is not None and total > limit:
            self.partial.discard()
            raise DownloadFailure(Message("download.too_big", size=total, limit=limit))

        digest = hashlib.sha256()
        head = b""
        if offset:
            with self.partial.data.open("rb") as kept:
                while chunk := kept.read(1024 * 1024):
                    if len(head) < SNIFF_BYTES:
                        head += chunk[: SNIFF_BYTES - len(head)]
                    digest.update(chunk)
        task = self.progress.task(self.label, total, unit="bytes")
        task.advance(offset)
        received = 0
        with self.partial.data.open("ab") as out:
            for chunk in response.iter_raw():
                if len(head) < SNIFF_BYTES:
                    head += chunk[: SNIFF_BYTES - len(head)]
                    if len(head) == SNIFF_BYTES:
                        self._sniff(head, content_type)
                received += len(chunk)
                if offset + received > limit:
                    self.partial.discard()
                    raise DownloadFailure(Message("download.larger", limit=limit))
                out.write(chunk)
                digest.update(chunk)
                task.advance(len(chunk))
                if time.monotonic() > self.deadline_at:
                    raise DownloadFailure(self._too_slow)
        if remaining is not None and received != remaining:
            raise TransientFailure(
                Message("download.closed", received=received, remaining=remaining)
            )
        if offset + received == 0:
            raise TransientFailure(Message("download.empty"))
        self._sniff(head, content_type)
        self.progress.finish(task)  # only on success: a plain log says "done" for real
        return Download(
            self.partial,
            digest.hexdigest(),
            offset + received,
            content_type,
            suffix_for(public_url(self.url), content_type),
        )

    def _check_resume(
        self,
        response: httpx.Response,
        offset: int,
        length: int | None,
        resumable: tuple[str, int] | None,
    ) -> int:
        """The total size, once a 206 is proven to continue the kept bytes' version exactly.

        The answer must cover exactly the bytes asked for (from `offset` to the end of the
        file), announce the same total as the answer the kept bytes came from, and carry the
        same strong ETag: a server that ignores `If-Range` would otherwise stitch the start of
        one version to the end of another. Anything else discards the kept bytes.
        """
        asked = f"bytes {offset}-" if offset else Message("download.no_range")
        got = content_range(response.headers.get("content-range"))
        problem: Message | None = None
        if resumable is None or not offset:
            self.partial.discard()
            raise TransientFailure(Message("download.partial_answer", asked=asked))
        if got is None:
            problem = Message("download.no_content_range")
        elif got[0] != offset or got[2] != resumable[1] or got[1] != resumable[1] - 1:
            sent = f"{got[0]}-{got[1]}/{got[2] if got[2] is not None else '*'}"
            wanted = f"{asked}{resumable[1] - 1}/{resumable[1]}"
            problem = Message("download.wrong_range", got=sent, wanted=wanted)
        elif response.headers.get("etag") != resumable[0]:
            problem = Message("download.etag_changed")
        elif length is not None and length != resumable[1] - offset:
            problem = Message("download.length", length=length)
        if problem is not None:
            self.partial.discard()
            raise TransientFailure(Message("download.bad_resume", problem=problem))
        return resumable[1]

    def _sniff(self, head: bytes, content_type: str) -> None:
        kind = not_media(head)
        if kind is not None:
            self.partial.discard()
            raise DownloadFailure(
                Message("download.not_media_sent_as", kind=kind, sent=content_type)
                if content_type
                else Message("download.not_media", kind=kind)
            )

    def _scrub(self, text: str) -> str:
        query = httpx.URL(self.url).query.decode("ascii", "replace")
        text = text.replace(self.url, public_url(self.url))
        return text.replace(query, "…") if query else text
