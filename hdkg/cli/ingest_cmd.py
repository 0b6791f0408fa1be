"""`hdkg ingest PATH|URL... [--store ladybug|neo4j] [--clear] [--workers N] [--batch N] [--no-progress] [--json]`."""

from __future__ import annotations

import json
import os

import typer

from hdkg.cli.app import app
from hdkg.errors import HdkgError
from hdkg.pipeline import DEFAULT_BATCH, IngestSummary


@app.command("ingest")
def ingest_command(
    sources: list[str] = typer.Argument(..., help="Article files, folders or http(s) URLs"),
    store: str | None = typer.Option(None, "--store", help="ladybug or neo4j (default: HDKG_STORE)"),
    clear: bool = typer.Option(False, "--clear", help="Empty the graph first"),
    no_progress: bool = typer.Option(False, "--no-progress", help="No progress bar on stderr"),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON"),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Extraction processes (default: min(2, CPU count)); one writer"
    ),
    batch: int = typer.Option(
        DEFAULT_BATCH,
        "--batch",
        min=1,
        help="Articles per write transaction (a failed batch is retried one by one)",
    ),
) -> None:
    """Load, extract and write articles to the graph; exits non-zero when anything failed."""
    from hdkg.graph.factory import open_store
    from hdkg.log import setup_logging
    from hdkg.pipeline import ingest
    from hdkg.settings import get_settings

    setup_logging(get_settings().log_level)  # progress lines every 1000 articles, batch retries

    try:
        with open_store(store=store) as graph:
            if clear:
                graph.clear()
            summary = ingest(
                sources, graph, progress=not no_progress, workers=workers or default_workers(), batch=batch
            )
    except HdkgError as exc:
        typer.echo(f"hdkg ingest: {exc}", err=True)
        raise typer.Exit(1) from exc
    report(summary, as_json=as_json)


def report(summary: IngestSummary, *, as_json: bool) -> None:
    """The run's summary on stdout (failures on stderr); exit 1 when anything failed."""
    if as_json:
        typer.echo(json.dumps(summary.model_dump(), ensure_ascii=False, indent=2))
    else:
        typer.echo(
            f"articles {summary.articles}: written {summary.written}, unchanged {summary.unchanged}, "
            f"replaced {summary.replaced}; actors {summary.actors}, links {summary.links}, "
            f"merges {len(summary.merges)}, failed {len(summary.failed)}"
        )
        for f in summary.failed:
            typer.echo(f"  failed [{f.stage}] {f.source}: {f.error}", err=True)
    if not summary.ok:
        raise typer.Exit(1)


def default_workers() -> int:
    """Two extraction processes when the machine has two cores (the writer mostly waits on the store)."""
    return max(1, min(2, os.cpu_count() or 1))
