"""docs/querying.md: every recipe runs as printed and gives the API's numbers.

The Cypher recipes run verbatim on both stores against the stored ``Cooperation``
nodes; the SPARQL recipes run with rdflib over the RDF export of the same store. Each answer is
compared with the named pair query behind ``GET /cooperations`` for the same question.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from hdkg.graph.base import GraphStore
from hdkg.graph.cypher_lex import check
from hdkg.graph.ladybug import LadybugStore
from hdkg.ontology import iri
from hdkg.ontology.from_store import store_to_graph
from tests.graph_fixture import articles, generated_articles

DOC = Path(__file__).resolve().parents[1] / "docs" / "querying.md"
_RECIPE = re.compile(r"<!-- recipe: (\S+) -->\n```(cypher|sparql)\n(.*?)\n```", re.DOTALL)


def recipes() -> dict[str, tuple[str, str]]:
    return {m[1]: (m[2], m[3]) for m in _RECIPE.finditer(DOC.read_text(encoding="utf-8"))}


def _cypher(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    lang, text = recipes()[name]
    assert lang == "cypher"
    if isinstance(store, LadybugStore):
        return store._exec(text, params, where=f"recipe {name}")
    rows: list[dict[str, Any]] = store._read(f"recipe {name}", text, params)  # type: ignore[attr-defined]
    return rows


@pytest.fixture
def filled(any_store: GraphStore) -> GraphStore:
    for facts in articles():
        any_store.write_facts(facts)
    any_store.write_many(generated_articles(60, seed=3))
    return any_store


def _api(store: GraphStore, name: str = "cooperation_pairs", **filters: Any) -> list[dict[str, Any]]:
    return store.query(name, **filters)


def test_the_doc_has_cypher_and_sparql_recipes() -> None:
    kinds = [lang for lang, _ in recipes().values()]
    assert kinds.count("cypher") >= 3 and kinds.count("sparql") >= 2
    for lang, text in recipes().values():  # the doc says they run through POST /cypher: its allow-list
        if lang == "cypher":
            check(text, {"actor": "who", "since": "2025-01-01", "until": "2025-12-31"})


def test_cypher_recipes_give_the_api_numbers(filled: GraphStore) -> None:
    cols = ("a_id", "b_id", "links", "sources")
    top = [tuple(r[c] for c in cols) for r in _api(filled, limit=20)]
    assert len(top) == 20
    assert [tuple(r[c] for c in cols) for r in _cypher(filled, "top-pairs")] == top

    onco = [tuple(r[c] for c in cols) for r in _api(filled, specialty="oncology")]
    assert len(onco) > 3
    assert [tuple(r[c] for c in cols) for r in _cypher(filled, "oncology-pairs")] == onco

    checked = 0
    for year in range(2021, 2027):
        bounds = {"kind": "agreement", "status": "signed", "since": f"{year}-01-01", "until": f"{year}-12-31"}
        want = [
            (r["a_country"], r["b_country"], r["links"])
            for r in _api(filled, "cooperation_country_pairs", **bounds)
        ]
        got = _cypher(filled, "country-pairs-year", since=f"{year}-01-01", until=f"{year}-12-31")
        assert [(r["a_country"], r["b_country"], r["links"]) for r in got] == want, year
        checked += bool(want)
    assert checked >= 2

    actor = top[0][0]
    want_partners = {(r["b_id"] if r["a_id"] == actor else r["a_id"], r["links"], r["sources"], r["last_date"])
                     for r in _api(filled, actor=actor)}  # fmt: skip
    got_rows = _cypher(filled, "partners", actor=actor)
    assert {(r["partner"], r["links"], r["sources"], r["last_date"]) for r in got_rows} == want_partners
    assert [r["links"] for r in got_rows] == sorted((r["links"] for r in got_rows), reverse=True)


def test_sparql_recipes_over_the_export_give_the_api_numbers(filled: GraphStore) -> None:
    graph = store_to_graph(filled)
    _, onco_text = recipes()["sparql-oncology"]
    got = {(str(r["a"]), str(r["b"]), int(r["links"]), int(r["sources"])) for r in graph.query(onco_text)}  # type: ignore[index]
    want = set()
    for r in _api(filled, specialty="oncology"):
        a, b = sorted((str(iri.actor_iri(r["a_id"])), str(iri.actor_iri(r["b_id"]))))
        want.add((a, b, r["links"], r["sources"]))
    assert len(want) > 3 and got == want

    _, pairs_text = recipes()["sparql-pairs"]
    stored = {(str(r["c"]), int(r["links"]), int(r["sources"])) for r in graph.query(pairs_text)}  # type: ignore[index]
    assert stored == {
        (str(iri.cooperation_iri(r["a_id"], r["b_id"])), r["links"], r["sources"]) for r in _api(filled)
    }
