"""A real HTTP server on 127.0.0.1 that misbehaves on purpose, one behaviour per path.

A test registers a responder per path with `clip_server.serve(path, responder)` and gets the
URL back. A responder is called with the request handler and how many times the path was hit
before (0 for the first request), so "503 then 200" or "200 then 410" is `sequence(...)`.
Every request is recorded (path, query string, headers) for assertions.
"""

from __future__ import annotations

import hashlib
import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

Responder = Callable[[BaseHTTPRequestHandler, int], None]


@dataclass(frozen=True)
class Recorded:
    """One request the server saw."""

    path: str
    query: str
    headers: dict[str, str]


def clip_bytes(size: int, seed: str = "clip") -> bytes:
    """Deterministic bytes that start like an MP4 file (never like HTML)."""
    out = bytearray(b"\x00\x00\x00\x18ftypmp42")
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _send_head(
    handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str | int | None]
) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        if value is not None:
            handler.send_header(name, str(value))
    handler.end_headers()


def ok(
    body: bytes,
    *,
    content_type: str | None = "video/mp4",
    etag: str | None = None,
    honour_range: bool = True,
    length: bool = True,
) -> Responder:
    """A plain answer; honours `Range` with `If-Range` when given an ETag and asked to."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        wanted = handler.headers.get("Range", "")
        if_range = handler.headers.get("If-Range")
        if honour_range and etag and wanted.startswith("bytes=") and if_range == etag:
            start = int(wanted.removeprefix("bytes=").rstrip("-"))
            part = body[start:]
            _send_head(
                handler,
                206,
                {
                    "Content-Type": content_type,
                    "Content-Length": len(part),
                    "Content-Range": f"bytes {start}-{len(body) - 1}/{len(body)}",
                    "ETag": etag,
                },
            )
            handler.wfile.write(part)
            return
        _send_head(
            handler,
            200,
            {
                "Content-Type": content_type,
                "Content-Length": len(body) if length else None,
                "ETag": etag,
            },
        )
        handler.wfile.write(body)

    return respond


def cut_off(body: bytes, at: int, *, length: bool = True, etag: str | None = None) -> Responder:
    """Send the first `at` bytes, then drop the connection (with or without Content-Length)."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        _send_head(
            handler,
            200,
            {
                "Content-Type": "video/mp4",
                "Content-Length": len(body) if length else None,
                "ETag": etag,
            },
        )
        handler.wfile.write(body[:at])
        handler.wfile.flush()
        handler.close_connection = True

    return respond


def status(code: int, *, retry_after: str | None = None, body: bytes = b"") -> Responder:
    """An error status (with `Retry-After` when given)."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        _send_head(
            handler,
            code,
            {"Retry-After": retry_after, "Content-Length": len(body), "Content-Type": "text/plain"},
        )
        handler.wfile.write(body)

    return respond


def redirect(location: str, code: int = 302) -> Responder:
    """A redirect to anywhere, including places a client must refuse."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        _send_head(handler, code, {"Location": location, "Content-Length": 0})

    return respond


def drip(body: bytes, interval: float) -> Responder:
    """One byte every `interval` seconds, with an honest Content-Length."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        _send_head(handler, 200, {"Content-Type": "video/mp4", "Content-Length": len(body)})
        try:
            for i in range(len(body)):
                handler.wfile.write(body[i : i + 1])
                handler.wfile.flush()
                time.sleep(interval)
        except OSError:
            return  # the client gave up, as it should

    return respond


def sequence(*responders: Responder) -> Responder:
    """The n-th request gets the n-th responder; the last one answers every later request."""

    def respond(handler: BaseHTTPRequestHandler, hit: int) -> None:
        responders[min(hit, len(responders) - 1)](handler, hit)

    return respond


class ClipServer:
    """The running server: routes, hit counts and the request log."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.scheme = "https" if tls else "http"
        self.routes: dict[str, Responder] = {}
        self.hits: dict[str, int] = {}
        self.requests: list[Recorded] = []
        self.failures: list[str] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}"

    def serve(self, path: str, responder: Responder) -> str:
        """Register a responder for a path (query strings are ignored) and return its URL."""
        self.routes[path] = responder
        return self.base + path

    def requests_for(self, path: str) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path, _, query = self.path.partition("?")
                with server._lock:
                    hit = server.hits.get(path, 0)
                    server.hits[path] = hit + 1
                    server.requests.append(Recorded(path, query, dict(self.headers.items())))
                responder = server.routes.get(path)
                if responder is None:
                    status(404)(self, hit)
                    return
                try:
                    responder(self, hit)
                except OSError as exc:
                    server.failures.append(f"{path}: {exc}")

            def log_message(self, format: str, *args: object) -> None:
                return None

        return Handler

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def clip_server() -> Iterator[ClipServer]:
    """A fresh misbehaving server per test, stopped afterwards."""
    server = ClipServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def loopback_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made with the openssl command at test time."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-nodes", "-days", "2"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-keyout", str(key), "-out", str(cert)),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_clip_server(
    loopback_certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> Iterator[ClipServer]:
    """The same server over https; clients trust it through SSL_CERT_FILE."""
    cert, key = loopback_certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    server = ClipServer(tls=context)
    server.start()
    try:
        yield server
    finally:
        server.stop()
