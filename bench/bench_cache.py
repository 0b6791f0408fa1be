"""p50/p95 of the read endpoints against a running API: repeated (cached when the API caches),
and cold (the first request after a write through POST /articles).

Sequential requests from one client, so the figures are per-request latency, not throughput
(``bench.load_test`` measures throughput). Start the API yourself (``hdkg serve`` on a graph
built with ``bench.bench_ingest``) and pass its URL and write token:

    python -m bench.bench_cache --url http://127.0.0.1:8140 --token "$HDKG_API_TOKEN"
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

import httpx

PATHS = ("/health", "/", "/links?limit=50", "/network")
ARTICLE = "Министерство здравоохранения Узбекистана и Ассистанс Паблик подписали меморандум о сотрудничестве."


def _ms(
    client: httpx.Client, path: str, headers: dict[str, str] | None = None
) -> tuple[float, httpx.Response]:
    start = time.perf_counter()
    r = client.get(path, headers=headers)
    return (time.perf_counter() - start) * 1000, r


def _pcts(times: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(times, n=20, method="inclusive") if len(times) > 1 else times * 19
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(qs[18], 1), "n": len(times)}


def repeated(client: httpx.Client, path: str, n: int) -> dict[str, float]:
    times = []
    for _ in range(n):
        ms, r = _ms(client, path)
        r.raise_for_status()
        times.append(ms)
    return _pcts(times)


def cold(client: httpx.Client, path: str, token: str, n: int) -> dict[str, float]:
    """First request after a write: each round posts a new article (a new graph version)."""
    times = []
    for i in range(n):
        body = f"{ARTICLE} Раунд {i} {time.time_ns()}."
        w = client.post("/articles", content=body.encode(), headers={"Authorization": f"Bearer {token}",
                        "Content-Type": "text/plain"})  # fmt: skip
        w.raise_for_status()
        ms, r = _ms(client, path)
        r.raise_for_status()
        times.append(ms)
    return _pcts(times)


def revalidated(client: httpx.Client, path: str, n: int) -> dict[str, float]:
    tag = client.get(path).headers.get("etag")
    if not tag:
        return {}
    times = []
    for _ in range(n):
        ms, r = _ms(client, path, {"If-None-Match": tag})
        assert r.status_code == 304, r.status_code
        times.append(ms)
    return _pcts(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_cache", description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--token", default="")
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--cold", type=int, default=5, help="writes for the cold figures (0: skip)")
    args = ap.parse_args(argv)
    out: dict[str, dict[str, dict[str, float]]] = {}
    with httpx.Client(base_url=args.url, timeout=300, headers={"Accept-Encoding": "gzip"}) as client:
        for path in PATHS:
            out[path] = {
                "repeated": repeated(client, path, args.requests),
                "304": revalidated(client, path, 5),
            }
            if args.cold and args.token and path != "/health":
                out[path]["cold"] = cold(client, path, args.token, args.cold)
            print(f"[cache] {path:18s} {json.dumps(out[path])}", flush=True)
    json.dump(out, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
