"""RDF (Turtle, JSON-LD) of the links matching the API's filters, via the ontology's exporter.

``ontology.from_store.store_to_graph`` takes the link filters itself, so a
filtered export uses exactly the IRIs and shapes of the full ``hdkg export``.
"""

from __future__ import annotations

from typing import Literal

from hdkg.graph.base import GraphStore

from .deps import LinkFilters


def rdf_export(store: GraphStore, filters: LinkFilters, fmt: Literal["ttl", "nt", "jsonld"]) -> bytes:
    from hdkg.ontology.export import serialize
    from hdkg.ontology.from_store import store_to_graph

    graph = store_to_graph(store, filters=filters.params())
    return serialize(graph, fmt).encode("utf-8")
