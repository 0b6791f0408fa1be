"""Store outages, recovery without restart, and the catch-all: every error is problem+json."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

import hdkg.graph.factory
from hdkg.errors import QueryError, StoreUnavailable
from hdkg.graph.base import GraphStore, Stats, WriteResult
from hdkg.models import Facts
from hdkg.settings import Settings
from tests.test_api_support import client_for, fill, settings_for

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class FlakyStore(GraphStore):
    """Delegates to a real store, but raises the given error on the next ``failures`` queries."""

    def __init__(self, inner: GraphStore, error: Exception, failures: int = 1) -> None:
        self.inner, self.error, self.failures = inner, error, failures
        self.dialect = inner.dialect
        self.closed = False

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        if self.failures > 0:
            self.failures -= 1
            raise self.error
        return self.inner.query(name, **params)

    def create_schema(self) -> None:
        self.inner.create_schema()

    def write_facts(self, facts: Facts) -> WriteResult:
        return self.inner.write_facts(facts)

    def clear(self) -> None:
        self.inner.clear()

    def ping(self) -> dict[str, Any]:
        return self.inner.ping()

    def stats(self) -> Stats:
        return self.inner.stats()

    def close(self) -> None:
        self.closed = True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _assert_503(r: Any) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert int(r.headers["retry-after"]) > 0
    body = r.json()
    assert body["type"].startswith("urn:hdkg:problem:store")
    assert body["status"] == 503


def test_unreachable_neo4j_is_503_and_docs_still_serve(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, store="neo4j", neo4j_uri=f"bolt://127.0.0.1:{_free_port()}")
    for c in client_for(settings):
        _assert_503(c.get("/health"))
        _assert_503(c.get("/cooperations"))
        assert c.get("/openapi.json").status_code == 200


def test_recovers_without_restart_when_the_store_returns(
    tmp_path: Path, ladybug_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(ladybug_store)
    opened: list[FlakyStore] = []
    outage = {"down": True}

    def fake_open(
        settings: Settings | None = None, store: str | None = None, *, create_schema: bool = True
    ) -> GraphStore:
        if outage["down"]:
            raise StoreUnavailable("connection refused", where="bolt://127.0.0.1:7687")
        flaky = FlakyStore(
            ladybug_store, StoreUnavailable("connection reset"), failures=1 if not opened else 0
        )
        opened.append(flaky)
        return flaky

    monkeypatch.setattr(hdkg.graph.factory, "open_store", fake_open)
    for c in client_for(settings_for(tmp_path)):
        _assert_503(c.get("/actors"))
        outage["down"] = False
        _assert_503(c.get("/actors"))  # opened, but the connection drops mid-request
        assert opened[0].closed, "a failed store must be dropped, not cached"
        r = c.get("/actors")
        assert r.status_code == 200, r.text
        assert r.json()["count"] == 7
        assert len(opened) == 2
        assert c.get("/health").status_code == 200
        assert len(opened) == 2, "a healthy store is reused"


def test_unexpected_errors_are_500_problems_without_traceback(
    tmp_path: Path, ladybug_store: GraphStore
) -> None:
    flaky = FlakyStore(ladybug_store, ValueError("secret internals /etc/passwd"), failures=1)
    for c in client_for(settings_for(tmp_path), flaky):
        r = c.get("/links")
        assert r.status_code == 500
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json() == {
            "type": "urn:hdkg:problem:internal",
            "title": "Internal Server Error",
            "status": 500,
            "detail": "The server failed to answer this request; the error has been logged.",
            "instance": "/links",
        }
        assert "secret" not in r.text and "Traceback" not in r.text
        assert c.get("/links").status_code == 200


def test_hdkg_errors_keep_their_status_and_slug(tmp_path: Path, ladybug_store: GraphStore) -> None:
    flaky = FlakyStore(ladybug_store, QueryError("refused", where="query links"), failures=1)
    for c in client_for(settings_for(tmp_path), flaky):
        r = c.get("/links")
        assert r.status_code == 400
        assert r.json() == {
            "type": "urn:hdkg:problem:query", "title": "Bad Request", "status": 400, "detail": "refused",
            "instance": "/links", "where": "query links",
        }  # fmt: skip


def test_unknown_route_and_method_are_problems(tmp_path: Path) -> None:
    for c in client_for(settings_for(tmp_path)):
        r = c.get("/no/such/thing")
        assert (r.status_code, r.headers["content-type"]) == (404, "application/problem+json")
        r = c.delete("/cooperations")
        assert (r.status_code, r.headers["content-type"]) == (405, "application/problem+json")
        assert r.json()["type"] == "urn:hdkg:problem:method-not-allowed"


def test_store_opens_lazily_from_settings(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    for c in client_for(settings):
        assert not settings.db_path.exists()
        assert c.get("/openapi.json").status_code == 200
        assert not settings.db_path.exists(), "the store is opened on first use only"
        r = c.get("/health")
        assert r.status_code == 200, r.text
        assert r.json()["store"] == "ladybug"
        assert settings.db_path.exists()
