"""build_network over a real LadybugDB store: aggregation, cap, ego networks, country level."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hdkg.graph.base import GraphStore
from hdkg.graph.network import NetworkData, build_network
from tests.test_visual_facts import HOSTILE_NAME, open_visual_store, star_facts


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    s = open_visual_store(tmp_path_factory.mktemp("vis-net"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def star(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    s = open_visual_store(tmp_path_factory.mktemp("vis-star"), star_facts(30))
    yield s
    s.close()


def _ids(data: NetworkData) -> set[str]:
    return {n.id for n in data.nodes}


def _consistent(data: NetworkData) -> None:
    ids = _ids(data)
    assert len(ids) == len(data.nodes)
    for e in data.edges:
        assert e.source in ids and e.target in ids and e.source < e.target
        assert e.link_ids == sorted(set(e.link_ids))
    assert len({e.id for e in data.edges}) == len(data.edges)


def test_whole_graph(store: GraphStore) -> None:
    data = build_network(store)
    _consistent(data)
    assert _ids(data) == {"evil", "uz-moh", "ru-moh", "kr-mohw", "who", "tma", "almazov"}
    assert not data.truncated and data.total_nodes == 7 and data.level == "actor"
    by_id = {n.id: n for n in data.nodes}
    assert by_id["evil"].label == HOSTILE_NAME
    # uz-moh: partners evil, ru-moh, who, almazov; links 1, 2, 4, 6, 7
    assert by_id["uz-moh"].degree == 4 and by_id["uz-moh"].links == 5
    # nodes come highest degree first
    assert [n.degree for n in data.nodes] == sorted((n.degree for n in data.nodes), reverse=True)
    pairs = {(e.source, e.target, e.kind, e.status) for e in data.edges}
    assert ("ru-moh", "uz-moh", "agreement", "signed") in pairs
    assert ("ru-moh", "uz-moh", "agreement", "planned") in pairs  # same pair, other status: own edge
    assert ("ru-moh", "who", "agreement", "planned") in pairs  # trilateral: every cross-side pair


def test_filters_reach_the_query(store: GraphStore) -> None:
    data = build_network(store, kind="agreement", status="signed")
    assert {(e.kind, e.status) for e in data.edges} == {("agreement", "signed")}
    assert _ids(data) == {"evil", "uz-moh", "ru-moh"}
    dated = build_network(store, since="2023-01-01", until="2023-12-31")
    assert {e.kind for e in dated.edges} == {"visit", "program"}
    assert build_network(store, specialty="pediatrics").edges[0].specialties == ["pediatrics"]


def test_cap_keeps_the_most_connected(star: GraphStore) -> None:
    full = build_network(star, limit=500)
    assert full.total_nodes == 31 and not full.truncated
    capped = build_network(star, limit=10)
    _consistent(capped)
    assert capped.truncated and capped.total_nodes == 31 and len(capped.nodes) == 10
    assert "hub" in _ids(capped)
    degree = {n.id: n.degree for n in full.nodes}
    kept_min = min(degree[i] for i in _ids(capped))
    assert all(degree[i] <= kept_min for i in set(degree) - _ids(capped))


def test_ego_network_depth(store: GraphStore) -> None:
    one = build_network(store, actor="tma", depth=1)
    _consistent(one)
    assert _ids(one) == {"tma", "kr-mohw", "almazov"}
    two = build_network(store, actor="tma", depth=2)
    _consistent(two)
    assert _ids(two) == {"tma", "kr-mohw", "almazov", "uz-moh"}
    assert any({e.source, e.target} == {"almazov", "uz-moh"} for e in two.edges)


def test_ego_keeps_the_ego_under_the_cap(star: GraphStore) -> None:
    data = build_network(star, actor="s015", depth=2, limit=3)
    assert "s015" in _ids(data) and len(data.nodes) == 3 and data.truncated


def test_ego_of_an_isolated_or_unknown_actor(store: GraphStore) -> None:
    assert build_network(store, actor="nobody").nodes == []
    lonely = build_network(store, actor="tma", kind="meeting")
    assert [n.id for n in lonely.nodes] == ["tma"] and lonely.edges == []


def test_country_level(store: GraphStore) -> None:
    data = build_network(store, level="country")
    _consistent(data)
    assert data.level == "country"
    # WHO has no country: it keeps its own node
    assert _ids(data) == {"UZ", "RU", "KR", "who"}
    kinds = {n.id: n.kind for n in data.nodes}
    assert kinds["UZ"] == "Country" and kinds["who"] == "InternationalOrganization"
    ru_uz = [e for e in data.edges if (e.source, e.target) == ("RU", "UZ")]
    assert {(e.kind, e.status) for e in ru_uz} == {
        ("agreement", "signed"), ("agreement", "planned"), ("visit", "held"), ("program", "discussed"),
    }  # fmt: skip
    # evil-uz-moh is inside UZ: no self-loop, but it counts in UZ's links
    assert all(e.source != e.target for e in data.edges)
    links = {n.id: n.links for n in data.nodes}
    assert links == {"UZ": 7, "RU": 4, "KR": 1, "who": 2}


def test_country_level_cap(star: GraphStore) -> None:
    data = build_network(star, level="country", limit=2)
    assert data.total_nodes == 3 and len(data.nodes) == 2 and data.truncated
