"""API latency p50/p95 of /cooperations, /actors?q= and /network on a large graph, both stores.

    python -m bench.bench_api --n 100000 [--stores ladybug neo4j] [--requests 60] [--concurrency 4]

The graph is built through the store's own write path from the cached
extraction of the first 1000 generated articles, cycled with fresh article
ids and shifted dates (see ``bench.bench_load``) up to ``n`` articles:
extracting 100k articles does not fit the session (see RESULTS.md), but the
graph shape per article is the extractor's. ``hdkg serve`` then runs under
uvicorn on 127.0.0.1 and an async httpx client sends a bounded number of
requests per endpoint, cycling over a few realistic parameter sets, after
three unmeasured warm-up requests each.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.bench_load import scaled_facts
from bench.common import ROOT, WORK, Figures, machine, save_json
from hdkg.models import Facts
from hdkg.pipeline import DEFAULT_BATCH

HDKG = str(ROOT / ".venv" / "bin" / "hdkg")
ENDPOINTS: dict[str, list[str]] = {
    "/cooperations": [
        "/cooperations",
        "/cooperations?specialty=oncology",
        "/cooperations?country=UZ&kind=agreement",
        "/cooperations?level=country",
    ],
    "/actors?q=": [
        "/actors?q=минздрав",
        "/actors?q=министерства здравоохранения узбекистана",
        "/actors?q=ministry of health",
        "/actors?q=ташкентской области",
    ],
    "/network": ["/network", "/network?country=KZ", "/network?specialty=cardiology", "/network?kind=visit"],
}


def data_dir(store: str) -> Path:
    return WORK / f"api-{store}"


def build_graph(store: str, n: int) -> Figures:
    """Write ``n`` articles' facts into a fresh graph (skipped when the marker says it is there)."""
    from hdkg.graph.factory import open_store
    from hdkg.settings import Settings

    marker = WORK / f"api-{store}.built"
    if marker.exists() and marker.read_text().strip() == str(n):
        return {"built": False}
    if store == "ladybug":
        shutil.rmtree(data_dir(store), ignore_errors=True)
    settings = Settings(data_dir=data_dir(store), store=store)
    start = time.perf_counter()
    with open_store(settings) as graph:
        graph.clear()
        batch: list[Facts] = []
        for i, facts in enumerate(scaled_facts(n), start=1):
            batch.append(facts)
            if len(batch) == DEFAULT_BATCH or i == n:
                graph.write_many(batch)  # as `hdkg ingest` writes
                batch = []
            if i % 10_000 == 0:
                print(
                    f"[api] {store}: {i} articles written in {time.perf_counter() - start:.0f}s", flush=True
                )
        stats = graph.stats()
    marker.write_text(f"{n}\n")
    return {"built": True, "build_s": round(time.perf_counter() - start, 1), "nodes": stats.nodes,
            "relationships": stats.relationships}  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _wait_ready(
    client: httpx.AsyncClient, proc: subprocess.Popen[bytes], timeout_s: float = 120
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"hdkg serve exited with {proc.returncode}")
        try:
            if (await client.get("/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.5)
    raise RuntimeError("hdkg serve did not answer /health in time")


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


async def _burst(
    client: httpx.AsyncClient, urls: list[str], requests: int, concurrency: int
) -> tuple[list[float], int, float]:
    """``requests`` GETs cycling over ``urls``, at most ``concurrency`` in flight: latencies, errors, wall."""
    sem = asyncio.Semaphore(concurrency)
    times: list[float] = []
    errors = 0

    async def one(url: str) -> None:
        nonlocal errors
        async with sem:
            t = time.perf_counter()
            r = await client.get(url)
            times.append(time.perf_counter() - t)
            errors += r.status_code != 200

    start = time.perf_counter()
    await asyncio.gather(*(one(urls[i % len(urls)]) for i in range(requests)))
    return times, errors, time.perf_counter() - start


async def _measure(base: str, proc: subprocess.Popen[bytes], requests: int, concurrency: int) -> Figures:
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
        await _wait_ready(client, proc)
        health = (await client.get("/health", params={"full": 1})).json()
        out: Figures = {"_articles_in_graph": health.get("counts", {}).get("nodes", {}).get("Article")}
        for name, urls in ENDPOINTS.items():
            for url in urls[:3]:
                (await client.get(url)).raise_for_status()
            times, errors, wall = await _burst(client, urls, requests, concurrency)
            out[name] = {"requests": requests, "errors": errors, "p50_ms": round(_pct(times, 0.5) * 1000, 1),
                         "p95_ms": round(_pct(times, 0.95) * 1000, 1), "req_per_s": round(requests / wall, 2)}  # fmt: skip
        return out


def bench_store(store: str, n: int, requests: int, concurrency: int, *, ingested: bool = False) -> Figures:
    """``ingested``: serve the graph ``bench.bench_ingest`` left (``n`` extracted articles) instead of building one."""
    if ingested:
        built: Figures = {"built": False, "source": f"bench_ingest graph of {n} extracted articles"}
        folder = WORK / f"ingest-{store}"
    else:
        built = build_graph(store, n)
        folder = data_dir(store)
    port = _free_port()
    env = dict(os.environ, HDKG_DATA_DIR=str(folder), HDKG_LOG_LEVEL="WARNING")
    cmd = [HDKG, "serve", "--store", store, "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        figures = asyncio.run(_measure(f"http://127.0.0.1:{port}", proc, requests, concurrency))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    articles = figures.pop("_articles_in_graph", None)
    for name, f in figures.items():
        print(
            f"[api] {store:8s} n={n:6d} {name:14s} p50 {f['p50_ms']:8.1f} ms  p95 {f['p95_ms']:8.1f} ms  "
            f"{f['req_per_s']} req/s  errors {f['errors']}/{f['requests']}  (concurrency {concurrency})",
            flush=True,
        )
    return {"graph": built, "articles_in_graph": articles, "endpoints": figures, "concurrency": concurrency}


def run(n: int, stores: list[str], requests: int, concurrency: int, *, ingested: bool = False) -> Figures:
    out: Figures = {"machine": machine(), "n": n, "ingested": ingested, "stores": {}}
    for store in stores:
        out["stores"][store] = bench_store(store, n, requests, concurrency, ingested=ingested)
    save_json(f"api-{n}{'-ingested' if ingested else ''}-{'-'.join(stores)}", out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_api", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--stores", nargs="+", default=["ladybug", "neo4j"], choices=["ladybug", "neo4j"])
    ap.add_argument("--requests", type=int, default=60, help="measured requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--ingested", action="store_true", help="serve the graph bench_ingest left for --n")
    args = ap.parse_args(argv)
    run(args.n, args.stores, args.requests, args.concurrency, ingested=args.ingested)
    return 0


if __name__ == "__main__":
    sys.exit(main())
