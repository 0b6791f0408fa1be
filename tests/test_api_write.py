"""POST /articles and /ingest on both stores: token, size and media-type checks, then real extraction
and storage (the Neo4j runs write to the session's real local server)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from hdkg.graph.base import GraphStore
from tests.test_api_support import STORE_KINDS, TOKEN, client_for, settings_for, store_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEMO = resources.files("hdkg") / "demo"


def _problem(r: httpx.Response, status: int, slug: str) -> dict[str, object]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = r.json()
    assert body["type"] == f"urn:hdkg:problem:{slug}"
    assert body["status"] == status
    assert "Traceback" not in r.text
    return body


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest) -> GraphStore:
    return store_of(request, request.param)


@pytest.fixture
def client(tmp_path: Path, store: GraphStore) -> Iterator[TestClient]:
    yield from client_for(settings_for(tmp_path, max_body_bytes=2000), store)


@pytest.mark.parametrize("path", ["/articles", "/ingest"])
def test_writes_disabled_without_a_configured_token(tmp_path: Path, store: GraphStore, path: str) -> None:
    for c in client_for(settings_for(tmp_path, api_token=None), store):
        r = c.post(path, content=b"[]", headers={**AUTH, "Content-Type": "application/json"})
        body = _problem(r, 403, "writes-disabled")
        assert "HDKG_API_TOKEN" in str(body["detail"])
    assert store.stats().nodes.get("Article", 0) == 0


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic eDp5"}])
def test_missing_or_wrong_token_is_401(client: TestClient, headers: dict[str, str]) -> None:
    r = client.post("/articles", content=b"text", headers={**headers, "Content-Type": "text/plain"})
    _problem(r, 401, "unauthorized")
    assert r.headers["www-authenticate"].startswith("Bearer")


def test_declared_size_over_the_limit_is_413(client: TestClient) -> None:
    r = client.post("/articles", content=b"x" * 2001, headers={**AUTH, "Content-Type": "text/plain"})
    body = _problem(r, 413, "too-large")
    assert "2000 bytes" in str(body["detail"])


def test_streamed_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"y" * 500

    r = client.post("/ingest", content=chunks(), headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert "content-length" not in {k.lower() for k in r.request.headers}
    _problem(r, 413, "too-large")


@pytest.mark.parametrize(
    ("path", "ctype"), [("/articles", "image/png"), ("/ingest", "text/plain"), ("/articles", "")]
)
def test_unsupported_media_type_is_415(client: TestClient, path: str, ctype: str) -> None:
    r = client.post(path, content=b"abc", headers={**AUTH, "Content-Type": ctype})
    body = _problem(r, 415, "unsupported-media-type")
    assert "text/plain" in str(body["detail"]) or "application/json" in str(body["detail"])


@pytest.mark.parametrize(
    ("path", "ctype", "content"),
    [("/articles", "text/plain", b"   "), ("/ingest", "application/json", b"42"),
     ("/ingest", "application/json", b"[{"), ("/articles", "application/json", b'{"title": "no text"}')],
)  # fmt: skip
def test_bad_bodies_are_422(client: TestClient, path: str, ctype: str, content: bytes) -> None:
    r = client.post(path, content=content, headers={**AUTH, "Content-Type": ctype})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["detail"]


@pytest.fixture(scope="module", params=STORE_KINDS)
def big_client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """One app per store for the extraction tests, so the extractor loads its models once per store.

    LadybugDB: the app opens its own store from the settings, as `hdkg serve` does. Neo4j: the
    session's server, emptied first (the per-test ``neo4j_store`` fixture is function-scoped)."""
    settings = settings_for(tmp_path_factory.mktemp("write"))
    store: GraphStore | None = None
    if request.param == "neo4j":
        store = request.getfixturevalue("_neo4j_session_store")
        store.clear()
    yield from client_for(settings, store)


def test_post_article_returns_the_extractors_facts_and_stores_them(big_client: TestClient) -> None:
    from hdkg.extraction import Extractor
    from hdkg.loaders import parse_payload

    text = (DEMO / "ru_04_uzbekistan_aphp_memorandum.txt").read_bytes()
    r = big_client.post("/articles", params={"source": "memo.txt"}, content=text,
                        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    expected = Extractor().extract(parse_payload(text, source="memo.txt", media_type="text/plain")[0])
    assert body["facts"] == expected.to_eval_json()
    assert body["write"]["article_id"] == expected.article.id
    assert body["write"]["skipped"] is False
    assert body["write"]["links"] > 0
    stored = big_client.get("/links", params={"actor": body["facts"]["links"][0]["sides"][0][0]}).json()
    assert stored["items"]
    evidence = {
        e["text"] for i in stored["items"] for e in big_client.get(f"/links/{i['id']}").json()["evidence"]
    }
    assert evidence & {e["text"] for link in body["facts"]["links"] for e in link["evidence"]}

    again = big_client.post("/articles", params={"source": "memo.txt"}, content=text,
                            headers={**AUTH, "Content-Type": "text/plain"})  # fmt: skip
    assert again.json()["write"] == {**body["write"], "skipped": True, "actors": 0, "links": 0}


def test_ingest_batch_reports_per_item_errors(big_client: TestClient) -> None:
    records = [
        json.loads(line) for line in (DEMO / "extra.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    batch = [records[0], {"title": "no text"}, 42, records[1]]
    r = big_client.post(
        "/ingest", content=json.dumps(batch).encode(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["received"], body["stored"], body["skipped"], body["failed"]) == (4, 2, 0, 2)
    assert [i["index"] for i in body["items"]] == [0, 3]
    assert [(e["index"], e["status"]) for e in body["errors"]] == [(1, 422), (2, 422)]
    assert all(e["detail"] and e["type"].startswith("urn:hdkg:problem:") for e in body["errors"])
    assert body["links"] == sum(i["links"] for i in body["items"])

    lines = b"\n".join(json.dumps(x).encode() for x in records)
    r2 = big_client.post("/ingest", content=lines, headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert (r2.json()["received"], r2.json()["skipped"], r2.json()["failed"]) == (2, 2, 0)
