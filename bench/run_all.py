"""Run the benchmarks and write ``bench/RESULTS.md`` from the figures they saved.

    python -m bench.run_all [--steps extract load ingest api] [--sizes 1000 10000 100000] [--report-only]

Every script saves its figures as JSON under ``$HDKG_BENCH_DIR/results``
(default /tmp/hdkg-bench); the report takes the latest figures of each kind,
so a long step can be run on its own and the report rebuilt afterwards.
Neo4j is whatever ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` point to
(``scripts/neo4j-local start`` then ``eval "$(scripts/neo4j-local env | sed 's/^/export /')"``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

from bench import bench_api, bench_ingest, bench_load
from bench.common import ROOT, WORK, Figures, save_json
from bench.generate import write_corpus
from bench.report import write_report
from hdkg.pipeline import DEFAULT_BATCH

PY = str(ROOT / ".venv" / "bin" / "python")
REAL_DIRS = [str(ROOT.parent / "shared" / "corpus" / d) for d in ("seeds", "dev")] + [
    str(ROOT / "hdkg" / "demo")
]
_NUM = r"([0-9.]+)"


def run_extract(n_generated: int = 200) -> Figures:
    """Calls the extraction engineer's bench/bench_extract.py on the real texts and on generated ones."""
    gen = WORK / f"txt-{n_generated}"
    if not (gen / "0000").exists():
        write_corpus(n_generated, 1, gen, "txt", shard_size=1000)
    out: Figures = {}
    for label, dirs in (("real", REAL_DIRS), ("generated", [str(gen / "0000")])):
        proc = subprocess.run(
            [PY, "bench/bench_extract.py", "--n", "100", "--rounds", "2", *dirs],
            cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip
        text = proc.stdout
        print(text.strip().replace("\n", f"\n[extract:{label}] "), flush=True)
        fig: Figures = {"exit": proc.returncode, "output": text.strip().splitlines()}
        for key, pattern in (
            ("ner_articles_per_s", rf"natasha NER pass:\s+{_NUM}"),
            ("extract_articles_per_s", rf"extraction:\s+{_NUM}"),
            ("ratio", rf"ratio:\s+{_NUM}"),
            ("articles", rf"articles:\s+{_NUM}"),
        ):
            m = re.search(pattern, text)
            fig[key] = float(m.group(1)) if m else None
        if proc.returncode:
            fig["stderr_tail"] = proc.stderr.strip().splitlines()[-5:]
        out[label] = fig
    save_json("extract", out)
    return out


def run_steps(steps: list[str], sizes: list[int], stores: list[str], api_n: int) -> None:
    """The runs behind RESULTS.md, in the order that keeps each store's graph for its API run.

    The write path at ingest's batch size and at one article per transaction; per size an ingest
    (1 and 2 workers and a rerun at 1k; 100k into Neo4j only, as the issue asks) followed by the
    API latencies on the graph it left; then the API on a graph of ``api_n`` articles written from
    cycled extraction output in each store (``bench.bench_api`` without ``--ingested``)."""
    if "extract" in steps:
        run_extract()
    if "load" in steps:
        bench_load.run(1000, stores, rounds=2, batch=DEFAULT_BATCH)
        bench_load.run(1000, stores, rounds=1, batch=1)
    for n in sizes:
        at_n = stores if n <= 10_000 else [s for s in stores if s == "neo4j"]
        if "ingest" in steps and at_n:
            bench_ingest.run(n, at_n, [1, 2] if n <= 1000 else [2], rerun=n <= 1000)
        if "api" in steps and at_n and n <= 10_000:
            bench_api.run(n, at_n, requests=30, concurrency=4, ingested=True)
    if "api" in steps:
        bench_api.run(api_n, stores, requests=30, concurrency=4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run_all", description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", nargs="+", default=["extract", "load", "ingest", "api"])
    ap.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000, 100_000])
    ap.add_argument("--stores", nargs="+", default=["ladybug", "neo4j"])
    ap.add_argument("--api-n", type=int, default=100_000)
    ap.add_argument("--report-only", action="store_true")
    args = ap.parse_args(argv)
    if not args.report_only:
        run_steps(args.steps, args.sizes, args.stores, args.api_n)
    path = write_report()
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
