"""The benchmark's server sends text gzip-compressed as hosts do (so Lighthouse measures what a
visitor transfers), and plain to a client that does not ask for gzip."""

from __future__ import annotations

import gzip
import urllib.request

from tests.support.server import StaticServer, free_port


def test_text_is_gzipped_only_for_a_client_that_accepts_it(tmp_path):
    (tmp_path / "quiz").mkdir()
    page = "<!DOCTYPE html><title>Quiz</title>" + "<p>Frage</p>" * 200
    (tmp_path / "quiz" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "font.woff2").write_bytes(b"wOF2" + bytes(100))
    port = free_port()
    server = StaticServer(tmp_path, port, compress=True)
    try:
        base = f"http://127.0.0.1:{port}"

        def get(path: str, **headers):
            with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers)) as response:
                return response.headers, response.read()

        headers, body = get("/quiz/", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "text/html"
        assert gzip.decompress(body).decode() == page and len(body) < len(page) / 5
        headers, body = get("/quiz/index.html")
        assert headers["Content-Encoding"] is None and body.decode() == page
        headers, body = get("/font.woff2", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] is None and body[:4] == b"wOF2"
    finally:
        server.stop()
