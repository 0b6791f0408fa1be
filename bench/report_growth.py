"""Sections 5 and 6 of ``bench/RESULTS.md``: growth 1k -> 10k -> 100k, findings, what was not measured.

Only measured cells: a size without figures says "not measured", and the
"Not measured, and why" list is generated from those gaps, so the prose
cannot claim a run that did not happen.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from bench.common import Figures
from bench.report_data import NAMES, NOT_MEASURED, SIZES, STORES, Results, fmt, size_label, table
from bench.report_text import BEFORE, BEFORE_NOTE

ENDPOINTS = ("/cooperations", "/actors?q=", "/network")
WORKERS = 2  # the growth table follows the 2-worker runs, the only ones at every size


def _ingest_cell(res: Results, store: str, n: int, key: str) -> Any:
    f = res.fresh(store, n, WORKERS)
    if f is not None:
        return f.get(key) if f.get(key) is not None else NOT_MEASURED
    stop = res.stopped(store, n, WORKERS)
    if stop is not None:
        p = stop["partial"]
        return {"wall_s": f"stopped after {p['written']} articles in {p['seconds']} s",
                "articles_per_s": f"{p['written'] / max(p['seconds'], 1):.2f} (first {p['written']})",
                "peak_rss_mb": f"{stop['peak_rss_mb']} (first {p['written']})"}.get(key, NOT_MEASURED)  # fmt: skip
    return NOT_MEASURED


def _graph_cell(res: Results, store: str, n: int) -> str:
    f = res.fresh(store, n, WORKERS)
    if f is None:
        return NOT_MEASURED
    s = f["summary"]
    return f"{s.get('written')} / {s.get('actors')} / {s.get('links')}"


def _api_cell(res: Results, store: str, n: int, ep: str) -> str:
    f = res.api(store, n)
    if f is None or ep not in f["endpoints"]:
        return NOT_MEASURED
    e, size = f["endpoints"][ep], f.get("articles_in_graph")
    cell = f"{fmt(e['p50_ms'])} / {fmt(e['p95_ms'])}"
    cell += f" (graph of {size} articles)" if size and size != n else ""
    return cell + ("" if f["_ingested"] else " (graph written from cycled facts, not ingested)")


def growth(res: Results) -> list[str]:
    lines = ["## 5. Growth from 1k to 10k to 100k", ""]
    rows: list[list[Any]] = []
    for store in STORES:
        name = NAMES[store]
        figures = [("ingest wall s (2 workers)", "wall_s"), ("ingest articles/s", "articles_per_s"),
                   ("ingest CPU ms/article (tree)", "cpu_ms_per_article"),
                   ("peak RSS MB (ingest tree)", "peak_rss_mb")]  # fmt: skip
        if store == "neo4j":
            figures.append(("server peak RSS MB (separate JVM)", "neo4j_server_peak_rss_mb"))
        for label, key in figures:
            rows.append([f"{name}: {label}", *(_ingest_cell(res, store, n, key) for n in SIZES)])
        speed = [res.speedup(store, n) for n in SIZES]
        rows.append([f"{name}: speed-up 1 → 2 workers", *(f"{x:.2f}×" if x else NOT_MEASURED for x in speed)])
        rows.append(
            [f"{name}: articles / actors / links written", *(_graph_cell(res, store, n) for n in SIZES)]
        )
        for ep in ENDPOINTS:
            rows.append([f"{name}: `{ep}` p50 / p95 ms", *(_api_cell(res, store, n, ep) for n in SIZES)])
    lines += table(["store: figure", *(size_label(n) for n in SIZES)], rows)
    return [
        *lines,
        "",
        "All cells are measured (sections 3 and 4 hold every run). Ingest rows are the fresh runs with "
        "2 extraction workers, at the batch size of section 3. *Actors / links written* are the "
        "ingest summary's counts, summed over articles (an actor or link met in several articles counts "
        "each time), not distinct nodes. API cells are on the graph the ingest of that size left.",
        "",
    ]


def _ratio(a: float | None, b: float | None) -> str | None:
    return f"{a / b:.1f}×" if a and b else None


def _before_after(res: Results, batch: int) -> list[str]:
    def ingest(store: str) -> str:
        f = res.fresh(store, 10_000, WORKERS)
        return f"{fmt(f['wall_s'])} s ({f['articles_per_s']} articles/s)" if f else NOT_MEASURED

    def minimal(store: str) -> str:
        cells = []
        for b in (1, batch):
            f = res.load(store, b)
            if f and "minimal_ratio" in f:
                cells.append(f"{f['minimal_ratio']:.2f} ({f['hdkg_facts_per_s']} facts/s) at batch {b}")
        return "; ".join(cells) or NOT_MEASURED

    def api(ep: str) -> str:
        f = res.api("ladybug", 10_000)
        return f"{fmt(f['endpoints'][ep]['p50_ms'])} ms" if f and ep in f["endpoints"] else NOT_MEASURED

    rows = [
        ["LadybugDB ingest of 10k articles, 2 workers", BEFORE["ladybug_10k"], ingest("ladybug")],
        ["Neo4j ingest of 10k articles, 2 workers", BEFORE["neo4j_10k"], ingest("neo4j")],
        ["LadybugDB write path ÷ *minimal* yardstick, 1k", BEFORE["ladybug_min"] + " at batch 1", minimal("ladybug")],
        ["Neo4j write path ÷ *minimal* yardstick, 1k", BEFORE["neo4j_min"] + " at batch 1", minimal("neo4j")],
        *[[f"LadybugDB 10k `{ep}` p50", BEFORE[f"ladybug_10k_{ep}"], api(ep)] for ep in ("/cooperations", "/network")],
    ]  # fmt: skip
    return ["### Before and after", "", *table(["figure", "before (previous session)", "after (this session)"], rows),
            "", BEFORE_NOTE, ""]  # fmt: skip


def _write_findings(res: Results, batch: int) -> list[str]:
    out = []
    for store in STORES:
        big, one = res.load(store, batch), res.load(store, 1)
        if big is None or "minimal_ratio" not in big:
            continue
        verdict = "met" if big["ratio"] >= 0.8 else "not met"
        gain = _ratio(big["hdkg_facts_per_s"], one["hdkg_facts_per_s"] if one else None)
        cost = _ratio(big["minimal_facts_per_s"], big["baseline_facts_per_s"])
        text = f"- **{NAMES[store]} write path: goal {verdict}** at {batch} articles per transaction (section 2)."
        if gain:
            text += f" Batching makes hdkg's writes {gain} faster than one article per transaction."
        if cost:
            text += (f" The plain loader needs {cost} the time for the same rows as for the minimal ones, "
                     "which is why ratios against the minimal yardstick stay low.")  # fmt: skip
        out.append(text)
        ingest = res.fresh(store, 1000, WORKERS)
        if ingest and ingest.get("articles_per_s"):
            share = ingest["articles_per_s"] / big["hdkg_facts_per_s"]
            bound = "no longer what bounds ingest" if share < 0.5 else "still a large share of ingest"
            out.append(f"  Writing 1k articles alone (section 2) takes {100 * share:.0f} % of the wall time of "
                       f"the 1k ingest with 2 workers (section 3): at 1k the write is {bound}.")  # fmt: skip
    return out


def _ingest_findings(res: Results) -> list[str]:
    out = []
    for store in STORES:
        per = {n: f["wall_s"] / n for n in SIZES if (f := res.fresh(store, n, WORKERS))}
        steps = [f"{size_label(a)} → {size_label(b)} ×{per[b] / per[a]:.2f}"
                 for a, b in pairwise(SIZES) if a in per and b in per]  # fmt: skip
        if steps:
            out.append(f"- **{NAMES[store]} ingest, wall seconds per article** (2 workers): "
                       + ", ".join(steps) + " (1.00 would be linear growth).")  # fmt: skip
        for n in SIZES:
            x, one, two = res.speedup(store, n), res.fresh(store, n, 1), res.fresh(store, n, 2)
            if x is None or not (one and two and one.get("cpu_s") and two.get("cpu_s")):
                continue
            c1, c2 = one["cpu_s"] / one["wall_s"], two["cpu_s"] / two["wall_s"]
            out.append(f"- {NAMES[store]}, {size_label(n)}: 1 → 2 workers gave {x:.2f}×; the ingest tree "
                       f"obtained {c1:.2f} cores with 1 worker (writer and worker can each use a core) and "
                       f"{c2:.2f} with 2, out of 2" + (" (the Neo4j server's CPU, not counted, shares the same 2 cores)." if store == "neo4j" else "."))  # fmt: skip
        again, fresh = res.rerun(store, 1000), res.fresh(store, 1000, WORKERS)
        if again and fresh:
            out.append(f"- {NAMES[store]} resume: a rerun of the ingested 1k corpus took "
                       f"{100 * again['wall_s'] / fresh['wall_s']:.0f} % of the fresh run's wall time.")  # fmt: skip
    return out


def written_graphs(res: Results) -> list[tuple[str, int, Figures]]:
    """(store, articles, graph figures) of API graphs written from cycled facts, with their build time."""
    return [(store, r["n"], f["graph"]) for r in res.apis if not r.get("ingested")
            for store, f in r["stores"].items() if f.get("graph", {}).get("build_s")]  # fmt: skip


def _api_findings(res: Results, batch: int) -> list[str]:
    out = []
    for store, n, g in written_graphs(res):
        line = (f"- {NAMES[store]}: writing the {size_label(n)}-article graph of section 4 (cycled facts, "
                f"`write_many`, {batch} per transaction) took {fmt(g['build_s'])} s, {n / g['build_s']:.1f} articles/s")  # fmt: skip
        one = res.load(store, batch)
        if one:
            line += f" ({one['hdkg_facts_per_s']} facts/s at 1k in section 2)"
        out.append(line + ".")
    for store in STORES:
        found = {n: f for n in SIZES if (f := res.api(store, n))}
        for a, b in pairwise(SIZES):
            if a in found and b in found:
                origin = "" if found[b]["_ingested"] else f" ({size_label(b)}: written graph, not ingested)"
                parts = [f"`{ep}` {_ratio(found[b]['endpoints'][ep]['p50_ms'], found[a]['endpoints'][ep]['p50_ms'])}"
                         for ep in ENDPOINTS if ep in found[a]["endpoints"] and ep in found[b]["endpoints"]]  # fmt: skip
                out.append(
                    f"- {NAMES[store]} API p50 from {size_label(a)} to {size_label(b)}{origin}: "
                    + ", ".join(parts)
                )
    return out


def _missing_at(res: Results, store: str, n: int) -> list[str]:
    out, name, size = [], NAMES[store], size_label(n)
    two, api = res.fresh(store, n, WORKERS), res.api(store, n)
    if two is None:
        why = ("it was stopped before the end (its progress is in the tables)" if res.stopped(store, n, WORKERS)
               else "no figures were saved: this session's runs did not include it, or it did not complete")  # fmt: skip
        if api and not api["_ingested"]:
            why += "; API latency at this size was measured on a graph written from cycled facts instead (section 4)"
        out.append(f"- **{name} ingest of {size} articles**: {why}.")
    if api is None:
        out.append(f"- **{name} API latency at {size}**: no figures were saved (it is measured on the graph "
                   "the ingest of that size leaves).")  # fmt: skip
    if two is not None and res.speedup(store, n) is None:
        why = ("only the 2-worker run was made at this size (How to reproduce), to fit the session"
               if res.fresh(store, n, 1) is None else "the 1- and 2-worker runs were not made in one invocation")  # fmt: skip
        out.append(f"- **{name} speed-up 1 → 2 workers at {size}**: {why}.")
    return out


def _missing(res: Results) -> list[str]:
    out = [line for store in STORES for n in SIZES for line in _missing_at(res, store, n)]
    sizes = sorted({r["n"] for r in res.loads})
    if sizes:
        built = " (except the graphs written for section 4)" if written_graphs(res) else ""
        out.append(f"- **Write path alone (section 2) beyond {size_label(sizes[-1])} articles**{built}: not in this "
                   "session's runs; the ingest runs at larger sizes include the write path at those sizes.")  # fmt: skip
    out += [
        "- **Neo4j server CPU**: not counted in *CPU ms/article* or *cores obtained* (a separate JVM); "
        "only its RSS is sampled.",
        "- **Ingest CPU by stage** (loading, extraction, transfer to the writer, write): not broken down; "
        "sections 1 and 2 measure extraction and the write path alone.",
    ]
    if res.extract and res.all_files() and res.extract["_saved"] < min(r["_saved"] for r in res.all_files()):
        out.append(f"- **Extraction (section 1)** was not rerun with the others: its figures were saved "
                   f"{res.extract['_saved']}, before the runs above.")  # fmt: skip
    return out


def findings(res: Results, batch: int) -> list[str]:
    lines = ["## 6. What the figures say", "", *_before_after(res, batch)]
    bullets = _write_findings(res, batch) + _ingest_findings(res) + _api_findings(res, batch)
    lines += ["### From this session's figures", "", *(bullets or ["Nothing measured yet."]), ""]
    return [*lines, "### Not measured, and why", "", *_missing(res), ""]
