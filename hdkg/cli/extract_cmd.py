"""`hdkg extract FILE... [--format jsonl|facts|ttl] [--out FILE] [--dask SCHEDULER|local]`: facts without a store.

jsonl prints ``Facts.to_eval_json()`` one line per article in input order
(the scorer's format); facts prints the whole typed Facts, versioned, for
`hdkg load` (``hdkg.facts_io``); ttl prints RDF through the ontology package. A file
that fails is named on stderr, the others are still printed, and the exit
code is non-zero.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TextIO

import typer

from hdkg.cli.app import app
from hdkg.errors import HdkgError
from hdkg.models import Facts


class Format(StrEnum):
    jsonl = "jsonl"
    facts = "facts"
    ttl = "ttl"


def _write_ttl(facts: list[Facts], out: TextIO) -> None:
    from hdkg.ontology.export import serialize
    from hdkg.ontology.rdf import facts_to_graph

    out.write(serialize(facts_to_graph(facts), "ttl"))


def _facts_stream(files: list[str], dask: str | None, dask_workers: int) -> Iterator[Facts | str]:
    """Facts per article in input order, or a failure message, from this process or a Dask cluster."""
    if dask:
        from hdkg.dask_extract import extract_on_dask

        yield from extract_on_dask(files, dask, workers=dask_workers)
        return
    from hdkg.extraction import Extractor
    from hdkg.loaders import LoadFailure, iter_articles

    extractor = Extractor()
    for item in iter_articles(files):
        if isinstance(item, LoadFailure):
            yield f"{item.source}: {item.error}"
            continue
        try:
            yield extractor.extract(item)
        except HdkgError as exc:
            yield f"{item.source}: {exc}"


@app.command("extract")
def extract_command(
    files: list[str] = typer.Argument(..., help="Article files (txt, html, json, jsonl) or URLs"),
    fmt: Format = typer.Option(
        Format.jsonl, "--format", help="jsonl (eval records), facts (for `hdkg load`) or ttl (RDF)"
    ),
    out: Path | None = typer.Option(None, "--out", help="Write here instead of stdout"),
    dask: str | None = typer.Option(
        None,
        "--dask",
        help="Extract on Dask: a scheduler address, or 'local' for a LocalCluster (hdkg[dask])",
    ),
    dask_workers: int = typer.Option(2, "--dask-workers", min=1, help="Worker processes of --dask local"),
) -> None:
    """Extract actors and cooperation links from articles; no store needed."""
    from hdkg.facts_io import dumps

    failed = 0
    collected: list[Facts] = []
    stream: TextIO = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for facts in _facts_stream(files, dask, dask_workers):
            if isinstance(facts, str):
                failed += 1
                typer.echo(facts, err=True)
            elif fmt is Format.ttl:
                collected.append(facts)
            else:
                line = (
                    json.dumps(facts.to_eval_json(), ensure_ascii=False)
                    if fmt is Format.jsonl
                    else dumps(facts)
                )
                stream.write(line + "\n")
                stream.flush()
        if fmt is Format.ttl:
            _write_ttl(collected, stream)
    except HdkgError as exc:
        typer.echo(f"hdkg extract: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        if out:
            stream.close()
    if failed:
        raise typer.Exit(1)
