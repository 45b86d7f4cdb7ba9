"""The media store: an S3-compatible bucket reached with boto3 (the only module importing it).

Credentials, region and endpoint come only from where the AWS SDK looks on its own
(`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, `AWS_PROFILE` and its files,
`AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL`); none of them is ever put in a message. Every
boto3 and botocore exception becomes a `StoreError` here, one line each, naming the object as
`s3://bucket/key` and the endpoint without user-info (`addresses.public_url`); a failure worth
another attempt (429, 5xx, a lost or refused connection) is a `TransientStoreError`, which the
push retries. boto3's own retries are off, so that every attempt is counted in one place.
"""

from __future__ import annotations

import base64
import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, TypeVar

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    HTTPClientError,
    IncompleteReadError,
    NoCredentialsError,
    PartialCredentialsError,
    ResponseStreamingError,
)

from ..addresses import public_url
from ..errors import StoreError, TransientStoreError
from ..messages import Message
from ..settings import StoreSettings

T = TypeVar("T")

_TRANSIENT_CODES = frozenset(
    {"SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable", "BadDigest"}
)
"""Answers that say "try again": throttling, a failing server, bytes changed on the way."""

_DENIED_CODES = frozenset({"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"})


@dataclass(frozen=True)
class StoredObject:
    """What the store says it holds under one key."""

    key: str
    size: int
    etag: str  # without quotes: an MD5 for single-part uploads, `<md5>-<parts>` otherwise
    content_type: str = ""
    cache_control: str = ""


