"""`hdkg serve` (being built)."""

from __future__ import annotations

import typer

from hdkg.cli.app import app


@app.command("serve")
def serve_command() -> None:
    """Not built yet."""
    typer.echo("hdkg serve: not built yet", err=True)
    raise typer.Exit(2)
