"""A short load test against a real `hdkg serve` (uvicorn subprocess, demo corpus, embedded store):
10 concurrent clients for 5 s on /cooperations and /network, zero errors (latency is not asserted)."""

from __future__ import annotations

import asyncio

from bench.load_test import PATHS, run, served_demo


def test_ten_clients_for_five_seconds_without_errors() -> None:
    with served_demo() as url:
        res = asyncio.run(run(url, clients=10, seconds=5, max_requests=100_000, paths=PATHS))
    assert res["errors"] == 0, res["first_errors"]
    assert all(res["paths"][p]["requests"] > 0 for p in PATHS), res
    assert res["requests"] == res["all"]["requests"]
