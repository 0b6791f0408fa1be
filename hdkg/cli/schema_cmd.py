"""`hdkg init-schema [--store ladybug|neo4j]`: create the graph's schema once, as a user allowed to.

The API only checks the schema (so it can run as a read-only database user);
`hdkg ingest`, `hdkg load` and `hdkg demo` create it on their first write.
"""

from __future__ import annotations

import typer

from hdkg.cli.app import app
from hdkg.errors import HdkgError


@app.command("init-schema")
def init_schema_command(
    store: str | None = typer.Option(None, "--store", help="ladybug or neo4j (default: HDKG_STORE)"),
) -> None:
    """Create constraints, indexes and the vocabulary nodes (idempotent)."""
    from hdkg.graph.factory import open_store

    try:
        with open_store(store=store) as graph:
            graph.check_schema()
            typer.echo(f"hdkg init-schema: the {graph.dialect} schema is in place")
    except HdkgError as exc:
        typer.echo(f"hdkg init-schema: {exc}", err=True)
        raise typer.Exit(1) from exc
