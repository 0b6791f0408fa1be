"""Shared bits of the benchmark scripts: paths, the machine, process-tree memory, facts caches.

Memory is read from /proc (Linux), so the benchmarks need no extra package.
Scripts print their figures and also return them as dicts so ``bench.run_all``
can collect one run's numbers into ``bench/RESULTS.md``.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hdkg.models import Facts

ROOT = Path(__file__).resolve().parents[1]
#: Generated corpora, facts caches and scratch stores live here (outside the repository).
WORK = Path(os.environ.get("HDKG_BENCH_DIR", "/tmp/hdkg-bench"))
Figures = dict[str, Any]


def corpus_dir(n: int, seed: int = 1) -> Path:
    label = f"{n // 1000}k" if n % 1000 == 0 else str(n)
    return WORK / (f"corpus-{label}" if seed == 1 else f"corpus-{label}-s{seed}")


def ensure_corpus(n: int, seed: int = 1) -> Path:
    """The generated JSONL corpus of ``n`` articles (generated on first use, shards of 1000)."""
    from bench.generate import write_corpus

    out = corpus_dir(n, seed)
    done = out / ".complete"
    if not done.exists():
        write_corpus(n, seed, out, "jsonl", shard_size=1000)
        done.write_text(f"{n}\n")
    return out


def machine() -> Figures:
    """What RESULTS.md states about the machine and the code measured."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True
        ).stdout
        commit += " + uncommitted changes" if dirty.strip() else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "nproc": os.cpu_count(),
        "memory_gb": _mem_total_gb(),
        "cpu": cpu,
        "python": platform.python_version(),
        "commit": commit,
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue
        todo += _children(p)
    return total


def _mem_total_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 2**20, 1)
    return 0.0


class PeakRss:
    """Samples the RSS of a process tree in a thread; ``peak`` is the largest sum seen."""

    def __init__(self, pid: int, every_s: float = 0.25) -> None:
        self.pid, self.every_s, self.peak = pid, every_s, 0
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        start = time.monotonic()
        while not self._stop.is_set():
            rss = tree_rss(self.pid)
            self.peak = max(self.peak, rss)
            self.samples.append((time.monotonic() - start, rss))
            self._stop.wait(self.every_s)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def facts_path(n: int) -> Path:
    return WORK / f"facts-{n}.jsonl"


def iter_facts(path: Path) -> Iterator[Facts]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Facts.model_validate_json(line)


def save_json(name: str, figures: Figures) -> Path:
    path = WORK / "results" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return path
