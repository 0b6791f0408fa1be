"""Peak memory of hostile-sized inputs: one 19 MB paragraph through `hdkg ingest`, a 2 MB POST /articles.

    .venv/bin/python -m bench.bench_memory [--mb 19] [--post-mb 2]

Goals (issue #19): ingest < 1.5 GB peak RSS, the API process < 1 GB. Each run is a fresh process;
the ingest figure is the child's own peak (``wait4``), the API figure the server's ``VmHWM``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from bench.load_test import _free_port, _hdkg

SENTENCE = (
    "Министерство здравоохранения Республики Узбекистан и Республиканский специализированный научно-"
    "практический медицинский центр онкологии подписали меморандум о сотрудничестве с Национальным "
    "медицинским исследовательским центром имени Н. Н. Блохина в области онкологии, "
)


def paragraph(megabytes: float) -> str:
    """One paragraph (no line break) of about ``megabytes`` MB of UTF-8."""
    unit = len(SENTENCE.encode())
    return SENTENCE * max(1, int(megabytes * 1_000_000 / unit))


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HDKG_", "NEO4J_"))}
    return env | {"HDKG_DATA_DIR": str(data), "HDKG_STORE": "ladybug", "HDKG_LOG_LEVEL": "WARNING"}


def ingest_peak(megabytes: float) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of `hdkg ingest` on one file holding one huge paragraph."""
    with tempfile.TemporaryDirectory(prefix="hdkg-mem-") as tmp:
        path = Path(tmp) / "huge.txt"
        path.write_text(paragraph(megabytes), encoding="utf-8")
        started = time.monotonic()
        proc = subprocess.Popen(
            [*_hdkg(), "ingest", str(path), "--workers", "1"],
            env=_env(Path(tmp) / "data"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"hdkg ingest exited {proc.returncode}")
        return usage.ru_maxrss / 1024, time.monotonic() - started


def _hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def post_peak(megabytes: float) -> tuple[float, float, int]:
    """(server peak RSS in MB, seconds, HTTP status) of one POST /articles of ``megabytes`` MB."""
    with tempfile.TemporaryDirectory(prefix="hdkg-mem-") as tmp:
        port = _free_port()
        env = _env(Path(tmp)) | {"HDKG_API_TOKEN": "bench-token", "HDKG_MAX_BODY_BYTES": str(10_000_000)}
        server = subprocess.Popen(
            [*_hdkg(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            body = paragraph(megabytes).encode()
            started = time.monotonic()
            r = httpx.post(
                f"{url}/articles",
                content=body,
                headers={"Authorization": "Bearer bench-token", "Content-Type": "text/plain"},
                timeout=600,
            )
            return _hwm_mb(server.pid), time.monotonic() - started, r.status_code
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=19.0)
    parser.add_argument("--post-mb", type=float, default=2.0)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rss, secs = ingest_peak(args.mb)
    print(
        f"hdkg ingest, one {args.mb:g} MB paragraph: peak RSS {rss:.0f} MB in {secs:.1f} s (goal < 1536 MB)"
    )
    rss, secs, status = post_peak(args.post_mb)
    print(
        f"POST /articles, {args.post_mb:g} MB: HTTP {status}, server peak RSS {rss:.0f} MB in {secs:.1f} s "
        f"(goal < 1024 MB)"
    )
    print(f"load average at start {load:.1f}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
