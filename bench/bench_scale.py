"""Figures for docs/scale.md: extraction rate per core (one process, and Dask with N workers), and the
Neo4j store's bytes and write rate per article.

    .venv/bin/python -m bench.bench_scale [--n 400] [--neo4j-n 2000]

Generated articles (bench/generate.py): volume and shape of news, not a quality measure. Neo4j runs on
a private scripts/neo4j-local instance (NEO4J_LOCAL_INSTANCE=bench-scale), started and stopped here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.load_test import _hdkg

ROOT = Path(__file__).resolve().parents[1]


def _generate(n: int, out: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.generate",
            "--n",
            str(n),
            "--seed",
            "7",
            "--out",
            str(out),
            "--format",
            "txt",
        ],
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return out


def _timed(args: list[str], env: dict[str, str] | None = None) -> float:
    started = time.monotonic()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.monotonic() - started


def extraction(n: int, workers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="hdkg-scale-") as tmp:
        files = sorted(str(p) for p in _generate(n, Path(tmp) / "corpus").rglob("*.txt"))
        one = _timed([*_hdkg(), "extract", *files, "--format", "facts", "--out", f"{tmp}/one.jsonl"])
        dask = _timed(
            [*_hdkg(), "extract", *files, "--format", "facts", "--out", f"{tmp}/dask.jsonl",
             "--dask", "local", "--dask-workers", str(workers)]
        )  # fmt: skip
        same = Path(f"{tmp}/one.jsonl").read_bytes() == Path(f"{tmp}/dask.jsonl").read_bytes()
    return {
        "articles": len(files),
        "one_process_s": one,
        "dask_s": dask,
        "workers": workers,
        "identical": same,
    }


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def neo4j(n: int) -> dict[str, float]:
    script = str(ROOT / "scripts" / "neo4j-local")
    env = {**os.environ, "NEO4J_LOCAL_INSTANCE": "bench-scale"}
    started = subprocess.run([script, "start"], check=True, capture_output=True, text=True, env=env)
    vars_ = dict(line.split("=", 1) for line in started.stdout.split() if "=" in line)
    cache = Path(os.environ.get("HDKG_CACHE", Path.home() / ".cache/hdkg")) / "neo4j-5.26"
    state = (cache / "run" / "bench-scale.env").read_text().splitlines()
    home = Path(next(line.split("=", 1)[1] for line in state if line.startswith("DATA=")))
    try:
        with tempfile.TemporaryDirectory(prefix="hdkg-scale-") as tmp:
            corpus = _generate(n, Path(tmp) / "corpus")
            facts = f"{tmp}/facts.jsonl"
            files = sorted(str(p) for p in corpus.rglob("*.txt"))
            subprocess.run(
                [*_hdkg(), "extract", *files, "--format", "facts", "--out", facts],
                check=True,
                stderr=subprocess.DEVNULL,
            )
            run_env = {**env, **vars_, "HDKG_STORE": "neo4j", "HDKG_LOG_LEVEL": "WARNING"}
            subprocess.run([*_hdkg(), "init-schema"], check=True, env=run_env, stdout=subprocess.DEVNULL)
            before = _du(home) if home.is_dir() else 0
            load_s = _timed([*_hdkg(), "load", facts, "--no-progress"], env=run_env)
            time.sleep(2)
            after = _du(home) if home.is_dir() else 0
    finally:
        subprocess.run([script, "stop"], env=env, capture_output=True)
    return {"articles": n, "load_s": load_s, "bytes_before": before, "bytes_after": after, "home": str(home)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--neo4j-n", type=int, default=2000)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    ex = extraction(args.n, args.workers)
    print(json.dumps({"extraction": ex}))
    print(
        f"extraction of {ex['articles']} articles: one process {ex['articles'] / ex['one_process_s']:.1f} art/s, "
        f"Dask LocalCluster x{args.workers} {ex['articles'] / ex['dask_s']:.1f} art/s (identical output: {ex['identical']})"
    )
    if not args.neo4j_n:
        return
    nj = neo4j(args.neo4j_n)
    print(json.dumps({"neo4j": nj}))
    grown = nj["bytes_after"] - nj["bytes_before"]
    print(
        f"Neo4j: hdkg load of {args.neo4j_n} articles' facts in {nj['load_s']:.1f} s "
        f"({args.neo4j_n / nj['load_s']:.0f} art/s incl. process start); store grew {grown / 1e6:.1f} MB "
        f"= {grown / args.neo4j_n / 1e3:.1f} kB per article"
    )
    print(f"load average at start {load:.1f}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
