"""RDF (Turtle, JSON-LD) of the links matching the API's filters, via the ontology's exporter.

``ontology.from_store.store_to_graph`` exports every link of a store by
paging the ``links`` query with no filter. Rather than copy it, the API hands
it a read-only view of the store whose ``links`` query carries the request's
filters; every other query passes through, so the RDF of a filtered export
uses exactly the IRIs and shapes of the full export.
"""

from __future__ import annotations

from typing import Any, Literal

from graph.base import GraphStore, Stats, WriteResult
from hdkg.errors import StoreError
from hdkg.models import Facts

from .deps import LinkFilters


class FilteredLinks(GraphStore):
    """A read-only view of ``inner`` whose ``links`` query only returns links matching ``filters``."""

    def __init__(self, inner: GraphStore, filters: dict[str, Any]) -> None:
        self.inner = inner
        self.filters = {k: v for k, v in filters.items() if v is not None}
        self.dialect = inner.dialect

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        if name == "links":
            params = {**params, **self.filters}
        return self.inner.query(name, **params)

    def create_schema(self) -> None:
        raise StoreError("read-only view", where="api.rdf")

    def write_facts(self, facts: Facts) -> WriteResult:
        raise StoreError("read-only view", where="api.rdf")

    def clear(self) -> None:
        raise StoreError("read-only view", where="api.rdf")

    def close(self) -> None:
        """The view does not own the store."""

    def ping(self) -> dict[str, Any]:
        return self.inner.ping()

    def stats(self) -> Stats:
        return self.inner.stats()


def rdf_export(store: GraphStore, filters: LinkFilters, fmt: Literal["ttl", "jsonld"]) -> bytes:
    from ontology.export import serialize
    from ontology.from_store import store_to_graph

    graph = store_to_graph(FilteredLinks(store, filters.params()))
    return serialize(graph, fmt).encode("utf-8")
