"""The stored cooperation pairs as RDF: one ``hdkg:Cooperation`` per pair, with its links and counts.

Read through the named pair query (``cooperation_pairs``), so the numbers in the
export are the API's: ``hdkg:linkCount`` and ``hdkg:sourceCount`` (distinct
articles) of ``GET /cooperations`` for the same filters. Each cooperation
lists its links (``hdkg:cooperationLink``), so a SPARQL query can narrow the
pairs by anything a link carries (specialty, kind, status, date) and count
again, as the API does with the stores' ``COOPERATION_LINK`` relationships.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from rdflib import RDF, XSD, Graph, Literal
from rdflib.namespace import DCTERMS

from hdkg.graph.base import GraphStore
from hdkg.graph.queries import LINK_FILTERS
from hdkg.ontology import iri
from hdkg.ontology.iri import HDKG

PAGE = 500


def add_cooperations(graph: Graph, store: GraphStore, filters: Mapping[str, Any], page: int = PAGE) -> int:
    """Adds the pairs of the links matching ``filters`` to ``graph``; returns how many."""
    params: dict[str, Any] = dict.fromkeys(LINK_FILTERS) | dict(filters)
    done = 0
    while True:
        rows = store.query("cooperation_pairs", **params, sort=None, order=None, limit=page, offset=done)
        for row in rows:
            _add(graph, row)
        done += len(rows)
        if len(rows) < page:
            return done


def _add(graph: Graph, row: dict[str, Any]) -> None:
    a, b = str(row["a_id"]), str(row["b_id"])
    node = iri.cooperation_iri(a, b)
    graph.add((node, RDF.type, HDKG.Cooperation))
    graph.add((node, DCTERMS.identifier, Literal(f"{a}|{b}")))
    for actor in (a, b):
        graph.add((node, HDKG.cooperant, iri.actor_iri(actor)))
    for link_id in row["link_ids"]:
        graph.add((node, HDKG.cooperationLink, iri.link_iri(str(link_id))))
    graph.add((node, HDKG.linkCount, Literal(int(row["links"]), datatype=XSD.nonNegativeInteger)))
    graph.add((node, HDKG.sourceCount, Literal(int(row["sources"]), datatype=XSD.nonNegativeInteger)))
    for prop, key in ((HDKG.firstDate, "first_date"), (HDKG.lastDate, "last_date")):
        if row[key]:
            graph.add((node, prop, Literal(dt.date.fromisoformat(str(row[key])[:10]))))
