"""URLs served from a local http.server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hdkg.loaders import LoadFailure, iter_articles
from hdkg.models import Article

STORY = "ТАШКЕНТ, 3 окт — Sputnik. Свои филиалы в Узбекистане откроют частные индийские клиники Medanta."
PAGES: dict[str, tuple[int, str, bytes]] = {
    "/news/2018/10/03/story": (
        200,
        "text/html; charset=utf-8",
        f"<html><head><title>Клиники</title></head><body><article><p>{STORY}</p>"
        f"<p>{STORY} Ещё абзац о сотрудничестве в здравоохранении.</p></article></body></html>".encode(),
    ),
    "/plain": (200, "text/plain; charset=windows-1251", f"Заголовок\n{STORY}".encode("cp1251")),
    "/big": (200, "text/plain", b"x" * 50_000),
    "/missing": (404, "text/plain", b"not found"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, media_type, body = PAGES.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_html_url(base_url: str) -> None:
    url = f"{base_url}/news/2018/10/03/story"
    [article] = list(iter_articles([url]))
    assert isinstance(article, Article)
    assert article.source == url and article.url == url
    assert article.date is not None and article.date.year == 2018
    assert "Medanta" in article.text and article.publisher == "Sputnik"


def test_plain_cp1251_url(base_url: str) -> None:
    [article] = list(iter_articles([f"{base_url}/plain"]))
    assert isinstance(article, Article) and article.title == "Заголовок"


@pytest.mark.parametrize(("path", "kind"), [("/missing", "fetch"), ("/big", "too-large")])
def test_bad_urls_fail_alone(base_url: str, path: str, kind: str) -> None:
    items = list(iter_articles([f"{base_url}{path}", f"{base_url}/plain"], max_bytes=10_000))
    assert [type(i).__name__ for i in items] == ["LoadFailure", "Article"]
    assert isinstance(items[0], LoadFailure) and items[0].kind == kind


def test_unreachable_url() -> None:
    [failure] = list(iter_articles(["http://127.0.0.1:9/nothing"]))
    assert isinstance(failure, LoadFailure) and failure.kind == "fetch"
    assert "127.0.0.1:9" in failure.error
