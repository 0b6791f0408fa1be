"""`hdkg demo`: load the bundled demo corpus into the configured store, then serve.

The corpus ships inside the package (``hdkg/demo``) and is found with
importlib.resources, so the demo works from a wheel as well as from a
checkout. Loading is idempotent: the store skips articles whose content it
already holds, so running the demo twice gives the same graph.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hdkg.cli.app import app
from hdkg.cli.serve_cmd import StoreOption, base_url, run_server, settings_for
from hdkg.log import setup_logging
from hdkg.settings import Settings

if TYPE_CHECKING:
    from hdkg.graph.base import Stats
    from hdkg.pipeline import IngestSummary

log = logging.getLogger(__name__)

#: Article files of the demo corpus; README, gold and decisions files sit beside them.
ARTICLE_SUFFIXES = (".txt", ".html", ".jsonl")
NOT_ARTICLES = ("gold.jsonl",)


@contextmanager
def demo_sources() -> Iterator[list[str]]:
    """Paths of the bundled demo articles, valid while the context is open (even inside a zip)."""
    with ExitStack() as stack:
        root = stack.enter_context(resources.as_file(resources.files("hdkg") / "demo"))
        paths = sorted(
            p for p in Path(root).iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name not in NOT_ARTICLES
        )
        yield [str(p) for p in paths]


def load_demo(settings: Settings, *, progress: bool = True) -> tuple[IngestSummary, Stats]:
    """Ingest the demo corpus into the store of ``settings``; the pipeline's summary and the store's counts."""
    from hdkg.graph.factory import open_store
    from hdkg.pipeline import ingest

    with demo_sources() as sources, open_store(settings) as store:
        log.info("loading %d demo files into the %s store", len(sources), settings.store)
        summary = ingest(sources, store, progress=progress)
        stats = store.stats()
    return summary, stats


def describe(summary: IngestSummary, stats: Stats) -> list[str]:
    lines = [
        f"  {summary.articles} articles read: {summary.written} written, {summary.unchanged} already "
        f"stored, {summary.replaced} replaced, {len(summary.failed)} failed",
        "  graph: " + ", ".join(f"{n} {label}" for label, n in sorted(stats.nodes.items()) if n),
    ]
    lines += [f"  failed: {f.source} ({f.stage}): {f.error}" for f in summary.failed]
    return lines


@app.command("demo")
def demo_command(
    host: Annotated[str | None, typer.Option(help="Address to bind (default HDKG_HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default HDKG_PORT, 8000)")] = None,
    store: StoreOption = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the home page in a browser")] = False,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Only load the corpus, do not serve")] = False,
) -> None:
    """Load the bundled demo corpus into the store (idempotent), print the URLs, then serve."""
    settings = settings_for(store)
    setup_logging(settings.log_level)
    summary, stats = load_demo(settings)
    where = settings.db_path if settings.store == "ladybug" else settings.neo4j_uri
    typer.echo(f"demo corpus loaded into the {settings.store} store at {where}")
    for line in describe(summary, stats):
        typer.echo(line)
    bind_host = host or settings.host
    bind_port = port or settings.port
    url = base_url(bind_host, bind_port)
    typer.echo(f"home page:    {url}/")
    typer.echo(f"network view: {url}/view")
    typer.echo(f"API docs:     {url}/docs")
    if no_serve:
        return
    run_server(settings, bind_host, bind_port, open_browser=open_browser)
