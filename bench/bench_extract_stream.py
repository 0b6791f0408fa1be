"""Peak memory of extraction over a long stream of distinct articles (issue 4: memory stays flat).

    python -m bench.bench_extract_stream /tmp/hdkg-bench/corpus-10k --n 10000 --every 1000

Reads the articles lazily (``loaders.iter_articles``), extracts each once and prints the process's
peak RSS every ``--every`` articles. Flat means the last figures stay where the first ones settle:
caches are bounded and nothing is kept per article.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from hdkg.extraction import Extractor
from hdkg.loaders import iter_articles
from hdkg.models import Article


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--every", type=int, default=1000)
    args = ap.parse_args(argv)
    ex = Extractor()
    ex.warm_up()
    t0 = time.perf_counter()
    done = 0
    print(f"{'articles':>9} {'peak RSS MB':>12} {'articles/s':>11}", flush=True)
    for item in iter_articles(args.sources):
        if not isinstance(item, Article):
            continue
        ex.extract(item)
        done += 1
        if done % args.every == 0:
            print(f"{done:>9} {rss_mb():>12.0f} {done / (time.perf_counter() - t0):>11.1f}", flush=True)
        if done >= args.n:
            break
    print(f"{done:>9} {rss_mb():>12.0f} {done / (time.perf_counter() - t0):>11.1f}  (end)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
