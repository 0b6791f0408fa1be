"""Facts -> RDF, shaped by the ontology.

``GraphBuilder`` holds the one mapping from hdkg's records to triples; both
``facts_to_graph`` (fresh extraction) and ``ontology.from_store`` (a stored
graph) go through it, so an export of the store and the RDF of the facts that
filled it use the same IRIs, classes and properties. Party-hood is written
twice on purpose: a qualified ``hdkg:Participation`` node carrying the side
index, and the ``hdkg:hasParty`` shortcut for queries that ignore sides.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, Namespace

from hdkg.errors import OntologyError
from hdkg.models import Facts
from hdkg.ontology import iri
from hdkg.ontology.iri import HDKG, PREFIXES
from hdkg.ontology.vocab import actor_types, class_labels, link_classes, ontology_graph

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
_CONCEPT_PROPS = (RDF.type, SKOS.notation, SKOS.prefLabel, SKOS.inScheme, HDKG.linkClass)


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def _script_lang(text: str, article_lang: str | None) -> str | None:
    """The article's language when the text's script fits it; None when unsure."""
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in text)
    latin = any(c.isascii() and c.isalpha() for c in text)
    if article_lang == "ru" and cyrillic and not latin:
        return "ru"
    if article_lang in ("en", "uz") and latin and not cyrillic:
        return article_lang
    return None


@lru_cache(maxsize=1)
def _memorandum_pattern() -> re.Pattern[str]:
    labels = {label for values in class_labels("Memorandum").values() for label in values}
    parts = [re.escape(x) + (r"\w*" if len(x) >= 6 else r"\b") for x in sorted(labels, key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


def is_memorandum(texts: Iterable[str]) -> bool:
    """True when an agreement's evidence calls it a memorandum (labels of hdkg:Memorandum)."""
    pattern = _memorandum_pattern()
    return any(pattern.search(t) for t in texts)


