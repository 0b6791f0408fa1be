"""The whole actor-level network, ranked and capped in the store, equals the one ranked in Python.

``build_network`` without an ego actor asks the store for the top actors
(``network_top_actors``), their number and the rows among them; the rows path
(``_rows_network``, still used for ego networks and the country level) reads
every row and ranks in Python. Below ``ROW_CAP`` rows both must give the same
NetworkData, on both stores, for every filter and node cap, ties included.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hdkg.graph.base import GraphStore
from hdkg.graph.ladybug import LadybugStore
from hdkg.graph.network import ROW_CAP, NetworkData, _rows_network, build_network
from tests.graph_fixture import articles, generated_articles

pytestmark = pytest.mark.neo4j

_FILTERS: list[dict[str, Any]] = [
    {},
    {"specialty": "oncology"},
    {"area": "research"},
    {"country": "RU"},
    {"country": "UZ", "specialty": "cardiology"},
    {"kind": "agreement"},
    {"kind": "meeting", "status": "held"},
    {"since": "2023-01-01", "until": "2024-06-30"},
    {"until": "2022-12-31"},
    {"kind": "visit", "country": "KR"},
]
_LIMITS = [500, 0, 1, 2, 3, 5, 8, 14]
_KEYS = ("specialty", "area", "country", "kind", "status", "since", "until")


@pytest.fixture(scope="module", params=["fixture", "generated"])
def stores(
    request: pytest.FixtureRequest, _neo4j_session_store: GraphStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[GraphStore, GraphStore]]:
    facts = articles() if request.param == "fixture" else generated_articles()
    lb = LadybugStore(Path(tmp_path_factory.mktemp(f"net-{request.param}")) / "graph.lbug")
    lb.create_schema()
    nj = _neo4j_session_store
    nj.clear()
    for store in (lb, nj):
        for i in range(0, len(facts), 20):
            store.write_many(facts[i : i + 20])
    yield lb, nj
    lb.close()


def _rows_path(store: GraphStore, filters: dict[str, Any], limit: int) -> NetworkData:
    return _rows_network(store, {k: filters.get(k) for k in _KEYS}, None, 1, limit, "actor")


def test_same_network_both_ways_on_both_stores(stores: tuple[GraphStore, GraphStore]) -> None:
    lb = stores[0]
    compared = truncated = 0
    for filters in _FILTERS:
        for limit in _LIMITS:
            answers = []
            for store in stores:
                old = _rows_path(store, filters, limit)
                new = build_network(store, **filters, limit=limit)
                assert new == old, f"{store.dialect} {filters} limit={limit}:\nstore={new}\nrows={old}"
                answers.append(new)
                compared += 1
                truncated += new.truncated
            assert answers[0] == answers[1], f"{filters} limit={limit}: ladybug and neo4j differ"
    assert compared == 2 * len(_FILTERS) * len(_LIMITS) and truncated > 0
    # the rows path was exact here: nowhere near its row cap
    assert len(lb.query("network_edges", **dict.fromkeys(_KEYS), actor=None, limit=None)) < ROW_CAP


def test_the_cap_cuts_through_ties(stores: tuple[GraphStore, GraphStore]) -> None:
    """Some cap keeps one of two actors equal in degree and links: the id decides, on both stores."""
    lb, nj = stores
    full = build_network(lb)
    ranks = [(n.degree, n.links) for n in full.nodes]
    cuts = [k for k in _LIMITS if 0 < k < len(ranks) and ranks[k - 1] == ranks[k]]
    assert cuts, f"no cap in {_LIMITS} falls inside a tie: {ranks}"
    for k in cuts:
        kept = build_network(nj, limit=k)
        assert [n.id for n in kept.nodes] == [n.id for n in full.nodes[:k]]
        assert full.nodes[k - 1].id < full.nodes[k].id
        assert kept.truncated and kept.total_nodes == len(full.nodes)


class _Recorder:
    """A store that notes the named queries asked of it."""

    def __init__(self, inner: GraphStore) -> None:
        self.inner = inner
        self.names: list[str] = []

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        self.names.append(name)
        return self.inner.query(name, **params)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.inner, attr)


def test_only_the_ego_and_country_networks_read_every_row(stores: tuple[GraphStore, GraphStore]) -> None:
    for store in stores:
        rec = _Recorder(store)
        build_network(rec, specialty="oncology", limit=3)  # type: ignore[arg-type]
        assert "network_edges" not in rec.names and "network_top_actors" in rec.names
        for kwargs in ({"actor": "uz-moh"}, {"level": "country"}):
            rec.names.clear()
            build_network(rec, **kwargs)  # type: ignore[arg-type]
            assert "network_edges" in rec.names and "network_top_actors" not in rec.names
