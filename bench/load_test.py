"""Load test of a running API on 127.0.0.1: N concurrent clients for T seconds on read endpoints.

Bounded in time (``--seconds``) and count (``--max-requests``); every answer
other than 200 counts as an error. Prints p50/p95/max latency and requests/s
per path and overall, as text or JSON. ``--serve`` loads the demo corpus
(``hdkg demo --no-serve``) into a temp embedded store and starts ``hdkg serve`` on it.

    python -m bench.load_test --url http://127.0.0.1:8000 --clients 50 --seconds 60
    python -m bench.load_test --serve --clients 50 --seconds 60 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

PATHS = ("/cooperations", "/network")


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    sent: int = 0


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return 0.0
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _client(url: str, paths: tuple[str, ...], end: float, budget: int, tally: Tally, i: int) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=30.0) as client:
        n = i
        while time.monotonic() < end and tally.sent < budget:
            tally.sent += 1
            path = paths[n % len(paths)]
            n += 1
            t0 = time.perf_counter()
            try:
                r = await client.get(path)
                ok = r.status_code == 200
                detail = f"{path}: HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                ok, detail = False, f"{path}: {type(exc).__name__}: {exc}"
            dt = time.perf_counter() - t0
            if ok:
                tally.latencies.setdefault(path, []).append(dt)
            else:
                tally.errors.append(detail)


async def run(
    url: str, clients: int, seconds: float, max_requests: int, paths: tuple[str, ...]
) -> dict[str, Any]:
    tally = Tally()
    t0 = time.monotonic()
    end = t0 + seconds
    await asyncio.gather(*(_client(url, paths, end, max_requests, tally, i) for i in range(clients)))
    elapsed = time.monotonic() - t0
    every = [x for xs in tally.latencies.values() for x in xs]

    def figures(xs: list[float]) -> dict[str, float]:
        return {
            "requests": len(xs),
            "p50_ms": round(1000 * (statistics.median(xs) if xs else 0.0), 1),
            "p95_ms": round(1000 * _pct(xs, 0.95), 1),
            "max_ms": round(1000 * (max(xs) if xs else 0.0), 1),
        }

    return {
        "url": url,
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": tally.sent,
        "errors": len(tally.errors),
        "first_errors": tally.errors[:10],
        "rps": round(len(every) / elapsed, 1) if elapsed else 0.0,
        "all": figures(every),
        "paths": {p: figures(tally.latencies.get(p, [])) for p in paths},
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _hdkg() -> list[str]:
    exe = Path(sys.executable).parent / "hdkg"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "hdkg.cli.app"]


@contextmanager
def served_demo(
    data_dir: Path | None = None, startup_s: float = 120, extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """`hdkg demo --no-serve` (the bundled corpus into a temp embedded store), then `hdkg serve` on a free port."""
    with tempfile.TemporaryDirectory(prefix="hdkg-load-") as tmp:
        data = data_dir or Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HDKG_", "NEO4J_"))}
        env |= {"HDKG_DATA_DIR": str(data), "HDKG_STORE": "ladybug", "HDKG_LOG_LEVEL": "WARNING"}
        env |= extra_env or {}
        subprocess.run([*_hdkg(), "demo", "--no-serve"], env=env, check=True, capture_output=True)
        port = _free_port()
        server = subprocess.Popen(
            [*_hdkg(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            end = time.monotonic() + startup_s
            while True:
                if server.poll() is not None:
                    err = server.stderr.read().decode() if server.stderr else ""
                    raise RuntimeError(f"hdkg serve exited: {err[-2000:]}")
                try:
                    if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > end:
                    raise RuntimeError("hdkg serve did not answer /health in time")
                time.sleep(0.2)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


def _text(res: dict[str, Any]) -> str:
    lines = [
        f"{res['clients']} clients, {res['seconds']} s on {res['url']}: {res['requests']} requests, "
        f"{res['errors']} errors, {res['rps']} req/s",
        f"{'path':<14} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}",
    ]
    for name, f in [*res["paths"].items(), ("all", res["all"])]:
        lines.append(f"{name:<14} {f['requests']:>9} {f['p50_ms']:>8} {f['p95_ms']:>8} {f['max_ms']:>8}")
    lines += [f"error: {e}" for e in res["first_errors"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--url", help="a running API (default: start one with --serve)")
    ap.add_argument("--serve", action="store_true", help="load the demo corpus and start `hdkg serve`")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--max-requests", type=int, default=1_000_000)
    ap.add_argument("--paths", default=",".join(PATHS))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.url and not args.serve:
        ap.error("give --url or --serve")
    paths = tuple(p.strip() for p in args.paths.split(",") if p.strip())

    def go(url: str) -> dict[str, Any]:
        return asyncio.run(run(url, args.clients, args.seconds, args.max_requests, paths))

    if args.serve:
        with served_demo() as url:
            res = go(url)
    else:
        res = go(args.url)
    sys.stdout.write((json.dumps(res, indent=2) if args.json else _text(res)) + "\n")
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
