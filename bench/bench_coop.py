"""Read speed of the pair endpoints on an ingested graph, one URL at a time.

    python -m bench.bench_coop --data-dir /tmp/hdkg-bench/ingest-ladybug [--store ladybug] [--requests 30]

Serves the graph under ``hdkg serve`` on 127.0.0.1 (``--port``, default 8130) and sends
``requests`` sequential GETs per URL after two unmeasured ones (``--network``: the network
URLs instead of the pair ones), printing p50/p95 and the answer's ``total`` (so runs of two versions of the code can be checked to answer alike).
Used for the before/after figures of the stored cooperation pairs in RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.bench_api import HDKG, _pct, _wait_ready
from bench.common import ROOT, Figures, machine

URLS = (
    "/cooperations",
    "/cooperations?specialty=oncology",
    "/cooperations?level=country",
    "/cooperations?country=UZ&kind=agreement",
    "/cooperations?since=2024-01-01&until=2024-12-31",
    "/cooperations?area=research",
)
NETWORK = ("/network", "/network?specialty=cardiology", "/network?country=KZ")


async def _measure(base: str, proc: subprocess.Popen[bytes], requests: int, urls: tuple[str, ...]) -> Figures:
    out: Figures = {}
    async with httpx.AsyncClient(base_url=base, timeout=600) as client:
        await _wait_ready(client, proc)
        for url in urls:
            first = await client.get(url)
            first.raise_for_status()
            await client.get(url)
            times = []
            for _ in range(requests):
                t = time.perf_counter()
                (await client.get(url)).raise_for_status()
                times.append(time.perf_counter() - t)
            body = first.json()
            out[url] = {"total": body.get("total", body.get("total_nodes", -1)), "p50_ms": round(_pct(times, 0.5) * 1000, 1),
                        "p95_ms": round(_pct(times, 0.95) * 1000, 1)}  # fmt: skip
            print(f"[coop] {url:48s} total {out[url]['total']:6d}  p50 {out[url]['p50_ms']:8.1f} ms  "
                  f"p95 {out[url]['p95_ms']:8.1f} ms  (load {os.getloadavg()[0]:.2f})", flush=True)  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_coop", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--store", default="ladybug", choices=["ladybug", "neo4j"])
    ap.add_argument("--port", type=int, default=8130)
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--network", action="store_true", help="measure the /network URLs instead")
    args = ap.parse_args(argv)
    env = dict(os.environ, HDKG_DATA_DIR=str(args.data_dir), HDKG_LOG_LEVEL="WARNING")
    cmd = [HDKG, "serve", "--store", args.store, "--host", "127.0.0.1", "--port", str(args.port)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        print(f"[coop] {machine()}", flush=True)
        urls = NETWORK if args.network else URLS
        asyncio.run(_measure(f"http://127.0.0.1:{args.port}", proc, args.requests, urls))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
