"""Where the write path spends its time: seconds per named statement of ``graph.writer``.

    python -m bench.profile_write [--n 300] [--stores ladybug neo4j]

Wraps the transaction each store hands to ``graph.writer.write_facts`` in a
timing proxy, writes ``n`` cached Facts into an emptied graph and prints the
statements sorted by total time. A diagnostic for the store engineer, not a
benchmark figure (the proxy itself costs a little).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import defaultdict
from typing import Any

from bench.bench_load import _settings, scaled_facts
from bench.common import Figures, save_json
from hdkg.graph import writer


class _TimedTx:
    def __init__(self, tx: writer.Tx, totals: dict[str, list[float]]) -> None:
        self.tx, self.totals = tx, totals

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        start = time.perf_counter()
        try:
            return self.tx.run(name, **params)
        finally:
            self.totals[name].append(time.perf_counter() - start)


def profile(store: str, n: int) -> Figures:
    from hdkg.graph.factory import open_store

    totals: dict[str, list[float]] = defaultdict(list)
    original = writer.write_facts

    def timed(tx: writer.Tx, facts: Any, resolver: Any) -> Any:
        return original(_TimedTx(tx, totals), facts, resolver)

    facts = list(scaled_facts(n))
    writer.write_facts = timed
    try:
        with open_store(_settings(store)) as graph:
            graph.clear()
            start = time.perf_counter()
            for f in facts:
                graph.write_facts(f)
            wall = time.perf_counter() - start
    finally:
        writer.write_facts = original
    rows = sorted(((k, sum(v), len(v)) for k, v in totals.items()), key=lambda r: -r[1])
    print(f"[profile] {store}: {n} articles in {wall:.1f}s; statement time {sum(r[1] for r in rows):.1f}s")
    for name, secs, calls in rows:
        print(
            f"[profile] {store:8s} {name:22s} {secs:8.2f} s  {calls:6d} calls  {1000 * secs / calls:7.2f} ms/call"
        )
    return {"wall_s": wall, "statements": {k: {"s": round(s, 3), "calls": c} for k, s, c in rows}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.profile_write")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--stores", nargs="+", default=["ladybug", "neo4j"], choices=["ladybug", "neo4j"])
    args = ap.parse_args(argv)
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    save_json(f"profile-write-{args.n}", {s: profile(s, args.n) for s in args.stores})
    return 0


if __name__ == "__main__":
    sys.exit(main())
