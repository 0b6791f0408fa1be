"""``bench/report.py`` builds RESULTS.md from saved figures: measured cells only, gaps named.

Synthetic figures of the shapes the benchmark scripts save are written into a
temporary ``HDKG_BENCH_DIR``; the 100k LadybugDB ingest and the 100k API run are
left out on purpose, so the report must say "not measured" there and list why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import common
from bench.report import write_report

MACHINE = {
    "nproc": 2,
    "memory_gb": 8.0,
    "cpu": "test",
    "python": "3.11",
    "commit": "abc1234",
    "load_avg_1m": 0.5,
}


def _ingest_run(store: str, n: int, workers: int, wall: float, *, rerun: bool = False) -> dict[str, Any]:
    return {
        "store": store, "workers": workers, "runner": "hdkg ingest --batch 100", "clear": not rerun, "exit": 0,
        "partial": None, "wall_s": wall, "articles_per_s": round(n / wall, 2), "peak_rss_mb": 500 + workers,
        "cpu_s": wall * 1.5, "cpu_ms_per_article": round(1000 * wall * 1.5 / n), "load_avg_end": 1.0,
        "neo4j_server_peak_rss_mb": 900 if store == "neo4j" else None,
        "summary": {"articles": n, "written": 0 if rerun else n, "unchanged": n if rerun else 0, "replaced": 0,
                    "actors": 0 if rerun else 4 * n, "links": 0 if rerun else 3 * n},
        "failed": 0, "stderr_tail": [], **({"rerun": True} if rerun else {}),
    }  # fmt: skip


def _load(batch: int, hdkg: float, same: float, minimal: float) -> dict[str, Any]:
    fig = {"batch": batch, "hdkg_s": [1.0], "hdkg_facts_per_s": hdkg, "baseline_facts_per_s": same,
           "ratio": round(same and hdkg / same, 3), "minimal_facts_per_s": minimal,
           "minimal_ratio": round(hdkg / minimal, 3), "graph_diff": {"Actor": "hdkg 9 / baseline 10"}}  # fmt: skip
    return {
        "machine": MACHINE,
        "n": 1000,
        "batch": batch,
        "stores": {"ladybug": fig, "neo4j": fig | {"ratio": 0.5}},
    }


def _api(
    n: int, p50: float, stores: tuple[str, ...] = ("ladybug", "neo4j"), *, ingested: bool = True
) -> dict[str, Any]:
    ep = {"requests": 30, "errors": 0, "p50_ms": p50, "p95_ms": 2 * p50, "req_per_s": 10.0}
    graph = (
        {"built": False} if ingested else {"built": True, "build_s": 500.0, "nodes": {"Actor": 9, "Link": 8}}
    )
    store = {"graph": graph, "articles_in_graph": n, "concurrency": 4,
             "endpoints": {"/cooperations": ep, "/actors?q=": ep, "/network": ep}}  # fmt: skip
    return {"machine": MACHINE, "n": n, "ingested": ingested, "stores": dict.fromkeys(stores, store)}


def _files() -> dict[str, dict[str, Any]]:
    runs_1k = [_ingest_run(s, 1000, w, t) for s in ("ladybug", "neo4j") for w, t in ((1, 20.0), (2, 12.0))]
    runs_1k += [_ingest_run(s, 1000, 2, 3.0, rerun=True) for s in ("ladybug", "neo4j")]
    runs_10k = [
        _ingest_run(s, 10_000, w, t) for s in ("ladybug", "neo4j") for w, t in ((1, 300.0), (2, 200.0))
    ]
    return {
        "load-1000-b100": _load(100, 300.0, 250.0, 1200.0),
        "load-1000-b1": _load(1, 40.0, 30.0, 100.0),
        "ingest-1000-ladybug-neo4j": {"machine": MACHINE, "n": 1000, "batch": 100, "runs": runs_1k,
                                      "speedup_1_to_2": {"ladybug": 1.67, "neo4j": 1.67}},
        "ingest-10000-ladybug-neo4j": {"machine": MACHINE, "n": 10_000, "batch": 100, "runs": runs_10k,
                                       "speedup_1_to_2": {"ladybug": 1.5, "neo4j": 1.5}},
        "ingest-100000-neo4j": {"machine": MACHINE, "n": 100_000, "batch": 100,
                                "runs": [_ingest_run("neo4j", 100_000, 2, 4321.0)]},
        "api-1000-ingested-ladybug-neo4j": _api(1000, 20.0),
        "api-10000-ingested-ladybug-neo4j": _api(10_000, 70.0),
        "api-100000-ladybug": _api(100_000, 900.0, ("ladybug",), ingested=False),
    }  # fmt: skip


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HDKG_BENCH_DIR", str(tmp_path))
    monkeypatch.setattr(common, "WORK", tmp_path)
    (tmp_path / "results").mkdir()
    for name, figures in _files().items():
        (tmp_path / "results" / f"{name}.json").write_text(json.dumps(figures), encoding="utf-8")
    return write_report(tmp_path / "RESULTS.md").read_text(encoding="utf-8")


def _growth_rows(text: str) -> dict[str, list[str]]:
    section = text.split("## 5. Growth", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| ")]
    return {cells[0].strip(): [c.strip() for c in cells[1:]] for cells in rows[1:]}


def test_growth_table_holds_measured_cells_only(report: str) -> None:
    rows = _growth_rows(report)
    assert rows["Neo4j: ingest wall s (2 workers)"] == ["12.0", "200.0", "4,321.0"]
    assert rows["LadybugDB: ingest wall s (2 workers)"] == ["12.0", "200.0", "not measured"]
    assert rows["Neo4j: speed-up 1 → 2 workers"] == ["1.67×", "1.50×", "not measured"]
    assert rows["LadybugDB: `/network` p50 / p95 ms"] == [
        "20.0 / 40.0",
        "70.0 / 140.0",
        "900.0 / 1,800.0 (graph written from cycled facts, not ingested)",
    ]
    assert rows["Neo4j: `/network` p50 / p95 ms"][2] == "not measured"
    assert rows["Neo4j: articles / actors / links written"][2] == "100000 / 400000 / 300000"
    assert "EXTRAPOLATED" not in report and "≈" not in report


def test_verdicts_and_gaps_are_computed_from_the_figures(report: str) -> None:
    assert (
        "LadybugDB: 1.20 of the same-rows yardstick at 100 articles per transaction: goal **met**" in report
    )
    assert (
        "Neo4j: 0.50 of the same-rows yardstick at 100 articles per transaction: goal **not met**" in report
    )
    missing = report.split("### Not measured, and why", 1)[1]
    assert "**LadybugDB ingest of 100k articles**" in missing
    assert "measured on a graph written from cycled facts instead" in missing
    assert "**LadybugDB API latency at 100k**" not in missing
    assert "**Neo4j ingest of 100k articles**" not in missing
    assert "**Neo4j API latency at 100k**" in missing
    assert "**Neo4j speed-up 1 → 2 workers at 100k**: only the 2-worker run was made" in missing
    assert "speed-up 1 → 2 workers at 10k" not in missing
