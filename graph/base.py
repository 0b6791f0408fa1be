"""The one interface both stores implement.

A store is opened from settings, creates its schema, writes one article's
facts in one transaction, runs the named read queries of ``graph.queries``,
reports stats and can be cleared. The API and the CLI see only this class.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import Any

from pydantic import Field

from hdkg.models import Facts, Model


class WriteResult(Model):
    """What one article's write changed."""

    article_id: str
    skipped: bool = Field(False, description="True when the same content was already stored")
    replaced: bool = Field(False, description="True when an older version of the article was replaced")
    actors: int = 0
    links: int = 0
    merges: list[str] = Field(default_factory=list, description="Merge decisions applied, with reasons")


class Stats(Model):
    nodes: dict[str, int]
    relationships: dict[str, int]


class GraphStore(abc.ABC):
    """A graph store: Neo4j over Bolt or embedded LadybugDB."""

    dialect: str = "abstract"

    @abc.abstractmethod
    def create_schema(self) -> None:
        """Constraints and indexes (Neo4j) or node and relationship tables (LadybugDB); idempotent."""

    def check_schema(self) -> None:
        """Raise ``SchemaMissing`` unless the schema is in place; reads only (a read-only user can run it).

        The default creates it, for stores a process owns alone (the embedded file)."""
        self.create_schema()

    def write_ready(self) -> bool:
        """Whether a write transaction can start now (a cluster's leader reachable); writes nothing."""
        return True

    @abc.abstractmethod
    def write_facts(self, facts: Facts) -> WriteResult:
        """Write one article's facts in one transaction; idempotent per (article id, content hash)."""

    def write_many(self, batch: Sequence[Facts]) -> list[WriteResult]:
        """Write several articles' facts in one transaction, with the same outcome as writing them one by one.

        Statements are shared by the whole batch, so their fixed cost is paid once per batch instead of
        once per article. All or nothing: on failure nothing of the batch is stored and the error names
        the batch; callers that must isolate a bad article retry it article by article."""
        return [self.write_facts(f) for f in batch]

    @abc.abstractmethod
    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a named read query of ``graph.queries.SPECS``."""

    @abc.abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship (the schema stays)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections and file handles."""

    @abc.abstractmethod
    def ping(self) -> dict[str, Any]:
        """Cheap reachability check; raises StoreUnavailable when the store cannot answer.

        Returns at least ``store`` (the dialect), ``ok`` and ``version``: the engine's version
        (the Neo4j server's, or the embedded library's), which ``/health`` reports as ``store_server``.
        """

    def graph_version(self) -> str | None:
        """The token of the last committed write (``graph.version``); changes on every write and clear.

        None for a store that keeps no version: nothing read from it may be cached."""
        return None

    def has_article(self, article_id: str, content_hash: str) -> bool:
        """True when this article is stored with this content hash: one lookup by the indexed article id.

        Lets ingest skip an unchanged article before extracting it (``write_facts`` would skip it too,
        but only after the extraction has been paid for)."""
        rows = self.query("article", id=article_id)
        return bool(rows) and rows[0]["content_hash"] == content_hash

    def stats(self) -> Stats:
        nodes = {r["label"]: int(r["count"]) for r in self.query("node_counts")}
        rels = {r["type"]: int(r["count"]) for r in self.query("rel_counts")}
        return Stats(nodes=nodes, relationships=rels)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
