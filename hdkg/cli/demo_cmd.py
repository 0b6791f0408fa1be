"""`hdkg demo` (being built)."""

from __future__ import annotations

import typer

from hdkg.cli.app import app


@app.command("demo")
def demo_command() -> None:
    """Not built yet."""
    typer.echo("hdkg demo: not built yet", err=True)
    raise typer.Exit(2)
