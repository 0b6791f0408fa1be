"""Ingest: loaders -> extraction -> graph store, one article per transaction.

A failure of one input (unreadable, extractor error, store refusal) is
recorded with its reason and the run goes on; only an unreachable store
stops it, since every later write would fail the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from tqdm import tqdm

from hdkg.errors import HdkgError, StoreUnavailable

if TYPE_CHECKING:
    from graph.base import GraphStore

log = logging.getLogger(__name__)


class Failure(BaseModel):
    source: str
    stage: str = Field(description="load, extract or write")
    error: str


class IngestSummary(BaseModel):
    articles: int = 0
    written: int = 0
    unchanged: int = 0
    replaced: int = 0
    actors: int = 0
    links: int = 0
    merges: list[str] = Field(default_factory=list)
    failed: list[Failure] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest(sources: Iterable[str], store: GraphStore, *, progress: bool = True) -> IngestSummary:
    """Load, extract and write every article of ``sources``; returns what happened."""
    from extraction import Extractor
    from loaders import LoadFailure, iter_articles

    extractor = Extractor()
    summary = IngestSummary()
    bar = tqdm(desc="ingest", unit="article", disable=not progress, leave=False)
    try:
        for item in iter_articles(list(sources)):
            bar.update(1)
            if isinstance(item, LoadFailure):
                where = f"{item.source}:{item.line}" if item.line else item.source
                summary.failed.append(Failure(source=where, stage="load", error=item.error))
                continue
            summary.articles += 1
            try:
                facts = extractor.extract(item)
            except Exception as exc:  # one bad article must not stop the run
                log.warning("extraction failed for %s", item.source, exc_info=True)
                summary.failed.append(Failure(source=item.source, stage="extract", error=str(exc)))
                continue
            try:
                result = store.write_facts(facts)
            except StoreUnavailable:
                raise
            except HdkgError as exc:
                summary.failed.append(Failure(source=item.source, stage="write", error=str(exc)))
                continue
            except Exception as exc:  # a store bug on one article: its transaction rolled back, go on
                log.exception("writing %s failed", item.source)
                error = f"internal error while writing: {type(exc).__name__}: {exc}"
                summary.failed.append(Failure(source=item.source, stage="write", error=error))
                continue
            if result.skipped:
                summary.unchanged += 1
                continue
            summary.written += 1
            summary.replaced += int(result.replaced)
            summary.actors += result.actors
            summary.links += result.links
            summary.merges.extend(result.merges)
            bar.set_postfix(links=summary.links, failed=len(summary.failed), refresh=False)
    finally:
        bar.close()
    return summary
