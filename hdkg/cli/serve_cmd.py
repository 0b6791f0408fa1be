"""`hdkg serve`: the REST API (and the pages) under uvicorn.

A browser is opened only on ``--open``: servers started by scripts, CI or
containers must never try to launch one.
"""

from __future__ import annotations

import logging
import os
import threading
import webbrowser
from typing import Annotated, Literal

import typer

from hdkg.cli.app import app
from hdkg.log import setup_logging
from hdkg.settings import Settings, get_settings

log = logging.getLogger(__name__)

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="ladybug (embedded, default) or neo4j; overrides HDKG_STORE"),
]


def settings_for(store: str | None) -> Settings:
    """The configured settings with the command line's store choice on top."""
    settings = get_settings()
    if store is None:
        return settings
    if store not in ("ladybug", "neo4j"):
        raise typer.BadParameter(f"unknown store {store!r}; use ladybug or neo4j", param_hint="--store")
    kind: Literal["ladybug", "neo4j"] = "neo4j" if store == "neo4j" else "ladybug"
    return settings.model_copy(update={"store": kind})


def base_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}"


def open_when_ready(url: str, delay_s: float = 1.5) -> None:
    """Open the browser shortly after start-up, once uvicorn is listening."""
    timer = threading.Timer(delay_s, webbrowser.open, args=(url,))
    timer.daemon = True
    timer.start()


def run_server(settings: Settings, host: str, port: int, *, open_browser: bool, workers: int = 1) -> None:
    """uvicorn in this process, or ``workers`` processes that each build the app from the environment.

    Several processes share nothing in memory: every answer comes from the store, so on Neo4j they agree
    (tests/test_graph_neo4j_cluster.py). The embedded store is a file one process holds: refused."""
    import uvicorn

    from hdkg.api.app import create_app

    if open_browser:
        open_when_ready(base_url(host, port) + "/")
    level = settings.log_level.lower()
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level=level)
        return
    if settings.store != "neo4j":
        raise typer.BadParameter(
            "the embedded store serves one process; use --workers 1, or Neo4j (HDKG_STORE=neo4j)",
            param_hint="--workers",
        )
    os.environ["HDKG_STORE"] = settings.store  # the worker processes read their settings from the environment
    uvicorn.run(
        "hdkg.api.app:create_app", factory=True, workers=workers, host=host, port=port, log_level=level
    )


@app.command("serve")
def serve_command(
    host: Annotated[str | None, typer.Option(help="Address to bind (default HDKG_HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default HDKG_PORT, 8000)")] = None,
    store: StoreOption = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the home page in a browser")] = False,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="API processes (Neo4j only; the embedded store serves one)"),
    ] = 1,
) -> None:
    """Serve the REST API, the home page and the network view."""
    settings = settings_for(store)
    setup_logging(settings.log_level)
    bind_host = host or settings.host
    bind_port = port or settings.port
    url = base_url(bind_host, bind_port)
    typer.echo(f"hdkg API on {url}/docs ({settings.store} store)", err=True)
    run_server(settings, bind_host, bind_port, open_browser=open_browser, workers=workers)
