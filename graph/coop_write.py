"""Keeping the stored pairs (``graph/cooperation.py``) current as the writer writes.

A write that only adds (a new article: its links are new, or gain a report and
perhaps specialties) can only add to a pair: the link joins the pair's link ids,
its articles join the pair's articles, its date widens the dates, and it joins
the facets of its cell. Union is idempotent, so adding a link's whole current
state to what the pair stores gives what recomputing the pair would; it reads
the touched pairs and facets by key instead of every link of the pair (a hub
pair has thousands). A write that removes anything (a replaced article, a link
that lost its last report) recomputes its pairs from the store
(``cooperation.recompute``), which is always right, only slower.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hdkg.graph.cooperation import (
    ALL_SPECIALTIES,
    CHUNK,
    Pair,
    Row,
    Tx,
    _Measure,
    facet_key,
    pair_id,
    recompute,
)

_ENDS = ("id", "name", "kind", "country")


@dataclass
class Pending:
    """What a transaction's writes owe the stored pairs, settled once by ``settle``."""

    links: dict[str, Row] = field(default_factory=dict)  # id -> last written link row (adds only)
    pairs: set[Pair] = field(default_factory=set)  # pairs to recompute from the store


def link_pairs(row: Row) -> set[Pair]:
    """The cooperation pairs of a written link row: shown parties on different sides, a < b."""
    shown = [p for p in row["party_rows"] if p["shown"] and p["actor"]]
    return {
        (a["actor"], b["actor"])
        for a in shown
        for b in shown
        if a["side"] != b["side"] and a["actor"] < b["actor"]
    }


def settle(tx: Tx, pending: Pending) -> None:
    """Recompute the pairs that lost something, then add the written links to the other pairs."""
    recompute(tx, pending.pairs)
    by_pair: dict[Pair, list[Row]] = {}
    for row in pending.links.values():
        link = {"link_id": row["id"], "kind": row["kind"], "status": row["status"], "date": row["date"],
                "specialties": row["specialties"], "reports": row["reports"]}  # fmt: skip
        for pair in link_pairs(row) - pending.pairs:
            by_pair.setdefault(pair, []).append(link)
    pairs = sorted(by_pair)
    for i in range(0, len(pairs), CHUNK):
        _add(tx, {p: by_pair[p] for p in pairs[i : i + CHUNK]})


def _add(tx: Tx, by_pair: dict[Pair, list[Row]]) -> None:
    ids = {p: pair_id(*p) for p in by_pair}
    stored = {r["id"]: r for r in tx.run("coops_get", ids=sorted(ids.values()))}
    keys = {facet_key(ids[p], link, spec) for p, links in by_pair.items() for link in links
            for spec in [ALL_SPECIALTIES, *(link["specialties"] or [])]}  # fmt: skip
    facets = {r["id"]: r for r in tx.run("coop_facets_get", ids=sorted(keys))}
    fresh = sorted({x for p in by_pair if ids[p] not in stored for x in p})
    actors = {r["id"]: r for r in tx.run("actors_get", ids=fresh)} if fresh else {}
    coops: list[Row] = []
    cells: list[Row] = []
    for pair, links in sorted(by_pair.items()):
        pid, old = ids[pair], stored.get(ids[pair])
        ends = (
            {f"{s}_{c}": old[f"{s}_{c}"] for s in ("a", "b") for c in _ENDS}
            if old is not None
            else {f"{s}_{c}": actors[x][c] for s, x in zip("ab", pair, strict=True) for c in _ENDS}
        )
        whole = _Measure.stored(old)
        mine: dict[str, tuple[Row, _Measure]] = {}
        for link in links:
            whole.add(link)
            for spec in [ALL_SPECIALTIES, *(link["specialties"] or [])]:
                key = facet_key(pid, link, spec)
                if key not in mine:
                    cell = {"id": key, "pair": pid, "year": int(link["date"][:4]) if link["date"] else None,
                            "kind": link["kind"], "status": link["status"], "specialty": spec}  # fmt: skip
                    mine[key] = (cell, _Measure.stored(facets.get(key)))
                mine[key][1].add(link)
        known = set(old["facets"] or []) if old is not None else set()
        coops.append({"id": pid, **ends, **whole.row(), "facets": sorted(known | set(mine))})
        cells.extend({**cell, **ends, **m.row()} for cell, m in mine.values())
    # new rows are CREATEd whole; stored ones get their measures SET (a MERGE of every column cost 3x)
    _write(tx, "coops", [c for c in coops if c["id"] in stored], [c for c in coops if c["id"] not in stored])
    _write(
        tx,
        "coop_facets",
        [c for c in cells if c["id"] in facets],
        [c for c in cells if c["id"] not in facets],
    )


def _write(tx: Tx, table: str, updates: list[Row], creates: list[Row]) -> None:
    if updates:
        tx.run(f"{table}_update", rows=updates)
    if creates:
        tx.run(f"{table}_create", rows=creates)
