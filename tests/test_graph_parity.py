"""Both stores, same Facts, same named queries, same answers (Neo4j = a real server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hdkg.graph import cooperation
from hdkg.graph.base import GraphStore
from hdkg.graph.ladybug import LadybugStore
from hdkg.graph.ladybug import coop as ladybug_coop
from hdkg.graph.ladybug import store as ladybug_module
from hdkg.graph.neo4j import store as neo4j_module
from hdkg.graph.queries import LINK_FILTERS, ORDERS, PAIR_SORTS, ROUTED_QUERIES, SPECS
from tests.graph_fixture import articles

pytestmark = pytest.mark.neo4j

_FILTERS: list[dict[str, Any]] = [
    {},
    {"specialty": "oncology"},
    {"area": "research"},
    {"country": "RU"},
    {"country": "UZ", "specialty": "cardiology"},
    {"actor": "uz-moh"},
    {"actor": "p-murashko"},
    {"kind": "agreement", "status": "signed"},
    {"since": "2024-01-01", "until": "2024-12-31"},
    {"since": "2024-06-01"},
    {"until": "2023-12-31"},
    {"kind": "visit", "since": "2024-06-02", "until": "2024-06-02"},
]
_ACTORS = ["uz-moh", "ru-moh", "who", "tma", "almazov", "p-inoyatov", "kr-mohw", "x-minzdrav-uz", "nope"]
_SEARCHES = [None, "минздрава", "Минздраву России", "ВОЗ", "министерства здравоохранения", "академии", "Алмазов",
             "ministry health", "zzz"]  # fmt: skip


@pytest.fixture(scope="module")
def stores(_neo4j_session_store: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[GraphStore, GraphStore]]:  # fmt: skip
    lb = LadybugStore(Path(tmp_path_factory.mktemp("parity")) / "graph.lbug")
    lb.create_schema()
    nj = _neo4j_session_store
    nj.clear()
    for facts in articles():
        lb.write_facts(facts)
        nj.write_facts(facts)
    yield lb, nj
    lb.close()


def _link_ids(store: GraphStore) -> list[str]:
    return [r["id"] for r in store.query("links", **dict.fromkeys(SPECS["links"].params))]


def _param_sets(name: str, store: GraphStore) -> list[dict[str, Any]]:
    spec = SPECS[name]
    base: dict[str, Any] = dict.fromkeys(spec.params)
    if set(LINK_FILTERS) <= set(spec.params):
        sets = [base | f for f in _FILTERS]
        if "offset" in spec.params:
            sets += [base | {"limit": 2, "offset": 1}, base | {"limit": 0, "offset": 0},
                     base | {"limit": 3, "offset": 5, "country": "UZ"}]  # fmt: skip
        elif "limit" in spec.params:
            sets += [base | {"limit": 3}, base | {"limit": 1, "actor": "tma"}]
        if "sort" in spec.params:  # every (sort, order), unpaged and paged, unfiltered and filtered
            sets += [
                base | {"sort": s, "order": o} | page
                for s in PAIR_SORTS
                for o in ORDERS
                for page in ({}, {"limit": 2, "offset": 0}, {"limit": 2, "offset": 3}, {"offset": 4})
            ]
            sets += [
                base | {"sort": "last_date", "order": "asc", "country": "UZ", "limit": 3, "offset": 1},
                base | {"sort": "sources", "order": "asc", "specialty": "oncology", "limit": 1, "offset": 1},
                base | {"sort": "last_date", "order": "desc", "until": "2024-12-31", "limit": 5, "offset": 2},
            ]
        if "ids" in spec.params:  # rows among the given actors, under every filter
            sets = [s | {"ids": _ACTORS} for s in sets] + [
                base | {"ids": _ACTORS[:2]}, base | {"ids": []}, base | {"ids": ["nope"]},
                base | {"ids": ["uz-moh", "ru-moh", "who", "almazov"], "country": "RU"},
            ]  # fmt: skip
        return sets
    if "ids" in spec.params:
        ids = _link_ids(store) if name.startswith("link") else _ACTORS
        return [base | {"ids": ids}, base | {"ids": ids[:2]}, base | {"ids": []}, base | {"ids": ["nope"]}]
    if name in ("actor", "actor_links"):
        return [{"id": a} for a in _ACTORS]
    if name == "link":
        return [{"id": i} for i in [*_link_ids(store), "nope"]]
    if name == "article":
        return [{"id": f"art-{i}"} for i in range(1, 9)]
    if name == "actors_search":
        return [base | {"q": q} for q in _SEARCHES] + [
            base | {"kind": "GovernmentBody"}, base | {"country": "UZ", "q": "академия"},
            base | {"limit": 2}, base | {"q": "минздрав", "kind": "Person"},
        ]  # fmt: skip
    return [base]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_same_answers_on_both_stores(name: str, stores: tuple[GraphStore, GraphStore]) -> None:
    lb, nj = stores
    for params in _param_sets(name, lb):
        a, b = lb.query(name, **params), nj.query(name, **params)
        assert a == b, f"{name}({params}) differs:\nladybug={a}\nneo4j={b}"
        for row in a:
            assert tuple(row) == SPECS[name].columns


def test_every_spec_is_implemented_by_both_dialects() -> None:
    assert set(ladybug_module.ALL_READ) == set(neo4j_module.ALL_READ)
    # the pair queries are routed (graph.cooperation.route) to the stored-pair forms or their scan twins
    assert set(SPECS) - set(ROUTED_QUERIES) == set(ladybug_module.ALL_READ) - set(ladybug_coop.READ) | {
        n for n in SPECS if n.endswith("_scan")
    }
    assert {n for n in ladybug_module.ALL_READ if n not in SPECS} == set(ladybug_coop.READ) - set(SPECS)
    assert set(ladybug_module.ALL_WRITE) == set(neo4j_module.ALL_WRITE)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_documented_columns_exactly(name: str, stores: tuple[GraphStore, GraphStore]) -> None:
    """Every RETURN yields the spec's columns in order, before any shaping."""
    for store, module in zip(stores, (ladybug_module, neo4j_module), strict=True):
        statement = cooperation.route(name, dict.fromkeys(LINK_FILTERS))
        assert module.ALL_READ[statement].count(" AS ") >= len(SPECS[name].columns)
        params = dict.fromkeys(SPECS[name].params)
        if "ids" in params:
            params["ids"] = _link_ids(store) if name.startswith("link") else _ACTORS
        if name in ("actor", "actor_links"):
            params["id"] = "uz-moh"
        if name == "link":
            params["id"] = _link_ids(store)[0]
        if name == "article":
            params["id"] = "art-1"
        raw = _raw(store, name, params)
        assert raw, f"{store.dialect}: {name} returned no rows over the fixture graph"
        assert tuple(raw[0]) == SPECS[name].columns, f"{store.dialect}: {name} columns {tuple(raw[0])}"


def _raw(store: GraphStore, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    from hdkg.graph import common

    prepared = common.prepare(name, params)
    statement = cooperation.route(name, prepared)
    if isinstance(store, LadybugStore):
        return store._exec(ladybug_module.ALL_READ[statement], prepared, where=name)
    prepared["labels"] = ["Actor", "Area", "Article", "Country", "Link", "Specialty"]
    return store._read(name, neo4j_module.ALL_READ[statement], prepared)  # type: ignore[attr-defined,no-any-return]


def test_same_counts_after_writing_everything_twice(stores: tuple[GraphStore, GraphStore]) -> None:
    lb, nj = stores
    before = lb.stats(), nj.stats()
    assert before[0] == before[1]
    for facts in articles():
        for store in stores:
            result = store.write_facts(facts)
            assert result.skipped or facts.article.id == "art-6"
    assert (lb.stats(), nj.stats()) == before