class ObjectStore:
    """One bucket of an S3-compatible store, as configured in the environment."""

    def __init__(self, bucket: str, settings: StoreSettings) -> None:
        self.bucket = bucket
        config = Config(
            # boto3 1.36+ sends CRC checksums that several S3-compatible stores refuse.
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            retries={"mode": "standard", "max_attempts": 1},
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            max_pool_connections=settings.concurrency + 2,
        )
        try:
            self._client: Any = boto3.session.Session().client("s3", config=config)
        except BotoCoreError as exc:
            raise StoreError(Message("store.client", kind=type(exc).__name__)) from None
        self.endpoint = public_url(str(self._client.meta.endpoint_url))

    def where(self, key: str = "") -> str:
        """The object's address for messages: `s3://bucket/key`."""
        return f"s3://{self.bucket}/{key}"

    def check_bucket(self) -> None:
        """Make sure the bucket exists and the credentials may use it.

        Raises:
            StoreError: no such bucket, access denied, or the endpoint does not answer.
        """
        self._call(
            Message("store.do.reach_bucket"),
            "",
            lambda: self._client.head_bucket(Bucket=self.bucket),
        )

    def head(self, key: str) -> StoredObject | None:
        """The object under `key`, or None when there is none."""
        try:
            answer = self._call(
                Message("store.do.look_up"),
                key,
                lambda: self._client.head_object(Bucket=self.bucket, Key=key),
            )
        except _Missing:
            return None
        return StoredObject(
            key=key,
            size=int(answer.get("ContentLength", -1)),
            etag=str(answer.get("ETag", "")).strip('"'),
            content_type=str(answer.get("ContentType", "")),
            cache_control=str(answer.get("CacheControl", "")),
        )

    def listing(self, prefix: str) -> Iterator[StoredObject]:
        """Every object whose key starts with `prefix`, in key order (pages of 1,000)."""
        token: str | None = None
        while True:
            extra = {"ContinuationToken": token} if token else {}
            page = self._call(
                Message("store.do.list"),
                prefix,
                lambda extra=extra: self._client.list_objects_v2(  # type: ignore[misc]
                    Bucket=self.bucket, Prefix=prefix, **extra
                ),
            )
            for item in page.get("Contents", []):
                yield StoredObject(
                    key=str(item["Key"]),
                    size=int(item.get("Size", -1)),
                    etag=str(item.get("ETag", "")).strip('"'),
                )
            token = page.get("NextContinuationToken") if page.get("IsTruncated") else None
            if not token:
                return

    def put(
        self, key: str, body: BinaryIO, size: int, md5: bytes, content_type: str, caching: str
    ) -> None:
        """Store `size` bytes from `body` under `key` in one request.

        The store checks the bytes against `md5` (Content-MD5) and keeps nothing when they
        differ; a put is atomic, so a push killed during it leaves the previous object or none.
        """
        self._call(
            Message("store.do.upload"),
            key,
            lambda: self._client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=body,
                ContentLength=size,
                ContentMD5=base64.b64encode(md5).decode("ascii"),
                ContentType=content_type,
                CacheControl=caching,
            ),
        )

    def start_parts(self, key: str, content_type: str, caching: str) -> str:
        """Begin a multipart upload; its parts stay invisible until `finish_parts`."""
        answer = self._call(
            Message("store.do.start_parts"),
            key,
            lambda: self._client.create_multipart_upload(
                Bucket=self.bucket, Key=key, ContentType=content_type, CacheControl=caching
            ),
        )
        return str(answer["UploadId"])

    def put_part(self, key: str, upload: str, number: int, data: bytes, md5: bytes) -> str:
        """Upload part `number` (from 1); its ETag, for `finish_parts`."""
        answer = self._call(
            Message("store.do.upload_part", number=number),
            key,
            lambda: self._client.upload_part(
                Bucket=self.bucket,
                Key=key,
                UploadId=upload,
                PartNumber=number,
                Body=data,
                ContentLength=len(data),
                ContentMD5=base64.b64encode(md5).decode("ascii"),
            ),
        )
        return str(answer["ETag"])

    def finish_parts(self, key: str, upload: str, etags: list[str]) -> None:
        """Join the parts into the object (the moment it appears, whole)."""
        parts = [{"ETag": etag, "PartNumber": n} for n, etag in enumerate(etags, start=1)]
        self._call(
            Message("store.do.finish_parts"),
            key,
            lambda: self._client.complete_multipart_upload(
                Bucket=self.bucket, Key=key, UploadId=upload, MultipartUpload={"Parts": parts}
            ),
        )

    def abort_parts(self, key: str, upload: str) -> None:
        """Drop an unfinished multipart upload; failing to is not an error (nothing shows)."""
        with contextlib.suppress(StoreError):
            self._call(
                Message("store.do.abort_parts"),
                key,
                lambda: self._client.abort_multipart_upload(
                    Bucket=self.bucket, Key=key, UploadId=upload
                ),
            )

    def delete(self, key: str) -> None:
        """Delete one object (only `magazine media gc --delete` calls this)."""
        self._call(
            Message("store.do.delete"),
            key,
            lambda: self._client.delete_object(Bucket=self.bucket, Key=key),
        )

    def _call(self, what: Message, key: str, request: Callable[[], T]) -> T:
        """Run one request; translate what boto3 raises into our error tree (the boundary)."""
        try:
            return request()
        except ClientError as exc:
            raise self._refused(exc, what, key) from None
        except (NoCredentialsError, PartialCredentialsError):
            raise StoreError(Message("store.no_credentials")) from None
        except (EndpointConnectionError, ConnectTimeoutError):
            raise TransientStoreError(self._said("store.unreachable", what, key)) from None
        except (HTTPClientError, ResponseStreamingError, IncompleteReadError):
            # Read timeouts and connections closed mid-answer are HTTPClientErrors too.
            raise TransientStoreError(self._said("store.lost", what, key)) from None
        except BotoCoreError as exc:
            kind = type(exc).__name__
            raise StoreError(
                Message("store.could_not", where=self.where(key), what=what, kind=kind)
            ) from None

    def _said(self, problem: str, what: Message, key: str, **more: object) -> Message:
        """A message about `what` was done to `key` at this store's endpoint."""
        return Message(problem, endpoint=self.endpoint, what=what, where=self.where(key), **more)

    def _refused(self, exc: ClientError, what: Message, key: str) -> StoreError:
        answer: dict[str, Any] = exc.response
        status = int(answer.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        # The code is the server's text: keep only what a code can be made of.
        code = re.sub(r"[^A-Za-z0-9]", "", str(answer.get("Error", {}).get("Code", "")))[:40]
        said = f"{code}, HTTP {status}" if code and code != str(status) else f"HTTP {status}"
        if status == 404 and code != "NoSuchBucket" and key:
            return _Missing(self.where(key))
        if code == "NoSuchBucket" or (status == 404 and not key):
            return StoreError(
                Message(
                    "store.no_bucket", bucket=repr(self.bucket), endpoint=self.endpoint, said=said
                )
            )
        if status == 403 or code in _DENIED_CODES:
            return StoreError(self._said("store.denied", what, key, said=said))
        if status == 429 or status >= 500 or code in _TRANSIENT_CODES:
            return TransientStoreError(self._said("store.failed", what, key, said=said))
        return StoreError(self._said("store.refused", what, key, said=said))


class _Missing(StoreError):
    """No object under the key (a HEAD answered 404); `head` turns it into None."""
