"""docs/ontology.md: its diagram and worked example are what the generators produce today."""

from __future__ import annotations

import re

from rdflib import RDF

from hdkg.ontology import iri
from hdkg.ontology.diagram import DOC, blocks, mermaid, update_doc
from hdkg.ontology.example import SEED_FILE, SENTENCES, TEXT, seed_003_facts
from hdkg.ontology.export import parse
from hdkg.ontology.rdf import facts_to_graph
from hdkg.ontology.validate import validate
from tests.shared import CORPUS, require

SEED = CORPUS / "seeds" / SEED_FILE


def _block(text: str, name: str) -> str:
    match = re.search(rf"<!-- generated:{name} -->\n(.*?)\n<!-- /generated:{name} -->", text, re.DOTALL)
    assert match, name
    return match.group(1)


def test_doc_blocks_equal_their_generators() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert update_doc(text) == text, "run: .venv/bin/python -m hdkg.ontology.diagram"
    assert _block(text, "diagram") == blocks()["diagram"]


def test_diagram_shows_the_hierarchy_and_relations() -> None:
    diagram = mermaid()
    assert diagram.startswith("classDiagram\n")
    for line in ("Actor <|-- Person", "Agreement <|-- Memorandum", "Link --> Participation : hasParticipation",
                 "Participation --> Actor : participant", "Actor --> schema_Country : basedIn",
                 "org_Organization <|-- GovernmentBody", "+side nonNegativeInteger"):  # fmt: skip
        assert line in diagram, line


def test_the_worked_example_is_seed_003_and_conforms() -> None:
    facts = seed_003_facts()
    seed = " ".join(require(SEED).read_text(encoding="utf-8").split())
    for sentence in SENTENCES:
        assert sentence in seed
    for ev in facts.links[0].evidence:
        assert TEXT[ev.start : ev.end] == ev.text
    graph = facts_to_graph(facts)
    validate(graph)
    shown = parse(_block(DOC.read_text(encoding="utf-8"), "example").removeprefix("```turtle\n")[:-3], "ttl")
    assert set(shown) == set(graph)
    link = iri.link_iri(facts.links[0].id)
    assert (link, RDF.type, iri.HDKG.Memorandum) in graph
    assert {str(x).rsplit("/", 1)[-1] for x in graph.objects(link, iri.HDKG.hasParty)} == {"moh_uz", "aphp"}
