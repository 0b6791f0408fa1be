"""The code's only window onto the ontology's vocabularies.

The Turtle files in this package are the single source of truth: the
extractor's lexicons, the stores' labels and the API's enums come from the
concept schemes and classes read here. Every reader is cached, because the
files do not change while a process runs, and loads them through
``importlib.resources`` so an installed package works like a checkout.
The returned graph is shared: callers must not modify it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL

from hdkg.errors import OntologyError

log = logging.getLogger(__name__)

BASE = "https://w3id.org/hdkg/ontology#"
ID_BASE = "https://w3id.org/hdkg/id/"
HDKG = Namespace(BASE)
LANGS = ("ru", "en", "uz")

_APOSTROPHES = str.maketrans({c: "ʻ" for c in "'‘’`´ʼ"})


@dataclass(frozen=True)
class Concept:
    """One SKOS concept of a scheme, with its labels as the extractor's lexicon."""

    id: str
    iri: str
    pref: dict[str, str]
    alt: dict[str, tuple[str, ...]]
    broader: tuple[str, ...]
    exact_match: tuple[str, ...]
    close_match: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    definition: str = field(default="", compare=False)


def ttl_files() -> list[str]:
    """Names of the package's Turtle files, in a fixed order."""
    root = resources.files("hdkg.ontology")
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".ttl"))


def load_graph(*names: str) -> Graph:
    """Parse the named package files into one graph (a fresh graph on every call)."""
    root = resources.files("hdkg.ontology")
    graph = Graph()
    for name in names:
        try:
            data = (root / name).read_text(encoding="utf-8")
            graph.parse(data=data, format="turtle", publicID=BASE)
        except Exception as exc:  # rdflib raises several unrelated types on bad Turtle
            raise OntologyError(f"cannot read ontology file: {exc}", where=f"ontology/{name}") from exc
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """All Turtle files merged (core, schemes, shapes); cached and shared."""
    graph = load_graph(*ttl_files())
    log.debug("ontology loaded: %d triples from %s", len(graph), ttl_files())
    return graph


def _local(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _concept(graph: Graph, iri: URIRef) -> Concept:
    notation = graph.value(iri, SKOS.notation)
    pref: dict[str, str] = {}
    for label in graph.objects(iri, SKOS.prefLabel):
        if isinstance(label, Literal):
            pref[label.language or ""] = str(label)
    alt: dict[str, set[str]] = {}
    for prop in (SKOS.altLabel, SKOS.hiddenLabel):
        for label in graph.objects(iri, prop):
            if isinstance(label, Literal):
                alt.setdefault(label.language or "", set()).add(str(label))
    definition = graph.value(iri, SKOS.definition)

    def ids(prop: URIRef) -> tuple[str, ...]:
        return tuple(sorted(_local(o) for o in graph.objects(iri, prop)))

    def iris(prop: URIRef) -> tuple[str, ...]:
        return tuple(sorted(str(o) for o in graph.objects(iri, prop)))

    return Concept(
        id=str(notation) if notation is not None else _local(iri),
        iri=str(iri),
        pref=pref,
        alt={lang: tuple(sorted(labels)) for lang, labels in sorted(alt.items())},
        broader=ids(SKOS.broader),
        exact_match=iris(SKOS.exactMatch),
        close_match=iris(SKOS.closeMatch),
        related=ids(SKOS.related),
        definition=str(definition) if definition is not None else "",
    )


@lru_cache(maxsize=8)
def _scheme(scheme: str) -> tuple[Concept, ...]:
    graph = ontology_graph()
    members = {s for s in graph.subjects(SKOS.inScheme, HDKG[scheme]) if isinstance(s, URIRef)}
    if not members:
        raise OntologyError(f"concept scheme hdkg:{scheme} is empty or missing", where="ontology/")
    return tuple(sorted((_concept(graph, m) for m in members), key=lambda c: c.id))


def specialties() -> list[Concept]:
    return list(_scheme("Specialties"))


def areas() -> list[Concept]:
    return list(_scheme("CooperationAreas"))


def link_kinds() -> list[Concept]:
    return list(_scheme("LinkKinds"))


def statuses() -> list[Concept]:
    return list(_scheme("LinkStatuses"))


@lru_cache(maxsize=1)
def _actor_types() -> tuple[str, ...]:
    graph = ontology_graph()
    direct = {s for s in graph.subjects(RDFS.subClassOf, HDKG.Actor) if str(s).startswith(BASE)}
    # The disjointness axiom lists the kinds in their documented order; fall back to names.
    for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = graph.value(axiom, OWL.members)
        listed = list(Collection(graph, members)) if members is not None else []
        if set(listed) == direct:
            return tuple(_local(m) for m in listed)
    return tuple(sorted(_local(m) for m in direct))


def actor_types() -> list[str]:
    """Local names of the direct hdkg subclasses of hdkg:Actor."""
    return list(_actor_types())


def link_classes() -> dict[str, str]:
    """Link kind id -> local name of its OWL class ("agreement" -> "Agreement")."""
    graph = ontology_graph()
    out: dict[str, str] = {}
    for concept in link_kinds():
        cls = graph.value(URIRef(concept.iri), HDKG.linkClass)
        if cls is None:
            raise OntologyError(f"link kind {concept.id} names no hdkg:linkClass", where="ontology/kinds.ttl")
        out[concept.id] = _local(cls)
    return out


def class_labels(local_name: str) -> dict[str, tuple[str, ...]]:
    """lang -> rdfs:label and skos:altLabel of an hdkg class (e.g. the Memorandum triggers)."""
    graph = ontology_graph()
    out: dict[str, set[str]] = {}
    for prop in (RDFS.label, SKOS.altLabel):
        for label in graph.objects(HDKG[local_name], prop):
            if isinstance(label, Literal):
                out.setdefault(label.language or "", set()).add(str(label))
    return {lang: tuple(sorted(labels)) for lang, labels in sorted(out.items())}


def fold_apostrophes(text: str) -> str:
    """Map every apostrophe variant of Uzbek Latin (o' o‘ oʼ ...) to U+02BB.

    The labels write oʻ/gʻ with U+02BB and the tutuq belgisi with U+02BC, while news
    text uses any of several quote marks: fold both the labels and the text before matching.
    """
    return text.translate(_APOSTROPHES)
