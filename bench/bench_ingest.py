"""End-to-end ingest of generated corpora: wall time, peak RSS of the process tree, 1 vs 2 processes, rerun.

    python -m bench.bench_ingest --n 1000 [--stores ladybug neo4j] [--workers 1 2] [--rerun] [--batch 100]

Each run is a fresh process on an emptied graph: ``hdkg ingest DIR --clear
--json --workers W --batch B``. RSS is sampled every 0.25 s over the ingest process and
its workers; for Neo4j the server's own RSS is reported apart. ``--rerun``
ingests the same corpus again without clearing: everything is already
stored, so this is the cost of resuming an interrupted run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, WORK, Figures, PeakRss, ensure_corpus, machine, save_json, tree_rss
from hdkg.pipeline import DEFAULT_BATCH

HDKG = str(ROOT / ".venv" / "bin" / "hdkg")
PY = str(ROOT / ".venv" / "bin" / "python")


def _env(store: str) -> dict[str, str]:
    env = dict(os.environ)
    env["HDKG_DATA_DIR"] = str(WORK / f"ingest-{store}")
    env["HDKG_LOG_LEVEL"] = "INFO"  # the pipeline logs progress every 1000 articles
    return env


def neo4j_server_pid() -> int | None:
    """The Neo4j server's pid from the state file of ``scripts/neo4j-local`` (instance ``bench``)."""
    instance = os.environ.get("NEO4J_LOCAL_INSTANCE", "bench")
    default = Path.home() / ".cache" / "hdkg" / "neo4j-5.26" / "run" / f"{instance}.env"
    state = Path(os.environ.get("HDKG_BENCH_NEO4J_STATE", str(default)))
    if not state.exists():
        return None
    for line in state.read_text().splitlines():
        if line.startswith("PID="):
            return int(line[4:])
    return None


def command(corpus: Path, store: str, workers: int, *, clear: bool, batch: int) -> list[str]:
    cmd = [
        HDKG,
        "ingest",
        str(corpus),
        "--store",
        store,
        "--no-progress",
        "--json",
        "--workers",
        str(workers),
    ]
    return cmd + ["--batch", str(batch)] + (["--clear"] if clear else [])


def run_once(
    corpus: Path,
    store: str,
    workers: int,
    *,
    clear: bool = True,
    batch: int = DEFAULT_BATCH,
    limit_s: float | None = None,
) -> Figures:
    """One ingest run; past ``limit_s`` it is stopped and the last progress line is kept as a partial figure."""
    cmd = command(corpus, store, workers, clear=clear, batch=batch)
    server = neo4j_server_pid() if store == "neo4j" else None
    server_peak = 0
    logs = WORK / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    stem = f"ingest-{corpus.name}-{store}-w{workers}-{'clear' if clear else 'rerun'}"
    out_path, err_path = logs / f"{stem}.out", logs / f"{stem}.err"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with out_path.open("w") as out_f, err_path.open("w") as err_f:  # files, not pipes: no full-pipe stalls
        proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(store), stdout=out_f, stderr=err_f, text=True)
        with PeakRss(proc.pid) as rss:
            while proc.poll() is None:
                if server:
                    server_peak = max(server_peak, tree_rss(server))
                if limit_s is not None and time.perf_counter() - start > limit_s:
                    proc.terminate()
                    proc.wait()
                    break
                time.sleep(0.5)
    out, err = out_path.read_text(), err_path.read_text()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    wall = time.perf_counter() - start
    summary = _summary(out)
    progress = re.findall(r"(\d+) articles done in (\d+) s", err)
    partial = (
        {"written": int(progress[-1][0]), "seconds": int(progress[-1][1])}
        if progress and not summary
        else None
    )
    articles = int(summary.get("articles", 0))
    return {
        "store": store,
        "workers": workers,
        "runner": f"hdkg ingest --batch {batch}",
        "clear": clear,
        "exit": proc.returncode,
        "partial": partial,
        "wall_s": round(wall, 1),
        "articles_per_s": round(articles / wall, 2) if wall else None,
        "peak_rss_mb": round(rss.peak / 2**20),
        "cpu_s": round(cpu, 1),
        "cpu_ms_per_article": round(1000 * cpu / articles) if articles else None,
        "load_avg_end": round(os.getloadavg()[0], 2),
        "neo4j_server_peak_rss_mb": round(server_peak / 2**20) if server else None,
        "summary": {k: v for k, v in summary.items() if k not in ("merges", "failed")},
        "failed": len(summary.get("failed", [])),
        "stderr_tail": err.strip().splitlines()[-3:] if proc.returncode else [],
    }


def _summary(stdout: str) -> Figures:
    text = stdout.strip()
    start = text.find("{")
    try:
        data = json.loads(text[start:]) if start >= 0 else {}
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def _line(fig: Figures, n: int, label: str) -> str:
    if fig.get("partial"):
        p = fig["partial"]
        return (
            f"[ingest] {fig['store']:8s} n={n:6d} {label:16s} workers={fig['workers']}  STOPPED at the time limit: "
            f"{p['written']} articles written in {p['seconds']} s ({p['written'] / max(p['seconds'], 1):.2f} art/s), "
            f"peak RSS {fig['peak_rss_mb']} MB"
        )
    s = fig["summary"]
    server = f"  neo4j server {fig['neo4j_server_peak_rss_mb']} MB" if fig["neo4j_server_peak_rss_mb"] else ""
    return (
        f"[ingest] {fig['store']:8s} n={n:6d} {label:16s} workers={fig['workers']}  {fig['wall_s']:8.1f} s  "
        f"{fig['articles_per_s']} art/s  CPU {fig['cpu_ms_per_article']} ms/art  peak RSS {fig['peak_rss_mb']} MB{server}  "
        f"written {s.get('written')} unchanged {s.get('unchanged')} failed {fig['failed']}  exit {fig['exit']} "
        f"({fig['runner']})"
    )


def run(
    n: int,
    stores: list[str],
    workers: list[int],
    rerun: bool,
    limit_s: float | None = None,
    batch: int = DEFAULT_BATCH,
) -> Figures:
    corpus = ensure_corpus(n)
    out: Figures = {"machine": machine(), "n": n, "batch": batch, "runs": []}
    for store in stores:
        by_workers: dict[int, Figures] = {}
        for w in workers:
            fig = run_once(corpus, store, w, batch=batch, limit_s=limit_s)
            by_workers[w] = fig
            out["runs"].append(fig)
            print(_line(fig, n, "ingest"), flush=True)
        if 1 in by_workers and 2 in by_workers:
            speedup = round(by_workers[1]["wall_s"] / by_workers[2]["wall_s"], 2)
            out.setdefault("speedup_1_to_2", {})[store] = speedup
            print(f"[ingest] {store:8s} n={n:6d} speed-up 1 -> 2 processes: {speedup}x", flush=True)
        if rerun:
            last = max(workers)
            fig = run_once(corpus, store, last, clear=False, batch=batch)
            fig["rerun"] = True
            out["runs"].append(fig)
            print(_line(fig, n, "rerun"), flush=True)
    save_json(f"ingest-{n}-{'-'.join(stores)}", out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_ingest", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--stores", nargs="+", default=["ladybug", "neo4j"], choices=["ladybug", "neo4j"])
    ap.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--rerun", action="store_true", help="also time a second ingest of the same corpus")
    ap.add_argument(
        "--limit-s", type=float, default=None, help="stop a run after this long (figures: partial)"
    )
    ap.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="articles per write transaction")
    args = ap.parse_args(argv)
    run(args.n, args.stores, args.workers, args.rerun, args.limit_s, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
