"""User-supplied read-only Cypher: a lexical guard, then a capped, timed, read-mode run.

Neo4j can enforce read access itself (a READ session), but LadybugDB has no
access modes, and some statements read *or write files* even in read mode
(``LOAD CSV``, ``COPY ... TO``, ``LOAD FROM``). So every query first passes a
conservative lexical guard, the same on both stores: string literals,
backtick identifiers and comments are blanked (a keyword inside a string
must not refuse a harmless query, and a comment between tokens must not hide
one), then any write or admin clause word refuses the whole query, naming it.
The guard may refuse a valid read (a map key called ``set``); it must never
pass a write. The store's own read mode (Neo4j ``READ_ACCESS``, LadybugDB
``BEGIN TRANSACTION READ ONLY``) is the second line behind it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hdkg.errors import QueryError, StoreError, StoreUnavailable

log = logging.getLogger(__name__)

#: Clause words that write data or schema, touch files or extensions, or run admin commands.
WRITE_WORDS = frozenset(
    {
        *("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "TRANSACTIONS"),
        *("LOAD", "COPY", "INSTALL", "UNINSTALL", "EXPORT", "IMPORT", "ATTACH", "USE", "CHECKPOINT"),
        *("ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "START", "STOP", "TERMINATE", "SHOW"),
        *("BEGIN", "COMMIT", "ROLLBACK", "ENABLE", "DISABLE", "UPDATE", "INSERT", "UPSERT", "TRUNCATE"),
    }
)
#: Procedures a read query may CALL (Neo4j schema listing, LadybugDB catalogue functions).
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "show_tables",
        "table_info",
        "show_connection",
        "db_version",
        "current_setting",
    }
)

_TOKEN = re.compile(
    r"""(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      |(?P<tick>`(?:[^`]|``)*`)
      |(?P<line>//[^\n]*)
      |(?P<block>/\*.*?\*/)
      |(?P<open>['"`]|/\*)""",
    re.VERBOSE | re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CALL = re.compile(r"\bCALL\b\s*([A-Za-z_][A-Za-z0-9_.]*|[({])", re.IGNORECASE)


def strip_literals(text: str) -> str:
    """``text`` with strings as ``''``, backtick names as ``_`` and comments as a space."""

    def blank(m: re.Match[str]) -> str:
        if m.group("open"):
            raise QueryError(
                f"unterminated {m.group('open')} at character {m.start()}; the query was refused",
                where="query",
            )
        if m.group("str"):
            return "''"
        return "_" if m.group("tick") else " "

    return _TOKEN.sub(blank, text)


def check_read_only(text: str) -> str:
    """The query to run (trailing ``;`` dropped); raises ``QueryError`` naming the refused clause."""
    if not text.strip():
        raise QueryError("the query is empty", where="query")
    bare = strip_literals(text).rstrip().rstrip(";")
    if ";" in bare:
        raise QueryError("only one statement is allowed (found ';'); the query was refused", where="query")
    for m in _WORD.finditer(bare):
        word = m.group().upper()
        before = bare[m.start() - 1 : m.start()] if m.start() else ""
        if word in WRITE_WORDS and before not in {".", "$", ":"}:
            clause = _clause_name(word, bare[m.end() :])
            raise QueryError(f"{clause} is not allowed: this endpoint runs read-only queries", where="query")
    for m in _CALL.finditer(bare):
        target = m.group(1)
        if target in ("(", "{"):
            continue  # a subquery: its clauses were checked above (IN TRANSACTIONS included)
        if target.lower() not in READ_PROCEDURES:
            raise QueryError(
                f"CALL {target} is not allowed: only these procedures may be called: "
                f"{', '.join(sorted(READ_PROCEDURES))}",
                where="query",
            )
    return text.strip().rstrip(";").rstrip()


def _clause_name(word: str, rest: str) -> str:
    nxt = _WORD.match(rest.lstrip())
    follower = nxt.group().upper() if nxt else ""
    if (word, follower) in {("DETACH", "DELETE"), ("LOAD", "CSV"), ("LOAD", "EXTENSION"), ("LOAD", "FROM")}:
        return f"{word} {follower}"
    if word == "TRANSACTIONS":
        return "CALL { } IN TRANSACTIONS"
    return word


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


def capped(rows: Iterator[dict[str, Any]], cap: int) -> tuple[list[dict[str, Any]], bool]:
    """At most ``cap`` rows, and whether more were there (read one past the cap, no further)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        if len(out) == cap:
            return out, True
        out.append({k: jsonable(v) for k, v in row.items()})
    return out, False


def _run_neo4j(store: Any, query: str, params: dict[str, Any], timeout_s: float, cap: int) -> CypherResult:
    """One auto-commit query in a READ session: the server refuses writes; no retries for user queries."""
    import neo4j
    from neo4j.exceptions import ClientError, DriverError, ServiceUnavailable, SessionExpired

    try:
        with store._driver.session(
            database=store.database, default_access_mode=neo4j.READ_ACCESS, fetch_size=min(cap + 1, 1000)
        ) as session:
            result = session.run(neo4j.Query(query, timeout=timeout_s), params)
            columns = list(result.keys())
            rows, truncated = capped((dict(zip(r.keys(), r.values(), strict=True)) for r in result), cap)
    except (ServiceUnavailable, SessionExpired) as exc:
        raise StoreUnavailable(f"Neo4j cannot be reached: {exc}", where=store.uri) from exc
    except ClientError as exc:
        if "TimedOut" in (exc.code or ""):
            raise QueryError(f"the query ran over its {timeout_s:g} s timeout", where="query") from exc
        raise QueryError(f"Neo4j refused the query: {exc.code}: {exc.message}", where="query") from exc
    except DriverError as exc:
        raise StoreError(f"the query failed: {exc}", where=store.uri) from exc
    except Exception as exc:  # Neo4jError outside ClientError: a server-side failure
        raise StoreError(f"the query failed: {type(exc).__name__}: {exc}", where=store.uri) from exc
    return CypherResult(columns, rows, truncated)


def _run_ladybug(store: Any, query: str, params: dict[str, Any], timeout_s: float, cap: int) -> CypherResult:
    """One statement inside ``BEGIN TRANSACTION READ ONLY``, always rolled back."""
    conn = store._conn
    with store._shared.lock:
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

                out, truncated = capped(rows(), cap)
            finally:
                with contextlib.suppress(RuntimeError):  # a failed statement already ended it
                    conn.execute("ROLLBACK")
        except RuntimeError as exc:
            if "interrupted" in str(exc).lower():
                raise QueryError(f"the query ran over its {timeout_s:g} s timeout", where="query") from exc
            raise QueryError(f"LadybugDB refused the query: {exc}", where="query") from exc
        finally:
            conn.set_query_timeout(0)
    return CypherResult(columns, out, truncated)


_RUNNERS = {"neo4j": _run_neo4j, "ladybug": _run_ladybug}


def run_read(
    store: Any, text: str, params: dict[str, Any], *, timeout_s: float, row_cap: int
) -> CypherResult:
    """Guard ``text``, then run it read-only on ``store`` with a timeout and a row cap."""
    query = check_read_only(text)
    runner = _RUNNERS.get(store.dialect)
    if runner is None:
        raise QueryError(f"Cypher is not available on the {store.dialect} store", where="store")
    log.info("read-only cypher on %s: %.200s", store.dialect, query)
    return runner(store, query, params, timeout_s, row_cap)
