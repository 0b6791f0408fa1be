"""`hdkg extract` (being built)."""

from __future__ import annotations

import typer

from hdkg.cli.app import app


@app.command("extract")
def extract_command() -> None:
    """Not built yet."""
    typer.echo("hdkg extract: not built yet", err=True)
    raise typer.Exit(2)
