"""Broken graphs are reported with their focus node and path; doubtful ones only warn."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import pytest
import rdflib
from rdflib import RDF, Graph, Literal, URIRef

from hdkg.errors import ShapeViolation
from hdkg.models import Actor, Article, Facts, Link
from hdkg.ontology import iri
from hdkg.ontology.rdf import facts_to_graph
from hdkg.ontology.validate import results, validate
from tests.test_ontology_rdf import sample_facts

HDKG = iri.HDKG


def _good() -> Graph:
    return facts_to_graph(sample_facts())


def _unknown_specialty(g: Graph) -> tuple[URIRef, str]:
    link = iri.link_iri("l1")
    g.add((link, HDKG.covers, iri.specialty_iri("astrology")))
    return link, "hdkg:covers"


def _reversed_offsets(g: Graph) -> tuple[URIRef, str]:
    node = next(iter(g.objects(iri.link_iri("l3"), HDKG.evidence)))
    assert isinstance(node, URIRef)
    g.set((node, HDKG.start, Literal(10_000, datatype=rdflib.XSD.nonNegativeInteger)))
    return node, "hdkg:start"


def _person_for_person(g: Graph) -> tuple[URIRef, str]:
    person = iri.actor_iri("p-inoyatov")
    g.set((person, HDKG.actsFor, iri.actor_iri("p-murashko")))
    return person, "hdkg:actsFor"


def _bad_wikidata(g: Graph) -> tuple[URIRef, str]:
    who = iri.actor_iri("who")
    g.set((who, HDKG.wikidata, Literal("WHO-1")))
    return who, "hdkg:wikidata"


def _side_missing(g: Graph) -> tuple[URIRef, str]:
    part = iri.participation_iri("l2", 2, "who")
    g.remove((part, HDKG.side, None))
    return part, "hdkg:side"


def _two_kinds(g: Graph) -> tuple[URIRef, str]:
    link = iri.link_iri("l3")
    g.add((link, RDF.type, HDKG.Visit))
    return link, "hdkg:kind"  # the Visit shape wants kind:visit


def _dangling_party(g: Graph) -> tuple[URIRef, str]:
    part = iri.participation_iri("l3", 1, "tma")
    g.set((part, HDKG.participant, iri.actor_iri("nobody")))
    return part, "hdkg:participant"


BREAKERS: list[Callable[[Graph], tuple[URIRef, str]]] = [
    _unknown_specialty, _reversed_offsets, _person_for_person, _bad_wikidata, _side_missing, _two_kinds,
    _dangling_party,
]  # fmt: skip


@pytest.mark.parametrize("breaker", BREAKERS, ids=lambda f: f.__name__.strip("_"))
def test_a_broken_graph_names_focus_node_and_path(breaker: Callable[[Graph], tuple[URIRef, str]]) -> None:
    graph = _good()
    focus, path = breaker(graph)
    with pytest.raises(ShapeViolation) as info:
        validate(graph)
    local = str(focus).rsplit("/", 1)[-1]
    shown = {f"<{focus}>", f"link:{local}", f"actor:{local}"}  # prefixed only when the tail has no "/"
    assert any(f"focus {s} path {path}" in info.value.message for s in shown), info.value.message
    assert info.value.where is not None and path in info.value.where + info.value.message


def test_unknown_link_kind_or_actor_type_is_refused_before_rdf() -> None:
    from hdkg.errors import OntologyError
    from hdkg.ontology.rdf import GraphBuilder

    builder = GraphBuilder()
    with pytest.raises(OntologyError):
        builder.actor("x", name="X", kind="Hospital")
    with pytest.raises(OntologyError):
        builder.link("l", kind="treaty", status="signed", date=None, sides=[["a"], ["b"]])


def test_doubtful_data_only_warns(caplog: pytest.LogCaptureFixture) -> None:
    text = "WHO and the academy held a congress."
    facts = Facts(
        article=Article(id="w", source="w.txt", lang="en", text=text),
        actors=[
            Actor(id="who", name="WHO", type="InternationalOrganization", country="CH"),
            Actor(id="acad", name="Academy", type="AcademicInstitution"),
        ],
        links=[Link(id="e1", kind="event", status="signed", sides=[["who", "acad"]])],
    )
    with caplog.at_level(logging.WARNING, logger="hdkg.ontology.validate"):
        validate(facts_to_graph(facts))
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "international organisation" in warned
    assert "at least two sides" in warned
    assert "only agreements are signed" in warned
    assert "should be based in a country" in warned


def test_many_violations_are_counted_and_listed() -> None:
    graph = _good()
    for name in ("a", "b", "c", "d", "e", "f", "g"):
        graph.add((iri.link_iri("l1"), HDKG.area, iri.area_iri(name)))
    with pytest.raises(ShapeViolation, match=r"7 SHACL violation\(s\).*and 2 more"):
        validate(graph)
    assert len([r for r in results(graph) if r.severity == "Violation"]) == 7


def test_validation_is_fast_enough_for_ingest() -> None:
    graph = _good()
    validate(graph)  # warm the caches
    started = time.perf_counter()
    validate(graph)
    assert time.perf_counter() - started < 2.0
