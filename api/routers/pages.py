"""HTML pages: the overview (``/``), the network view (``/view``) and their static assets.

The pages are server-rendered with the data of their first screen, so they
work without any further request; the network page's script then asks the
JSON API (``/network``, ``/links/{id}``, ``/actors``) as the user filters and
clicks. Assets come from the app (vis-network out of the pyvis package), never
from a CDN, and a Content-Security-Policy keeps scripts and requests on this
origin.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from hdkg.api.deps import SettingsDep, StoreDep
from hdkg.errors import NotFound
from hdkg.graph.network import build_network
from hdkg.visual.assets import ASSETS, asset_text, media_type
from hdkg.visual.home import render_home
from hdkg.visual.page import ViewFilters, render_network_page

router = APIRouter(include_in_schema=False)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HTML_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _opt(value: str | None) -> str | None:
    """Plain HTML forms send empty fields as ``name=``; that means "no filter"."""
    return value.strip() or None if value else None


def view_filters(
    settings: SettingsDep,
    specialty: str | None = None,
    area: str | None = None,
    country: Annotated[str | None, Query(max_length=2)] = None,
    actor: Annotated[str | None, Query(max_length=500)] = None,
    kind: str | None = None,
    status: str | None = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    depth: Annotated[int, Query(ge=1, le=2)] = 1,
    limit: Annotated[int | None, Query(ge=1, le=100_000)] = None,
    level: Literal["actor", "country"] = "actor",
) -> ViewFilters:
    cap = settings.network_node_cap
    dates = {k: _opt(v) for k, v in (("since", since), ("until", until))}
    for key, value in dates.items():
        if value is not None and not DATE.match(value):
            from fastapi.exceptions import RequestValidationError

            raise RequestValidationError(
                [{"loc": ("query", key), "msg": "expected YYYY-MM-DD", "type": "value_error"}]
            )
    code = _opt(country)
    return ViewFilters(
        specialty=_opt(specialty),
        area=_opt(area),
        country=code.upper() if code else None,
        actor=_opt(actor),
        kind=_opt(kind),
        status=_opt(status),
        since=dates["since"],
        until=dates["until"],
        depth=depth,
        limit=min(limit, cap) if limit else cap,
        level=level,
    )


@router.get("/", response_class=HTMLResponse)
def home_page(store: StoreDep) -> HTMLResponse:
    return HTMLResponse(render_home(store), headers=HTML_HEADERS)


@router.get("/view", response_class=HTMLResponse)
def network_page(store: StoreDep, filters: Annotated[ViewFilters, Depends(view_filters)]) -> HTMLResponse:
    data = build_network(store, **filters.network_kwargs())
    html = render_network_page(data, filters, store=store, standalone=False)
    return HTMLResponse(html, headers=HTML_HEADERS)


@router.get("/static/{name}")
def static_asset(name: str) -> Response:
    if name not in ASSETS:
        raise NotFound(f"No static asset {name!r}", where="static")
    return Response(
        asset_text(name),
        media_type=media_type(name),
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )
