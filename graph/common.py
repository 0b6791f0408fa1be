"""Parameter checks and result shaping shared by both stores, so the contract holds identically."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from hdkg.errors import QueryError
from hdkg.graph.queries import ORDERS, PAIR_SORTS, SPECS, QuerySpec
from hdkg.graph.text import query_terms

NO_LIMIT = 1_000_000_000
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def spec_for(name: str) -> QuerySpec:
    spec = SPECS.get(name)
    if spec is None:
        raise QueryError(f"unknown named query {name!r}", where="graph.queries")
    return spec


def _choice(name: str, param: str, value: Any, allowed: tuple[str, ...]) -> str:
    """A closed-set parameter (None = the first value); the Cypher compares it with literals."""
    if value is None:
        return allowed[0]
    if str(value) not in allowed:
        raise QueryError(
            f"{name}: {param} must be one of {list(allowed)}, not {value!r}", where=f"query {name}"
        )
    return str(value)


def prepare(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Check the parameters against the spec and turn them into what the Cypher expects."""
    spec = spec_for(name)
    unknown = set(params) - set(spec.params)
    if unknown:
        raise QueryError(f"{name}: unknown parameters {sorted(unknown)}", where=f"query {name}")
    out: dict[str, Any] = {p: params.get(p) for p in spec.params}
    for key in ("since", "until"):
        if isinstance(out.get(key), dt.date):
            out[key] = out[key].isoformat()
    if "limit" in out:
        out["limit"] = NO_LIMIT if out["limit"] is None else max(0, int(out["limit"]))
    if "offset" in out:
        out["offset"] = 0 if out["offset"] is None else max(0, int(out["offset"]))
        out["window"] = out["offset"] + out["limit"]  # LadybugDB pages without SKIP (its cypher.py)
    if "sort" in out:
        out["sort"] = _choice(name, "sort", out["sort"], PAIR_SORTS)
    if "order" in out:  # ORDER is a keyword LadybugDB's parser refuses as a parameter name
        out["direction"] = _choice(name, "order", out.pop("order"), ORDERS)
    if "ids" in out:
        out["ids"] = sorted({str(i) for i in out["ids"] or []})
    if "q" in out:
        out["terms"] = query_terms(out.pop("q"))
    return out


def used_params(cypher: str, params: dict[str, Any]) -> dict[str, Any]:
    """Only the parameters a statement references (LadybugDB rejects unused ones)."""
    names = set(_PARAM.findall(cypher))
    return {k: v for k, v in params.items() if k in names}


def shape(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Exactly the spec's columns, list columns sorted, dates as ISO strings."""
    cols = spec_for(name).columns
    out = []
    for row in rows:
        shaped: dict[str, Any] = {}
        for c in cols:
            v = row.get(c)
            if isinstance(v, list):
                v = sorted(v)
            elif isinstance(v, Decimal):
                v = int(v)
            elif isinstance(v, dt.date):
                v = v.isoformat()
            shaped[c] = v
        out.append(shaped)
    return out


#: A non-null constant of each sort key's type: a key not chosen sorts every row equal.
_NEUTRAL = {"links": "0", "sources": "0", "last_date": "''"}


def pair_order(first: str, second: str) -> str:
    """ORDER BY of the pair queries, the same text on both dialects.

    Cypher takes no direction parameter, so each (sort, direction) has its own key, a constant
    (so without effect) unless chosen; missing values go last through the leading flag. The keys
    are never null: LadybugDB 0.22 misorders the rows (even without LIMIT) when an all-null STRING
    key sorted DESC precedes the id keys. Built from the contract's constants only; the choice of
    key and direction is a parameter (``$sort``, ``$direction``)."""
    missing = " OR ".join(f"($sort = '{k}' AND {k} IS NULL)" for k in PAIR_SORTS)
    keys = ", ".join(
        f"CASE WHEN $sort = '{k}' AND $direction = '{d}' THEN coalesce({k}, {_NEUTRAL[k]}) "
        f"ELSE {_NEUTRAL[k]} END {d.upper()}"
        for k in PAIR_SORTS
        for d in ORDERS
    )
    return f"ORDER BY CASE WHEN {missing} THEN 1 ELSE 0 END, {keys}, {first}, {second} "
