"""POST /cypher: a user's read-only Cypher query, off unless HDKG_CYPHER_ENABLED=true.

The checks run cheapest first and before the store is touched, so that a
disabled endpoint is a 404 and a refused query a 400 even while the store is
down: enabled? -> media type -> body size -> JSON shape -> lexical guard ->
read-mode run with a timeout and a row cap (``graph.cypher_guard``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from pydantic import Field, ValidationError
from starlette.concurrency import run_in_threadpool

from hdkg.errors import NotFound
from hdkg.graph.cypher_guard import run_read

from ..body import media_type, read_limited
from ..deps import SettingsDep, get_store
from ..responses import problems
from ..schemas.common import Schema

router = APIRouter(tags=["cypher"])

#: A query is text typed by a person; anything bigger is a mistake or an attack.
MAX_QUERY_BYTES = 64_000


class CypherRequest(Schema):
    query: str = Field(min_length=1, max_length=MAX_QUERY_BYTES, description="One read-only Cypher statement")
    parameters: dict[str, Any] = Field(default_factory=dict, description="Query parameters ($name)")


class CypherAnswer(Schema):
    columns: list[str]
    rows: list[dict[str, Any]]
    count: int = Field(description="Number of rows returned")
    truncated: bool = Field(description="True when the query had more rows than row_cap")
    row_cap: int = Field(description="HDKG_CYPHER_ROW_CAP")
    store: str


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
    description="Off (404) unless HDKG_CYPHER_ENABLED=true. Write, file and admin clauses (CREATE, MERGE, "
    "DELETE, SET, REMOVE, DROP, FOREACH, LOAD CSV, COPY, INSTALL, CALL of a non-listed procedure, "
    "CALL { } IN TRANSACTIONS ...) are refused with 400 naming the clause. The query runs in read mode "
    "with HDKG_CYPHER_TIMEOUT_S; at most HDKG_CYPHER_ROW_CAP rows come back (`truncated` says if more "
    f"existed). Body: JSON, at most {MAX_QUERY_BYTES} bytes.",
    responses=problems(400, 404, 413, 415),
    openapi_extra=_BODY,
)
async def cypher(request: Request, settings: SettingsDep) -> CypherAnswer:
    if not settings.cypher_enabled:
        raise NotFound("The Cypher endpoint is disabled; set HDKG_CYPHER_ENABLED=true to enable it.")
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
    )
    return CypherAnswer(
        columns=result.columns,
        rows=result.rows,
        count=len(result.rows),
        truncated=result.truncated,
        row_cap=settings.cypher_row_cap,
        store=store.dialect,
    )
