"""Entry point of the ``hdkg`` console script."""

from __future__ import annotations

from hdkg.cli import (  # noqa: F401  (imported for their @app.command registrations)
    demo_cmd,
    export_cmd,
    extract_cmd,
    ingest_cmd,
    serve_cmd,
    stats_cmd,
    view_cmd,
)
from hdkg.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
