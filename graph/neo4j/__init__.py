"""The Neo4j store over Bolt."""

from hdkg.graph.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore"]
