"""HTTP `Range` for the sites the generator serves itself, as GitHub Pages answers it.

A browser seeks a `<video>` only when its server answers byte ranges: without them, Chromium
sets `currentTime` back to 0 on every seek, so the comparison viewer cannot pause on a frame,
step or jump. Neither MkDocs' development server (under `magazine serve`) nor Python's
`http.server` answers them. `answer_ranges` wraps any WSGI handler that answers a file: a
`Range: bytes=…` request for one range gets `206 Partial Content` with exactly those bytes;
every file answer says `Accept-Ranges: bytes`. `serve_built_site` serves a built `site/` the
same way (`magazine serve --site`).
"""

from __future__ import annotations

import os
import posixpath
import re
import socketserver
import sys
import urllib.parse
import wsgiref.simple_server
import wsgiref.util
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..messages import Message

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_CHUNK = 1 << 16

StartResponse = Callable[..., Any]
Handler = Callable[[dict[str, Any], StartResponse], Iterable[bytes] | None]

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".gz": "application/gzip",
    ".map": "application/json",
}
"""Content types by extension, fixed: the operating system's tables differ between machines."""


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """The first and last byte a `Range` header asks of a file of `size` bytes.

    None when the header asks for no single satisfiable range (the caller answers 416 for a
    well-formed range past the end, the whole file otherwise).

    Raises:
        ValueError: a well-formed range that starts past the end of the file.
    """
    found = _RANGE.match(header.strip())
    if found is None or not any(found.groups()):
        return None
    first, last = found.groups()
    if not first:  # the last N bytes
        count = int(last)
        if count == 0:
            raise ValueError("an empty suffix range")
        return max(0, size - count), size - 1
    start = int(first)
    if start >= size:
        raise ValueError("the range starts past the end of the file")
    end = min(int(last), size - 1) if last else size - 1
    if end < start:
        return None
    return start, end


def answer_ranges(
    environ: dict[str, Any], start_response: StartResponse, handler: Handler
) -> Iterable[bytes] | None:
    """Call `handler`; turn its whole-file answer into the range the request asks for."""
    said: dict[str, Any] = {}

    def hold(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        said.update(status=status, headers=headers, exc_info=exc_info)
        return lambda data: None

    body = handler(environ, hold)
    if body is None:
        return None
    status: str = said["status"]
    headers: list[tuple[str, str]] = list(said["headers"])
    filelike = getattr(body, "filelike", None)
    length = _header(headers, "Content-Length")
    if not status.startswith("200") or filelike is None or length is None:
        start_response(status, headers, said["exc_info"])
        return body
    headers.append(("Accept-Ranges", "bytes"))
    asked = environ.get("HTTP_RANGE")
    if not asked or environ.get("HTTP_IF_RANGE") or environ["REQUEST_METHOD"] not in ("GET",):
        start_response(status, headers)
        return body
    size = int(length)
    try:
        chosen = byte_range(asked, size)
    except ValueError:
        _close(body)
        start_response(
            "416 Range Not Satisfiable",
            [("Content-Range", f"bytes */{size}"), ("Content-Length", "0")],
        )
        return []
    if chosen is None:
        start_response(status, headers)
        return body
    start, end = chosen
    kept = [(k, v) for k, v in headers if k.lower() != "content-length"]
    kept += [
        ("Content-Range", f"bytes {start}-{end}/{size}"),
        ("Content-Length", str(end - start + 1)),
    ]
    start_response("206 Partial Content", kept)
    return _slice(body, filelike, start, end - start + 1)


def _slice(body: Any, filelike: BinaryIO, start: int, count: int) -> Iterator[bytes]:
    """`count` bytes of an open file from `start`; the file is closed at the end."""
    try:
        filelike.seek(start)
        while count > 0:
            chunk = filelike.read(min(_CHUNK, count))
            if not chunk:
                break
            count -= len(chunk)
            yield chunk
    finally:
        _close(body)


def _close(body: Any) -> None:
    close = getattr(body, "close", None)
    if close is not None:
        close()


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name.lower()), None)


class _SiteApp:
    """A built site as a WSGI application: files, folders' `index.html`, the site's 404."""

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        answer = answer_ranges(environ, start_response, self._file)
        if answer is not None:
            return answer
        page = self.site / "404.html"
        body = page.read_bytes() if page.is_file() else b"not found"
        start_response(
            "404 Not Found",
            [("Content-Type", TYPES[".html"]), ("Content-Length", str(len(body)))],
        )
        return [body]

    def _file(
        self, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes] | None:
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, HEAD")])
            return []
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        rel = posixpath.normpath("/" + path).lstrip("/")
        target = self.site / rel if rel not in ("", ".") else self.site
        if target.is_dir():
            if not path.endswith("/"):
                start_response(
                    "301 Moved Permanently", [("Location", urllib.parse.quote(path) + "/")]
                )
                return []
            target = target / "index.html"
        try:
            resolved = target.resolve()
            resolved.relative_to(self.site)
            handle = resolved.open("rb")
        except (OSError, ValueError):
            return None
        size = os.fstat(handle.fileno()).st_size
        kind = TYPES.get(resolved.suffix.lower(), "application/octet-stream")
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(size))])
        if environ["REQUEST_METHOD"] == "HEAD":
            handle.close()
            return []
        return wsgiref.util.FileWrapper(handle)


class _QuietHandler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


class _Server(socketserver.ThreadingMixIn, wsgiref.simple_server.WSGIServer):
    daemon_threads = True


def serve_built_site(
    site: Path, *, host: str = "127.0.0.1", port: int = 8000, language: str = "en"
) -> None:
    """Serve a built site, with ranges, until interrupted (Ctrl-C); say where in `language`."""
    server = wsgiref.simple_server.make_server(
        host, port, _SiteApp(site), server_class=_Server, handler_class=_QuietHandler
    )
    url = f"http://{host}:{server.server_port}/"
    serving = Message("serve.serving_site", site=str(site), url=url).render(language)
    print(serving, file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
