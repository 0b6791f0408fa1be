"""URLs served from a local http.server on 127.0.0.1 (no other network).

Fetching private addresses is off by default; the fixture below turns it on for this module's
server, and the SSRF tests turn it back off to show what a public deployment refuses."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hdkg.loaders import LoadFailure, iter_articles, netguard, web
from hdkg.loaders.failures import FetchError
from hdkg.models import Article
from hdkg.settings import get_settings

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


SEEN: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN.append(self.path)
        if self.path.startswith("/redirect?to="):
            self.send_response(302)
            self.send_header("Location", self.path.split("=", 1)[1])
            self.end_headers()
            return
        if self.path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(60):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.25)
            except OSError:
                pass
            return
        status, media_type, body = PAGES.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(autouse=True)
def _private_targets_allowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HDKG_FETCH_ALLOW_PRIVATE", "true")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


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


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("fd00::1", "private"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "not globally routable"),
        ("93.184.215.14", None),
        ("2a00:1450:4001:80b::200e", None),
    ],
)
def test_address_policy(address: str, reason: str | None) -> None:
    assert netguard.refused_reason(ipaddress.ip_address(address)) == reason


def test_private_targets_are_refused_by_default(base_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HDKG_FETCH_ALLOW_PRIVATE")
    get_settings.cache_clear()
    SEEN.clear()
    [failure] = list(iter_articles([f"{base_url}/plain"]))
    assert isinstance(failure, LoadFailure) and failure.kind == "fetch"
    assert "loopback" in failure.error and "HDKG_FETCH_ALLOW_PRIVATE" in failure.error
    assert SEEN == [], "a refused target must not be contacted at all"


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/plain",
        "http://localhost:{port}/plain",
    ],
)
def test_every_redirect_hop_is_checked(base_url: str, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first hop (this test's server) is allowed; where it redirects to is checked again and refused."""
    real = netguard.resolve
    first = base_url.split("//", 1)[1]

    def only_the_test_server(url: str, *, allow_private: bool) -> netguard.Target:
        return real(url, allow_private=url.split("//", 1)[1].startswith(first + "/"))

    monkeypatch.setattr(web, "resolve", only_the_test_server)
    port = base_url.rsplit(":", 1)[1]
    with pytest.raises(FetchError) as info:
        web.fetch(f"{base_url}/redirect?to={target.format(port=port)}", max_bytes=None)
    assert "private targets are refused" in str(info.value)


def test_redirects_are_followed_and_bounded(base_url: str) -> None:
    got = web.fetch(f"{base_url}/redirect?to=/plain", max_bytes=None)
    assert got.url.endswith("/plain") and got.data.startswith("Заголовок".encode("cp1251"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        web.fetch(f"{base_url}/loop", max_bytes=None)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/"])
def test_only_http_schemes(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        web.fetch(url, max_bytes=None)


def test_a_dripping_server_is_stopped_by_the_total_deadline(base_url: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"deadline of 1\.5 s"):
        web.fetch(f"{base_url}/drip", max_bytes=None, timeout=1.5)
    assert time.monotonic() - started < 4.0
