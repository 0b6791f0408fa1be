"""Write path against a plain UNWIND MERGE of the same rows, on LadybugDB and Neo4j.

    python -m bench.bench_load [--n 1000] [--stores ladybug neo4j] [--rounds 2]

Facts come pre-extracted from ``bench.facts_cache`` (extraction is not timed
here). Beyond the cache size, the cached Facts are cycled with fresh article
ids and every date shifted by one day per cycle, so links stay distinct and
the graph grows as with new articles. Both sides write one transaction per
article; rounds alternate baseline and hdkg on an emptied graph and the best
round of each counts (the machine is shared). Goal: hdkg / baseline >= 0.8.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from itertools import cycle, islice

from bench import baseline
from bench.common import WORK, Figures, iter_facts, machine, save_json
from bench.facts_cache import build as build_facts
from hdkg.models import Facts
from hdkg.settings import Settings

BASE_N = 1000


def _shift(facts: Facts, k: int) -> Facts:
    """Copy ``k`` of an article's facts: new article id and url, every date ``k`` days later."""
    if k == 0:
        return facts
    delta = dt.timedelta(days=k)
    art = facts.article
    article = art.model_copy(
        update={
            "id": f"{art.id}-c{k}",
            "url": f"{art.url}#c{k}",
            "date": art.date + delta if art.date else None,
        }
    )
    links = [
        link.model_copy(update={"date": link.date + delta if link.date else None}) for link in facts.links
    ]
    return facts.model_copy(update={"article": article, "links": links})


def scaled_facts(n: int) -> Iterator[Facts]:
    """``n`` Facts: the cached extraction of the first 1000 generated articles, cycled as described above."""
    base = list(iter_facts(build_facts(BASE_N, workers=2)))
    for i, facts in enumerate(islice(cycle(base), n)):
        yield _shift(facts, i // len(base))


def _timed(write: Callable[[Facts], object], facts: list[Facts]) -> float:
    start = time.perf_counter()
    for f in facts:
        write(f)
    return time.perf_counter() - start


def _baseline_writer(base: baseline.LadybugBaseline | baseline.Neo4jBaseline) -> Callable[[Facts], None]:
    def write(facts: Facts) -> None:
        base.write(baseline.rows(facts))

    return write


def _settings(store: str) -> Settings:
    data = WORK / "load-store"
    shutil.rmtree(data, ignore_errors=True)
    return Settings(data_dir=data, store=store)


def bench_store(store: str, facts: list[Facts], rounds: int) -> Figures:
    from graph.factory import open_store

    hdkg_s, base_s = [], []
    settings = _settings(store)
    for r in range(rounds):
        base: baseline.LadybugBaseline | baseline.Neo4jBaseline
        if store == "ladybug":
            path = WORK / f"load-baseline-{r}.lbug"
            for p in WORK.glob(f"load-baseline-{r}.lbug*"):
                p.unlink() if p.is_file() else shutil.rmtree(p)
            base = baseline.LadybugBaseline(path)
        else:
            with open_store(settings) as graph:
                graph.clear()
            base = baseline.Neo4jBaseline(
                settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password.get_secret_value(),
                settings.neo4j_database,
            )  # fmt: skip
        try:
            base_s.append(_timed(_baseline_writer(base), facts))
        finally:
            base.close()
        with open_store(settings) as graph:
            graph.clear()
            hdkg_s.append(_timed(graph.write_facts, facts))
            stats = graph.stats()
    n = len(facts)
    rows = baseline.merge(baseline.rows(f) for f in facts)
    best_h, best_b = min(hdkg_s), min(base_s)
    return {
        "store": store,
        "articles": n,
        "rows": {k: len(v) for k, v in rows.items()},
        "hdkg_s": [round(s, 2) for s in hdkg_s],
        "baseline_s": [round(s, 2) for s in base_s],
        "hdkg_facts_per_s": round(n / best_h, 1),
        "baseline_facts_per_s": round(n / best_b, 1),
        "ratio": round(best_b / best_h, 3),
        "graph": {"nodes": stats.nodes, "relationships": stats.relationships},
    }


def run(n: int, stores: list[str], rounds: int) -> Figures:
    facts = list(scaled_facts(n))
    out: Figures = {"machine": machine(), "n": n, "stores": {}}
    for store in stores:
        fig = bench_store(store, facts, rounds)
        out["stores"][store] = fig
        print(
            f"[load] {store:8s} n={n:6d}  hdkg {fig['hdkg_facts_per_s']:8.1f} facts/s  "
            f"plain UNWIND MERGE {fig['baseline_facts_per_s']:8.1f} facts/s  ratio {fig['ratio']:.2f} "
            f"(goal >= 0.80)  rows {fig['rows']}",
            flush=True,
        )
    save_json(f"load-{n}", out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_load", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=BASE_N)
    ap.add_argument("--stores", nargs="+", default=["ladybug", "neo4j"], choices=["ladybug", "neo4j"])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    run(args.n, args.stores, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
