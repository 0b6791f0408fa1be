"""Stable IRIs for the individuals of the graph.

Every IRI is a pure function of ids that ``Facts`` already carries (actor,
link and article ids, concept ids, side index, offsets), so re-extracting the
same text yields the same IRIs and two exports of the same store can be
diffed. Ids are percent-encoded except for URI-unreserved characters, so any
id (Cyrillic, spaces, slashes) gives a valid IRI.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace, URIRef

from hdkg.ontology.vocab import BASE, ID_BASE

HDKG = Namespace(BASE)
ID = Namespace(ID_BASE)

#: Prefixes bound on every graph hdkg produces (Turtle and JSON-LD read better with them).
PREFIXES: dict[str, str] = {
    "hdkg": BASE,
    "actor": f"{ID_BASE}actor/",
    "link": f"{ID_BASE}link/",
    "article": f"{ID_BASE}article/",
    "sp": f"{ID_BASE}specialty/",
    "ar": f"{ID_BASE}area/",
    "kind": f"{ID_BASE}kind/",
    "status": f"{ID_BASE}status/",
    "country": f"{ID_BASE}country/",
    "coop": f"{ID_BASE}cooperation/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}


def _seg(value: str | int) -> str:
    return quote(str(value), safe="-._~")


def _under(collection: str, value: str) -> URIRef:
    prefix = f"{ID_BASE}{collection}/"
    if value.startswith(prefix):  # an id that already is the canonical IRI
        return URIRef(value)
    return URIRef(prefix + _seg(value))


def _key(collection: str, value: str) -> str:
    """The IRI segment of an id (the id itself, or the tail of a canonical IRI)."""
    return str(_under(collection, value))[len(f"{ID_BASE}{collection}/") :]


def actor_iri(actor_id: str) -> URIRef:
    return _under("actor", actor_id)


def link_iri(link_id: str) -> URIRef:
    return _under("link", link_id)


def article_iri(article_id: str) -> URIRef:
    return _under("article", article_id)


def specialty_iri(concept_id: str) -> URIRef:
    return _under("specialty", concept_id)


def area_iri(concept_id: str) -> URIRef:
    return _under("area", concept_id)


def kind_iri(kind: str) -> URIRef:
    return _under("kind", kind)


def status_iri(status: str) -> URIRef:
    return _under("status", status)


def country_iri(code: str) -> URIRef:
    return _under("country", code.upper())


def cooperation_iri(a_id: str, b_id: str) -> URIRef:
    """The pair's IRI, the same whichever actor comes first."""
    first, second = sorted((_key("actor", a_id), _key("actor", b_id)))
    return URIRef(f"{ID_BASE}cooperation/{first}--{second}")


def participation_iri(link_id: str, side: int, actor_id: str) -> URIRef:
    return URIRef(f"{link_iri(link_id)}/party/{side}/{_key('actor', actor_id)}")


def evidence_iri(link_id: str, article_id: str, start: int, end: int) -> URIRef:
    return URIRef(f"{link_iri(link_id)}/evidence/{_key('article', article_id)}/{start}-{end}")


def membership_iri(person_id: str, body_id: str) -> URIRef:
    return URIRef(f"{actor_iri(person_id)}/membership/{_key('actor', body_id)}")


def extractor_iri(extractor: str) -> URIRef:
    return _under("extractor", extractor)


def activity_iri(article_id: str, extractor: str) -> URIRef:
    return URIRef(f"{article_iri(article_id)}/extraction/{_key('extractor', extractor)}")
