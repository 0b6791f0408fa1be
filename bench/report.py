"""``bench/RESULTS.md`` from the latest saved figures (``$HDKG_BENCH_DIR/results/*.json``).

Every number in the tables comes from a JSON file a benchmark script saved;
nothing is extrapolated. Sections 5 and 6 (growth, findings, what was not
measured) are built in ``bench.report_growth`` from the same figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.common import ROOT, Figures, machine
from bench.report_data import NAMES, STORES, Results, fmt, is_complete, is_rerun, size_label, table
from bench.report_growth import findings, growth, written_graphs
from bench.report_text import CHANGES, HEADER, MACHINE_NOTE, MEASURING, REPRODUCE
from hdkg.pipeline import DEFAULT_BATCH

RESULTS = ROOT / "bench" / "RESULTS.md"
GOAL_WRITE, GOAL_EXTRACT = 0.8, 0.6


def _machine(res: Results) -> list[str]:
    m = machine()
    lines = ["## Machine", ""]
    lines += table(["nproc", "memory GB", "CPU", "Python", "commit of this report"],
                   [[m["nproc"], m["memory_gb"], m["cpu"], m["python"], m["commit"]]])  # fmt: skip
    span = res.load_avg_range()
    load = f"{span[0]:.1f}–{span[1]:.1f}" if span else "—"
    commits = ", ".join(f"`{c}`" for c in res.commits()) or "—"
    lines += ["", MACHINE_NOTE.format(load=load, commits=commits), ""]
    return lines


def _extract(res: Results) -> list[str]:
    lines = ["## 1. Extraction against Natasha's NER pass alone", ""]
    if res.extract is None:
        return [*lines, "Not measured: no `extract.json` was saved.", ""]
    rows = []
    for label, f in res.extract.items():
        if isinstance(f, dict) and "ratio" in f:
            ratio = f.get("ratio")
            rows.append([label, int(f.get("articles") or 0), f.get("ner_articles_per_s"),
                         f.get("extract_articles_per_s"), None if ratio is None else f"{ratio:.2f}"])  # fmt: skip
    lines += table(
        ["texts", "articles", "NER pass art/s", "extraction art/s", f"ratio (goal ≥ {GOAL_EXTRACT})"], rows
    )
    return [
        *lines,
        "",
        "Measured by the extraction engineer's `bench/bench_extract.py` in one process, best of 2 "
        f"rounds (figures saved {res.extract['_saved']}). Both passes run in the same process and round, "
        "so the ratio does not depend on the load or on the BLAS thread setting of ingest workers.",
        "",
    ]


def _verdict(ratio: float) -> str:
    return "**met**" if ratio >= GOAL_WRITE else "**not met**"


def _write_path(res: Results) -> list[str]:
    lines = ["## 2. Write path against a plain UNWIND MERGE of the same rows", ""]
    rows, verdicts = [], []
    for r in sorted(res.loads, key=lambda r: (r["n"], -r.get("batch", 1))):
        for store, f in r["stores"].items():
            same = "minimal_ratio" in f  # runs before the same-rows yardstick measured the minimal one only
            rows.append([NAMES.get(store, store), r["n"], f.get("batch", 1), f["hdkg_facts_per_s"],
                         f["baseline_facts_per_s"] if same else None, f"{f['ratio']:.2f}" if same else None,
                         f["minimal_facts_per_s"] if same else f["baseline_facts_per_s"],
                         f"{f['minimal_ratio' if same else 'ratio']:.2f}", len(f.get("hdkg_s", [])),
                         r["machine"]["load_avg_1m"]])  # fmt: skip
    if not rows:
        return [*lines, "Not measured: no `load-*.json` was saved.", ""]
    lines += table(["store", "articles", "articles per transaction", "hdkg facts/s", "same-rows UNWIND MERGE facts/s",
                    f"ratio (goal ≥ {GOAL_WRITE})", "minimal UNWIND MERGE facts/s", "ratio to minimal",
                    "rounds (best counts)", "load avg"], rows)  # fmt: skip
    for store in STORES:
        at = res.load(store, DEFAULT_BATCH)
        if at and "minimal_ratio" in at:
            verdicts.append(f"- {NAMES[store]}: {at['ratio']:.2f} of the same-rows yardstick at "
                            f"{DEFAULT_BATCH} articles per transaction: goal {_verdict(at['ratio'])}.")  # fmt: skip
        else:
            verdicts.append(f"- {NAMES[store]}: not measured at {DEFAULT_BATCH} articles per transaction.")
    diff = next(
        (f["graph_diff"] for r in res.loads for f in r["stores"].values() if f.get("graph_diff")), None
    )
    lines += [
        "",
        "One fact = one article's `Facts` (pre-extracted, cycled from the first 1000 generated articles; "
        "extraction is not timed). Every side writes the same number of articles per transaction: hdkg "
        "through `write_facts` (1) or `write_many` (more). *Same rows*: every node and relationship hdkg "
        "stores, one plain `UNWIND … MERGE` per row kind (`bench/baseline.py`): the goal is judged "
        "against it. *Minimal*: actors, links and parties only, the previous session's yardstick, kept "
        f"for comparison. The goal is judged at {DEFAULT_BATCH} articles per transaction, the batch "
        "`hdkg ingest` writes (`--batch`, default):",
        "",
        *verdicts,
        "",
    ]
    if diff:
        parts = ", ".join(f"{k} {v}" for k, v in diff.items())
        lines += ["The two graphs are not identical: the yardstick does no resolution (actor ids as extracted, "
                  f"`bench/baseline.py`), so its counts differ where hdkg's resolution merges actors ({parts}).",
                  ""]  # fmt: skip
    for p in res.profiles:
        lines += [f"Where the write path spends its time (`python -m bench.profile_write`, file `{p['_file']}`, "
                  f"saved {p['_saved']}, top 5 statements):", ""]  # fmt: skip
        for store, f in p.items():
            if isinstance(f, dict) and "statements" in f:
                top = ", ".join(f"`{k}` {v['s']:.2f} s" for k, v in list(f["statements"].items())[:5])
                lines.append(f"- {store}: {top} (wall {f['wall_s']:.1f} s)")
        lines.append("")
    return lines


def _run_kind(f: Figures) -> str:
    if f.get("partial"):
        return f"STOPPED after {f['partial']['written']} articles"
    if not is_complete(f):
        return f"FAILED (exit {f.get('exit')})"
    return "rerun (resume)" if is_rerun(f) else "fresh"


def _ingest(res: Results) -> list[str]:
    lines = ["## 3. End-to-end ingest", ""]
    rows: list[list[Any]] = []
    notes = []
    for r in sorted(res.ingests, key=lambda r: r["n"]):
        for f in r["runs"]:
            s, p = f.get("summary", {}), f.get("partial")
            wall = p["seconds"] if p else f["wall_s"]
            rate = round(p["written"] / max(p["seconds"], 1), 2) if p else f["articles_per_s"]
            cores = (
                f"{f['cpu_s'] / f['wall_s']:.2f}" if f.get("cpu_s") and f.get("wall_s") and not p else None
            )
            done = (
                f"{p['written']}/—/—" if p else f"{s.get('written')}/{s.get('unchanged')}/{f.get('failed')}"
            )
            rows.append([NAMES.get(f["store"], f["store"]), r["n"], _run_kind(f), f["workers"], r.get("batch"),
                         wall, rate, None if p else f.get("cpu_ms_per_article"), cores, f["peak_rss_mb"],
                         f.get("neo4j_server_peak_rss_mb"), done, f.get("load_avg_end")])  # fmt: skip
        for store, x in r.get("speedup_1_to_2", {}).items():
            notes.append(f"- {NAMES.get(store, store)}, {size_label(r['n'])} articles: speed-up from 1 to 2 "
                         f"extraction processes **{x:.2f}×** (wall time with 1 ÷ with 2)")  # fmt: skip
    if not rows:
        return [*lines, "Not measured: no `ingest-*.json` was saved.", ""]
    lines += table(["store", "articles", "run", "workers", "articles per transaction", "wall s", "articles/s",
                    "CPU ms/article (tree)", "cores obtained", "peak RSS MB (ingest tree)", "Neo4j server RSS MB",
                    "written/unchanged/failed", "load avg at end"], rows)  # fmt: skip
    return [*lines, "", MEASURING, "", *notes, ""]


def _api(res: Results) -> list[str]:
    lines = ["## 4. API latency", ""]
    rows = []
    for r in sorted(res.apis, key=lambda r: r["n"]):
        for store, f in r["stores"].items():
            size = f.get("articles_in_graph") or r["n"]
            graph = f"{size} " + ("ingested" if r.get("ingested") else "written (cycled facts)")
            for ep, e in f["endpoints"].items():
                rows.append([NAMES.get(store, store), graph, ep, e["p50_ms"], e["p95_ms"], e["req_per_s"],
                             f"{e['errors']}/{e['requests']}", f["concurrency"], r["machine"]["load_avg_1m"]])  # fmt: skip
    if not rows:
        return [*lines, "Not measured: no `api-*.json` was saved.", ""]
    lines += table(["store", "graph (articles)", "endpoint", "p50 ms", "p95 ms", "req/s", "errors", "concurrency",
                    "load avg"], rows)  # fmt: skip
    lines += ["", "`hdkg serve` on 127.0.0.1; an async client sends the requests cycling over four parameter "
              "sets per endpoint, after three unmeasured warm-up requests. *Ingested*: the graph the ingest "
              "run of that size left (real extraction output; the article count is what `/health` reported)."]  # fmt: skip
    for store, n, g in written_graphs(res):
        none = "" if res.fresh(store, n, 2) else "no ingest of that size was measured; "
        lines += ["", f"*Written* ({NAMES.get(store, store)}, {size_label(n)}): {none}the graph was written "
                     "through `write_many` from the cached extraction of the first 1000 generated articles, cycled with fresh article ids and dates shifted by a "
                     f"day per cycle, in {fmt(g['build_s'])} s ({g.get('nodes', {}).get('Actor')} actors, "
                     f"{g.get('nodes', {}).get('Link')} links). Its shape per article is the extractor's, "
                     "but the same actors recur every 1000 articles."]  # fmt: skip
    return [*lines, ""]


def write_report(path: Path = RESULTS) -> Path:
    res = Results.read()
    lines = [HEADER, "", CHANGES, "", *_machine(res), REPRODUCE, ""]
    lines += [*_extract(res), *_write_path(res), *_ingest(res), *_api(res)]
    lines += [*growth(res), *findings(res, DEFAULT_BATCH)]
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return path
