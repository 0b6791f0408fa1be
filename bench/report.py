"""``bench/RESULTS.md`` from the latest saved figures (``$HDKG_BENCH_DIR/results/*.json``).

Only measured numbers go into the tables; the one extrapolation (100k
ingest) is computed here from measured 1k and 10k runs, with its formula,
and always labelled as extrapolated.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.common import ROOT, WORK, Figures, machine
from bench.report_text import HEADER, NOTES, REPRODUCE

RESULTS = ROOT / "bench" / "RESULTS.md"


def _load(pattern: str) -> list[Figures]:
    paths = sorted((WORK / "results").glob(pattern), key=lambda p: p.stat().st_mtime)
    return [json.loads(p.read_text(encoding="utf-8")) | {"_file": p.name} for p in paths]


def _fmt(v: Any, nd: int = 1) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.{nd}f}"
    return str(v)


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_fmt(c) for c in r) + " |" for r in rows]
    return out


def _extract(lines: list[str]) -> None:
    runs = _load("extract.json")
    lines += ["## 1. Extraction against Natasha's NER pass alone", ""]
    if not runs:
        lines += ["Not run yet.", ""]
        return
    rows = []
    for label, f in runs[-1].items():
        if isinstance(f, dict) and "ratio" in f:
            ratio = f.get("ratio")
            rows.append([label, int(f.get("articles") or 0), f.get("ner_articles_per_s"),
                         f.get("extract_articles_per_s"), f"{ratio:.2f}" if ratio is not None else None])  # fmt: skip
    lines += _table(["texts", "articles", "NER pass art/s", "extraction art/s", "ratio (goal ≥ 0.6)"], rows)
    lines += [
        "",
        "Measured by the extraction engineer's `bench/bench_extract.py` (best of 2 rounds, same run).",
        "",
    ]


def _load_section(lines: list[str]) -> list[Figures]:
    runs = [r for r in _load("load-*.json") if r.get("n", 0) >= 1000]
    lines += ["## 2. Write path against a plain UNWIND MERGE of the same rows", ""]
    rows = []
    for r in runs:
        for store, f in r["stores"].items():
            same = "minimal_ratio" in f  # older runs measured the minimal yardstick only, as "baseline"
            full = [f["baseline_facts_per_s"], f"{f['ratio']:.2f}"] if same else [None, None]
            minimal = [f["minimal_facts_per_s"], f"{f['minimal_ratio']:.2f}"] if same else \
                [f["baseline_facts_per_s"], f"{f['ratio']:.2f}"]  # fmt: skip
            rows.append([store, r["n"], f.get("batch", 1), f["hdkg_facts_per_s"], *full, *minimal,
                         f"{f['rows']['actors']}/{f['rows']['links']}/{f['rows']['parties']}",
                         r["machine"]["load_avg_1m"]])  # fmt: skip
    lines += _table(
        ["store", "articles", "articles per transaction", "hdkg facts/s", "same-rows UNWIND MERGE facts/s",
         "ratio (goal ≥ 0.8)", "minimal UNWIND MERGE facts/s", "ratio to minimal",
         "rows actors/links/parties", "load avg"], rows,
    )  # fmt: skip
    lines += ["", "One fact = one article's `Facts`; every side writes the same number of articles per "
              "transaction. Same rows: every node and relationship hdkg stores, by one plain UNWIND MERGE "
              "per row kind (`bench/baseline.py`); minimal: actors, links and parties only.", ""]  # fmt: skip
    for p in _load("profile-write-*.json"):
        lines += ["Where `store.write_facts` spends its time (`python -m bench.profile_write`, "
                  f"{p['_file'].split('-')[-1].split('.')[0]} articles, top 5 statements):", ""]  # fmt: skip
        for store, f in p.items():
            if not isinstance(f, dict) or "statements" not in f:
                continue
            top = list(f["statements"].items())[:5]
            parts = [f"`{k}` {v['s']:.2f} s" for k, v in top]
            lines.append(f"- {store}: " + ", ".join(parts) + f" (wall {f['wall_s']:.1f} s)")
        lines.append("")
    return runs


def _ingest_section(lines: list[str]) -> list[Figures]:
    runs = [r for r in _load("ingest-*.json") if r.get("n", 0) >= 1000]  # smaller runs are smoke tests
    lines += ["## 3. End-to-end ingest", ""]
    rows, notes = [], []
    for r in runs:
        for f in r["runs"]:
            s = f["summary"]
            kind = (
                ("rerun" + (" (precheck)" if "precheck" in f["runner"] else ""))
                if f.get("rerun")
                else "fresh"
            )
            if f.get("partial"):  # stopped at the time limit: only its progress lines are measurements
                p = f["partial"]
                kind = f"STOPPED at time limit after {p['written']} articles"
                s = {"written": p["written"], "unchanged": 0}
                f = f | {"wall_s": p["seconds"], "articles_per_s": round(p["written"] / max(p["seconds"], 1), 2),
                         "cpu_ms_per_article": None, "cpu_s": None}  # fmt: skip
            rows.append([f["store"], r["n"], kind, f["workers"], f["wall_s"], f["articles_per_s"],
                         f.get("cpu_ms_per_article"),
                         f"{f['cpu_s'] / f['wall_s']:.2f}" if f.get("cpu_s") and f["wall_s"] else None,
                         f["peak_rss_mb"],
                         f.get("neo4j_server_peak_rss_mb"), f"{s.get('written')}/{s.get('unchanged')}/{f['failed']}",
                         f["runner"], r["machine"]["load_avg_1m"]])  # fmt: skip
        for store, x in r.get("speedup_1_to_2", {}).items():
            notes.append(f"- {store}, {r['n']} articles: speed-up from 1 to 2 extraction processes **{x}×**")
    lines += _table(
        ["store", "articles", "run", "workers", "wall s", "articles/s", "CPU ms/article (tree)",
         "cores obtained", "peak RSS MB (ingest tree)",
         "Neo4j server RSS MB", "written/unchanged/failed", "runner", "load avg"], rows,
    )  # fmt: skip
    lines += ["", *notes, ""]
    return runs


def _api_section(lines: list[str]) -> list[Figures]:
    runs = _load("api-*.json")
    lines += ["## 4. API latency", ""]
    rows = []
    for r in runs:
        for store, f in r["stores"].items():
            size = f.get("articles_in_graph") or r["n"]
            graph = f"{size} " + ("ingested" if r.get("ingested") else "written (cycled facts)")
            for ep, e in f["endpoints"].items():
                rows.append([store, graph, ep, e["p50_ms"], e["p95_ms"], e["req_per_s"],
                             f"{e['errors']}/{e['requests']}", f["concurrency"]])  # fmt: skip
    lines += _table(["store", "graph (articles)", "endpoint", "p50 ms", "p95 ms", "req/s", "errors", "concurrency"],
                    rows)  # fmt: skip
    lines.append("")
    return runs


def _growth(lines: list[str], ingests: list[Figures], apis: list[Figures], loads: list[Figures]) -> None:
    lines += ["## 5. Growth from 1k to 10k to 100k", ""]
    fresh: dict[tuple[str, int, int], Figures] = {}
    partial: dict[str, Figures] = {}
    for r in ingests:
        for f in r["runs"]:
            if f.get("partial"):
                partial[f["store"]] = f
            elif not f.get("rerun"):
                fresh[(f["store"], r["n"], f["workers"])] = f
    rows: list[list[Any]] = []
    for store in ("ladybug", "neo4j"):
        one, ten = fresh.get((store, 1000, 2)), fresh.get((store, 10000, 2))
        extra = "not measured"
        if one and ten:
            per1, per10 = one["wall_s"] / 1000, ten["wall_s"] / 10000
            est = 100_000 * per10 * (per10 / per1)
            extra = f"≈ {est / 3600:.1f} h (EXTRAPOLATED, not measured)"
        elif store in partial:
            p = partial[store]["partial"]
            est = 100_000 * p["seconds"] / p["written"]
            extra = (f"≈ {est / 3600:.1f} h at the rate of the stopped 10k run ({p['written']} articles in "
                     f"{p['seconds']} s), EXTRAPOLATED, not measured; assumes no slow-down with size")  # fmt: skip
        for label, key in (("ingest wall s (2 workers)", "wall_s"), ("ingest articles/s", "articles_per_s"),
                           ("ingest peak RSS MB", "peak_rss_mb")):  # fmt: skip
            hundred = extra if key == "wall_s" else "not measured"
            tenth: Any = ten[key] if ten else None
            if ten is None and store in partial:  # the stopped run: its progress, marked as such
                pf, pp = partial[store], partial[store]["partial"]
                tenth = {"wall_s": f"stopped after {pp['written']} articles in {pp['seconds']} s",
                         "articles_per_s": f"{pp['written'] / pp['seconds']:.2f} (first {pp['written']})",
                         "peak_rss_mb": f"{pf['peak_rss_mb']} (first {pp['written']})"}[key]  # fmt: skip
            rows.append([f"{store}: {label}", one[key] if one else None, tenth, hundred])
    for r in loads:
        col = {1000: 1, 10000: 2, 100000: 3}.get(r["n"])
        for store, f in r["stores"].items():
            if col and f.get("batch", 1) == 1:
                yardstick = "same-rows baseline" if "minimal_ratio" in f else "minimal baseline"
                for label, key in (
                    ("write path facts/s", "hdkg_facts_per_s"),
                    (f"write/{yardstick} ratio", "ratio"),
                ):
                    cells: list[Any] = [f"{store}: {label}", None, None, None]
                    cells[col] = f"{f[key]:.2f}" if key == "ratio" else f[key]
                    rows.append(cells)
    for r in apis:
        for store, f in r["stores"].items():
            for ep, e in f["endpoints"].items():
                col = {1000: 1, 10000: 2, 100000: 3}.get(f.get("articles_in_graph") or r["n"])
                if col:
                    row: list[Any] = [f"{store}: {ep} p95 ms", None, None, None]
                    row[col] = e["p95_ms"]
                    rows.append(row)
    lines += _table(["figure", "1k", "10k", "100k"], rows)
    lines += ["", "100k extrapolation: 100k × (seconds per article at 10k) × (seconds per article at 10k ÷ at 1k), "
              "i.e. the per-article cost keeps growing by the factor measured from 1k to 10k.", ""]  # fmt: skip


def write_report(path: Path = RESULTS) -> Path:
    m = machine()
    lines = [HEADER, "", "## Machine", ""]
    lines += _table(["nproc", "memory GB", "CPU", "Python", "commit"],
                    [[m["nproc"], m["memory_gb"], m["cpu"], m["python"], m["commit"]]])  # fmt: skip
    lines += ["", REPRODUCE, ""]
    _extract(lines)
    loads = _load_section(lines)
    ingests = _ingest_section(lines)
    apis = _api_section(lines)
    _growth(lines, ingests, apis, loads)
    lines += [NOTES, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
