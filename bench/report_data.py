"""The saved figures (``$HDKG_BENCH_DIR/results/*.json``) indexed for the report, and table helpers.

Each benchmark script saves one JSON file per invocation; a later file of the
same kind replaces an earlier one (by modification time), so a step can be
rerun on its own. Runs under 1000 articles are smoke tests and are left out.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import common
from bench.common import Figures

STORES = ("ladybug", "neo4j")
SIZES = (1000, 10_000, 100_000)
NAMES = {"ladybug": "LadybugDB", "neo4j": "Neo4j"}
NOT_MEASURED = "not measured"


def size_label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def fmt(v: Any, nd: int = 1) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    return str(v)


def table(head: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(fmt(c) for c in r) + " |" for r in rows]
    return out


def _load(folder: Path, pattern: str) -> list[Figures]:
    paths = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime)
    out = []
    for p in paths:
        saved = dt.datetime.fromtimestamp(p.stat().st_mtime, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        out.append(json.loads(p.read_text(encoding="utf-8")) | {"_file": p.name, "_saved": saved})
    return out


def is_rerun(run: Figures) -> bool:
    return bool(run.get("rerun")) or run.get("clear") is False


def is_complete(run: Figures) -> bool:
    return not run.get("partial") and bool(run.get("summary", {}).get("articles"))


@dataclass
class Results:
    """The latest figures of each kind; lookups return None where nothing was measured."""

    extract: Figures | None = None
    loads: list[Figures] = field(default_factory=list)
    profiles: list[Figures] = field(default_factory=list)
    ingests: list[Figures] = field(default_factory=list)
    apis: list[Figures] = field(default_factory=list)

    @classmethod
    def read(cls, folder: Path | None = None) -> Results:
        folder = folder or common.WORK / "results"
        extract = _load(folder, "extract.json")
        return cls(
            extract=extract[-1] if extract else None,
            loads=[r for r in _load(folder, "load-*.json") if r.get("n", 0) >= 1000],
            profiles=_load(folder, "profile-write-*.json"),
            ingests=[r for r in _load(folder, "ingest-*.json") if r.get("n", 0) >= 1000],
            apis=[r for r in _load(folder, "api-*.json") if r.get("n", 0) >= 1000],
        )

    def all_files(self) -> list[Figures]:
        return [*self.loads, *self.ingests, *self.apis]

    def _ingest_runs(self, store: str, n: int) -> list[tuple[Figures, Figures]]:
        """(file, run) pairs of ``store`` at ``n`` articles, oldest first."""
        return [(r, f) for r in self.ingests if r["n"] == n for f in r["runs"] if f["store"] == store]

    def fresh(self, store: str, n: int, workers: int) -> Figures | None:
        """The latest complete ingest of ``n`` articles into an emptied graph."""
        runs = [f for _, f in self._ingest_runs(store, n) if not is_rerun(f) and f["workers"] == workers]
        done = [f for f in runs if is_complete(f)]
        return done[-1] if done else None

    def stopped(self, store: str, n: int, workers: int) -> Figures | None:
        """A fresh ingest stopped at a time limit (only its progress lines are measurements)."""
        runs = [f for _, f in self._ingest_runs(store, n) if not is_rerun(f) and f["workers"] == workers]
        if not runs or is_complete(runs[-1]) or not runs[-1].get("partial"):
            return None
        return runs[-1]

    def rerun(self, store: str, n: int) -> Figures | None:
        runs = [f for _, f in self._ingest_runs(store, n) if is_rerun(f) and is_complete(f)]
        return runs[-1] if runs else None

    def speedup(self, store: str, n: int) -> float | None:
        """Wall time with 1 worker ÷ with 2, both from the same bench_ingest invocation."""
        found = [r["speedup_1_to_2"][store] for r in self.ingests if r["n"] == n and store in r.get("speedup_1_to_2", {})]  # fmt: skip
        return float(found[-1]) if found else None

    def api(self, store: str, n: int) -> Figures | None:
        """API figures on the graph the ``n``-article ingest left (or a written graph of ``n``)."""
        found = [r["stores"][store] | {"_n": r["n"], "_ingested": r.get("ingested", False)}
                 for r in self.apis if r["n"] == n and store in r["stores"]]  # fmt: skip
        ingested = [f for f in found if f["_ingested"]]
        chosen: list[Figures] = ingested or found
        return chosen[-1] if chosen else None

    def load(self, store: str, batch: int, n: int = 1000) -> Figures | None:
        found = [r["stores"][store] | {"_load_avg": r["machine"]["load_avg_1m"]} for r in self.loads
                 if r["n"] == n and store in r["stores"] and r["stores"][store].get("batch", 1) == batch]  # fmt: skip
        return found[-1] if found else None

    def load_avg_range(self) -> tuple[float, float] | None:
        values = [float(r["machine"]["load_avg_1m"]) for r in self.all_files() if "machine" in r]
        values += [float(f["load_avg_end"]) for r in self.ingests for f in r["runs"] if f.get("load_avg_end") is not None]  # fmt: skip
        return (min(values), max(values)) if values else None

    def commits(self) -> list[str]:
        seen: list[str] = []
        for r in self.all_files():
            c = r.get("machine", {}).get("commit")
            if c and c not in seen:
                seen.append(c)
        return seen
