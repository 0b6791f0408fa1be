"""`hdkg load FACTS.jsonl... [--store ladybug|neo4j] [--batch N] [--no-progress] [--json]`.

Writes facts extracted elsewhere (`hdkg extract --format facts`, on other
machines or in another run) without extracting again: the same batches,
idempotence and resume as `hdkg ingest`, which it shares its summary with.
"""

from __future__ import annotations

import typer

from hdkg.cli.app import app
from hdkg.cli.ingest_cmd import report
from hdkg.errors import HdkgError
from hdkg.pipeline import DEFAULT_BATCH


@app.command("load")
def load_command(
    files: list[str] = typer.Argument(..., help="Facts files written by `hdkg extract --format facts`"),
    store: str | None = typer.Option(None, "--store", help="ladybug or neo4j (default: HDKG_STORE)"),
    no_progress: bool = typer.Option(False, "--no-progress", help="No progress bar on stderr"),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON"),
    batch: int = typer.Option(DEFAULT_BATCH, "--batch", min=1, help="Articles per write transaction"),
) -> None:
    """Write extracted facts to the graph without re-extracting; exits non-zero when anything failed."""
    from hdkg.facts_io import load_facts
    from hdkg.graph.factory import open_store
    from hdkg.log import setup_logging
    from hdkg.settings import get_settings

    setup_logging(get_settings().log_level)
    try:
        with open_store(store=store) as graph:
            summary = load_facts(files, graph, batch=batch, progress=not no_progress)
    except HdkgError as exc:
        typer.echo(f"hdkg load: {exc}", err=True)
        raise typer.Exit(1) from exc
    report(summary, as_json=as_json)
