"""Vocabularies, countries and the network endpoint on both stores, over the hand-made graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.test_api_support import STORE_KINDS, client_for, fill, settings_for, store_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(params=STORE_KINDS)
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    store = store_of(request, request.param)
    fill(store)
    yield from client_for(settings_for(tmp_path, network_node_cap=500), store)


def _json(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def test_vocabularies_with_labels_and_counts(client: TestClient) -> None:
    from hdkg.ontology import vocab

    specialties = _json(client.get("/specialties"))["items"]
    assert [c["id"] for c in specialties] == sorted(c.id for c in vocab.specialties())
    onco = next(c for c in specialties if c["id"] == "oncology")
    assert set(onco["labels"]) == {"ru", "en", "uz"}
    assert onco["links"] == 2
    assert next(c for c in specialties if c["id"] == "pediatrics")["links"] == 1
    cardiac = next(c for c in specialties if c["id"] == "cardiac_surgery")
    assert cardiac["broader"] == ["cardiology", "surgery"]
    assert cardiac["links"] == 0
    areas = {c["id"]: c["links"] for c in _json(client.get("/areas"))["items"]}
    assert set(areas) == {c.id for c in vocab.areas()}
    assert (areas["training"], areas["equipment"], areas["joint_operations"]) == (1, 1, 1)
    assert _json(client.get("/countries")) == {
        "items": [
            {"code": "FR", "actors": 2, "links": 3},
            {"code": "KZ", "actors": 2, "links": 2},
            {"code": "UZ", "actors": 2, "links": 3},
        ]
    }


def test_network_nodes_edges_and_cap(client: TestClient, tmp_path: Path) -> None:
    body = _json(client.get("/network", params={"specialty": "oncology"}))
    assert body["truncated"] is False
    assert body["total_nodes"] == 3
    assert sorted(n["id"] for n in body["nodes"]) == ["aphp", "moh_uz", "onco_uz"]
    assert {(e["source"], e["target"], e["kind"]) for e in body["edges"]} == {
        ("aphp", "moh_uz", "agreement"), ("aphp", "moh_uz", "visit"), ("aphp", "onco_uz", "visit")
    }  # fmt: skip
    capped = _json(client.get("/network", params={"limit": 2}))
    assert (capped["truncated"], capped["total_nodes"], len(capped["nodes"])) == (True, 6, 2)
    ego = _json(client.get("/network", params={"actor": "onco_uz", "depth": 1}))
    # moh_uz stands on onco_uz's side of the visit: not a partner, not in its ego network.
    assert sorted(n["id"] for n in ego["nodes"]) == ["aphp", "onco_uz"]


def test_network_never_exceeds_the_configured_cap(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    store = store_of(request, "ladybug")
    fill(store)
    for c in client_for(settings_for(tmp_path, network_node_cap=3), store):
        body = _json(c.get("/network", params={"limit": 1000}))
        assert (len(body["nodes"]), body["truncated"], body["total_nodes"]) == (3, True, 6)


def test_network_data_has_the_response_models_fields() -> None:
    """/network serialises graph.network's models directly: they must keep the public schema's fields."""
    from api.schemas import network as public
    from hdkg.graph import network as internal

    for ours, theirs in (
        ("NetworkData", "Network"),
        ("NetworkNode", "NetworkNode"),
        ("NetworkEdge", "NetworkEdge"),
    ):
        assert list(getattr(internal, ours).model_fields) == list(getattr(public, theirs).model_fields), ours
