"""`hdkg stats` (being built)."""

from __future__ import annotations

import typer

from hdkg.cli.app import app


@app.command("stats")
def stats_command() -> None:
    """Not built yet."""
    typer.echo("hdkg stats: not built yet", err=True)
    raise typer.Exit(2)
