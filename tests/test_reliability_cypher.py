"""POST /cypher: off by default, read-only on both stores, refuses every write clause (also obfuscated),
caps rows, times out, limits the body; plus the store's own read mode behind the lexical guard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hdkg.api.app import create_app
from hdkg.errors import QueryError
from hdkg.graph import cypher_guard
from hdkg.graph.base import GraphStore
from hdkg.graph.ladybug import LadybugStore
from tests.test_api_support import STORE_KINDS, fill, settings_for

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# (query, the clause the refusal must name)
REFUSED: list[tuple[str, str]] = [
    ("CREATE (n:Actor {id: 'x'})", "CREATE"),
    ("MERGE (n:Actor {id: 'x'}) RETURN n", "MERGE"),
    ("MATCH (n:Actor) DELETE n", "DELETE"),
    ("MATCH (n:Actor) DETACH DELETE n", "DETACH DELETE"),
    ("MATCH (n:Actor) SET n.name = 'x'", "SET"),
    ("MATCH (n:Actor) REMOVE n.name", "REMOVE"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD CSV"),
    ("CALL dbms.components()", "CALL dbms.components"),
    ("CALL dbms.security.createUser('x', 'y', false)", "CALL dbms.security.createUser"),
    ("CALL db.createLabel('X')", "CALL db.createLabel"),
    ("CALL db.index.fulltext.createNodeIndex('i', ['Actor'], ['name'])", "CALL db.index.fulltext"),
    ("MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS RETURN i", "CALL { } IN TRANSACTIONS"),
    ("MATCH (n:Actor) FOREACH (x IN [1] | SET n.name = 'x')", "FOREACH"),
    ("DROP TABLE Actor", "DROP"),
    ("COPY Actor FROM '/tmp/x.csv'", "COPY"),
    ("COPY (MATCH (a:Actor) RETURN a.id) TO '/tmp/hdkg-leak.csv'", "COPY"),
    ("INSTALL json", "INSTALL"),
    ("LOAD EXTENSION json", "LOAD EXTENSION"),
    ("LOAD FROM '/etc/passwd' RETURN *", "LOAD FROM"),
    ("EXPORT DATABASE '/tmp/hdkg-export'", "EXPORT"),
    ("CALL threads=1", "CALL threads"),
    # obfuscated: case, comments between tokens, line breaks, string literal before the write
    ("match (n:Actor) detach delete n", "DETACH DELETE"),
    ("MATCH (n:Actor) DETACH/* hidden */DELETE n", "DETACH DELETE"),
    ("MATCH (n:Actor) // just reading\nDeTaCh\n\tDeLeTe n", "DETACH DELETE"),
    ("MATCH (n:Actor) WHERE n.name = 'DELETE' SET n.x = 1", "SET"),
    ("MATCH (n:Actor) WHERE n.name = 'it''s' CREATE (m:Actor {id: 'y'})", "CREATE"),
    ("MATCH (n:Actor) WHERE n.name = 'a\\'b' CREATE (m:Actor {id: 'y'})", "CREATE"),
    ("RETURN 1; CREATE (n:Actor {id: 'x'})", "one statement"),
    ("MATCH (n:Actor) RETURN n.id /* unterminated", "unterminated"),
    ("MATCH (n:Actor) WHERE n.name = 'oops RETURN n", "unterminated"),
]

# Reads with write words only inside strings, comments, backtick names or property keys.
READS: list[str] = [
    "MATCH (a:Actor) WHERE a.name <> 'CREATE (x) DETACH DELETE x' RETURN a.id AS id ORDER BY id",
    'MATCH (a:Actor) WHERE a.name <> "MERGE; DROP TABLE Actor" RETURN a.id AS id ORDER BY id',
    "// DELETE everything? no.\nMATCH (a:Actor) /* SET a.x = 1 */ RETURN a.id AS id ORDER BY id",
    "MATCH (a:Actor) WITH a AS `delete` RETURN `delete`.id AS id ORDER BY id;",
    "MATCH (a:Actor) WHERE a.id <> $set RETURN a.id AS id ORDER BY id",
]


def _app(settings_kw: dict[str, Any], tmp_path: Path, store: GraphStore | None = None) -> FastAPI:
    app = create_app(settings_for(tmp_path, **settings_kw), store)
    if not any(getattr(r, "path", None) == "/cypher" for r in app.routes):
        from hdkg.api.routers import cypher  # until api/app.py includes it

        app.include_router(cypher.router)
    return app


def _client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _problem(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in r.text
    body: dict[str, Any] = r.json()
    return body


@pytest.fixture(scope="module", params=STORE_KINDS)
def filled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """Filled once per store for the module: every test here leaves the graph as it found it."""
    store: GraphStore
    if request.param == "neo4j":
        store = request.getfixturevalue("_neo4j_session_store")
        store.clear()
    else:
        store = LadybugStore(tmp_path_factory.mktemp("cypher") / "graph.lbug")
        store.create_schema()
    fill(store)
    yield store
    if request.param == "ladybug":
        store.close()


@pytest.fixture(scope="module")
def client(filled: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    kw = {"cypher_enabled": True, "cypher_row_cap": 3, "cypher_timeout_s": 1.0}
    yield from _client(_app(kw, tmp_path_factory.mktemp("app"), filled))


def _count(store: GraphStore) -> dict[str, int]:
    return store.stats().nodes


def test_cypher_is_404_unless_enabled(tmp_path: Path) -> None:
    for c in _client(_app({}, tmp_path)):
        body = _problem(c.post("/cypher", json={"query": "RETURN 1"}), 404)
        assert "HDKG_CYPHER_ENABLED" in body["detail"]


def test_read_query_answers_with_columns_rows_and_cap(client: TestClient, filled: GraphStore) -> None:
    r = client.post(
        "/cypher", json={"query": "MATCH (a:Actor) RETURN a.id AS id, a.name AS name ORDER BY id"}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["columns"] == ["id", "name"]
    assert body["store"] == filled.dialect
    assert [row["id"] for row in body["rows"]] == ["aphp", "clinic_ab", "moh_kz"]
    assert body["truncated"] is True and body["count"] == 3 and body["row_cap"] == 3
    small = client.post(
        "/cypher", json={"query": "MATCH (a:Actor {id: $id}) RETURN a", "parameters": {"id": "aphp"}}
    )
    assert small.status_code == 200, small.text
    assert small.json()["truncated"] is False
    assert "AP-HP" in small.text  # a whole node comes back as JSON


@pytest.mark.parametrize(("query", "clause"), REFUSED)
def test_write_and_admin_clauses_are_refused_naming_the_clause(
    client: TestClient, filled: GraphStore, query: str, clause: str
) -> None:
    before = _count(filled)
    body = _problem(client.post("/cypher", json={"query": query}), 400)
    assert body["type"] == "urn:hdkg:problem:query"
    assert clause.lower() in body["detail"].lower(), body["detail"]
    assert _count(filled) == before
    assert not Path("/tmp/hdkg-leak.csv").exists()


@pytest.mark.parametrize("query", READS)
def test_write_words_in_strings_comments_and_names_do_not_refuse_a_read(
    client: TestClient, query: str
) -> None:
    r = client.post("/cypher", json={"query": query, "parameters": {"set": "nobody"}})
    assert r.status_code == 200, r.text
    assert [row["id"] for row in r.json()["rows"]] == ["aphp", "clinic_ab", "moh_kz"]


def test_store_errors_are_400_and_timeouts_are_reported(client: TestClient, filled: GraphStore) -> None:
    body = _problem(client.post("/cypher", json={"query": "MATCH (a:Actor RETURN a"}), 400)
    assert "refused the query" in body["detail"]
    slow = (
        "MATCH (a:Specialty), (b:Specialty), (c:Specialty), (d:Specialty), (e:Specialty) "
        "WHERE a.id + b.id + c.id + d.id + e.id = 'none' RETURN count(*) AS n"
    )
    body = _problem(client.post("/cypher", json={"query": slow}), 400)
    assert "timeout" in body["detail"]


def test_body_limits_and_shape(client: TestClient) -> None:
    huge = {"query": "RETURN 1 AS x " + " " * 70_000}
    body = _problem(client.post("/cypher", json=huge), 413)
    assert body["type"] == "urn:hdkg:problem:too-large"
    _problem(client.post("/cypher", content=b"RETURN 1", headers={"Content-Type": "text/plain"}), 415)
    _problem(client.post("/cypher", json={"text": "RETURN 1"}), 422)
    _problem(client.post("/cypher", content=b"{not json", headers={"Content-Type": "application/json"}), 422)


@pytest.mark.parametrize("write", ["CREATE (n:Actor {id: 'sneaky'})", "MATCH (n:Actor) DETACH DELETE n"])
def test_read_mode_refuses_writes_even_past_the_guard(filled: GraphStore, write: str) -> None:
    """The second line of defence: the store's own read mode, with the guard bypassed."""
    before = _count(filled)
    runner = cypher_guard._RUNNERS[filled.dialect]
    with pytest.raises(QueryError):
        runner(filled, write, {}, 5.0, 10)
    assert _count(filled) == before


def test_guard_strips_literals_exactly() -> None:
    assert cypher_guard.strip_literals("RETURN 'a\\'b' + \"c\" // x\n + `d e`") == "RETURN '' + ''  \n + _"
    assert (
        cypher_guard.check_read_only("MATCH (n) RETURN n.set, n:Delete ;")
        == "MATCH (n) RETURN n.set, n:Delete"
    )
    for spaced in ("MATCH (n) RETURN n. set", "MATCH (n) RETURN n: Delete"):
        with pytest.raises(QueryError):
            cypher_guard.check_read_only(spaced)
