"""Mermaid class diagram and worked example of docs/ontology.md, generated from the ontology.

The doc holds generated blocks between ``<!-- generated:NAME -->`` and
``<!-- /generated:NAME -->`` markers; ``update_doc`` rewrites them and a test
checks that the committed doc equals its regeneration, so the picture can
never drift from the Turtle. Run ``python -m hdkg.ontology.diagram [--check] [PATH]``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef

from hdkg.ontology.example import seed_003_facts
from hdkg.ontology.export import serialize
from hdkg.ontology.rdf import facts_to_graph
from hdkg.ontology.vocab import BASE, ontology_graph

DOC = Path(__file__).resolve().parent.parent / "docs" / "ontology.md"
_EXTERNAL = {
    "http://www.w3.org/ns/prov#": "prov",
    "http://www.w3.org/ns/org#": "org",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "https://schema.org/": "schema",
    "http://www.w3.org/2004/02/skos/core#": "skos",
}


def _name(node: object) -> str:
    """A Mermaid-safe class name: hdkg terms bare, others as prefix_Local."""
    text = str(node)
    if text.startswith(BASE):
        return text[len(BASE) :]
    for ns, prefix in _EXTERNAL.items():
        if text.startswith(ns):
            return f"{prefix}_{text[len(ns) :]}"
    return re.sub(r"\W", "_", text.rsplit("#", 1)[-1].rsplit("/", 1)[-1])


def _named(graph: Graph, rdf_type: URIRef) -> list[URIRef]:
    found = (s for s in graph.subjects(RDF.type, rdf_type) if isinstance(s, URIRef))
    return sorted((s for s in found if str(s).startswith(BASE)), key=str)


def mermaid(graph: Graph | None = None) -> str:
    """A Mermaid classDiagram of the hdkg classes, their datatype attributes and relations."""
    g = graph if graph is not None else ontology_graph()
    classes = _named(g, OWL.Class)
    attrs: dict[str, list[str]] = {}
    for prop in _named(g, OWL.DatatypeProperty):
        domain, rng = g.value(prop, RDFS.domain), g.value(prop, RDFS.range)
        rtype = str(rng)[len(str(XSD)) :] if str(rng).startswith(str(XSD)) else _name(rng)
        attrs.setdefault(_name(domain), []).append(f"+{_name(prop)} {rtype}")
    lines = ["classDiagram"]
    external: set[str] = set()
    for cls in classes:
        name = _name(cls)
        members = attrs.pop(name, [])
        lines.append(f"    class {name}" + (" {" if members else ""))
        lines.extend(f"        {m}" for m in members)
        if members:
            lines.append("    }")
    for name, members in sorted(attrs.items()):  # attributes of external classes (schema:Country)
        external.add(name)
        lines.append(f"    class {name} {{")
        lines.extend(f"        {m}" for m in members)
        lines.append("    }")
    edges: list[str] = []
    for cls in classes:
        for sup in g.objects(cls, RDFS.subClassOf):
            if isinstance(sup, URIRef):
                edges.append(f"    {_name(sup)} <|-- {_name(cls)}")
    for prop in _named(g, OWL.ObjectProperty):
        domain, rng = g.value(prop, RDFS.domain), g.value(prop, RDFS.range)
        if isinstance(domain, URIRef) and isinstance(rng, URIRef):
            edges.append(f"    {_name(domain)} --> {_name(rng)} : {_name(prop)}")
    lines.extend(sorted(set(edges)))
    return "\n".join(lines) + "\n"


def example_turtle() -> str:
    """The worked example (seed article 003) as Turtle."""
    return serialize(facts_to_graph(seed_003_facts()), "ttl")


def blocks() -> dict[str, str]:
    return {
        "diagram": f"```mermaid\n{mermaid()}```",
        "example": f"```turtle\n{example_turtle().rstrip()}\n```",
    }


def _replacer(body: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        return match.group(1) + body + "\n" + match.group(2)

    return replace


def update_doc(text: str) -> str:
    """``text`` with every generated block replaced by its regeneration."""
    for name, body in blocks().items():
        pattern = re.compile(rf"(<!-- generated:{name} -->\n).*?(<!-- /generated:{name} -->)", re.DOTALL)
        if not pattern.search(text):
            raise ValueError(f"docs/ontology.md lacks the markers of the generated block {name!r}")
        text = pattern.sub(_replacer(body), text)
    return text


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(next((a for a in args if not a.startswith("--")), DOC))
    text = path.read_text(encoding="utf-8")
    new = update_doc(text)
    if "--check" in args:
        return 0 if new == text else 1
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
