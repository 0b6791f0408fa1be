"""Cooperation as data: the pair rule stored at write time, as ``Cooperation`` and ``CoopFacet`` nodes.

Who cooperates with whom is a rule over links: two actors cooperate on a link
when they stand on different sides of it, and a person standing on a side
that also holds a non-person (a minister beside her ministry) is hidden from
that side's pairs (``PARTY_OF.shown``). The pair queries used to apply the
rule to every link on every request; the writer now stores its outcome:

- one ``Cooperation`` per unordered actor pair (``a_id < b_id``, id
  ``a_id|b_id``) with the actors' names, kinds and countries (an actor keeps
  them once stored), ``links`` (distinct links), ``sources`` (distinct
  articles reporting one of them, never a sum of per-link counts),
  ``first_date``/``last_date``, ``link_ids`` and ``articles``;
- one ``CoopFacet`` per (pair, year, kind, status, specialty) with the same
  measures over the pair's links of that cell. ``specialty`` is ``''`` for
  the cell of every specialty (each link is in exactly one ``''`` facet of
  its pair, and in one more per specialty it covers), so that for a fixed
  specialty value the facets of a pair hold disjoint links and ``links`` adds
  up; ``year`` is None for undated links.

The writer collects the pairs an article's links touch (over-approximated by
every pair of a link's actors) and ``refresh`` recomputes each of them from
the links standing in the store at the end of the transaction: idempotent,
and right whether the article was new, replaced or removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from hdkg.graph.queries import ROUTED_QUERIES

Row = dict[str, Any]
Pair = tuple[str, str]
ALL_SPECIALTIES = ""
#: Pairs recomputed per statement: bounds the rows one statement returns for hub pairs.
CHUNK = 500


class Tx(Protocol):
    def run(self, name: str, **params: Any) -> list[Row]: ...


@dataclass
class _Measure:
    links: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)

    def add(self, link: Row) -> None:
        self.links.add(link["link_id"])
        self.articles.update(r.split("\t", 1)[0] for r in link["reports"] or [])
        if link["date"]:
            self.dates.add(link["date"])

    @classmethod
    def stored(cls, row: Row | None) -> _Measure:
        """A measure holding what a stored Cooperation or facet row already counts."""
        m = cls()
        if row is not None:
            m.links, m.articles = set(row["link_ids"] or []), set(row["articles"] or [])
            m.dates = {d for d in (row["first_date"], row["last_date"]) if d}
        return m

    def row(self) -> Row:
        return {
            "links": len(self.links),
            "sources": len(self.articles),
            "first_date": min(self.dates) if self.dates else None,
            "last_date": max(self.dates) if self.dates else None,
            "link_ids": sorted(self.links),
            "articles": sorted(self.articles),
        }


def pair_id(a: str, b: str) -> str:
    return f"{a}|{b}"


def touched_pairs(actor_ids: Iterable[str]) -> set[Pair]:
    """Every unordered pair of a link's actors: a superset of its cooperation pairs."""
    ids = sorted(set(actor_ids))
    return {(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]}


def facet_key(pair: str, link: Row, specialty: str) -> str:
    year = link["date"][:4] if link["date"] else "-"
    return "|".join([pair, year, link["kind"], link["status"], specialty])


def aggregate(pair: Pair, links: list[Row]) -> tuple[Row, list[Row]]:
    """The Cooperation row and its facet rows for the pair's links (``pair_links`` rows)."""
    pid = pair_id(*pair)
    whole = _Measure()
    facets: dict[str, tuple[Row, _Measure]] = {}
    for link in links:
        whole.add(link)
        for spec in [ALL_SPECIALTIES, *(link["specialties"] or [])]:
            key = facet_key(pid, link, spec)
            if key not in facets:
                cell = {
                    "id": key,
                    "pair": pid,
                    "year": int(link["date"][:4]) if link["date"] else None,
                    "kind": link["kind"],
                    "status": link["status"],
                    "specialty": spec,
                }
                facets[key] = (cell, _Measure())
            facets[key][1].add(link)
    first = links[0]
    ends = {f"{s}_{c}": first[f"{s}_{c}"] for s in ("a", "b") for c in ("id", "name", "kind", "country")}
    coop = {"id": pid, **ends, **whole.row(), "facets": sorted(facets)}
    rows = [{**cell, **ends, **m.row()} for cell, m in facets.values()]
    return coop, sorted(rows, key=lambda r: str(r["id"]))


def recompute(tx: Tx, pairs: Iterable[Pair]) -> int:
    """Recompute the stored Cooperation and facets of ``pairs`` from the links now in the store.

    Returns the number of pairs that still cooperate."""
    wanted = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    kept = 0
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        ids = [pair_id(a, b) for a, b in chunk]
        stored = tx.run("coop_facets_of", ids=ids)
        stale = [f for r in stored for f in r["facets"] or []]
        if stale:
            tx.run("coop_facets_delete", ids=stale)
        if stored:  # written again whole below, when the pair still cooperates
            tx.run("coops_delete", ids=[r["id"] for r in stored])
        by_pair: dict[Pair, list[Row]] = {}
        for r in tx.run("pair_links", rows=[{"a": a, "b": b} for a, b in chunk]):
            by_pair.setdefault((r["a_id"], r["b_id"]), []).append(r)
        coops: list[Row] = []
        facets: list[Row] = []
        for p in sorted(by_pair):
            coop, rows = aggregate(p, sorted(by_pair[p], key=lambda r: str(r["link_id"])))
            coops.append(coop)
            facets.extend(rows)
        if coops:
            tx.run("coops_create", rows=coops)
            tx.run("coop_facets_create", rows=facets)
        kept += len(coops)
    return kept


def _year(value: str | None, tail: str) -> int | bool | None:
    """The year of a bound on a year's edge (``YYYY-01-01`` / ``YYYY-12-31``), None without a bound,
    False for a bound inside a year (no facet answers it)."""
    if value is None:
        return None
    return int(value[:4]) if value[4:] == tail and value[:4].isdigit() else False


def route(name: str, prepared: dict[str, Any]) -> str:
    """The statement answering a pair query: stored pairs, stored facets, or the link scan.

    ``Cooperation`` rows answer country and actor filters; ``CoopFacet`` rows add specialty, kind,
    status and date bounds on whole years; an area, or a date bound inside a year, falls back to the
    scan of every link (``*_scan``, the cost the stored pairs remove: ~2 s on a 10k-article graph).
    Adds ``since_year``/``until_year`` to ``prepared`` for the facet statements."""
    if name not in ROUTED_QUERIES:
        return name
    since, until = _year(prepared["since"], "-01-01"), _year(prepared["until"], "-12-31")
    if prepared["area"] is not None or since is False or until is False:
        return f"{name}_scan"
    prepared["since_year"], prepared["until_year"] = since, until
    rest = name.removeprefix("cooperation_").removeprefix("network_")
    cells = ("specialty", "kind", "status", "since", "until")
    return f"coop_facet_{rest}" if any(prepared[k] is not None for k in cells) else f"coop_{rest}"
