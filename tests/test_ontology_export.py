"""Exports round-trip; a store's graph is rebuilt through the named queries only; `hdkg export`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV
from typer.testing import CliRunner

import hdkg.graph.factory
from hdkg.errors import QueryError
from hdkg.graph.base import GraphStore, WriteResult
from hdkg.graph.queries import SPECS
from hdkg.models import Facts
from hdkg.ontology import iri
from hdkg.ontology.export import FORMATS, parse, serialize
from hdkg.ontology.from_store import store_to_graph
from hdkg.ontology.rdf import facts_to_graph
from hdkg.ontology.validate import validate
from tests.test_ontology_rdf import sample_facts

HDKG = iri.HDKG


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_round_trip(fmt: Any) -> None:
    graph = facts_to_graph(sample_facts())
    text = serialize(graph, fmt)
    back = parse(text, fmt)
    assert len(back) == len(graph)
    assert isomorphic(back, graph)
    assert serialize(facts_to_graph(sample_facts()), fmt) == text  # deterministic


def test_jsonld_is_compacted_with_the_context() -> None:
    doc = json.loads(serialize(facts_to_graph(sample_facts()), "jsonld"))
    assert doc["@context"]["hdkg"] == "https://w3id.org/hdkg/ontology#"
    nodes = {n["@id"]: n for n in doc["@graph"]}
    part = nodes["https://w3id.org/hdkg/id/link/l2/party/2/who"]
    assert part["@type"] == "Participation" and part["side"] == "2"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        serialize(Graph(), "xml")  # type: ignore[arg-type]


class FakeStore(GraphStore):
    """Answers the named queries from hand-written rows in the documented columns."""

    dialect = "fake"

    def __init__(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        self.tables = tables
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        spec = SPECS[name]
        assert set(params) == set(spec.params), (name, params)
        self.calls.append((name, params))
        rows = self.tables.get(name, [])
        if "ids" in params:
            key = next(c for c in ("link_id", "person_id", "id") if c in spec.columns)
            rows = [r for r in rows if r[key] in params["ids"]]
        if "id" in params:
            rows = [r for r in rows if r["id"] == params["id"]]
        if "limit" in params:
            rows = rows[params["offset"] : params["offset"] + params["limit"]]
        for row in rows:
            assert set(row) == set(spec.columns), (name, row)
        return rows

    def create_schema(self) -> None: ...
    def write_facts(self, facts: Facts) -> WriteResult:
        raise NotImplementedError

    def clear(self) -> None: ...
    def close(self) -> None: ...
    def ping(self) -> dict[str, Any]:
        return {}


def fake_store() -> FakeStore:
    ev = "Uzbekistan, Russia and WHO plan a trilateral memorandum on paediatrics."
    aid = "Koreya Sogʻliqni saqlash vazirligi akademiyaga tibbiy jihozlar topshirdi."
    return FakeStore({
        "links": [
            {"id": "L2", "kind": "agreement", "status": "planned", "date": None, "specialties": ["pediatrics"],
             "areas": [], "sources": 1, "parties": 3},
            {"id": "L3", "kind": "aid", "status": "held", "date": "2023-05-02", "specialties": [],
             "areas": ["equipment"], "sources": 2, "parties": 2},
        ],
        "link_parties": [
            {"link_id": "L2", "side": 0, "actor_id": "moh_uz", "name": "Минздрав", "kind": "GovernmentBody",
             "country": "UZ"},
            {"link_id": "L2", "side": 1, "actor_id": "moh_ru", "name": "Минздрав России", "kind": "GovernmentBody",
             "country": "RU"},
            {"link_id": "L2", "side": 2, "actor_id": "who", "name": "WHO", "kind": "InternationalOrganization",
             "country": None},
            {"link_id": "L3", "side": 0, "actor_id": "kr_moh", "name": "Koreya SSV", "kind": "GovernmentBody",
             "country": "KR"},
            {"link_id": "L3", "side": 1, "actor_id": "tma", "name": "TTA", "kind": "AcademicInstitution",
             "country": "UZ"},
        ],
        "link_evidence": [
            {"link_id": "L2", "text": ev, "start": 0, "end": len(ev), "article_id": "art-2", "url": None,
             "title": "", "date": None},
            {"link_id": "L3", "text": aid, "start": 0, "end": len(aid), "article_id": "art-3", "url": None,
             "title": "", "date": "2023-05-02"},
            {"link_id": "L3", "text": aid, "start": 0, "end": len(aid), "article_id": "art-4",
             "url": "https://news.example/4", "title": "Yordam", "date": "2023-05-03"},
        ],
        "actors_by_ids": [
            {"id": "kr_moh", "name": "Koreya Sogʻliqni saqlash vazirligi", "kind": "GovernmentBody", "country": "KR",
             "aliases": [], "wikidata": None, "links": 1},
            {"id": "moh_ru", "name": "Минздрав России", "kind": "GovernmentBody", "country": "RU", "aliases": [],
             "wikidata": None, "links": 1},
            {"id": "moh_uz", "name": "Министерство здравоохранения Узбекистана", "kind": "GovernmentBody",
             "country": "UZ", "aliases": ["Минздрав"], "wikidata": None, "links": 1},
            {"id": "tma", "name": "Toshkent tibbiyot akademiyasi", "kind": "AcademicInstitution", "country": "UZ",
             "aliases": ["TTA"], "wikidata": None, "links": 1},
            {"id": "who", "name": "World Health Organization", "kind": "InternationalOrganization",
             "country": None, "aliases": ["WHO", "ВОЗ"], "wikidata": "Q7817", "links": 1},
        ],
        "article": [
            {"id": f"art-{i}", "url": None, "source": f"a{i}.txt", "title": "", "date": None, "lang": lang,
             "content_hash": "0" * 64}
            for i, lang in ((2, "en"), (3, "uz"), (4, "uz"))
        ],
    })  # fmt: skip


def test_store_graph_uses_only_named_queries_and_conforms() -> None:
    store = fake_store()
    graph = store_to_graph(store, page=1)  # page=1 exercises paging
    validate(graph)
    assert {name for name, _ in store.calls} <= set(SPECS)
    assert [p["offset"] for n, p in store.calls if n == "links"] == [0, 1, 2]
    l2, l3 = iri.link_iri("L2"), iri.link_iri("L3")
    assert (l2, RDF.type, HDKG.Memorandum) in graph
    assert (iri.participation_iri("L2", 2, "who"), HDKG.participant, iri.actor_iri("who")) in graph
    assert len(set(graph.objects(l3, HDKG.evidence))) == 2  # the same sentence in two articles
    assert {str(a).rsplit("/", 1)[-1] for a in graph.objects(l3, PROV.wasDerivedFrom)} == {"art-3", "art-4"}
    assert (iri.actor_iri("who"), HDKG.wikidata, Literal("Q7817")) in graph


def test_store_graph_is_the_same_on_every_export() -> None:
    first, second = store_to_graph(fake_store()), store_to_graph(fake_store())
    assert serialize(first, "nt") == serialize(second, "nt")


def test_export_command_writes_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hdkg.cli import app

    opened: list[str | None] = []

    def fake_open(settings: Any = None, store: str | None = None) -> GraphStore:
        opened.append(store)
        return fake_store()

    monkeypatch.setattr(hdkg.graph.factory, "open_store", fake_open)
    out = tmp_path / "graph.nt"
    result = CliRunner().invoke(app, ["export", "--format", "nt", "--out", str(out), "--store", "neo4j"])
    assert result.exit_code == 0, result.output
    assert opened == ["neo4j"]
    assert isomorphic(parse(out.read_text(encoding="utf-8"), "nt"), store_to_graph(fake_store()))
    result = CliRunner().invoke(app, ["export", "--format", "ttl"])
    assert result.exit_code == 0 and "@prefix hdkg:" in result.stdout


def test_export_command_reports_a_broken_store(monkeypatch: pytest.MonkeyPatch) -> None:
    from hdkg.cli import app

    broken = fake_store()
    broken.tables["links"][0]["specialties"] = ["astrology"]
    monkeypatch.setattr(hdkg.graph.factory, "open_store", lambda settings=None, store=None: broken)
    result = CliRunner().invoke(app, ["export", "--format", "ttl"])
    assert result.exit_code == 1
    assert "hdkg:covers" in result.output and "link:L2" in result.output


@pytest.mark.parametrize("store_kind", ["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_a_real_store_exports_valid_rdf(store_kind: str, request: pytest.FixtureRequest) -> None:
    store: GraphStore = request.getfixturevalue(f"{store_kind}_store")
    for facts in sample_facts():
        store.write_facts(facts)
    graph = store_to_graph(store)
    validate(graph)
    assert len(set(graph.subjects(RDF.type, HDKG.Participation))) >= 7
    assert isomorphic(parse(serialize(graph, "jsonld"), "jsonld"), graph)
    # Wikidata ids and acts-for come back exactly as the facts that filled the store say
    fresh = facts_to_graph(sample_facts())
    for pred in (HDKG.wikidata, HDKG.actsFor):
        assert set(graph.triples((None, pred, None))) == set(fresh.triples((None, pred, None))), pred
        assert set(graph.triples((None, pred, None)))


def test_store_export_takes_link_filters(ladybug_store: GraphStore) -> None:
    for facts in sample_facts():
        ladybug_store.write_facts(facts)
    rows = ladybug_store.query("links", **dict.fromkeys(SPECS["links"].params))
    aid = [str(r["id"]) for r in rows if r["kind"] == "aid"]
    graph = store_to_graph(ladybug_store, filters={"kind": "aid"})
    validate(graph)
    assert aid and {iri.link_iri(i) for i in aid} == set(graph.subjects(HDKG.hasParticipation, None))
    assert len(store_to_graph(ladybug_store)) > len(graph)
    with pytest.raises(QueryError, match="unknown link filters"):
        store_to_graph(ladybug_store, filters={"colour": "red"})


def test_store_export_keeps_one_body_per_person_and_exports_it() -> None:
    """SHACL allows one body per person; the store may hold two (different articles): the first by id
    goes out, with its actor node even when it is party to no exported link."""
    store = fake_store()
    store.tables["link_parties"].append(
        {"link_id": "L3", "side": 1, "actor_id": "p-x", "name": "X", "kind": "Person", "country": "UZ"}
    )
    store.tables["actors_by_ids"] += [
        {"id": "p-x", "name": "Ivan X", "kind": "Person", "country": "UZ", "aliases": [], "wikidata": None,
         "links": 1},
        {"id": "moh_kz", "name": "Minzdrav KZ", "kind": "GovernmentBody", "country": "KZ", "aliases": [],
         "wikidata": "Q123", "links": 0},
    ]  # fmt: skip
    store.tables["acts_for"] = [
        {"person_id": "p-x", "body_id": "moh_kz"},
        {"person_id": "p-x", "body_id": "tma"},
    ]
    graph = store_to_graph(store)
    validate(graph)
    assert list(graph.objects(iri.actor_iri("p-x"), HDKG.actsFor)) == [iri.actor_iri("moh_kz")]
    assert (iri.actor_iri("moh_kz"), RDF.type, HDKG.GovernmentBody) in graph
    assert (iri.actor_iri("moh_kz"), HDKG.wikidata, Literal("Q123")) in graph
