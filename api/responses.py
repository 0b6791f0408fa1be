"""OpenAPI descriptions of the error responses, shared by the routers."""

from __future__ import annotations

from typing import Any

from .problems import PROBLEM_MEDIA_TYPE
from .schemas.common import Problem

_TEXT = {
    400: "The query was refused by the store",
    401: "Missing or invalid bearer token",
    403: "Write endpoints are disabled (no HDKG_API_TOKEN configured)",
    404: "No such resource",
    413: "The body is larger than HDKG_MAX_BODY_BYTES",
    415: "The Content-Type is not one hdkg reads",
    422: "A parameter or the body is invalid; `errors` names every field",
    500: "Internal error (logged on the server; no traceback is returned)",
    503: "The graph store is unreachable; retry after the Retry-After seconds",
}


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Problem+json responses for the given codes (422, 500 and 503 are always possible)."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in sorted({*codes, 422, 500, 503}):
        entry: dict[str, Any] = {
            "model": Problem,
            "description": _TEXT.get(code, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        if code == 503:
            entry["headers"] = {
                "Retry-After": {
                    "description": "Seconds to wait before retrying",
                    "schema": {"type": "integer"},
                }
            }
        out[code] = entry
    return out
