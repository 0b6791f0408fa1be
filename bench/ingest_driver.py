"""Ingest as the pipeline does it, with ``hdkg.parallel`` extraction: used while ``hdkg ingest`` has no --workers.

    python -m bench.ingest_driver SOURCE... --store ladybug|neo4j [--workers 2] [--clear] [--precheck]

Loaders stream articles, ``extract_parallel`` extracts them in a process
pool, this process is the one writer. ``--precheck`` asks the store for the
article's content hash before extracting, so that a rerun over already
stored articles skips extraction (what a cheap resume needs). Prints a JSON
summary with the same counters as ``hdkg ingest --json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator

from hdkg.models import Article
from hdkg.parallel import extract_parallel


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest_driver")
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--store", choices=["ladybug", "neo4j"], required=True)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--clear", action="store_true")
    ap.add_argument("--precheck", action="store_true")
    args = ap.parse_args(argv)

    from graph.factory import open_store
    from loaders import LoadFailure, iter_articles

    counts = {"articles": 0, "written": 0, "unchanged": 0, "replaced": 0, "actors": 0, "links": 0}
    failed: list[dict[str, str]] = []
    with open_store(store=args.store) as graph:
        if args.clear:
            graph.clear()

        def articles() -> Iterator[Article]:
            for item in iter_articles(args.sources):
                if isinstance(item, LoadFailure):
                    failed.append({"source": item.source, "stage": "load", "error": item.error})
                    continue
                counts["articles"] += 1
                if args.precheck:
                    stored = graph.query("article", id=item.id)
                    if stored and stored[0]["content_hash"] == item.content_hash:
                        counts["unchanged"] += 1
                        continue
                yield item

        def on_error(article: Article, exc: Exception) -> None:
            failed.append({"source": article.source, "stage": "extract", "error": str(exc)})

        start = time.perf_counter()
        for done, facts in enumerate(extract_parallel(articles(), args.workers, on_error=on_error), start=1):
            if done % 1000 == 0:  # progress on stderr, so a long run can be watched
                print(f"{done} written in {time.perf_counter() - start:.0f}s", file=sys.stderr, flush=True)
            result = graph.write_facts(facts)
            if result.skipped:
                counts["unchanged"] += 1
                continue
            counts["written"] += 1
            counts["replaced"] += int(result.replaced)
            counts["actors"] += result.actors
            counts["links"] += result.links
    print(json.dumps({**counts, "failed": failed}, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
