"""The Neo4j store over Bolt.

The driver already retries transient errors inside ``execute_write``; on top
of that a lost connection (ServiceUnavailable, SessionExpired) is retried a
few times with backoff before ``StoreUnavailable`` names what could not be
written. Every driver error leaves this module as an ``hdkg`` error.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import AuthError as DriverAuthError
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired, TransientError

from hdkg.errors import ConfigError, StoreError, StoreUnavailable
from hdkg.graph import batch as graph_batch
from hdkg.graph import common, model, version, writer
from hdkg.graph.base import GraphStore, WriteResult
from hdkg.graph.neo4j import cypher
from hdkg.graph.resolution import DecisionsFile
from hdkg.models import Facts

log = logging.getLogger(__name__)
T = TypeVar("T")
ATTEMPTS = 4
BACKOFF_S = 0.5
#: The driver's own retry loop (30 s by default) inside each of our attempts made a request wait
#: minutes while Neo4j was down; ``_retry`` is the one retry policy, so the driver gives up at once.
DRIVER_RETRY_S = 0.0
CONNECT_TIMEOUT_S = 5.0


class _Tx:
    def __init__(self, tx: neo4j.ManagedTransaction) -> None:
        self.tx = tx

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        if name in (
            "link_upsert",
            "links_create",
        ):  # the class becomes a label: refuse anything but a class name
            for r in params["rows"]:
                cypher.check_link_class(r["cls"])
        rows: list[dict[str, Any]] = self.tx.run(cypher.WRITE[name], params).data()
        return rows


def _run_rows(query: str, rows: list[dict[str, Any]]) -> Callable[[neo4j.ManagedTransaction], None]:
    def work(tx: neo4j.ManagedTransaction) -> None:
        tx.run(query, {"rows": rows}).consume()

    return work


class Neo4jStore(GraphStore):
    dialect = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        *,
        database: str = "neo4j",
        decisions_file: Path | None = None,
        attempts: int = ATTEMPTS,
    ) -> None:
        self.uri, self.database, self.attempts = uri, database, attempts
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                max_transaction_retry_time=DRIVER_RETRY_S,
                connection_timeout=CONNECT_TIMEOUT_S,
            )
        except (DriverError, ValueError) as exc:
            raise ConfigError(f"bad Neo4j connection settings: {exc}", where="NEO4J_URI") from exc
        self._decisions = DecisionsFile(decisions_file)

    def _retry(self, what: str, fn: Callable[[], T]) -> T:
        delay = BACKOFF_S
        for attempt in range(1, self.attempts + 1):
            try:
                return fn()
            except DriverAuthError as exc:
                raise ConfigError(f"Neo4j refused the credentials: {exc.message}", where=self.uri) from exc
            except (ServiceUnavailable, SessionExpired, TransientError) as exc:
                if attempt == self.attempts:
                    raise StoreUnavailable(
                        f"{what} failed after {attempt} attempts: {exc}", where=self.uri
                    ) from exc
                log.warning("%s: %s; retry %d/%d in %.1fs", what, exc, attempt, self.attempts, delay)
                time.sleep(delay)
                delay *= 2
            except Neo4jError as exc:
                raise StoreError(f"{what}: {exc.code}: {exc.message}", where=self.uri) from exc
            except DriverError as exc:
                raise StoreError(f"{what}: {exc}", where=self.uri) from exc
        raise AssertionError("unreachable")

    def _write(self, what: str, fn: Callable[[neo4j.ManagedTransaction], T]) -> T:
        def run() -> T:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(_bumping(fn))

        return self._retry(what, run)

    def _read(self, what: str, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            # named queries return plain values: zip the columns rather than .data()'s recursive copy
            result = tx.run(query, params)
            keys = result.keys()
            return [dict(zip(keys, values, strict=True)) for values in result.values()]

        def run() -> list[dict[str, Any]]:
            with self._driver.session(database=self.database) as session:
                return session.execute_read(work)

        return self._retry(what, run)

    def _auto(self, what: str, statement: str) -> None:
        def run() -> None:
            with self._driver.session(database=self.database) as session:
                session.run(statement).consume()

        self._retry(what, run)

    def create_schema(self) -> None:
        for stmt in [*cypher.SCHEMA, version.NEO4J_SCHEMA]:
            self._auto("create the schema", stmt)
        self._seed_concepts()

    def _seed_concepts(self) -> None:
        for label, rows in (("Specialty", model.specialties()), ("Area", model.areas())):
            if rows:
                data = [{"id": r.id, "iri": r.iri, "labels": r.labels} for r in rows]
                self._write(f"create {label} nodes", _run_rows(cypher.CONCEPTS[label], data))

    def write_facts(self, facts: Facts) -> WriteResult:
        resolver = self._decisions.resolver()
        return self._write(
            f"writing article {facts.article.id} ({facts.article.source})",
            lambda tx: writer.write_facts(_Tx(tx), facts, resolver),
        )

    def write_many(self, batch: Sequence[Facts]) -> list[WriteResult]:
        if not batch:
            return []
        resolver = self._decisions.resolver()
        first, last = batch[0].article, batch[-1].article
        return self._write(
            f"writing articles {first.id} .. {last.id} ({len(batch)} in one transaction)",
            lambda tx: graph_batch.write_many(_Tx(tx), batch, resolver),
        )

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        prepared = common.prepare(name, params)
        if name == "node_counts":
            prepared["labels"] = list(model.NODE_LABELS)
        return common.shape(name, self._read(f"query {name}", cypher.READ[name], prepared))

    def clear(self) -> None:
        """Deletes everything, then re-seeds the ontology's Specialty/Area nodes (part of the schema)."""
        for stmt in cypher.CLEAR:
            self._auto("clear the graph", stmt)
        self._seed_concepts()  # a write: it bumps the version

    def graph_version(self) -> str:
        return version.token_of(self._read("graph version", version.READ, {}))

    def close(self) -> None:
        self._driver.close()

    def ping(self) -> dict[str, Any]:
        """Reachability plus the server's version and edition, as ``dbms.components()`` reports them."""
        rows = self._read("ping", cypher.PING, {})
        return {
            "store": self.dialect,
            "uri": self.uri,
            "database": self.database,
            "ok": bool(rows) and rows[0]["ok"] == 1,
            "version": rows[0]["version"] if rows else None,
            "edition": rows[0]["edition"] if rows else None,
        }


def _bumping(fn: Callable[[neo4j.ManagedTransaction], T]) -> Callable[[neo4j.ManagedTransaction], T]:
    """``fn`` then the graph-version bump, in the same managed transaction (retried together)."""

    def work(tx: neo4j.ManagedTransaction) -> T:
        result = fn(tx)
        tx.run(version.BUMP, {"token": version.new_token()}).consume()
        return result

    return work
