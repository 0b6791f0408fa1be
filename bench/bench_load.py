"""Write path against plain UNWIND MERGE loaders of the same rows, on LadybugDB and Neo4j.

    python -m bench.bench_load [--n 1000] [--stores ladybug neo4j] [--rounds 2] [--batch 1]

Facts come pre-extracted from ``bench.facts_cache`` (extraction is not timed
here). Beyond the cache size, the cached Facts are cycled with fresh article
ids and every date shifted by one day per cycle, so links stay distinct and
the graph grows as with new articles. Two yardsticks (``bench/baseline.py``):
``same rows`` stores every node and relationship hdkg stores (the issue's
baseline, ``ratio``), ``minimal`` only actors, links and parties
(``minimal_ratio``). Every side writes ``--batch`` articles per transaction
(hdkg: ``write_facts`` for 1, ``write_many`` above); rounds alternate the
baselines and hdkg on an emptied graph and the best round of each counts (the
machine is shared). Goal: hdkg / same-rows baseline >= 0.8.
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
from hdkg.graph.base import GraphStore
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


def _chunks(facts: list[Facts], batch: int) -> list[list[Facts]]:
    return [facts[i : i + batch] for i in range(0, len(facts), batch)]


def _timed(write: Callable[[list[Facts]], object], chunks: list[list[Facts]]) -> float:
    start = time.perf_counter()
    for chunk in chunks:
        write(chunk)
    return time.perf_counter() - start


def _hdkg_writer(graph: GraphStore) -> Callable[[list[Facts]], object]:
    """One article: ``write_facts``, as ingest writes today; several: ``write_many`` (one transaction)."""

    def write(chunk: list[Facts]) -> object:
        return graph.write_facts(chunk[0]) if len(chunk) == 1 else graph.write_many(chunk)

    return write


def _settings(store: str) -> Settings:
    data = WORK / "load-store"
    shutil.rmtree(data, ignore_errors=True)
    return Settings(data_dir=data, store=store)


def _open_baseline(plan: baseline.Plan, store: str, settings: Settings, r: int) -> baseline.Baseline:
    """An empty graph for ``plan``: its own LadybugDB file, or the benchmark's Neo4j database cleared."""
    from hdkg.graph.factory import open_store

    if store == "ladybug":
        path = WORK / f"load-baseline-{plan.name.replace(' ', '-')}-{r}.lbug"
        for p in WORK.glob(f"{path.name}*"):
            p.unlink() if p.is_file() else shutil.rmtree(p)
        return baseline.LadybugBaseline(plan, path)
    with open_store(settings) as graph:  # the schema, emptied (Specialty/Area nodes re-seeded)
        graph.clear()
    return baseline.Neo4jBaseline(
        plan, settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password.get_secret_value(),
        settings.neo4j_database,
    )  # fmt: skip


def _graph_diff(hdkg: dict[str, dict[str, int]], base: dict[str, dict[str, int]]) -> dict[str, str]:
    """Labels and types whose count differs between hdkg's graph and the same-rows baseline's."""
    out = {}
    for part in ("nodes", "relationships"):
        for k in sorted(set(hdkg[part]) | set(base[part])):
            h, b = hdkg[part].get(k, 0), base[part].get(k, 0)
            if h != b:
                out[k] = f"hdkg {h} / baseline {b}"
    return out


def bench_store(store: str, facts: list[Facts], rounds: int, batch: int = 1) -> Figures:
    """Each round: the same-rows baseline, the minimal one, then hdkg, each on an empty graph."""
    from hdkg.graph.factory import open_store

    chunks = _chunks(facts, batch)
    seconds: dict[str, list[float]] = {"hdkg": [], baseline.FULL.name: [], baseline.MINIMAL.name: []}
    counts: dict[str, dict[str, dict[str, int]]] = {}
    settings = _settings(store)
    for r in range(rounds):
        for plan in (baseline.FULL, baseline.MINIMAL):
            base = _open_baseline(plan, store, settings, r)
            try:
                seconds[plan.name].append(_timed(base.write, chunks))
                counts[plan.name] = base.counts()
            finally:
                base.close()
        with open_store(settings) as graph:
            graph.clear()
            seconds["hdkg"].append(_timed(_hdkg_writer(graph), chunks))
            stats = graph.stats()
    n = len(facts)
    best = {k: min(v) for k, v in seconds.items()}
    full, minimal = best[baseline.FULL.name], best[baseline.MINIMAL.name]
    hdkg_graph = {"nodes": stats.nodes, "relationships": stats.relationships}
    return {
        "store": store,
        "articles": n,
        "batch": batch,
        "rows": {k: len(v) for k, v in baseline.merge(baseline.full_rows(f) for f in facts).items()},
        "minimal_rows": {
            k: len(v) for k, v in baseline.merge(baseline.minimal_rows(f) for f in facts).items()
        },
        "hdkg_s": [round(s, 2) for s in seconds["hdkg"]],
        "baseline_s": [round(s, 2) for s in seconds[baseline.FULL.name]],
        "minimal_s": [round(s, 2) for s in seconds[baseline.MINIMAL.name]],
        "hdkg_facts_per_s": round(n / best["hdkg"], 1),
        "baseline_facts_per_s": round(n / full, 1),
        "ratio": round(full / best["hdkg"], 3),
        "minimal_facts_per_s": round(n / minimal, 1),
        "minimal_ratio": round(minimal / best["hdkg"], 3),
        "graph": hdkg_graph,
        "baseline_graph": counts[baseline.FULL.name],
        "graph_diff": _graph_diff(hdkg_graph, counts[baseline.FULL.name]),
    }


def run(n: int, stores: list[str], rounds: int, batch: int = 1) -> Figures:
    facts = list(scaled_facts(n))
    out: Figures = {"machine": machine(), "n": n, "batch": batch, "stores": {}}
    for store in stores:
        fig = bench_store(store, facts, rounds, batch)
        out["stores"][store] = fig
        print(
            f"[load] {store:8s} n={n:6d} batch={batch:4d}  hdkg {fig['hdkg_facts_per_s']:8.1f} facts/s  "
            f"same-rows UNWIND MERGE {fig['baseline_facts_per_s']:8.1f} facts/s ratio {fig['ratio']:.2f} "
            f"(goal >= 0.80)  minimal UNWIND MERGE {fig['minimal_facts_per_s']:8.1f} facts/s "
            f"ratio {fig['minimal_ratio']:.2f}\n"
            f"[load] {store:8s} rows {fig['rows']}\n"
            f"[load] {store:8s} graph counts hdkg vs same-rows baseline, where they differ: "
            f"{fig['graph_diff'] or 'none'}",
            flush=True,
        )
    save_json(f"load-{n}-b{batch}", out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_load", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=BASE_N)
    ap.add_argument("--stores", nargs="+", default=["ladybug", "neo4j"], choices=["ladybug", "neo4j"])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--batch", type=int, default=1, help="articles per transaction (default 1)")
    args = ap.parse_args(argv)
    if args.batch < 1:
        ap.error("--batch must be at least 1")
    run(args.n, args.stores, args.rounds, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
