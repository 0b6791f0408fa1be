"""``write_many`` (several articles per transaction) leaves exactly the graph of one-by-one writes."""

from __future__ import annotations

from typing import Any

import pytest

from hdkg.errors import StoreError
from hdkg.graph.base import GraphStore
from hdkg.models import Facts
from tests.graph_fixture import articles

_DUMP = {
    "actors": "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, "
    "a.aliases AS aliases, a.wikidata AS wikidata, a.search AS search, a.rkeys AS rkeys, "
    "a.merged_from AS merged_from",
    "links": "MATCH (l:Link) RETURN l.id AS id, l.kind AS kind, l.cls AS cls, l.status AS status, l.date AS date, "
    "l.sources AS sources, l.parties AS parties, l.reports AS reports, l.topics AS topics, "
    "l.specialties AS specialties, l.areas AS areas, l.actor_ids AS actor_ids, l.countries AS countries",
    "articles": "MATCH (t:Article) RETURN t.id AS id, t.url AS url, t.title AS title, t.date AS date, "
    "t.publisher AS publisher, t.content_hash AS content_hash",
    "parties": "MATCH (a:Actor)-[r:PARTY_OF]->(l:Link) RETURN a.id AS a, l.id AS l, r.side AS side, r.shown AS shown",
    "covers": "MATCH (l:Link)-[:COVERS]->(s:Specialty) RETURN l.id AS l, s.id AS s",
    "areas": "MATCH (l:Link)-[:IN_AREA]->(s:Area) RETURN l.id AS l, s.id AS s",
    "evidence": "MATCH (l:Link)-[r:REPORTED_IN]->(t:Article) RETURN l.id AS l, t.id AS t, r.text AS text, "
    "r.start AS start",
    "mentions": "MATCH (a:Actor)-[m:MENTIONED_IN]->(t:Article) RETURN a.id AS a, t.id AS t, m.names AS names, "
    "m.rkeys AS rkeys",
    "based": "MATCH (a:Actor)-[:BASED_IN]->(c:Country) RETURN a.id AS a, c.code AS c",
    "acts": "MATCH (a:Actor)-[:ACTS_FOR]->(b:Actor) RETURN a.id AS a, b.id AS b",
    "keys": "MATCH (k:ResolutionKey) RETURN k.id AS id, k.actors AS actors",
}


def _raw(store: GraphStore, query: str) -> list[dict[str, Any]]:
    if store.dialect == "ladybug":
        return store._exec(query, {}, where="test")  # type: ignore[attr-defined,no-any-return]
    return store._read("test", query, {})  # type: ignore[attr-defined,no-any-return]


def _frozen(v: Any) -> Any:
    return tuple(sorted(v)) if isinstance(v, list) else v


def snapshot(store: GraphStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every node and relationship with its properties, order-free."""
    return {
        name: sorted((tuple(_frozen(v) for v in row.values()) for row in _raw(store, q)), key=repr)
        for name, q in _DUMP.items()
    }


def _copies(facts: list[Facts], tag: str) -> list[Facts]:
    """The same facts reported by other articles: links gain reports, actors gain mentions."""
    out = []
    for f in facts:
        art = f.article.model_copy(update={"id": f"{f.article.id}-{tag}", "url": f"{f.article.url}#{tag}",
                                           "publisher": f"{tag}.example"})  # fmt: skip
        out.append(f.model_copy(update={"article": art}))
    return out


def _corpus() -> list[Facts]:
    base = articles()  # holds a repeated article and two versions of another (the direct path)
    return [*base, *_copies(base, "x"), *_copies(base[:3], "y")]


@pytest.mark.parametrize("size", [1, 3, 1000])
def test_write_many_equals_one_by_one(any_store: GraphStore, size: int) -> None:
    corpus = _corpus()
    one = [any_store.write_facts(f) for f in corpus]
    expected = snapshot(any_store)
    any_store.clear()
    many = [r for i in range(0, len(corpus), size) for r in any_store.write_many(corpus[i : i + size])]
    assert [r.model_dump() for r in many] == [r.model_dump() for r in one]
    assert snapshot(any_store) == expected
    assert expected["actors"] and expected["links"] and expected["keys"]


def test_write_many_rewritten_batch_changes_nothing(any_store: GraphStore) -> None:
    corpus = _corpus()
    any_store.write_many(corpus)
    before = snapshot(any_store)
    results = any_store.write_many(corpus)
    versions: dict[str, set[str]] = {}
    for f in corpus:
        versions.setdefault(f.article.id, set()).add(f.article.content_hash)
    for f, r in zip(corpus, results, strict=True):  # an article in two versions is replaced twice over
        assert r.skipped == (len(versions[f.article.id]) == 1), f.article.id
    assert snapshot(any_store) == before


def test_write_many_is_all_or_nothing(ladybug_store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last statement of the flush fails after the others ran: none of the batch stays."""
    from hdkg.graph.ladybug import store as lb

    run = lb._Tx.run

    def failing(self: Any, name: str, **params: Any) -> list[dict[str, Any]]:
        if name == "reported_in_create":
            raise StoreError("injected failure", where=name)
        return run(self, name, **params)

    ladybug_store.write_facts(articles()[0])
    before = snapshot(ladybug_store)
    monkeypatch.setattr(lb._Tx, "run", failing)
    with pytest.raises(StoreError, match="injected"):
        ladybug_store.write_many(_copies(articles()[:3], "z"))
    monkeypatch.undo()
    assert snapshot(ladybug_store) == before
