"""The API's single way to read the graph: a named query with every listed parameter.

Checking the parameter set against ``graph.queries.SPECS`` here turns a
contract drift (a query gaining a parameter) into an immediate, named error
instead of a dialect-specific failure deep inside a store.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hdkg.graph.base import GraphStore
from hdkg.graph.queries import SPECS


def run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    spec = SPECS[name]
    missing = set(spec.params) - set(params)
    unknown = set(params) - set(spec.params)
    if missing or unknown:
        raise RuntimeError(f"query {name!r}: missing params {sorted(missing)}, unknown {sorted(unknown)}")
    return store.query(name, **params)


def iso(value: Any) -> str | None:
    """A date column as the ISO string both stores agree on (stores may return date objects)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value)[:10]


def as_date(value: Any) -> dt.date | None:
    text = iso(value)
    return dt.date.fromisoformat(text) if text else None
