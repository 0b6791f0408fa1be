"""POST /cypher: off by default, read-only on both stores, refuses every write clause (also obfuscated),
caps rows, times out, limits the body; plus the store's own read mode behind the lexical guard."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hdkg.api.app import create_app
from hdkg.errors import QueryBusy, QueryError
from hdkg.graph import cypher_guard, cypher_lex
from hdkg.graph.base import GraphStore
from hdkg.graph.ladybug import LadybugStore
from tests.test_api_support import STORE_KINDS, TOKEN, fill, settings_for

AUTH = {"Authorization": f"Bearer {TOKEN}"}

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# (query, what the refusal must name)
REFUSED: list[tuple[str, str]] = [
    ("CREATE (n:Actor {id: 'x'})", "CREATE"),
    ("MERGE (n:Actor {id: 'x'}) RETURN n", "MERGE"),
    ("MATCH (n:Actor) DELETE n", "DELETE"),
    ("MATCH (n:Actor) DETACH DELETE n", "DETACH"),
    ("MATCH (n:Actor) SET n.name = 'x'", "SET"),
    ("MATCH (n:Actor) REMOVE n.name", "REMOVE"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD"),
    ("CALL dbms.components()", "CALL dbms.components"),
    ("CALL dbms.listConfig()", "CALL dbms.listConfig"),
    ("CALL dbms.security.createUser('x', 'y', false)", "CALL dbms.security.createUser"),
    ("CALL db.createLabel('X')", "CALL db.createLabel"),
    ("CALL db.index.fulltext.createNodeIndex('i', ['Actor'], ['name'])", "CALL db.index.fulltext"),
    ("MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS RETURN i", "TRANSACTIONS"),
    ("MATCH (n:Actor) FOREACH (x IN [1] | SET n.name = 'x')", "FOREACH"),
    ("DROP TABLE Actor", "DROP"),
    ("COPY Actor FROM '/tmp/x.csv'", "COPY"),
    ("COPY (MATCH (a:Actor) RETURN a.id) TO '/tmp/hdkg-leak.csv'", "COPY"),
    ("INSTALL json", "INSTALL"),
    ("LOAD EXTENSION json", "LOAD"),
    ("LOAD FROM '/etc/passwd' RETURN *", "LOAD"),
    ("EXPORT DATABASE '/tmp/hdkg-export'", "EXPORT"),
    ("CALL threads=1", "CALL threads"),
    ("SHOW USERS", "SHOW"),
    ("SHOW TRANSACTIONS", "SHOW"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
    ("USE system MATCH (n) RETURN n", "USE"),
    ("RETURN apoc.load.json('file:///etc/passwd')", "function apoc.load.json"),
    ("RETURN lpad('x', 100000000, 'y')", "function lpad"),
    ("UNWIND range(1, 300000000) AS i RETURN count(i)", "1,000,000 values"),
    (
        "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b UNWIND range(1, 10) AS c RETURN count(*)",
        "values",
    ),
    ("UNWIND range(1, size($x)) AS i RETURN i", "integer"),
    # obfuscated: case, every comment form, glued backticks, escapes, doubled quotes, lines
    ("match (n:Actor) detach delete n", "DETACH"),
    ("MATCH (n:Actor) DETACH/* hidden */DELETE n", "comments"),
    ("MATCH (n:Actor) // just reading\nDeTaCh\n\tDeLeTe n", "comments"),
    ("MATCH (n:Actor) RETURN n -- LOAD FROM", "comments"),
    ("MATCH (a:Actor) RETURN 1 AS `x`LOAD FROM '/etc/passwd' RETURN *", "LOAD"),
    ("MATCH (n:Actor) WHERE n.name = 'DELETE' SET n.x = 1", "SET"),
    ("MATCH (n:Actor) WHERE n.name = 'it''s' CREATE (m:Actor {id: 'y'})", "doubled"),
    ("MATCH (n:Actor) WHERE n.name = 'a\\'b' CREATE (m:Actor {id: 'y'})", "backslash"),
    ("RETURN '\\u0027' LOAD FROM '/etc/passwd'", "backslash"),
    ("RETURN 1; CREATE (n:Actor {id: 'x'})", "one statement"),
    ("MATCH (n:Actor) RETURN n.id /* unterminated", "comments"),
    ("MATCH (n:Actor) WHERE n.name = 'oops RETURN n", "unexpected"),
    ("MATCH (n:Actor) RETURN n.id\u2028LOAD FROM 'x'", "unexpected"),
    ("MATCH (n:Actor) RETURN 1.LOAD FROM '/etc/passwd' RETURN *", "LOAD"),
    ("MATCH (n:Actor) RETURN n. LOAD FROM '/etc/passwd' RETURN *", "LOAD"),
    ("MATCH (n:Actor) RETURN n.LOAD FROM '/etc/passwd' RETURN *", "FROM"),
    ("MATCH (n:Actor RETURN n", "unclosed"),
    ("MATCH (n:Actor)) RETURN n", "unbalanced"),
]

# Reads with forbidden words only inside strings, backtick names or parameters.
READS: list[str] = [
    "MATCH (a:Actor) WHERE a.name <> 'CREATE (x) DETACH DELETE x' RETURN a.id AS id ORDER BY id",
    'MATCH (a:Actor) WHERE a.name <> "MERGE; DROP TABLE Actor // x" RETURN a.id AS id ORDER BY id',
    "MATCH (a:Actor) WITH a AS `delete` RETURN `delete`.id AS id ORDER BY id;",
    "MATCH (a:Actor) WHERE a.id <> $set RETURN a.id AS id ORDER BY id",
    "MATCH (a:Actor) WHERE toLower(a.name) <> 'x' AND size(a.id) > 0 RETURN a.id AS id ORDER BY id",
    "MATCH (a:Actor) OPTIONAL MATCH (:Link)-[r:REPORTED_IN]->(:Article) WHERE r.start < 0 "
    "WITH DISTINCT a RETURN a.id AS id ORDER BY id",
    "UNWIND range(1, 2) AS i MATCH (a:Actor) WITH DISTINCT a RETURN a.id AS id ORDER BY id",
]


def _app(settings_kw: dict[str, Any], tmp_path: Path, store: GraphStore | None = None) -> FastAPI:
    app = create_app(settings_for(tmp_path, **settings_kw), store)
    if not any(getattr(r, "path", None) == "/cypher" for r in app.routes):
        from hdkg.api.routers import cypher  # until api/app.py includes it

        app.include_router(cypher.router)
    return app


def _client(app: FastAPI, headers: dict[str, str] | None = None) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://localhost", headers=headers, raise_server_exceptions=False) as c:
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
    yield from _client(_app(kw, tmp_path_factory.mktemp("app"), filled), AUTH)


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
    body = _problem(client.post("/cypher", json={"query": "MATCH (a:Actor) RETURN a.id AS x y"}), 400)
    assert "refused the query" in body["detail"]
    slow = (
        "MATCH (a:Specialty), (b:Specialty), (c:Specialty), (d:Specialty), (e:Specialty), (f:Specialty) "
        "WHERE a.id + b.id + c.id + d.id + e.id + f.id = 'none' RETURN count(*) AS n"
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
        runner(filled, write, {}, 5.0, 10, 100_000)
    assert _count(filled) == before


def test_reader_returns_the_statement_without_its_semicolon() -> None:
    assert (
        cypher_lex.check("MATCH (n) RETURN n.`set`, n:`Delete` ;") == "MATCH (n) RETURN n.`set`, n:`Delete`"
    )
    assert cypher_lex.check("UNWIND range(0, $n, 2) AS i RETURN i", {"n": 10}).startswith("UNWIND")
    with pytest.raises(QueryError, match="1,000,000"):
        cypher_lex.check("UNWIND range(0, $n) AS i RETURN i", {"n": 10**7})


# Forbidden statements, and ways to dress them up: the reader must refuse every combination.
_FORBIDDEN = [
    ["LOAD", "FROM", "'/etc/passwd'", "RETURN", "*"],
    ["LOAD", "CSV", "FROM", "'file:///etc/passwd'", "AS", "r", "RETURN", "r"],
    ["COPY", "Actor", "TO", "'/tmp/hdkg-leak.csv'"],
    ["EXPORT", "DATABASE", "'/tmp/hdkg-export'"],
    ["CALL", "threads=1"],
    ["SHOW", "TRANSACTIONS"],
    ["MATCH", "(n)", "DETACH", "DELETE", "n"],
    ["CREATE", "(n:Actor)"],
]
_SEPARATORS = [
    " ",
    "\t",
    "\n",
    "\r\n",
    "/**/",
    "/* x */",
    "//\n",
    "--\n",
    " /*/ */ ",
    "\u00a0",
    "\u2003",
    "\\u0020",
]


@given(
    statement=st.sampled_from(_FORBIDDEN),
    separators=st.lists(st.sampled_from(_SEPARATORS), min_size=12, max_size=12),
    cases=st.lists(st.sampled_from(["lower", "upper", "title", "swapcase"]), min_size=12, max_size=12),
    prefix=st.sampled_from(["", "MATCH (a:Actor) ", "RETURN 1 AS `x`", "RETURN 'it''s' AS s ", "RETURN 1;"]),
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_obfuscated_forbidden_statements_are_always_refused(
    client: TestClient,
    filled: GraphStore,
    statement: list[str],
    separators: list[str],
    cases: list[str],
    prefix: str,
) -> None:
    words = [getattr(w, c)() if w[0].isalpha() else w for w, c in zip(statement, cases, strict=False)]
    text = prefix + "".join(w + sep for w, sep in zip(words, separators, strict=False))
    with pytest.raises(QueryError):
        cypher_lex.check(text)
    r = client.post("/cypher", json={"query": text})
    assert r.status_code == 400, (text, r.text)


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "query",
    ["LOAD CSV FROM 'file:///etc/hostname' AS r RETURN r", "CALL dbms.listConfig() YIELD name RETURN name"],
)
def test_neo4j_plan_check_refuses_files_and_procedures_past_the_reader(
    _neo4j_session_store: GraphStore, query: str
) -> None:
    """Neo4j's own plan is the second line behind the reader (LadybugDB has no such plan: there the
    reader alone stops file and setting statements, since its READ ONLY transaction does not)."""
    with pytest.raises(QueryError, match=r"LoadCSV|ProcedureCall|refused|only reads"):
        cypher_guard._run_neo4j(_neo4j_session_store, query, {}, 5.0, 10, 100_000)


def test_no_file_is_read_or_written_through_cypher(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("HDKG_API_TOKEN=s3cret-token-value\n", encoding="utf-8")
    target = tmp_path / "written.csv"
    attempts = [
        f"LOAD FROM '{secret}' RETURN *",
        f"LOAD CSV FROM 'file://{secret}' AS r RETURN r",
        f"RETURN 1 AS `x`LOAD FROM '{secret}' RETURN *",
        f"COPY (MATCH (a:Actor) RETURN a.id) TO '{target}'",
        f"MATCH (a:Actor) RETURN a.id AS `a`COPY (RETURN 1) TO '{target}'",
        f"EXPORT DATABASE '{tmp_path / 'dump'}'",
    ]
    for query in attempts:
        r = client.post("/cypher", json={"query": query})
        assert r.status_code == 400, (query, r.text)
        assert "s3cret" not in r.text
    assert not target.exists() and not (tmp_path / "dump").exists()


def test_cypher_needs_the_token(filled: GraphStore, tmp_path: Path) -> None:
    for c in _client(_app({"cypher_enabled": True}, tmp_path, filled)):
        _problem(c.post("/cypher", json={"query": "RETURN 1 AS x"}), 401)
        bad = {"Authorization": "Bearer nope"}
        _problem(c.post("/cypher", json={"query": "RETURN 1 AS x"}, headers=bad), 401)
        assert c.post("/cypher", json={"query": "RETURN 1 AS x"}, headers=AUTH).status_code == 200


def test_cypher_without_a_configured_token_is_refused(filled: GraphStore, tmp_path: Path) -> None:
    for c in _client(_app({"cypher_enabled": True, "api_token": None}, tmp_path, filled)):
        r = c.post("/cypher", json={"query": "RETURN 1 AS x"}, headers=AUTH)
        assert r.status_code in (401, 403), r.text


def test_answers_are_capped_by_bytes(filled: GraphStore, tmp_path: Path) -> None:
    kw = {"cypher_enabled": True, "cypher_row_cap": 1000, "cypher_max_bytes": 400}
    for c in _client(_app(kw, tmp_path, filled), AUTH):
        r = c.post("/cypher", json={"query": "UNWIND range(1, 500) AS i RETURN i, 'abcdefghij' AS s"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["truncated"] is True and 0 < body["count"] < 500
        assert len(r.content) < 2_000
        one = c.post("/cypher", json={"query": "RETURN $s AS s", "parameters": {"s": "x" * 1000}})
        assert "answer cap" in _problem(one, 400)["detail"]


def test_a_user_query_does_not_hold_the_store_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a slow user query runs, the API's named queries still get the (LadybugDB) store lock."""
    filled = LadybugStore(tmp_path / "graph.lbug")
    filled.create_schema()
    fill(filled)
    slow = (
        "MATCH (a:Specialty), (b:Specialty), (c:Specialty), (d:Specialty), (e:Specialty), (f:Specialty) "
        "WHERE a.id + b.id + c.id + d.id + e.id + f.id = 'none' RETURN count(*) AS n"
    )
    errors: list[BaseException] = []
    monkeypatch.setattr(cypher_guard, "QUEUE_WAIT_S", 0.2)

    def run() -> None:
        try:
            cypher_guard.run_read(filled, slow, {}, timeout_s=1.5, row_cap=10)
        except QueryError as exc:
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.3)
    got = filled._shared.lock.acquire(timeout=0.5)  # type: ignore[attr-defined]
    if got:
        filled._shared.lock.release()  # type: ignore[attr-defined]
    with pytest.raises(QueryBusy):
        cypher_guard.run_read(filled, "RETURN 1 AS x", {}, timeout_s=1.0, row_cap=10)
    worker.join()
    filled.close()
    filled.close()
    assert got, "the store lock was held by the user query"
    assert errors and "timeout" in str(errors[0])


