"""The Neo4j store over Bolt."""

from graph.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore"]
