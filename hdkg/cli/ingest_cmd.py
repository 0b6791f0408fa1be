"""`hdkg ingest` (being built)."""

from __future__ import annotations

import typer

from hdkg.cli.app import app


@app.command("ingest")
def ingest_command() -> None:
    """Not built yet."""
    typer.echo("hdkg ingest: not built yet", err=True)
    raise typer.Exit(2)
