"""The yardstick for the write path: plain hand-written UNWIND MERGE of the same rows.

For every article: its actors, its links (same ids as the store gives them)
and the party relationships, as three UNWIND MERGE statements in one
transaction, with no resolution, no replacement bookkeeping, no evidence, no
topics. That is the least a loader must do to get these rows in, so
``hdkg rate / baseline rate`` says what the store's extra guarantees cost.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph import model
from hdkg.models import Facts

Rows = dict[str, list[dict[str, Any]]]

NEO4J = [
    "UNWIND $actors AS r MERGE (a:Actor {id: r.id}) SET a.name = r.name, a.kind = r.kind, a.country = r.country",
    "UNWIND $links AS r MERGE (l:Link {id: r.id}) SET l.kind = r.kind, l.status = r.status, l.date = r.date",
    "UNWIND $parties AS r MATCH (a:Actor {id: r.actor}) MATCH (l:Link {id: r.link}) "
    "MERGE (a)-[p:PARTY_OF]->(l) SET p.side = r.side",
]
# LadybugDB binds parameter types from first use, hence the casts (as in graph/ladybug/cypher.py).
LADYBUG = [
    "UNWIND $actors AS r MERGE (a:Actor {id: r.id}) SET a.name = CAST(r.name AS STRING), "
    "a.kind = CAST(r.kind AS STRING), a.country = CAST(r.country AS STRING)",
    "UNWIND $links AS r MERGE (l:Link {id: r.id}) SET l.kind = CAST(r.kind AS STRING), "
    "l.status = CAST(r.status AS STRING), l.date = CAST(r.date AS STRING)",
    "UNWIND $parties AS r MATCH (a:Actor {id: r.actor}), (l:Link {id: r.link}) "
    "MERGE (a)-[p:PARTY_OF]->(l) SET p.side = CAST(r.side AS INT64)",
]
_KEYS = ("actors", "links", "parties")


def rows(facts: Facts) -> Rows:
    """The rows of one article, link ids computed exactly as the store computes them."""
    known = {a.id for a in facts.actors}
    actors = [{"id": a.id, "name": a.name, "kind": a.type, "country": a.country} for a in facts.actors]
    links: dict[str, dict[str, Any]] = {}
    parties: list[dict[str, Any]] = []
    for link in facts.links:
        sides = model.canonical_sides([[a for a in side if a in known] for side in link.sides])
        if sum(len(s) for s in sides) < 2:
            continue
        date = link.date.isoformat() if link.date else None
        lid = model.link_key(link.kind, link.status, date, sides)
        if lid in links:
            continue
        links[lid] = {"id": lid, "kind": link.kind, "status": link.status, "date": date}
        parties.extend({"actor": a, "link": lid, "side": i} for i, side in enumerate(sides) for a in side)
    return {"actors": actors, "links": list(links.values()), "parties": parties}


def merge(batches: Iterable[Rows]) -> Rows:
    out: Rows = {k: [] for k in _KEYS}
    for b in batches:
        for k in _KEYS:
            out[k].extend(b[k])
    return out


class Neo4jBaseline:
    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        import neo4j

        self.database = database
        self.driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))

    def write(self, batch: Rows) -> None:
        def work(tx: Any) -> None:
            for stmt, key in zip(NEO4J, _KEYS, strict=True):
                if batch[key]:
                    tx.run(stmt, {key: batch[key]}).consume()

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)

    def close(self) -> None:
        self.driver.close()


class LadybugBaseline:
    """Writes into its own database file (two Database objects on one path lose data)."""

    def __init__(self, path: Path) -> None:
        import ladybug

        from graph.ladybug import LadybugStore

        with LadybugStore(path) as store:  # the same tables as the store uses
            store.create_schema()
        self.db = ladybug.Database(str(path))
        self.conn = ladybug.Connection(self.db)

    def write(self, batch: Rows) -> None:
        self.conn.execute("BEGIN TRANSACTION")
        try:
            for stmt, key in zip(LADYBUG, _KEYS, strict=True):
                if batch[key]:
                    self.conn.execute(stmt, {key: batch[key]})
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()
        self.db.close()
