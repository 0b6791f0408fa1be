"""Neo4j as a cluster needs it: bookmarks carry every write into the next read, reads ask for READ
sessions (a cluster routes them to secondaries), writes for WRITE, named reads have a server timeout,
and the store works over the routing scheme ``neo4j://`` as over ``bolt://``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from hdkg.errors import SchemaMissing, StoreError
from hdkg.graph.base import GraphStore
from hdkg.graph.neo4j import Neo4jStore
from hdkg.settings import Settings
from tests.test_api_support import client_for, facts, fill, settings_for


@pytest.fixture
def sessions(neo4j_store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """The keyword arguments of every session the store opens."""
    assert isinstance(neo4j_store, Neo4jStore)
    driver = neo4j_store._driver
    opened: list[dict[str, Any]] = []
    real = driver.session

    def recording(**kwargs: Any) -> neo4j.Session:
        opened.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(driver, "session", recording)
    yield opened


def test_reads_wait_for_the_writes_before_them(
    neo4j_store: GraphStore, sessions: list[dict[str, Any]]
) -> None:
    assert isinstance(neo4j_store, Neo4jStore)
    seen: list[frozenset[str]] = []
    for n, f in enumerate(facts()[:3], start=1):
        neo4j_store.write_facts(f)
        seen.append(frozenset(neo4j_store._bookmarks.get_bookmarks()))
        counts = {r["label"]: r["count"] for r in neo4j_store.query("node_counts")}
        assert counts["Article"] == n, "a read right after the write must see it"
    assert all(seen) and len(set(seen)) == 3, "each committed write moves the bookmarks on"
    assert {id(s["bookmark_manager"]) for s in sessions} == {id(neo4j_store._bookmarks)}


def test_reads_are_read_sessions_and_writes_write_sessions(
    neo4j_store: GraphStore, sessions: list[dict[str, Any]]
) -> None:
    neo4j_store.write_facts(facts()[0])
    writes = [s["default_access_mode"] for s in sessions]
    sessions.clear()
    neo4j_store.query("node_counts")
    neo4j_store.stats()
    reads = [s["default_access_mode"] for s in sessions]
    assert writes and set(writes) == {neo4j.WRITE_ACCESS}
    assert reads and set(reads) == {neo4j.READ_ACCESS}


def test_a_named_read_has_a_server_timeout(neo4j_store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(neo4j_store, Neo4jStore)
    monkeypatch.setattr(neo4j_store, "query_timeout_s", 0.5)
    slow = "UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n"
    with pytest.raises(StoreError, match=r"(?i)timeout|timed out|terminated"):
        neo4j_store._read("slow", slow, {})


@pytest.mark.parametrize("scheme", ["neo4j://", "bolt://"])
def test_the_store_works_over_both_schemes(neo4j_env: dict[str, str], scheme: str) -> None:
    """The session's store (every other Neo4j test) runs over neo4j://; this opens one of each."""
    uri = scheme + neo4j_env["NEO4J_URI"].split("://", 1)[1]
    store = Neo4jStore(uri, neo4j_env["NEO4J_USER"], neo4j_env["NEO4J_PASSWORD"])
    try:
        store.clear()
        store.write_facts(facts()[0])
        assert store.stats().nodes["Article"] == 1
        assert {r["label"]: r["count"] for r in store.query("node_counts")}["Article"] == 1
    finally:
        store.clear()
        store.close()


def _api_settings(tmp_path: Path, neo4j_env: dict[str, str]) -> Settings:
    return settings_for(
        tmp_path,
        store="neo4j",
        neo4j_uri=neo4j_env["NEO4J_URI"],
        neo4j_user=neo4j_env["NEO4J_USER"],
        neo4j_password=neo4j_env["NEO4J_PASSWORD"],
    )


def test_the_api_serves_an_existing_schema_without_writing(
    neo4j_store: GraphStore, neo4j_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only database user can run the API: opening the store and serving issue no write at all."""
    fill(neo4j_store)
    writes: list[str] = []
    for method in ("_write", "_auto"):
        real = getattr(Neo4jStore, method)

        def recording(self: Neo4jStore, what: str, *args: Any, _real: Any = real) -> Any:
            writes.append(what)
            return _real(self, what, *args)

        monkeypatch.setattr(Neo4jStore, method, recording)
    for client in client_for(_api_settings(tmp_path, neo4j_env)):  # the app opens its own store
        for path in ("/health", "/cooperations", "/network", "/actors?q=a", "/links?limit=5", "/", "/view"):
            assert client.get(path).status_code == 200, path
        assert writes == []
        before = neo4j_store.graph_version()
        ready = client.get("/health/ready")
        assert ready.status_code == 200 and ready.json() == {"store": "neo4j", "read": True, "write": True}
        assert writes == []  # the readiness probe runs RETURN 1 in a WRITE session: no data, no version bump
        assert neo4j_store.graph_version() == before


def test_a_missing_schema_is_a_503_naming_init_schema(
    neo4j_store: GraphStore, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    assert isinstance(neo4j_store, Neo4jStore)
    neo4j_store._auto("drop", "DROP CONSTRAINT actor_id IF EXISTS")
    try:
        with pytest.raises(SchemaMissing, match=r"actor_id.*hdkg init-schema"):
            neo4j_store.check_schema()
        for client in client_for(_api_settings(tmp_path, neo4j_env)):
            r = client.get("/health")
            assert r.status_code == 503 and r.json()["type"] == "urn:hdkg:problem:schema-missing"
    finally:
        neo4j_store.create_schema()
    neo4j_store.check_schema()


def test_ready_on_the_embedded_store(tmp_path: Path) -> None:
    for client in client_for(settings_for(tmp_path)):
        r = client.get("/health/ready")
        assert r.status_code == 200 and r.json() == {"store": "ladybug", "read": True, "write": True}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_two_api_processes_over_neo4j_agree_after_a_write(
    neo4j_store: GraphStore, neo4j_env: dict[str, str]
) -> None:
    """`hdkg serve --workers 2`: whichever process answers, a write through one is seen by every read."""
    import os
    import subprocess
    import sys
    import time

    import httpx

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HDKG_", "NEO4J_"))}
    env |= {**neo4j_env, "HDKG_STORE": "neo4j", "HDKG_API_TOKEN": "t0ken", "HDKG_LOG_LEVEL": "WARNING"}
    hdkg = str(Path(sys.executable).with_name("hdkg"))
    server = subprocess.Popen(
        [hdkg, "serve", "--workers", "2", "--port", str(port)], env=env, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, server.stderr.read().decode()[-2000:] if server.stderr else ""
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "hdkg serve --workers 2 did not answer"
            time.sleep(0.3)
        article = facts()[0].article
        body = f"{article.title}\n\n{article.text}".encode()
        r = httpx.post(
            f"{url}/articles",
            content=body,
            headers={"Authorization": "Bearer t0ken", "Content-Type": "text/plain"},
            timeout=120,
        )
        assert r.status_code == 200, r.text
        links = len(r.json()["facts"]["links"])
        assert links > 0
        seen = {
            httpx.get(f"{url}/links", params={"limit": 100, "total": 1}, timeout=10).json()["total"]
            for _ in range(12)
        }
        assert seen == {links}, seen
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_embedded_store_refuses_several_workers(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "HDKG_DATA_DIR": str(tmp_path), "HDKG_STORE": "ladybug"}
    hdkg = str(Path(sys.executable).with_name("hdkg"))
    run = subprocess.run(
        [hdkg, "serve", "--workers", "2", "--port", str(_free_port())],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert run.returncode == 2 and b"embedded store serves one process" in run.stderr
