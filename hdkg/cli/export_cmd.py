"""`hdkg export` (being built)."""

from __future__ import annotations

import typer

from hdkg.cli.app import app


@app.command("export")
def export_command() -> None:
    """Not built yet."""
    typer.echo("hdkg export: not built yet", err=True)
    raise typer.Exit(2)
