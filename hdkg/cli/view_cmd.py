"""`hdkg view` (being built)."""

from __future__ import annotations

import typer

from hdkg.cli.app import app


@app.command("view")
def view_command() -> None:
    """Not built yet."""
    typer.echo("hdkg view: not built yet", err=True)
    raise typer.Exit(2)
