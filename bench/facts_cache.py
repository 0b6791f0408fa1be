"""Extract a generated corpus once and keep its Facts as JSON Lines, for the write-path benchmarks.

    python -m bench.facts_cache --n 1000 [--workers 2]

The loading benchmark must time writes only, so it reads Facts from this
cache instead of extracting. Extraction runs through ``hdkg.parallel``, so
this is also its first real-size run; the rate it prints is informative only.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from bench.common import ensure_corpus, facts_path
from hdkg.models import Article
from hdkg.parallel import extract_parallel


def _articles(corpus: Path) -> Iterator[Article]:
    from hdkg.loaders import LoadFailure, iter_articles

    for item in iter_articles([str(corpus)]):
        if not isinstance(item, LoadFailure):
            yield item


def build(n: int, workers: int) -> Path:
    out = facts_path(n)
    if out.exists():
        return out
    corpus = ensure_corpus(n)
    tmp = out.with_suffix(".partial")
    start, count = time.perf_counter(), 0
    with tmp.open("w", encoding="utf-8") as fh:
        for facts in extract_parallel(_articles(corpus), workers, on_error=lambda a, e: None):
            fh.write(facts.model_dump_json() + "\n")
            count += 1
    tmp.rename(out)
    secs = time.perf_counter() - start
    print(f"extracted {count} articles in {secs:.0f}s ({count / secs:.1f}/s, {workers} workers) -> {out}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.facts_cache")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    build(args.n, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
