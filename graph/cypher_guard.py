"""User-supplied read-only Cypher: an allow-list reader, then a bounded read-mode run.

Neo4j can enforce read access itself (a READ session), but LadybugDB has no
access modes, and some statements read *or write files* or change settings
even in a read-only transaction (``LOAD FROM``, ``COPY ... TO``, ``CALL
threads=``). So every query first passes ``cypher_lex.check``, an allow-list
of the read subset shared by both stores (it refuses what it cannot
classify); on Neo4j the server's own plan is then checked (``EXPLAIN``: a
read query with no file or procedure operator); the store's read mode is the
last line. Answers are bounded by rows *and* bytes, and one user query runs
at a time, on its own connection, so it never holds the lock the API's
named queries need.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hdkg.errors import QueryBusy, QueryError, StoreError, StoreUnavailable
from hdkg.graph import cypher_lex

log = logging.getLogger(__name__)

#: One user query at a time per process: a second heavy client waits (bounded) instead of
#: doubling the load, and the named queries of the API never wait behind either.
_ONE_AT_A_TIME = threading.BoundedSemaphore(1)
#: How long a query waits for the previous user query before it is refused.
QUEUE_WAIT_S = 2.0
#: Plan operators that reach outside the graph (files, URLs, procedures).
_REFUSED_OPERATORS = ("LoadCSV", "ProcedureCall", "Procedure")


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


def jsonable(value: Any) -> Any:
    """Driver values (nodes, relationships, paths, temporals) as plain JSON values."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    for attr in ("iso_format", "isoformat"):  # neo4j.time types
        fn = getattr(value, attr, None)
        if callable(fn):
            return str(fn())
    if hasattr(value, "nodes") and hasattr(value, "relationships"):  # neo4j Path
        return {"nodes": jsonable(list(value.nodes)), "relationships": jsonable(list(value.relationships))}
    if hasattr(value, "element_id"):
        out: dict[str, Any] = {"id": value.element_id, "properties": jsonable(dict(value.items()))}
        if hasattr(value, "labels"):
            out["labels"] = sorted(value.labels)
        if hasattr(value, "type") and hasattr(value, "start_node"):
            out["type"] = value.type
            out["start"] = value.start_node.element_id if value.start_node else None
            out["end"] = value.end_node.element_id if value.end_node else None
        return out
    return str(value)


def capped(rows: Iterator[dict[str, Any]], cap: int, byte_cap: int) -> tuple[list[dict[str, Any]], bool]:
    """At most ``cap`` rows and about ``byte_cap`` bytes of JSON, and whether more were there.

    Reads one row past a cap, no further. A first row already over ``byte_cap``
    is an error rather than an empty answer, so a caller sees why.
    """
    out: list[dict[str, Any]] = []
    used = 0
    for row in rows:
        if len(out) == cap:
            return out, True
        value = {k: jsonable(v) for k, v in row.items()}
        used += len(json.dumps(value, ensure_ascii=False, default=str).encode())
        if used > byte_cap:
            if not out:
                raise QueryError(
                    f"the first row alone is over the {byte_cap:,}-byte answer cap (HDKG_CYPHER_MAX_BYTES)",
                    where="query",
                )
            return out, True
        out.append(value)
    return out, False


def _explain_neo4j(session: Any, query: str, params: dict[str, Any], timeout_s: float) -> None:
    """Neo4j's own reading of the query: refuse unless it plans a read with no file or procedure step."""
    import neo4j

    summary = session.run(neo4j.Query("EXPLAIN " + query, timeout=timeout_s), params).consume()
    if summary.query_type not in ("r", None):
        raise QueryError(
            f"Neo4j plans this as a {summary.query_type!r} query; only reads are allowed", where="query"
        )
    stack = [summary.plan] if summary.plan else []
    while stack:
        step = stack.pop()
        operator = str(step.get("operatorType", "")) if isinstance(step, dict) else ""
        if any(operator.startswith(bad) for bad in _REFUSED_OPERATORS):
            raise QueryError(
                f"the query plan has a {operator.split('@')[0]} step; it was refused", where="query"
            )
        stack.extend(step.get("children", []) if isinstance(step, dict) else [])


