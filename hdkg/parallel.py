"""Extraction in a process pool: ordered, bounded in flight, one extractor per worker.

The NER pass and the rules are CPU-bound Python that holds the GIL, so only
processes use a second core. Ingest has one writer (the store takes one
transaction per article), so the pool only extracts and the caller writes the
results in input order. At most ``workers * PREFETCH`` chunks are submitted
ahead of the consumer, so a 100k-article stream keeps memory flat however
slow the writer is. Workers are spawned (not forked): the parent may already
hold store connections and driver threads, which must not be copied.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Protocol

from hdkg.errors import ExtractionError
from hdkg.models import Article, Facts

log = logging.getLogger(__name__)

#: Thread-count variables of the BLAS libraries numpy may be built with.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_blas() -> None:
    """One BLAS thread per process, unless the user chose otherwise.

    Natasha's NER is numpy matrix products on small matrices. OpenBLAS starts a thread per core
    and its threads spin while waiting, so with one extraction process per core they fight each
    other: on the 2-core benchmark machine extraction took 31-35 CPU ms per article with the
    default and 11.6 with one thread (``bench/RESULTS.md``). Only effective before numpy is
    imported, so the CLI calls it first thing and spawned workers inherit it."""
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")


#: Chunks queued per worker beyond the one it is working on.
PREFETCH = 2


class ExtractorLike(Protocol):
    def extract(self, article: Article) -> Facts: ...


#: Builds a worker's extractor; must be a picklable module-level callable.
ExtractorFactory = Callable[[], ExtractorLike]
#: Told about an article whose extraction raised; the article is then skipped.
OnError = Callable[[Article, Exception], None]


def default_factory() -> ExtractorLike:
    from hdkg.extraction import Extractor

    extractor: ExtractorLike = Extractor()
    return extractor


_worker: ExtractorLike | None = None


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when the process that started it is gone.

    A ``kill -9`` of ``hdkg ingest`` leaves its pool workers blocked on their queue for ever
    (each holding the NER models, ~180 MB); a daemon thread notices the new parent and exits."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _init_worker(factory: ExtractorFactory, log_level: int, parent: int) -> None:
    global _worker
    from hdkg.log import setup_logging

    _exit_with_parent(parent)
    setup_logging(logging.getLevelName(log_level))
    _worker = factory()
    warm_up = getattr(_worker, "warm_up", None)
    if callable(warm_up):  # load models now, not inside the first timed chunk
        warm_up()


def _portable(exc: Exception, article: Article) -> Exception:
    """The exception itself when it survives pickling, else an ExtractionError naming it."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return ExtractionError(f"{type(exc).__name__}: {exc}", where=article.source)
    return exc


def _extract_chunk(chunk: list[Article]) -> list[Facts | Exception]:
    if _worker is None:
        raise RuntimeError("extraction worker used before its initializer ran")
    out: list[Facts | Exception] = []
    for article in chunk:
        try:
            out.append(_worker.extract(article))
        except Exception as exc:
            out.append(_portable(exc, article))
    return out


def _deliver(
    chunk: list[Article], results: list[Facts | Exception], on_error: OnError | None
) -> Iterator[Facts]:
    for article, result in zip(chunk, results, strict=True):
        if isinstance(result, Exception):
            if on_error is None:
                raise result
            on_error(article, result)
        else:
            yield result


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_parallel(
    articles: Iterable[Article],
    workers: int,
    chunksize: int = 8,
    *,
    factory: ExtractorFactory = default_factory,
    on_error: OnError | None = None,
) -> Iterator[Facts]:
    """Facts of ``articles`` in input order, extracted by ``workers`` processes (1: in this process).

    An article whose extraction raises is passed to ``on_error`` and skipped;
    without ``on_error`` the exception is raised at that article's position.
    Closing the iterator early cancels the queued work and stops the pool.
    """
    if workers < 1 or chunksize < 1:
        raise ValueError(f"workers and chunksize must be >= 1, got {workers} and {chunksize}")
    if workers == 1:
        extractor = factory()
        for chunk in _chunks(articles, chunksize):
            results: list[Facts | Exception] = []
            for article in chunk:
                try:
                    results.append(extractor.extract(article))
                except Exception as exc:
                    results.append(exc)
            yield from _deliver(chunk, results, on_error)
        return
    ctx = multiprocessing.get_context("spawn")
    single_threaded_blas()  # inherited by the spawned workers, which import numpy afresh
    level = logging.getLogger().getEffectiveLevel()
    pool = ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init_worker, initargs=(factory, level, os.getpid())
    )
    pending: deque[tuple[list[Article], Future[list[Facts | Exception]]]] = deque()
    limit = workers * (1 + PREFETCH)
    try:
        chunks = _chunks(articles, chunksize)
        for chunk in chunks:
            pending.append((chunk, pool.submit(_extract_chunk, chunk)))
            if len(pending) >= limit:
                done, future = pending.popleft()
                yield from _deliver(done, future.result(), on_error)
        while pending:
            done, future = pending.popleft()
            yield from _deliver(done, future.result(), on_error)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        log.debug("extraction pool of %d workers stopped", workers)