def test_values_built_by_repetition_stop_at_the_memory_ceiling(tmp_path: Path) -> None:
    """Doubling a string is bounded by no lexical rule; the store's buffer pool ceiling stops it."""
    store = LadybugStore(tmp_path / "graph.lbug", buffer_pool_mb=128)
    try:
        store.create_schema()
        doubling = (
            "WITH 'abcdefghijklmnop' AS s " + " ".join(["WITH s + s AS s"] * 26) + " RETURN size(s) AS n"
        )
        with pytest.raises(QueryError, match=r"memory|buffer pool|timeout"):
            cypher_guard.run_read(store, doubling, {}, timeout_s=20, row_cap=1)
    finally:
        store.close()


@pytest.mark.parametrize(
    "parameters",
    [{"x": 10**30}, {"x": [[[[[[[1]]]]]]]}, {"x": {"a": {"b": {"c": {"d": {"e": {"f": 1}}}}}}}],
)
def test_odd_parameters_are_422_not_500(client: TestClient, parameters: dict[str, Any]) -> None:
    _problem(client.post("/cypher", json={"query": "RETURN $x AS x", "parameters": parameters}), 422)


def test_parameters_of_every_json_type_run(client: TestClient) -> None:
    params = {"x": [1, 2.5, "s", None, True, {"k": [1]}]}
    r = client.post("/cypher", json={"query": "RETURN $x AS x", "parameters": params})
    assert r.status_code in (200, 400), r.text  # a store may refuse a mixed list, but never with a 500


def test_a_busy_answer_is_503_and_leaves_the_store_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The busy slot is not a store failure: the API must not drop (close) a store others are using."""
    monkeypatch.setattr(cypher_guard, "QUEUE_WAIT_S", 0.1)
    app = _app({"cypher_enabled": True}, tmp_path)  # the app opens (and owns) its store
    for c in _client(app, AUTH):
        assert c.get("/actors").status_code == 200
        opened = app.state.store_provider.get()
        assert cypher_guard._ONE_AT_A_TIME.acquire(timeout=5)
        try:
            r = c.post("/cypher", json={"query": "RETURN 1 AS x"})
        finally:
            cypher_guard._ONE_AT_A_TIME.release()
        body = _problem(r, 503)
        assert body["type"] == "urn:hdkg:problem:query-busy" and r.headers["retry-after"] == "1"
        assert app.state.store_provider.get() is opened
        assert c.get("/actors").status_code == 200
