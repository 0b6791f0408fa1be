"""Do heavy ``/cypher`` clients starve the API? ``GET /actors`` latency with 0 and with N busy clients.

Serves the demo corpus (``bench.load_test.served_demo``) with ``/cypher`` on,
then measures ``GET /actors?q=`` p50/p95 alone and while N clients send a
query that runs into its timeout (a 5-way cross product), and counts how the
heavy clients were answered (400 timeout, 503 busy). Prints figures; asserts
nothing (the target in issue 19 is p95 < 200 ms with 4 heavy clients).

    python -m bench.bench_cypher_contention --clients 4 --requests 200
"""

from __future__ import annotations

import argparse
import collections
import json
import threading
import time

import httpx

from bench.load_test import _pct, served_demo

TOKEN = "bench-token-0123456789"
HEAVY = (
    "MATCH (a:Specialty), (b:Specialty), (c:Specialty), (d:Specialty), (e:Specialty) "
    "WHERE a.id + b.id + c.id + d.id + e.id = 'none' RETURN count(*) AS n"
)


def _latencies(url: str, n: int) -> list[float]:
    out: list[float] = []
    with httpx.Client(base_url=url, timeout=60) as client:
        for i in range(n):
            t0 = time.perf_counter()
            r = client.get("/actors", params={"q": "мин" if i % 2 else "health"})
            out.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
    return out


def _heavy(url: str, stop: threading.Event, tally: collections.Counter[str]) -> None:
    with httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        while not stop.is_set():
            r = client.post("/cypher", json={"query": HEAVY})
            tally[str(r.status_code)] += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args(argv)
    env = {"HDKG_CYPHER_ENABLED": "true", "HDKG_API_TOKEN": TOKEN, "HDKG_CYPHER_TIMEOUT_S": "5"}
    result: dict[str, object] = {}
    with served_demo(extra_env=env) as url:
        alone = _latencies(url, args.requests)
        stop, tally = threading.Event(), collections.Counter[str]()
        workers = [threading.Thread(target=_heavy, args=(url, stop, tally)) for _ in range(args.clients)]
        for w in workers:
            w.start()
        time.sleep(1.0)
        busy = _latencies(url, args.requests)
        stop.set()
        for w in workers:
            w.join()
    for name, xs in (("alone", alone), (f"with {args.clients} heavy /cypher clients", busy)):
        result[name] = {"p50_ms": round(_pct(xs, 0.5), 1), "p95_ms": round(_pct(xs, 0.95), 1), "n": len(xs)}
    result["heavy answers by status"] = dict(tally)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
