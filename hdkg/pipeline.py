"""Ingest: loaders -> extraction -> graph store, one article per transaction.

A failure of one input (unreadable, extractor error, store refusal) is
recorded with its reason and the run goes on; only an unreachable store
stops it, since every later write would fail the same way.

An article whose id and content hash are already stored is counted as
unchanged *before* extraction (``GraphStore.has_article``), so resuming a
batch costs a lookup per done article, not an extraction. Extraction may run
in ``workers`` processes (``hdkg.parallel``); this process stays the one writer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from tqdm import tqdm

from hdkg.errors import HdkgError, StoreUnavailable

if TYPE_CHECKING:
    from graph.base import GraphStore
    from hdkg.models import Article, Facts
    from hdkg.parallel import ExtractorLike

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


def ingest(
    sources: Iterable[str], store: GraphStore, *, progress: bool = True, workers: int = 1, chunksize: int = 8
) -> IngestSummary:
    """Load, extract and write every article of ``sources``; returns what happened."""
    from extraction import Extractor
    from hdkg.parallel import default_factory, extract_parallel
    from loaders import LoadFailure, iter_articles

    summary = IngestSummary()
    bar = tqdm(desc="ingest", unit="article", disable=not progress, leave=False)

    def fresh() -> Iterator[Article]:
        for item in iter_articles(list(sources)):
            if isinstance(item, LoadFailure):
                bar.update(1)
                where = f"{item.source}:{item.line}" if item.line else item.source
                summary.failed.append(Failure(source=where, stage="load", error=item.error))
                continue
            summary.articles += 1
            if store.has_article(item.id, item.content_hash):
                bar.update(1)
                summary.unchanged += 1
                continue
            yield item  # counted on the bar once written: loading runs ahead of the writer

    def on_error(article: Article, exc: Exception) -> None:  # one bad article must not stop the run
        bar.update(1)
        log.warning("extraction failed for %s: %s", article.source, exc)
        summary.failed.append(Failure(source=article.source, stage="extract", error=str(exc)))

    if workers == 1:
        extractor: list[ExtractorLike] = []

        class Lazy:  # models load on the first article to extract: a rerun of unchanged ones never does
            def extract(self, article: Article) -> Facts:
                if not extractor:
                    extractor.append(Extractor())
                return extractor[0].extract(article)

        facts_iter = extract_parallel(fresh(), 1, chunksize=1, factory=Lazy, on_error=on_error)
    else:
        facts_iter = extract_parallel(fresh(), workers, chunksize, factory=default_factory, on_error=on_error)
    try:
        for facts in facts_iter:
            source = facts.article.source
            bar.update(1)
            try:
                result = store.write_facts(facts)
            except StoreUnavailable:
                raise
            except HdkgError as exc:
                summary.failed.append(Failure(source=source, stage="write", error=str(exc)))
                continue
            except Exception as exc:  # a store bug on one article: its transaction rolled back, go on
                log.exception("writing %s failed", source)
                error = f"internal error while writing: {type(exc).__name__}: {exc}"
                summary.failed.append(Failure(source=source, stage="write", error=error))
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
        close = getattr(facts_iter, "close", None)  # stops the extraction pool when the writer stops early
        if callable(close):
            close()
        bar.close()
    return summary
