"""SHACL validation of the graphs hdkg produces.

pyshacl runs without inference (fast, predictable); instead the ontology's
class hierarchy is mixed into a copy of the data graph, so that shapes
targeting ``hdkg:Actor`` or ``hdkg:Link`` reach every subclass and
``sh:class`` follows ``rdfs:subClassOf``. Warnings are logged; violations raise
``ShapeViolation`` naming the focus node and the path, the two things a
developer needs to find the triple at fault.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from hdkg.errors import ShapeViolation
from hdkg.ontology.iri import PREFIXES
from hdkg.ontology.vocab import load_graph, ontology_graph

log = logging.getLogger(__name__)
MAX_LISTED = 5


@dataclass(frozen=True)
class Result:
    severity: str
    focus: str
    path: str
    message: str
    value: str

    def __str__(self) -> str:
        value = f" (value {self.value})" if self.value else ""
        return f"focus {self.focus} path {self.path}: {self.message}{value}"


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return load_graph("shapes.ttl")


@lru_cache(maxsize=1)
def _hierarchy() -> Graph:
    """The rdfs:subClassOf axioms between named classes: all sh:targetClass/sh:class need."""
    graph = Graph()
    for s, o in ontology_graph().subject_objects(RDFS.subClassOf):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            graph.add((s, RDFS.subClassOf, o))
    return graph


def _short(node: object) -> str:
    text = str(node)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and "/" not in text[len(ns) :]:
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>" if isinstance(node, URIRef) else text


def _path(results: Graph, path: object) -> str:
    if isinstance(path, BNode):
        inverse = results.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + _short(inverse)
        return "(complex path)"
    return _short(path) if path is not None else "(node)"


def results(graph: Graph) -> list[Result]:
    """Every SHACL result (violations and warnings) for ``graph``, sorted by focus and path."""
    data = Graph()
    data += graph
    data += _hierarchy()
    _, report, _ = shacl_validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=False,
        allow_warnings=True,
        inplace=True,
    )
    assert isinstance(report, Graph)
    out: list[Result] = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(node, SH.resultSeverity)
        message = report.value(node, SH.resultMessage)
        value = report.value(node, SH.value)
        out.append(
            Result(
                severity=str(severity).rsplit("#", 1)[-1],
                focus=_short(report.value(node, SH.focusNode)),
                path=_path(report, report.value(node, SH.resultPath)),
                message=str(message) if isinstance(message, Literal) else "does not conform",
                value=_short(value) if value is not None else "",
            )
        )
    return sorted(out, key=lambda r: (r.focus, r.path, r.message))


def validate(graph: Graph) -> None:
    """Raise ShapeViolation when ``graph`` breaks a shape; log the warnings."""
    found = results(graph)
    for warning in (r for r in found if r.severity != "Violation"):
        log.warning("shape warning: %s", warning)
    violations = [r for r in found if r.severity == "Violation"]
    if not violations:
        return
    listed = "; ".join(str(v) for v in violations[:MAX_LISTED])
    more = f" (and {len(violations) - MAX_LISTED} more)" if len(violations) > MAX_LISTED else ""
    first = violations[0]
    raise ShapeViolation(
        f"{len(violations)} SHACL violation(s): {listed}{more}", where=f"{first.focus} {first.path}"
    )
