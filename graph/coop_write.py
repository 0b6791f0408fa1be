"""Keeping the stored pairs (``graph/cooperation.py``) current as the writer writes.

A write that only adds (new articles: their links are new, or gain reports and
perhaps specialties) can only add to a pair, and what it adds is known without
reading the pair's links: every article of the batch is new to the store, so the
pair's ``sources`` grow by the batch's articles that report one of its links;
its ``links`` by its links new to the store (a link's pairs are fixed by its
parties, which are its identity); its dates widen by theirs. New links also get
their ``COOPERATION_LINK``. A hub pair with thousands of links costs one keyed
read and one update. A write that removes anything (a replaced article, a link
that lost its last report) recomputes its pairs from the store
(``cooperation.recompute``), which is always right, only slower.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hdkg.graph.cooperation import CHUNK, Pair, Row, Tx, pair_id, recompute

_ENDS = ("id", "name", "kind", "country")


@dataclass
class Pending:
    """What a transaction's writes owe the stored pairs, settled once by ``settle``."""

    links: dict[str, Row] = field(default_factory=dict)  # id -> last written link row (additions)
    created: set[str] = field(default_factory=set)  # ids of links new to the store
    articles: set[str] = field(default_factory=set)  # ids of the articles new to the store
    pairs: set[Pair] = field(default_factory=set)  # pairs to recompute from the store

    def add(self, article_id: str, rows: list[Row]) -> None:
        self.articles.add(article_id)
        for row in rows:
            self.links[row["id"]] = row
            if row["is_new"]:
                self.created.add(row["id"])


def link_pairs(row: Row) -> set[Pair]:
    """The cooperation pairs of a written link row: shown parties on different sides, a < b."""
    shown = [p for p in row["party_rows"] if p["shown"] and p["actor"]]
    return {(a["actor"], b["actor"]) for a in shown for b in shown
            if a["side"] != b["side"] and a["actor"] < b["actor"]}  # fmt: skip


def settle(tx: Tx, pending: Pending) -> None:
    """Recompute the pairs that lost something, then add the written links to the other pairs."""
    recompute(tx, pending.pairs)
    by_pair: dict[Pair, list[Row]] = {}
    for row in pending.links.values():
        for pair in link_pairs(row) - pending.pairs:
            by_pair.setdefault(pair, []).append(row)
    pairs = sorted(by_pair)
    for i in range(0, len(pairs), CHUNK):
        _add(tx, {p: by_pair[p] for p in pairs[i : i + CHUNK]}, pending)


def _add(tx: Tx, by_pair: dict[Pair, list[Row]], pending: Pending) -> None:
    ids = {p: pair_id(*p) for p in by_pair}
    stored = {r["id"]: r for r in tx.run("coops_get", ids=sorted(ids.values()))}
    fresh = sorted({x for p in by_pair if ids[p] not in stored for x in p})
    actors = {r["id"]: r for r in tx.run("actors_get", ids=fresh)} if fresh else {}
    updates: list[Row] = []
    creates: list[Row] = []
    rels: list[Row] = []
    for pair, rows in sorted(by_pair.items()):
        pid, old = ids[pair], stored.get(ids[pair])
        new_links = [r for r in rows if r["id"] in pending.created]
        articles = {
            a for r in rows for rep in r["reports"] if (a := rep.split("\t", 1)[0]) in pending.articles
        }
        dates = {d for r in new_links if (d := r["date"])} | (
            {d for d in (old["first_date"], old["last_date"]) if d} if old else set()
        )
        measures = {
            "links": (old["links"] if old else 0) + len(new_links),
            "sources": (old["sources"] if old else 0) + len(articles),
            "first_date": min(dates) if dates else None,
            "last_date": max(dates) if dates else None,
        }
        if old is None:
            ends = {f"{s}_{c}": actors[x][c] for s, x in zip("ab", pair, strict=True) for c in _ENDS}
            creates.append({"id": pid, **ends, **measures})
        else:
            updates.append({"id": pid, **measures})
        rels.extend({"pair": pid, "link": r["id"]} for r in new_links)
    if updates:
        tx.run("coops_update", rows=updates)
    if creates:
        tx.run("coops_create", rows=creates)
    if rels:
        tx.run("coop_links_create", rows=rels)