class GraphBuilder:
    """Accumulates triples for articles, actors, links and evidence into one graph."""

    def __init__(self, graph: Graph | None = None) -> None:
        self.graph = bind_prefixes(graph if graph is not None else Graph())
        self._ontology = ontology_graph()
        self._link_classes = link_classes()
        self._actor_types = set(actor_types())

    def _add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.graph.add((s, p, o))

    def _concept(self, node: URIRef) -> URIRef:
        """Copy a concept's typing and labels, so exports are readable without the ontology."""
        for prop in _CONCEPT_PROPS:
            for value in self._ontology.objects(node, prop):
                if isinstance(value, URIRef | Literal):
                    self._add(node, prop, value)
        return node

    def article(
        self,
        article_id: str,
        *,
        source: str | None,
        url: str | None,
        title: str | None,
        date: dt.date | None,
        lang: str | None,
        content_hash: str | None,
    ) -> URIRef:
        node = iri.article_iri(article_id)
        self._add(node, RDF.type, HDKG.Article)
        self._add(node, RDF.type, SCHEMA.NewsArticle)
        self._add(node, DCTERMS.identifier, Literal(article_id))
        if source:
            self._add(node, HDKG.source, Literal(source))
        if url:
            self._add(node, SCHEMA.url, Literal(url, datatype=XSD.anyURI))
        if title:
            self._add(node, SCHEMA.headline, Literal(title))
        if date is not None:
            self._add(node, SCHEMA.datePublished, Literal(date))
        if lang:
            self._add(node, SCHEMA.inLanguage, Literal(lang))
        if content_hash:
            self._add(node, HDKG.contentHash, Literal(content_hash))
        return node

    def extraction(self, article_id: str, extractor: str) -> URIRef:
        """The PROV activity of one extractor run over one article."""
        node, agent = iri.activity_iri(article_id, extractor), iri.extractor_iri(extractor)
        self._add(node, RDF.type, HDKG.ExtractionActivity)
        self._add(node, RDF.type, PROV.Activity)
        self._add(node, PROV.used, iri.article_iri(article_id))
        self._add(node, PROV.wasAssociatedWith, agent)
        self._add(agent, RDF.type, HDKG.Extractor)
        self._add(agent, RDF.type, PROV.SoftwareAgent)
        self._add(agent, RDFS.label, Literal(extractor))
        return node

    def actor(
        self,
        actor_id: str,
        *,
        name: str,
        kind: str,
        country: str | None = None,
        aliases: Sequence[str] = (),
        wikidata: str | None = None,
        acts_for: str | None = None,
        lang: str | None = None,
    ) -> URIRef:
        if kind not in self._actor_types:
            raise OntologyError(f"unknown actor type {kind!r}", where=f"actor {actor_id}")
        node = iri.actor_iri(actor_id)
        self._add(node, RDF.type, HDKG[kind])
        self._add(node, DCTERMS.identifier, Literal(actor_id))
        self._add(node, SKOS.prefLabel, Literal(name, lang=_script_lang(name, lang)))
        for alias in aliases:
            if alias != name:
                self._add(node, SKOS.altLabel, Literal(alias, lang=_script_lang(alias, lang)))
        if country:
            place = iri.country_iri(country)
            self._add(node, HDKG.basedIn, place)
            self._add(place, RDF.type, SCHEMA.Country)
            self._add(place, HDKG.countryCode, Literal(country.upper()))
        if wikidata:
            self._add(node, HDKG.wikidata, Literal(wikidata))
        if kind == "Person":
            self._add(node, RDF.type, FOAF.Person)
            self._add(node, FOAF.name, Literal(name))
        if acts_for:
            body, membership = iri.actor_iri(acts_for), iri.membership_iri(actor_id, acts_for)
            self._add(node, HDKG.actsFor, body)
            self._add(membership, RDF.type, ORG.Membership)
            self._add(membership, ORG.member, node)
            self._add(membership, ORG.organization, body)
        return node

    def link(
        self,
        link_id: str,
        *,
        kind: str,
        status: str,
        date: dt.date | None,
        sides: Sequence[Sequence[str]],
        specialties: Iterable[str] = (),
        areas: Iterable[str] = (),
        article_ids: Iterable[str] = (),
        activity: URIRef | None = None,
        memorandum: bool = False,
    ) -> URIRef:
        cls = self._link_classes.get(kind)
        if cls is None:
            raise OntologyError(f"unknown link kind {kind!r}", where=f"link {link_id}")
        node = iri.link_iri(link_id)
        self._add(node, RDF.type, HDKG.Memorandum if memorandum and kind == "agreement" else HDKG[cls])
        self._add(node, DCTERMS.identifier, Literal(link_id))
        self._add(node, HDKG.kind, self._concept(iri.kind_iri(kind)))
        self._add(node, HDKG.status, self._concept(iri.status_iri(status)))
        if date is not None:
            self._add(node, HDKG.date, Literal(date))
        for side, members in enumerate(sides):
            for actor_id in members:
                part = iri.participation_iri(link_id, side, actor_id)
                self._add(node, HDKG.hasParticipation, part)
                self._add(part, RDF.type, HDKG.Participation)
                self._add(part, HDKG.participant, iri.actor_iri(actor_id))
                self._add(part, HDKG.side, Literal(side, datatype=XSD.nonNegativeInteger))
                self._add(node, HDKG.hasParty, iri.actor_iri(actor_id))
        for sid in specialties:
            self._add(node, HDKG.covers, self._concept(iri.specialty_iri(sid)))
        for aid in areas:
            self._add(node, HDKG.area, self._concept(iri.area_iri(aid)))
        for article_id in article_ids:
            self._add(node, PROV.wasDerivedFrom, iri.article_iri(article_id))
        if activity is not None:
            self._add(node, PROV.wasGeneratedBy, activity)
        return node

    def evidence(
        self,
        link_id: str,
        article_id: str,
        *,
        text: str,
        start: int,
        end: int,
        activity: URIRef | None = None,
    ) -> URIRef:
        node = iri.evidence_iri(link_id, article_id, start, end)
        self._add(iri.link_iri(link_id), HDKG.evidence, node)
        self._add(node, RDF.type, HDKG.Evidence)
        self._add(node, HDKG.text, Literal(text))
        self._add(node, HDKG.start, Literal(start, datatype=XSD.nonNegativeInteger))
        self._add(node, HDKG.end, Literal(end, datatype=XSD.nonNegativeInteger))
        self._add(node, PROV.wasDerivedFrom, iri.article_iri(article_id))
        if activity is not None:
            self._add(node, PROV.wasGeneratedBy, activity)
        return node

    def add_facts(self, facts: Facts) -> None:
        a = facts.article
        self.article(
            a.id,
            source=a.source,
            url=a.url,
            title=a.title,
            date=a.date,
            lang=a.lang,
            content_hash=a.content_hash,
        )
        activity = self.extraction(a.id, facts.extractor)
        for x in facts.actors:
            self.actor(
                x.id, name=x.name, kind=x.type, country=x.country, aliases=x.aliases,
                wikidata=x.wikidata, acts_for=x.acts_for, lang=a.lang,
            )  # fmt: skip
        for link in facts.links:
            self.link(
                link.id, kind=link.kind, status=link.status, date=link.date, sides=link.sides,
                specialties=link.specialties, areas=link.areas, article_ids=[a.id], activity=activity,
                memorandum=is_memorandum(e.text for e in link.evidence),
            )  # fmt: skip
            for ev in link.evidence:
                self.evidence(link.id, a.id, text=ev.text, start=ev.start, end=ev.end, activity=activity)


def facts_to_graph(facts: Facts | Iterable[Facts]) -> Graph:
    """The RDF of one article's facts, or of several merged (same ids give the same nodes)."""
    builder = GraphBuilder()
    for item in [facts] if isinstance(facts, Facts) else facts:
        builder.add_facts(item)
    return builder.graph
