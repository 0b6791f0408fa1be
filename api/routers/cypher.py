"""POST /cypher: a user's read-only Cypher query, off unless HDKG_CYPHER_ENABLED=true.

The checks run cheapest first and before the store is touched, so that a
disabled endpoint is a 404 and a refused query a 400 even while the store is
down: enabled? -> token -> media type -> body size -> JSON shape -> allow-list
reader -> read-mode run bounded by time, rows and bytes (``graph.cypher_guard``).
The token is required like a write's: a query can still cost the server
seconds of work, and a local server must not answer a page that only
happens to reach 127.0.0.1.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import Field, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool

from hdkg.errors import NotFound
from hdkg.graph.cypher_guard import run_read

from ..body import media_type, read_limited
from ..deps import SettingsDep, get_store, require_token
from ..responses import problems
from ..schemas.common import Schema

router = APIRouter(tags=["cypher"])

#: A query is text typed by a person; anything bigger is a mistake or an attack.
MAX_QUERY_BYTES = 64_000


#: Parameters are data for one query: a few levels of lists and maps, 64-bit integers.
MAX_PARAM_DEPTH = 5
_INT64 = 2**63


class CypherRequest(Schema):
    query: str = Field(min_length=1, max_length=MAX_QUERY_BYTES, description="One read-only Cypher statement")
    parameters: dict[str, Any] = Field(default_factory=dict, description="Query parameters ($name)")

    @field_validator("parameters")
    @classmethod
    def _bounded(cls, value: dict[str, Any]) -> dict[str, Any]:
        """Both drivers fail late (and differently) on deep nesting or integers past 64 bits."""
        stack: list[tuple[Any, int]] = [(value, 0)]
        while stack:
            item, depth = stack.pop()
            if depth > MAX_PARAM_DEPTH:
                raise ValueError(f"parameters nest deeper than {MAX_PARAM_DEPTH} levels")
            if isinstance(item, dict):
                stack.extend((v, depth + 1) for v in item.values())
            elif isinstance(item, list):
                stack.extend((v, depth + 1) for v in item)
            elif isinstance(item, int) and not isinstance(item, bool) and not -_INT64 <= item < _INT64:
                raise ValueError("integer parameters must fit in 64 bits")
        return value


class CypherAnswer(Schema):
    columns: list[str]
    rows: list[dict[str, Any]]
    count: int = Field(description="Number of rows returned")
    truncated: bool = Field(description="True when the query had more rows than row_cap")
    row_cap: int = Field(description="HDKG_CYPHER_ROW_CAP")
    store: str


def _enabled(settings: SettingsDep) -> None:
    if not settings.cypher_enabled:
        raise NotFound("The Cypher endpoint is disabled; set HDKG_CYPHER_ENABLED=true to enable it.")


_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": CypherRequest.model_json_schema()}},
    }
}


@router.post(
    "/cypher",
    response_model=CypherAnswer,
    summary="Run a read-only Cypher query",
    description="Off (404) unless HDKG_CYPHER_ENABLED=true; needs the bearer token (HDKG_API_TOKEN). "
    "Only the read subset is accepted (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, "
    "LIMIT, UNION, listed pure functions, CALL of listed catalogue procedures or a { } subquery); "
    "anything else (CREATE, MERGE, SET, DELETE, LOAD, COPY, EXPORT, SHOW, TERMINATE, settings, comments, "
    "escapes...) is refused with 400 naming it. The query runs in read mode with HDKG_CYPHER_TIMEOUT_S; at "
    "most HDKG_CYPHER_ROW_CAP rows and HDKG_CYPHER_MAX_BYTES bytes come back (`truncated` says if more "
    f"existed); one query runs at a time (503 when busy). Body: JSON, at most {MAX_QUERY_BYTES} bytes.",
    responses=problems(400, 401, 403, 404, 413, 415, 503),
    openapi_extra=_BODY,
    dependencies=[Depends(_enabled), Depends(require_token)],
)
async def cypher(request: Request, settings: SettingsDep) -> CypherAnswer:
    media_type(request, ("application/json",))
    data = await read_limited(request, MAX_QUERY_BYTES)
    try:
        body = CypherRequest.model_validate_json(data)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors(include_url=False)]
        ) from exc
    store = get_store(request)
    result = await run_in_threadpool(
        run_read,
        store,
        body.query,
        body.parameters,
        timeout_s=settings.cypher_timeout_s,
        row_cap=settings.cypher_row_cap,
        byte_cap=settings.cypher_max_bytes,
    )
    return CypherAnswer(
        columns=result.columns,
        rows=result.rows,
        count=len(result.rows),
        truncated=result.truncated,
        row_cap=settings.cypher_row_cap,
        store=store.dialect,
    )
