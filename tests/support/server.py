"""Serve a built site on 127.0.0.1 in a background thread, like a static host would."""

from __future__ import annotations

import functools
import gzip
import io
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# What static hosts compress (fonts and images are compressed already).
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".webmanifest"}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class _GzipHandler(_QuietHandler):
    """Text files gzip-compressed for a browser that accepts it, as hosts send them."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class StaticServer:
    """A static file server for one folder (`compress`: text gzipped as hosts do); stop() ends it."""

    def __init__(self, root: Path, port: int, host: str = "127.0.0.1", compress: bool = False):
        handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
