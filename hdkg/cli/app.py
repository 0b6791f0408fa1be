"""The Typer application; each sub-command lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="hdkg",
    help="hdkg: a knowledge graph of health-diplomacy actors from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
