"""Entry point of the ``hdkg`` console script."""

from __future__ import annotations

from hdkg.parallel import single_threaded_blas

single_threaded_blas()  # before anything imports numpy (see hdkg.parallel)

from hdkg.cli import (  # noqa: E402, F401  (imported for their @app.command registrations)
    demo_cmd,
    export_cmd,
    extract_cmd,
    ingest_cmd,
    load_cmd,
    schema_cmd,
    serve_cmd,
    stats_cmd,
    view_cmd,
)
from hdkg.cli.app import app  # noqa: E402


def main() -> None:
    app()


__all__ = ["app", "main"]
