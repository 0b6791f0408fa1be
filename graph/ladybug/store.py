"""The embedded store on LadybugDB (the maintained Kùzu fork).

Two ``Database`` objects on one path in one process lose committed data, so
databases live in a module-level registry keyed by the resolved path and are
shared (with one lock serialising statements) by every store opened on it.
Another *process* holding the file gets ``StoreLocked`` instead of a raw
RuntimeError: LadybugDB takes an OS file lock and we translate its message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import ladybug

from hdkg.errors import HdkgError, StoreError, StoreLocked, StoreUnavailable
from hdkg.graph import batch as graph_batch
from hdkg.graph import common, cooperation, model, version, writer
from hdkg.graph.base import GraphStore, WriteResult
from hdkg.graph.ladybug import coop, cypher
from hdkg.graph.resolution import DecisionsFile
from hdkg.models import Facts

log = logging.getLogger(__name__)
#: Every statement of the dialect: the core tables and the stored pairs (graph/cooperation.py).
ALL_WRITE = {**cypher.WRITE, **coop.WRITE}
ALL_READ = {**cypher.READ, **coop.READ}
T = TypeVar("T")


@dataclass
class _Shared:
    db: Any
    lock: threading.RLock = field(default_factory=threading.RLock)
    users: int = 0


_REGISTRY: dict[Path, _Shared] = {}
_REGISTRY_LOCK = threading.Lock()


#: The default memory ceiling of the embedded store's buffer pool (LadybugDB's own default is 80 %
#: of RAM). Strings and intermediate results of every query, user Cypher included, live in it.
DEFAULT_BUFFER_POOL_MB = 4096


def _acquire(path: Path, buffer_pool_mb: int = DEFAULT_BUFFER_POOL_MB) -> _Shared:
    with _REGISTRY_LOCK:
        shared = _REGISTRY.get(path)
        if shared is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                db = ladybug.Database(str(path), buffer_pool_size=buffer_pool_mb * 1024 * 1024)
            except RuntimeError as exc:
                if "lock" in str(exc).lower():
                    raise StoreLocked(
                        "the embedded graph is open in another process (an `hdkg serve` or `hdkg ingest`?); "
                        f"stop it or use another HDKG_DATA_DIR. LadybugDB said: {exc}",
                        where=str(path),
                    ) from exc
                raise StoreUnavailable(f"cannot open the embedded graph: {exc}", where=str(path)) from exc
            shared = _REGISTRY[path] = _Shared(db)
        shared.users += 1
        return shared


def _release(path: Path) -> None:
    with _REGISTRY_LOCK:
        shared = _REGISTRY.get(path)
        if shared is None:
            return
        shared.users -= 1
        if shared.users <= 0:
            del _REGISTRY[path]
            shared.db.close()


class _Tx:
    def __init__(self, store: LadybugStore) -> None:
        self.store = store

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.store._exec(ALL_WRITE[name], params, where=f"write step {name}")


class LadybugStore(GraphStore):
    dialect = "ladybug"

    def __init__(
        self, path: Path, *, decisions_file: Path | None = None, buffer_pool_mb: int = DEFAULT_BUFFER_POOL_MB
    ) -> None:
        self.path = Path(path).expanduser().resolve()
        self._shared = _acquire(self.path, buffer_pool_mb)
        try:
            self._conn = ladybug.Connection(self._shared.db)
        except Exception:
            _release(self.path)
            raise
        self._decisions = DecisionsFile(decisions_file)
        self._closed = False

    def _exec(self, query: str, params: dict[str, Any], *, where: str) -> list[dict[str, Any]]:
        args = common.used_params(query, params)
        with self._shared.lock:
            try:
                result = self._conn.execute(query, args)
            except RuntimeError as exc:
                raise StoreError(f"LadybugDB failed: {exc}", where=f"{self.path} ({where})") from exc
            results = result if isinstance(result, list) else [result]
            last = results[-1]
            cols = last.get_column_names()
            rows = []
            while last.has_next():
                rows.append(dict(zip(cols, last.get_next(), strict=True)))
            return rows

    def create_schema(self) -> None:
        for stmt in [*cypher.SCHEMA, *coop.SCHEMA, version.LADYBUG_SCHEMA]:
            self._exec(stmt, {}, where="schema")
        self._seed_concepts()
        pairs = cooperation.missing_pairs(self)
        if pairs:
            log.info(
                "storing the %d cooperation pairs of a graph written before they were stored", len(pairs)
            )
            self._in_transaction(lambda tx: cooperation.recompute(tx, pairs))

    def _seed_concepts(self) -> None:
        for label, rows in (("Specialty", model.specialties()), ("Area", model.areas())):
            if rows:
                data = [{"id": r.id, "iri": r.iri, "labels": r.labels} for r in rows]
                self._exec(cypher.CONCEPTS[label], {"rows": data}, where=f"{label} nodes")

    def _in_transaction(self, work: Callable[[_Tx], T]) -> T:
        """``work`` inside BEGIN/COMMIT, rolled back on any failure (the lock keeps other statements out)."""
        with self._shared.lock:
            self._exec("BEGIN TRANSACTION", {}, where="begin")
            try:
                result = work(_Tx(self))
                self._exec(version.BUMP, {"token": version.new_token()}, where="graph version")
                self._exec("COMMIT", {}, where="commit")
            except BaseException:
                try:
                    self._exec("ROLLBACK", {}, where="rollback")
                except HdkgError as exc:  # a failed statement already aborted the transaction
                    log.debug("rollback on %s: %s", self.path, exc)
                raise
        return result

    def write_facts(self, facts: Facts) -> WriteResult:
        resolver = self._decisions.resolver()
        result = self._in_transaction(lambda tx: writer.write_facts(tx, facts, resolver))
        log.debug("wrote article %s: %s", facts.article.id, result)
        return result

    def write_many(self, batch: Sequence[Facts]) -> list[WriteResult]:
        if not batch:
            return []
        resolver = self._decisions.resolver()
        results = self._in_transaction(lambda tx: graph_batch.write_many(tx, batch, resolver))
        log.debug("wrote %d articles in one transaction", len(batch))
        return results

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        prepared = common.prepare(name, params)
        statement = cooperation.route(name, prepared)
        rows = self._exec(ALL_READ[statement], prepared, where=f"query {name} ({statement})")
        # paged queries return offset + limit rows: see the SKIP note in graph/ladybug/cypher.py
        return common.shape(name, rows[prepared.get("offset", 0) :])

    def clear(self) -> None:
        """Deletes everything, then re-seeds the ontology's Specialty/Area nodes (part of the schema)."""
        with self._shared.lock:
            for stmt in cypher.CLEAR:
                self._exec(stmt, {}, where="clear")
            self._seed_concepts()
            self._exec(version.BUMP, {"token": version.new_token()}, where="graph version")

    def graph_version(self) -> str:
        return version.token_of(self._exec(version.READ, {}, where="graph version"))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._conn.close()
        finally:
            _release(self.path)

    def ping(self) -> dict[str, Any]:
        """The engine is the installed ``ladybug`` library, so its version is the "server" version."""
        rows = self._exec("RETURN 1 AS ok", {}, where="ping")
        return {
            "store": self.dialect,
            "path": str(self.path),
            "ok": bool(rows and rows[0]["ok"] == 1),
            "version": str(ladybug.__version__),
        }
