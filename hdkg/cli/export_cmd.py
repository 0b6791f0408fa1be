"""`hdkg export`: the configured store as Turtle, JSON-LD or N-Triples.

The graph is rebuilt from the store's named read queries (``ontology.from_store``)
and validated against the SHACL shapes before it is written, so an export is
always something a third party can load and trust. Store and ontology modules
are imported inside the command to keep ``hdkg --help`` fast.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hdkg.cli.app import app
from hdkg.errors import HdkgError

log = logging.getLogger(__name__)


class ExportFormat(StrEnum):
    ttl = "ttl"
    jsonld = "jsonld"
    nt = "nt"


class StoreName(StrEnum):
    ladybug = "ladybug"
    neo4j = "neo4j"


@app.command("export")
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Serialisation.")] = ExportFormat.ttl,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    store: Annotated[StoreName | None, typer.Option("--store", help="Override HDKG_STORE.")] = None,
    check: Annotated[bool, typer.Option("--validate/--no-validate", help="Check the SHACL shapes.")] = True,
) -> None:
    """Export the whole stored graph as RDF (Turtle, JSON-LD or N-Triples)."""
    from hdkg.graph.factory import open_store
    from hdkg.log import setup_logging
    from hdkg.ontology.export import serialize
    from hdkg.ontology.from_store import store_to_graph
    from hdkg.ontology.validate import validate
    from hdkg.settings import get_settings

    settings = get_settings()
    setup_logging(settings.log_level)
    try:
        opened = open_store(settings, store.value if store else None)
        with opened:
            graph = store_to_graph(opened)
        if check:
            validate(graph)
        text = serialize(graph, fmt.value)
    except HdkgError as exc:
        typer.echo(f"hdkg export: {exc}", err=True)
        raise typer.Exit(1) from exc
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        log.info("exported %d triples to %s", len(graph), out)
