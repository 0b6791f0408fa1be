"""The Neo4j store over Bolt.

The driver already retries transient errors inside ``execute_write``; on top
of that a lost connection (ServiceUnavailable, SessionExpired) is retried a
few times with backoff before ``StoreUnavailable`` names what could not be
written. Every driver error leaves this module as an ``hdkg`` error.

Cluster-ready: one driver per store with one bookmark manager, so every read
sees every write this process committed before it (causal consistency across
sessions, also on a cluster's secondaries); reads run in READ access mode
(routed to secondaries over ``neo4j://``), writes in WRITE mode on the leader;
every named read has a server-side timeout; connection lifetime, liveness
check and keep-alive are settings, as Aura and load balancers need.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import AuthError as DriverAuthError
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired, TransientError

from hdkg.errors import ConfigError, SchemaMissing, StoreError, StoreUnavailable
from hdkg.graph import batch as graph_batch
from hdkg.graph import common, cooperation, model, version, writer
from hdkg.graph.base import GraphStore, WriteResult
from hdkg.graph.neo4j import coop, cypher
from hdkg.graph.resolution import DecisionsFile
from hdkg.models import Facts

log = logging.getLogger(__name__)
#: Every statement of the dialect: the core tables and the stored pairs (graph/cooperation.py).
ALL_WRITE = {**cypher.WRITE, **coop.WRITE}
ALL_READ = {**cypher.READ, **coop.READ}
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
        rows: list[dict[str, Any]] = self.tx.run(ALL_WRITE[name], params).data()
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
        query_timeout_s: float | None = 30.0,
        max_connection_lifetime_s: float = 3600.0,
        liveness_check_timeout_s: float | None = None,
        keep_alive: bool = True,
    ) -> None:
        self.uri, self.database, self.attempts = uri, database, attempts
        self.query_timeout_s = query_timeout_s
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                max_transaction_retry_time=DRIVER_RETRY_S,
                connection_timeout=CONNECT_TIMEOUT_S,
                max_connection_lifetime=max_connection_lifetime_s,
                liveness_check_timeout=liveness_check_timeout_s,
                keep_alive=keep_alive,
                # "property does not exist yet" on a young graph is no news: notifications stay off
                notifications_min_severity="OFF",
            )
        except (DriverError, ValueError, TypeError) as exc:
            raise ConfigError(f"bad Neo4j connection settings: {exc}", where="NEO4J_URI") from exc
        self._bookmarks = neo4j.GraphDatabase.bookmark_manager()
        self._decisions = DecisionsFile(decisions_file)

    def _session(self, mode: str) -> neo4j.Session:
        """A session that waits for this process's last write (bookmarks) and says where it may run."""
        return self._driver.session(
            database=self.database, bookmark_manager=self._bookmarks, default_access_mode=mode
        )

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
            with self._session(neo4j.WRITE_ACCESS) as session:
                return session.execute_write(_bumping(fn))

        return self._retry(what, run)

    def _read(self, what: str, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        @neo4j.unit_of_work(timeout=self.query_timeout_s)
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            # named queries return plain values: zip the columns rather than .data()'s recursive copy
            result = tx.run(query, params)
            keys = result.keys()
            return [dict(zip(keys, values, strict=True)) for values in result.values()]

        def run() -> list[dict[str, Any]]:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(work)

        return self._retry(what, run)

    def _auto(self, what: str, statement: str) -> None:
        def run() -> None:
            with self._session(neo4j.WRITE_ACCESS) as session:
                session.run(statement).consume()

        self._retry(what, run)

    def check_schema(self) -> None:
        """Every constraint and index of the schema exists and the vocabulary is seeded (reads only)."""
        wanted = {
            m.group(1)
            for stmt in [*cypher.SCHEMA, *coop.SCHEMA]
            if (m := re.match(r"CREATE (?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS", stmt))
        }
        have = {
            r["name"]
            for q in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name")
            for r in self._read("check the schema", q, {})
        }
        seeded = self._read("check the schema", "MATCH (s:Specialty) RETURN count(s) AS n", {})[0]["n"]
        missing = sorted(wanted - have) + ([] if seeded else ["Specialty nodes"])
        if missing:
            raise SchemaMissing(
                f"the database has no hdkg schema ({', '.join(missing)} missing): run `hdkg init-schema` "
                "once with a user that may create it",
                where=self.uri,
            )

    def write_ready(self) -> bool:
        """A WRITE session (routed to the leader) runs ``RETURN 1``: no data, no version bump."""

        def probe() -> None:
            with self._session(neo4j.WRITE_ACCESS) as session:
                session.execute_write(lambda tx: tx.run("RETURN 1").consume())

        try:
            self._retry("write readiness", probe)
        except StoreError as exc:
            log.warning("Neo4j is not ready for writes: %s", exc)
            return False
        return True

    def create_schema(self) -> None:
        for stmt in [*cypher.SCHEMA, *coop.SCHEMA, version.NEO4J_SCHEMA]:
            self._auto("create the schema", stmt)
        self._seed_concepts()
        pairs = cooperation.missing_pairs(self)
        if pairs:
            log.info(
                "storing the %d cooperation pairs of a graph written before they were stored", len(pairs)
            )
            self._write("store the cooperation pairs", lambda tx: cooperation.recompute(_Tx(tx), pairs))

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
        statement = cooperation.route(name, prepared)
        return common.shape(name, self._read(f"query {name} ({statement})", ALL_READ[statement], prepared))

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
