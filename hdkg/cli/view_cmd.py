"""`hdkg view`: write the network page as one standalone HTML file.

The file holds vis-network, the page's script and the evidence of every link
it draws, so it opens from disk with no server and no internet; filters,
search and ego networks then run in the browser over the embedded data.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Literal

import typer
from pydantic import ValidationError

from hdkg.cli.app import app
from hdkg.errors import HdkgError
from hdkg.settings import get_settings

log = logging.getLogger(__name__)


@app.command("view")
def view_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write")] = Path("network.html"),
    specialty: Annotated[str | None, typer.Option(help="SKOS specialty id, e.g. oncology")] = None,
    area: Annotated[str | None, typer.Option(help="SKOS area id")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 of either party")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor id: draw its ego network")] = None,
    kind: Annotated[str | None, typer.Option(help="Link kind")] = None,
    status: Annotated[str | None, typer.Option(help="Link status")] = None,
    since: Annotated[str | None, typer.Option(help="Links dated on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="Links dated on or before YYYY-MM-DD")] = None,
    depth: Annotated[int, typer.Option(min=1, max=2, help="Ego-network depth around --actor")] = 1,
    limit: Annotated[int | None, typer.Option(min=1, help="Node cap (default HDKG_NETWORK_NODE_CAP)")] = None,
    level: Annotated[str, typer.Option(help="Nodes are 'actor's or 'country'-ies")] = "actor",
    store: Annotated[str | None, typer.Option(help="'ladybug' or 'neo4j' (default HDKG_STORE)")] = None,
) -> None:
    """Write the interactive network view as a standalone HTML file (opens offline)."""
    from hdkg.graph.factory import open_store
    from hdkg.graph.network import build_network
    from hdkg.visual.details import details_for
    from hdkg.visual.page import ViewFilters, render_network_page

    if level not in ("actor", "country"):
        raise typer.BadParameter("use 'actor' or 'country'", param_hint="--level")
    lvl: Literal["actor", "country"] = "country" if level == "country" else "actor"
    settings = get_settings()
    try:
        filters = ViewFilters(
            specialty=specialty, area=area, country=country.upper() if country else None, actor=actor,
            kind=kind, status=status, since=since, until=until, depth=depth,
            limit=limit or settings.network_node_cap, level=lvl,
        )  # fmt: skip
    except ValidationError as exc:
        raise typer.BadParameter("; ".join(f"--{e['loc'][0]}: {e['msg']}" for e in exc.errors())) from exc
    try:
        with open_store(settings, store) as graph:
            data = build_network(graph, **filters.network_kwargs())
            html = render_network_page(
                data, filters, store=graph, standalone=True, links=details_for(graph, data)
            )
    except HdkgError as exc:
        typer.echo(f"hdkg view: {exc}", err=True)
        raise typer.Exit(1) from exc
    out.write_text(html, encoding="utf-8")
    note = f" (the {len(data.nodes)} most connected of {data.total_nodes})" if data.truncated else ""
    typer.echo(f"wrote {out}: {len(data.nodes)} nodes, {len(data.edges)} edges{note}")
