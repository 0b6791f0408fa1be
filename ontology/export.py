"""Serialisations of any hdkg graph: Turtle, JSON-LD (compacted with hdkg's @context), N-Triples.

The JSON-LD @context is ``ontology/context.jsonld``; it is generated from the
ontology by ``build_context`` (a test keeps the file and the generator equal),
so every hdkg class and property has a short term and typed values keep their
datatypes through a round trip. N-Triples lines are sorted so that two exports
of the same graph are byte-identical and diff well.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef

from hdkg.ontology.iri import PREFIXES
from hdkg.ontology.rdf import bind_prefixes
from hdkg.ontology.vocab import BASE, ontology_graph

Format = Literal["ttl", "jsonld", "nt"]
FORMATS: tuple[Format, ...] = ("ttl", "jsonld", "nt")
MEDIA_TYPES: dict[str, str] = {
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
_XSD_PREFIX = str(XSD)


def _named(graph: Graph, rdf_type: URIRef) -> list[URIRef]:
    """The hdkg terms of one RDF type, sorted."""
    found = (s for s in graph.subjects(RDF.type, rdf_type) if isinstance(s, URIRef))
    return sorted((s for s in found if str(s).startswith(BASE)), key=str)


def build_context() -> dict[str, Any]:
    """The JSON-LD @context derived from the ontology's classes and properties."""
    graph = ontology_graph()
    terms: dict[str, Any] = {}
    for cls in _named(graph, OWL.Class):
        terms[str(cls)[len(BASE) :]] = f"hdkg:{str(cls)[len(BASE) :]}"
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for prop in _named(graph, kind):
            name = str(prop)[len(BASE) :]
            rng = graph.value(prop, RDFS.range)
            typed = isinstance(rng, URIRef) and str(rng).startswith(_XSD_PREFIX) and rng != XSD.string
            if kind == OWL.DatatypeProperty and typed:
                coerce = "xsd:" + str(rng)[len(_XSD_PREFIX) :]
                terms[name] = {"@id": f"hdkg:{name}", "@type": coerce}
            elif kind == OWL.DatatypeProperty:
                terms[name] = f"hdkg:{name}"
            else:
                terms[name] = {"@id": f"hdkg:{name}", "@type": "@id"}
    # A prefix named like a property term ("kind", "status") would be shadowed: IRIs stay full.
    prefixes = {p: ns for p, ns in sorted(PREFIXES.items()) if p not in terms}
    return {"@context": {**prefixes, **terms}}


@lru_cache(maxsize=1)
def context() -> dict[str, Any]:
    """The shipped context file (``ontology/context.jsonld``)."""
    text = (resources.files("hdkg.ontology") / "context.jsonld").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def serialize(graph: Graph, fmt: Format) -> str:
    """Text of ``graph`` in one of FORMATS; raises ValueError on an unknown format."""
    if fmt == "ttl":
        return bind_prefixes(graph).serialize(format="turtle")
    if fmt == "nt":
        lines = graph.serialize(format="nt").splitlines()
        return "".join(f"{line}\n" for line in sorted(x for x in lines if x.strip()))
    if fmt == "jsonld":
        ctx = context()["@context"]
        return graph.serialize(format="json-ld", context=ctx, indent=2, sort_keys=True)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def parse(text: str, fmt: Format) -> Graph:
    """Read back what ``serialize`` wrote (used by round-trip tests and importers)."""
    rdflib_format = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt]
    return Graph().parse(data=text, format=rdflib_format)


def main(argv: list[str] | None = None) -> int:
    """``python -m hdkg.ontology.export [--check]``: rewrite (or check) context.jsonld from the ontology."""
    args = sys.argv[1:] if argv is None else argv
    path = resources.files("hdkg.ontology") / "context.jsonld"
    text = json.dumps(build_context(), ensure_ascii=False, indent=2) + "\n"
    if "--check" in args:
        return 0 if path.read_text(encoding="utf-8") == text else 1
    with resources.as_file(path) as real:
        real.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
