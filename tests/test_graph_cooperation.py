"""The stored cooperation pairs answer every pair query (and the network's ranking) exactly as the scan of every link does.

The ``*_scan`` twins apply the pair rule to the links on each request (how the pair queries were
answered before the pairs were stored); the plain names read ``Cooperation`` nodes and their links
maintained by the writer. Both are compared on the hand-made fixture (with an article replaced), on
random generated graphs written one by one and in batches, and on the ingested demo corpus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from hdkg.cli.demo_cmd import demo_sources
from hdkg.graph import cooperation
from hdkg.graph.base import GraphStore
from hdkg.graph.ladybug import LadybugStore
from hdkg.graph.queries import PAIR_QUERIES
from hdkg.models import Facts
from hdkg.pipeline import ingest
from tests.graph_fixture import articles, generated_articles


def _filters(store: GraphStore) -> Iterator[dict[str, Any]]:
    """No filter, the ends, each link filter (whole years and a bound inside a year), combinations."""
    yield {}
    rows = store.query("cooperation_pairs_scan", limit=5)
    for r in rows[:2]:
        yield {"actor": r["a_id"]}
        if r["a_country"]:
            yield {"country": r["a_country"]}
    for spec in ("oncology", "cardiology", "pediatrics", "no-such"):
        yield {"specialty": spec}
    links = store.query("links")
    for kind in sorted({r["kind"] for r in links})[:3]:
        yield {"kind": kind}
    for status in sorted({r["status"] for r in links})[:2]:
        yield {"status": status}
    years = sorted({int(r["date"][:4]) for r in links if r["date"]})
    if years:
        first, last = years[0], years[-1]
        yield {"since": f"{last}-01-01"}
        yield {"until": f"{first}-12-31"}
        yield {"since": f"{first}-01-01", "until": f"{last}-12-31", "specialty": "oncology"}
        yield {"since": f"{first}-06-15"}  # inside a year: the scan
    yield {"area": "research"}
    if rows:
        yield {"specialty": "oncology", "country": rows[0]["a_country"] or rows[0]["b_country"]}
        yield {"kind": links[0]["kind"], "actor": rows[0]["b_id"]}


def _same(store: GraphStore) -> int:
    """Compares stored and scanned answers for every filter, both levels, sorts; the cases compared."""
    cases = 0
    for f in _filters(store):
        for name in PAIR_QUERIES:
            stored, scanned = store.query(name, **f), store.query(f"{name}_scan", **f)
            assert stored == scanned, (name, f)
            cases += 1
        for limit in (None, 5):  # the network's ranking, whole and capped
            ranked = store.query("network_top_actors", **f, limit=limit)
            assert ranked == store.query("network_top_actors_scan", **f, limit=limit), f
            edges = store.query("network_edges", **f, limit=limit)
            assert edges == store.query("network_edges_scan", **f, limit=limit), f
            ids = [r["id"] for r in ranked]
            among = store.query("network_edges_among", **f, ids=ids)
            assert among == store.query("network_edges_among_scan", **f, ids=ids), f
            cases += 3
        for sort in ("sources", "last_date"):
            for order in ("asc", "desc"):
                page = {"sort": sort, "order": order, "limit": 4, "offset": 1}
                for name in ("cooperation_pairs", "cooperation_country_pairs"):
                    assert store.query(name, **f, **page) == store.query(f"{name}_scan", **f, **page)
    return cases


def _distinct_articles(store: GraphStore) -> None:
    """``sources`` of a pair is the number of distinct articles behind its links, never a sum."""
    pairs = store.query("cooperation_pairs")
    ids = sorted({i for p in pairs for i in p["link_ids"]})
    by_link: dict[str, set[str]] = {}
    for r in store.query("link_evidence", ids=ids):
        by_link.setdefault(r["link_id"], set()).add(r["article_id"])
    articles_n = store.stats().nodes.get("Article", 0)
    for p in pairs:
        behind = set().union(*(by_link[i] for i in p["link_ids"]))
        assert p["sources"] == len(behind) <= articles_n, p


def test_route_reads_the_stored_counts_unless_a_link_filter_needs_the_links() -> None:
    base: dict[str, Any] = dict.fromkeys(("specialty", "area", "kind", "status", "since", "until"))
    assert cooperation.route("cooperation_pairs", {**base, "country": "UZ"}) == "coop_pairs"
    assert cooperation.route("cooperation_pairs_count", {**base, "kind": "visit"}) == "coop_link_pairs_count"
    assert cooperation.route("cooperation_pairs", {**base, "area": "research"}) == "coop_link_pairs"
    assert cooperation.route("cooperation_country_pairs", {**base}) == "coop_country_pairs"
    assert cooperation.route("network_top_actors", {**base}) == "coop_top_actors"
    assert cooperation.route("network_edges_among", {**base}) == "coop_network_edges_among"
    assert cooperation.route("links", {}) == "links"


def test_stored_pairs_equal_the_scan_on_the_fixture(any_store: GraphStore) -> None:
    for facts in articles():  # article 6 is written twice: the second version replaces the first
        any_store.write_facts(facts)
    assert _same(any_store) > 40
    _distinct_articles(any_store)


@pytest.mark.parametrize("seed", [3, 11])
def test_stored_pairs_equal_the_scan_on_random_graphs(any_store: GraphStore, seed: int) -> None:
    facts = generated_articles(60, seed=seed)
    any_store.write_many(facts[:30])  # one transaction: the pairs refreshed once for the batch
    for f in facts[30:45]:
        any_store.write_facts(f)
    any_store.write_many(facts[45:])
    # replacements: new versions that drop a link and keep the other
    for f in facts[:6]:
        article = f.article.model_copy(update={"text": f.article.text + " (corrected)"})
        any_store.write_facts(Facts(article=article, actors=f.actors, links=f.links[:1]))
    assert _same(any_store) > 40
    _distinct_articles(any_store)
    stored = any_store.stats().nodes
    assert stored["Cooperation"] == any_store.query("cooperation_pairs_count")[0]["total"]


def test_rewriting_changes_nothing(ladybug_store: GraphStore) -> None:
    facts = generated_articles(30, seed=5)
    ladybug_store.write_many(facts)
    before = ladybug_store.query("cooperation_pairs"), ladybug_store.stats()
    for f in facts[:10]:  # same content: skipped; then a version that changes, and back
        ladybug_store.write_facts(f)
        changed = f.article.model_copy(update={"text": f.article.text + " v2", "date": dt.date(2020, 1, 1)})
        ladybug_store.write_facts(Facts(article=changed, actors=f.actors, links=f.links))
        ladybug_store.write_facts(
            f.model_copy(update={"article": f.article.model_copy(update={"text": f.article.text + " "})})
        )
    after = ladybug_store.query("cooperation_pairs"), ladybug_store.stats()
    assert before[0] == after[0]
    assert before[1] == after[1]


def test_stored_pairs_equal_the_scan_on_the_demo(any_store: GraphStore) -> None:
    """The demo corpus through extraction: real sides, persons and repeated reports."""
    with demo_sources() as sources:
        summary = ingest(sources, any_store, progress=False)
    assert summary.written > 5 and not summary.failed
    assert _same(any_store) > 40
    _distinct_articles(any_store)  # includes: no pair has more sources than the graph has articles


def test_a_graph_written_before_the_pairs_gets_them_with_the_schema(any_store: GraphStore) -> None:
    any_store.write_many(generated_articles(40, seed=9))
    wipe = "MATCH (c:Cooperation) DETACH DELETE c"  # as a graph written by an older hdkg: links, no pairs
    if isinstance(any_store, LadybugStore):
        any_store._exec(wipe, {}, where="test")
    else:
        any_store._auto("test", wipe)  # type: ignore[attr-defined]
    assert any_store.query("cooperation_pairs_count")[0]["total"] == 0
    any_store.create_schema()
    assert any_store.query("cooperation_pairs_count")[0]["total"] > 20
    assert _same(any_store) > 40
