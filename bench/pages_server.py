"""A built site served on 127.0.0.1 the way GitHub Pages serves it: gzip, byte ranges, caching.

Lighthouse weighs what crosses the wire, so the site must be served as readers get it: text
(HTML, CSS, JavaScript, JSON, SVG, XML) gzipped when the browser asks, every file answering
`Range` (Chromium seeks a `<video>` only then), `Cache-Control: max-age=600` and an ETag as
Pages sends them, `404.html` for a missing page. Neither `mkdocs serve` nor Python's
`http.server` does all of this.

    python bench/pages_server.py SITE_DIR [--port N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".gz": "application/gzip",
    ".csv": "text/csv; charset=utf-8",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
}
"""A fixed table: the operating system's MIME tables differ from machine to machine."""
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class PagesHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD of files under one folder, as GitHub Pages answers them."""

    root: Path

    def __init__(self, *args: Any, root: Path, **kwargs: Any) -> None:
        self.root = root
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, *, body: bool) -> None:
        found = self._file()
        status = 200
        if found is None:
            status, found = 404, self.root / "404.html"
            if not found.is_file():
                self.send_error(404)
                return
        data = found.read_bytes()
        kind = TYPES.get(found.suffix, "application/octet-stream")
        tag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        headers = {"Content-Type": kind, "Cache-Control": "max-age=600", "ETag": tag}
        ranged = _RANGE.match(self.headers.get("Range", "").strip())
        if status == 200 and self.headers.get("If-None-Match") == tag:
            self._send(304, headers, b"", body=False)
            return
        if status == 200 and ranged is not None and any(ranged.groups()):
            first, last = ranged.groups()
            size = len(data)
            start = int(first) if first else max(0, size - int(last))
            end = min(int(last), size - 1) if first and last else size - 1
            if start >= size or start > end:
                self._send(416, {"Content-Range": f"bytes */{size}"}, b"", body=body)
                return
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
            self._send(206, headers, data[start : end + 1], body=body)
            return
        headers["Accept-Ranges"] = "bytes"
        if found.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self._send(status, headers, data, body=body)

    def _send(self, status: int, headers: dict[str, str], data: bytes, *, body: bool) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


@contextmanager
def serve_site(site: Path, port: int = 0) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port unless given) and yield its base URL."""
    handler = partial(PagesHandler, root=site.resolve())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main() -> None:
    """Serve a site folder until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with serve_site(args.site, args.port) as base:
        print(f"serving {args.site} at {base}", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
