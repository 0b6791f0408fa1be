"""Ingest: loaders -> extraction -> graph store, ``batch`` articles per transaction.

Writes go in batches (``GraphStore.write_many``): a statement's fixed cost is
paid once per batch, which makes the writer several times faster. A batch is
all or nothing; when one fails, its articles are written again one by one so
that the failure is pinned on its article and the others are stored.

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
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from tqdm import tqdm

from hdkg.errors import HdkgError, StoreUnavailable

if TYPE_CHECKING:
    from hdkg.graph.base import GraphStore, WriteResult
    from hdkg.models import Article, Facts
    from hdkg.parallel import ExtractorLike

log = logging.getLogger(__name__)

#: Articles per write transaction: past ~100 the statements' fixed cost is amortised
#: (bench/RESULTS.md) and a batch lost to a crash is quick to redo.
DEFAULT_BATCH = 100
PROGRESS_EVERY = 1000


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
    sources: Iterable[str],
    store: GraphStore,
    *,
    progress: bool = True,
    workers: int = 1,
    chunksize: int = 8,
    batch: int = DEFAULT_BATCH,
) -> IngestSummary:
    """Load, extract and write every article of ``sources``; returns what happened."""
    from hdkg.extraction import Extractor
    from hdkg.loaders import LoadFailure, iter_articles
    from hdkg.parallel import default_factory, extract_parallel

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
    pending: list[Facts] = []
    started, logged = time.monotonic(), 0
    try:
        for facts in facts_iter:
            pending.append(facts)
            if len(pending) >= batch:
                _write(store, pending, summary, bar)
                pending = []
                done = summary.written + summary.unchanged + len(summary.failed)
                if done // PROGRESS_EVERY > logged:  # for logs of long runs without a progress bar
                    logged = done // PROGRESS_EVERY
                    log.info("%d articles done in %.0f s", done, time.monotonic() - started)
        _write(store, pending, summary, bar)
    finally:
        close = getattr(facts_iter, "close", None)  # stops the extraction pool when the writer stops early
        if callable(close):
            close()
        bar.close()
    return summary


def _write(store: GraphStore, batch: list[Facts], summary: IngestSummary, bar: tqdm[None]) -> None:
    """One transaction for ``batch``; on failure, one per article to find the culprit."""
    if not batch:
        return
    try:
        results = store.write_many(batch)
    except StoreUnavailable:
        raise
    except Exception as exc:
        log.info("a batch of %d articles failed (%s); writing them one by one", len(batch), exc)
        for facts in batch:
            _write_one(store, facts, summary)
            bar.update(1)
    else:
        for result in results:
            _count(result, summary)
        bar.update(len(batch))
    bar.set_postfix(links=summary.links, failed=len(summary.failed), refresh=False)


def _write_one(store: GraphStore, facts: Facts, summary: IngestSummary) -> None:
    source = facts.article.source
    try:
        result = store.write_facts(facts)
    except StoreUnavailable:
        raise
    except HdkgError as exc:
        summary.failed.append(Failure(source=source, stage="write", error=str(exc)))
        return
    except Exception as exc:  # a store bug on one article: its transaction rolled back, go on
        log.exception("writing %s failed", source)
        error = f"internal error while writing: {type(exc).__name__}: {exc}"
        summary.failed.append(Failure(source=source, stage="write", error=error))
        return
    _count(result, summary)


def _count(result: WriteResult, summary: IngestSummary) -> None:
    if result.skipped:
        summary.unchanged += 1
        return
    summary.written += 1
    summary.replaced += int(result.replaced)
    summary.actors += result.actors
    summary.links += result.links
    summary.merges.extend(result.merges)