def _run_neo4j(
    store: Any, query: str, params: dict[str, Any], timeout_s: float, cap: int, byte_cap: int
) -> CypherResult:
    """One auto-commit query in a READ session after its plan passed; no retries for user queries."""
    import neo4j
    from neo4j.exceptions import ClientError, DriverError, ServiceUnavailable, SessionExpired

    try:
        with store._driver.session(
            database=store.database, default_access_mode=neo4j.READ_ACCESS, fetch_size=min(cap + 1, 1000)
        ) as session:
            _explain_neo4j(session, query, params, timeout_s)
            result = session.run(neo4j.Query(query, timeout=timeout_s), params)
            columns = list(result.keys())
            rows, truncated = capped(
                (dict(zip(r.keys(), r.values(), strict=True)) for r in result), cap, byte_cap
            )
    except (ServiceUnavailable, SessionExpired) as exc:
        raise StoreUnavailable(f"Neo4j cannot be reached: {exc}", where=store.uri) from exc
    except ClientError as exc:
        if "TimedOut" in (exc.code or ""):
            raise QueryError(f"the query ran over its {timeout_s:g} s timeout", where="query") from exc
        raise QueryError(f"Neo4j refused the query: {exc.code}: {exc.message}", where="query") from exc
    except (DriverError, TypeError, ValueError, OverflowError) as exc:
        raise QueryError(f"the query or its parameters could not be sent: {exc}", where="query") from exc
    except QueryError:
        raise
    except Exception as exc:  # Neo4jError outside ClientError: a server-side failure
        raise StoreError(f"the query failed: {type(exc).__name__}: {exc}", where=store.uri) from exc
    return CypherResult(columns, rows, truncated)


def _run_ladybug(
    store: Any, query: str, params: dict[str, Any], timeout_s: float, cap: int, byte_cap: int
) -> CypherResult:
    """One statement inside ``BEGIN TRANSACTION READ ONLY`` on a connection of its own, rolled back."""
    import ladybug

    conn = ladybug.Connection(store._shared.db)
    conn.set_query_timeout(max(1, int(timeout_s * 1000)))
    try:
        conn.execute("BEGIN TRANSACTION READ ONLY")
        try:
            result = conn.execute(query, params)
            if isinstance(result, list):
                raise QueryError("only one statement is allowed", where="query")
            columns = list(result.get_column_names())

            def rows() -> Iterator[dict[str, Any]]:
                while result.has_next():
                    yield dict(zip(columns, result.get_next(), strict=True))

            out, truncated = capped(rows(), cap, byte_cap)
        finally:
            with contextlib.suppress(RuntimeError):  # a failed statement already ended it
                conn.execute("ROLLBACK")
    except RuntimeError as exc:
        if "interrupted" in str(exc).lower():
            raise QueryError(f"the query ran over its {timeout_s:g} s timeout", where="query") from exc
        raise QueryError(f"LadybugDB refused the query: {exc}", where="query") from exc
    except (TypeError, ValueError, OverflowError) as exc:
        raise QueryError(f"the query parameters could not be used: {exc}", where="parameters") from exc
    finally:
        conn.close()
    return CypherResult(columns, out, truncated)


_RUNNERS = {"neo4j": _run_neo4j, "ladybug": _run_ladybug}


def run_read(
    store: Any,
    text: str,
    params: dict[str, Any],
    *,
    timeout_s: float,
    row_cap: int,
    byte_cap: int = 2_000_000,
) -> CypherResult:
    """Check ``text``, then run it read-only on ``store``, bounded by time, rows and bytes."""
    query = cypher_lex.check(text, params)
    runner = _RUNNERS.get(store.dialect)
    if runner is None:
        raise QueryError(f"Cypher is not available on the {store.dialect} store", where="store")
    if not _ONE_AT_A_TIME.acquire(timeout=QUEUE_WAIT_S):
        raise QueryBusy(f"another Cypher query is running; retry in a moment (waited {QUEUE_WAIT_S:g} s)")
    try:
        log.info("read-only cypher on %s: %.200s", store.dialect, query)
        return runner(store, query, params, timeout_s, row_cap, byte_cap)
    finally:
        _ONE_AT_A_TIME.release()
