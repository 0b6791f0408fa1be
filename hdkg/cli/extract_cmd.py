"""`hdkg extract FILE... [--format jsonl|facts|ttl] [--out FILE]`: facts without a store.

jsonl prints ``Facts.to_eval_json()`` one line per article in input order
(the scorer's format); facts prints the whole typed Facts, versioned, for
`hdkg load` (``hdkg.facts_io``); ttl prints RDF through the ontology package. A file
that fails is named on stderr, the others are still printed, and the exit
code is non-zero.
"""

from __future__ import annotations

import json
import sys
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


@app.command("extract")
def extract_command(
    files: list[str] = typer.Argument(..., help="Article files (txt, html, json, jsonl) or URLs"),
    fmt: Format = typer.Option(
        Format.jsonl, "--format", help="jsonl (eval records), facts (for `hdkg load`) or ttl (RDF)"
    ),
    out: Path | None = typer.Option(None, "--out", help="Write here instead of stdout"),
) -> None:
    """Extract actors and cooperation links from articles; no store needed."""
    from hdkg.extraction import Extractor
    from hdkg.loaders import LoadFailure, iter_articles

    extractor = Extractor()
    failed = 0
    collected: list[Facts] = []
    stream: TextIO = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for item in iter_articles(files):
            if isinstance(item, LoadFailure):
                failed += 1
                typer.echo(f"{item.source}: {item.error}", err=True)
                continue
            try:
                facts = extractor.extract(item)
            except HdkgError as exc:
                failed += 1
                typer.echo(f"{item.source}: {exc}", err=True)
                continue
            if fmt is Format.jsonl:
                stream.write(json.dumps(facts.to_eval_json(), ensure_ascii=False) + "\n")
                stream.flush()
            elif fmt is Format.facts:
                from hdkg.facts_io import dumps

                stream.write(dumps(facts) + "\n")
                stream.flush()
            else:
                collected.append(facts)
        if fmt is Format.ttl:
            _write_ttl(collected, stream)
    finally:
        if out:
            stream.close()
    if failed:
        raise typer.Exit(1)
