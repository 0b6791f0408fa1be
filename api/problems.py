"""Every error leaves the API as ``application/problem+json`` (RFC 9457).

One place maps hdkg's exception tree, request validation, Starlette's HTTP
errors and store outages to problem documents, so that clients parse one
shape and a traceback never reaches them. A store outage also tells the
store provider to drop its connection, which is what lets the API recover
without a restart once the store is back.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hdkg.errors import HdkgError, QueryBusy, StoreUnavailable

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
RETRY_AFTER_S = 5


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


class WritesDisabled(HdkgError):
    """Write endpoints are off because no API token is configured."""

    status_code = 403
    slug = "writes-disabled"


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem(
    request: Request | None,
    status: int,
    slug: str,
    detail: str,
    *,
    where: str | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
    path: str | None = None,
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": f"urn:hdkg:problem:{slug}",
        "title": _title(status),
        "status": status,
        "detail": detail,
        "instance": path if path is not None else (request.url.path if request else ""),
    }
    if where:
        body["where"] = where
    if extra:
        body.update(extra)
    return ProblemResponse(body, status_code=status, headers=headers)


def _connection_error_types() -> tuple[type[Exception], ...]:
    """Driver errors that mean "the store is not reachable now" even if a store forgot to wrap them."""
    types: list[type[Exception]] = [ConnectionError, TimeoutError]
    try:
        from neo4j.exceptions import ServiceUnavailable, SessionExpired

        types += [ServiceUnavailable, SessionExpired]
    except ImportError:  # pragma: no cover - neo4j is a hard dependency
        pass
    return tuple(types)


CONNECTION_ERRORS = _connection_error_types()


def _invalidate_store(request: Request) -> None:
    provider = getattr(request.app.state, "store_provider", None)
    if provider is not None:
        provider.invalidate()


def _unavailable(request: Request, detail: str, slug: str, where: str | None = None) -> ProblemResponse:
    _invalidate_store(request)
    return problem(request, 503, slug, detail, where=where, headers={"Retry-After": str(RETRY_AFTER_S)})


async def _hdkg_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, HdkgError)
    if isinstance(exc, QueryBusy):  # the store is fine: the user-query slot is taken
        return problem(request, 503, exc.slug, exc.message, where=exc.where, headers={"Retry-After": "1"})
    if exc.status_code == 503:
        log.warning("store unavailable: %s", exc)
        return _unavailable(request, exc.message, exc.slug, exc.where)
    if exc.status_code >= 500:
        log.error("%s failed: %s", request.url.path, exc, exc_info=exc)
    headers = {"WWW-Authenticate": 'Bearer realm="hdkg"'} if exc.status_code == 401 else None
    return problem(request, exc.status_code, exc.slug, exc.message, where=exc.where, headers=headers)


async def _connection_error(request: Request, exc: Exception) -> ProblemResponse:
    log.warning("store connection failed: %s", exc)
    err = StoreUnavailable(f"The graph store cannot be reached: {type(exc).__name__}")
    return _unavailable(request, err.message, err.slug)


def _field_name(loc: tuple[Any, ...]) -> str:
    where = {"query": "query parameter", "path": "path parameter", "body": "body", "header": "header"}
    if not loc:
        return "request"
    head, rest = loc[0], [str(x) for x in loc[1:]]
    label = where.get(str(head), str(head))
    return f"{label} '{'.'.join(rest)}'" if rest else label


async def _validation_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    issues = [
        {
            "loc": [x if isinstance(x, int) else str(x) for x in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors()
    ]
    detail = "; ".join(f"{_field_name(tuple(e['loc']))}: {e['msg']}" for e in issues) or "Invalid request"
    return problem(request, 422, "validation", detail, extra={"errors": issues})


async def _http_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    slugs = {404: "not-found", 405: "method-not-allowed", 401: "unauthorized", 403: "forbidden"}
    detail = exc.detail if isinstance(exc.detail, str) else _title(exc.status_code)
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}"
    return problem(
        request, exc.status_code, slugs.get(exc.status_code, "http"), detail, headers=dict(exc.headers or {})
    )


class CatchAllMiddleware:
    """Turns any exception that escaped the handlers into a bare 500 problem, logging the traceback.

    A pure ASGI middleware rather than an ``Exception`` handler because
    Starlette re-raises from its server-error handler, which would hand the
    traceback to the server and to in-process test clients.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = problem(
                None,
                500,
                "internal",
                "The server failed to answer this request; the error has been logged.",
                path=str(scope.get("path", "")),
            )
            await response(scope, receive, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(HdkgError, _hdkg_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for exc_type in CONNECTION_ERRORS:
        app.add_exception_handler(exc_type, _connection_error)
    app.add_middleware(CatchAllMiddleware)
