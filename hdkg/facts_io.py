"""Facts as the hand-off between extraction and loading: a versioned JSON Lines format.

`hdkg extract --format facts` writes one line per article, ``{"format":
"hdkg-facts/1", "facts": {...}}``, the whole typed ``Facts`` (article text,
actors with their resolution data, links, evidence, extractor version), so
that extraction can run on many machines and `hdkg load` writes the result
once, with the same batching, idempotence and resume as `hdkg ingest`. The
eval JSONL (``--format jsonl``) is a scorer's view and cannot be loaded: it
drops the article text and the actors' resolution data.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError
from tqdm import tqdm

from hdkg.errors import HdkgError
from hdkg.graph.base import GraphStore
from hdkg.loaders.failures import ParseError
from hdkg.models import Facts
from hdkg.pipeline import DEFAULT_BATCH, Failure, IngestSummary, _write

log = logging.getLogger(__name__)

FORMAT = "hdkg-facts/1"


def dumps(facts: Facts) -> str:
    """One line of the hand-off format (no newline)."""
    return json.dumps({"format": FORMAT, "facts": facts.model_dump(mode="json")}, ensure_ascii=False)


def parse_line(line: str, *, where: str) -> Facts:
    """The Facts of one line; ``ParseError`` naming ``where`` for anything else."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"not JSON: {str(exc)[:200]}", where=where) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        got = record.get("format") if isinstance(record, dict) else type(record).__name__
        raise ParseError(
            f"not a {FORMAT} record (format {got!r}; write it with `hdkg extract --format facts`)",
            where=where,
        )
    try:
        return Facts.model_validate(record.get("facts"))
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ParseError(f"invalid facts at {field or 'the record'}: {first['msg']}", where=where) from None


def _records(name: str) -> Iterator[Facts | Failure]:
    with Path(name).open(encoding="utf-8", errors="strict") as fh:
        number = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                yield Failure(source=f"{name}:{number + 1}", stage="load", error=f"not UTF-8: {exc.reason}")
                return
            if not line:
                return
            number += 1
            if line.strip():
                try:
                    yield parse_line(line, where=f"{name}:{number}")
                except HdkgError as exc:
                    yield Failure(source=f"{name}:{number}", stage="load", error=str(exc))


def iter_facts(paths: Iterable[str]) -> Iterator[Facts | Failure]:
    """Facts from hand-off files, streamed line by line; a bad line is a ``Failure`` in place."""
    for name in paths:
        try:
            yield from _records(name)
        except OSError as exc:
            yield Failure(source=name, stage="load", error=f"cannot read: {exc.strerror or exc}")


def load_facts(
    paths: Iterable[str], store: GraphStore, *, batch: int = DEFAULT_BATCH, progress: bool = True
) -> IngestSummary:
    """Write every Facts record of ``paths``: stored unchanged articles are skipped before writing."""
    summary = IngestSummary()
    pending: list[Facts] = []
    with tqdm(desc="load", unit="article", disable=not progress, leave=False) as bar:
        for item in iter_facts(paths):
            if isinstance(item, Failure):
                summary.failed.append(item)
                bar.update(1)
                continue
            summary.articles += 1
            if store.has_article(item.article.id, item.article.content_hash):
                summary.unchanged += 1
                bar.update(1)
                continue
            pending.append(item)
            if len(pending) >= batch:
                _write(store, pending, summary, bar)
                pending = []
        _write(store, pending, summary, bar)
    return summary
