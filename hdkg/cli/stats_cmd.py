"""`hdkg stats [--store ladybug|neo4j] [--format text|json]`: node and relationship counts."""

from __future__ import annotations

import json
from enum import StrEnum

import typer

from hdkg.cli.app import app
from hdkg.errors import HdkgError


class Format(StrEnum):
    text = "text"
    json = "json"


@app.command("stats")
def stats_command(
    store: str | None = typer.Option(None, "--store", help="ladybug or neo4j (default: HDKG_STORE)"),
    fmt: Format = typer.Option(Format.text, "--format", help="text or json"),
) -> None:
    """Node counts by label and relationship counts by type."""
    from hdkg.graph.factory import open_store

    try:
        with open_store(store=store) as graph:
            stats = graph.stats()
    except HdkgError as exc:
        typer.echo(f"hdkg stats: {exc}", err=True)
        raise typer.Exit(1) from exc
    if fmt is Format.json:
        typer.echo(json.dumps(stats.model_dump(), indent=2))
        return
    typer.echo("nodes")
    for label, n in sorted(stats.nodes.items()):
        typer.echo(f"  {label:<14} {n:>8}")
    typer.echo("relationships")
    for rel, n in sorted(stats.relationships.items()):
        typer.echo(f"  {rel:<14} {n:>8}")
