"""RDF export of the filtered links through the ontology's exporter (placeholder until it lands)."""

from __future__ import annotations

from graph.base import GraphStore

from .deps import LinkFilters


def rdf_export(store: GraphStore, filters: LinkFilters, fmt: str, *, limit: int | None) -> bytes:
    raise NotImplementedError
