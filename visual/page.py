"""The network page: one template for the served page and the standalone file.

Served, the page loads its scripts from the app's ``/static`` routes and asks
``/network``, ``/links/{id}`` and ``/actors`` for more. Standalone, everything
is inlined (vis-network, our script, the evidence of every link drawn) and a
CSP meta tag allows only those exact scripts and no connection at all, so the
file opens with no network and can reach none.
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from pydantic import Field

from hdkg.graph.base import GraphStore
from hdkg.graph.network import NetworkData
from hdkg.models import Model
from hdkg.visual import palette, vocab
from hdkg.visual.assets import asset_text, csp_hash
from hdkg.visual.render import render
from hdkg.visual.safe_json import script_json
from hdkg.visual.vis_items import vis_items

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
URLS = {"view": "/view", "network": "/network", "link": "/links/", "actors": "/actors", "home": "/"}


class ViewFilters(Model):
    """The view's query parameters: the network filters plus the ego depth, node cap and level."""

    specialty: str | None = None
    area: str | None = None
    country: str | None = None
    actor: str | None = None
    kind: str | None = None
    status: str | None = None
    since: str | None = Field(None, pattern=ISO_DATE)
    until: str | None = Field(None, pattern=ISO_DATE)
    depth: int = Field(1, ge=1, le=2)
    limit: int = Field(500, ge=1, le=20_000)
    level: Literal["actor", "country"] = "actor"

    def network_kwargs(self) -> dict[str, Any]:
        return self.model_dump()

    def query_string(self) -> str:
        return urlencode({k: v for k, v in self.model_dump().items() if v not in (None, "")})


def store_options(store: GraphStore | None) -> dict[str, Any]:
    """Countries present, for the country select (same data as ``/countries``)."""
    if store is None:
        return {"countries": []}
    return {"countries": store.query("country_counts")}


def network_context(
    data: NetworkData,
    filters: ViewFilters,
    *,
    store: GraphStore | None,
    standalone: bool,
    links: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    known = store_options(store)
    types = vocab.actor_types()
    kinds = vocab.link_kinds()
    specs = vocab.specialties()
    actor_colours = palette.actor_palette(types)
    link_colours = palette.link_palette(kinds)
    type_labels = {o.id: o.label for o in types} | {"Country": "Country"}
    spec_labels = {o.id: o.label for o in specs}
    nodes, edges, options = vis_items(
        data,
        actor_colours=actor_colours,
        link_colours=link_colours,
        type_labels=type_labels,
        specialty_labels=spec_labels,
    )
    payload = {
        "mode": "standalone" if standalone else "served",
        "level": data.level,
        "truncated": data.truncated,
        "total_nodes": data.total_nodes,
        "filters": filters.model_dump(),
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "links": links or {},
        "colours": {
            "actors": actor_colours,
            "links": link_colours,
            "dashed": sorted(palette.DASHED_STATUSES),
        },
        "labels": {"types": type_labels, "specialties": spec_labels},
        "urls": {} if standalone else URLS,
    }
    return {
        "standalone": standalone,
        "filters": filters,
        "data": data,
        "types": types,
        "kinds": kinds,
        "statuses": vocab.statuses(),
        "specialties": specs,
        "areas": vocab.areas(),
        "countries": known["countries"],
        "actor_colours": actor_colours,
        "link_colours": link_colours,
        "payload": script_json(payload),
        "urls": URLS,
    }


def render_network_page(
    data: NetworkData,
    filters: ViewFilters,
    *,
    store: GraphStore | None,
    standalone: bool,
    links: dict[str, dict[str, Any]] | None = None,
) -> str:
    ctx = network_context(data, filters, store=store, standalone=standalone, links=links)
    if standalone:
        scripts = [asset_text("vis-network.min.js"), asset_text("hdkg-network.js")]
        ctx["inline_scripts"] = scripts
        ctx["inline_styles"] = [asset_text("vis-network.css"), asset_text("hdkg.css")]
        ctx["csp"] = (
            "default-src 'none'; script-src "
            + " ".join(csp_hash(s) for s in scripts)
            + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
        )
    return render("network.html", ctx)
