"""Cooperation as data: the pair rule stored at write time, as ``Cooperation`` nodes linked to their links.

Who cooperates with whom is a rule over links: two actors cooperate on a link
when they stand on different sides of it, and a person standing on a side
that also holds a non-person (a minister beside her ministry) is hidden from
that side's pairs (``PARTY_OF.shown``). The pair queries used to apply the
rule to every link on every request; the writer now stores its outcome:

- one ``Cooperation`` node per unordered actor pair (``a_id < b_id``, id
  ``a_id|b_id``) with the actors' names, kinds and countries (an actor keeps
  them once stored), ``links`` (distinct links), ``sources`` (distinct
  articles reporting one of them, never a sum of per-link counts) and
  ``first_date``/``last_date``;
- a ``COOPERATION_LINK`` relationship from it to each of those links, so any
  link filter (specialty, area, kind, status, dates) is one hop from the pair.

``graph/coop_write.py`` keeps them current: a write that only adds updates the
counts of the pairs it touches; one that removes recomputes them (``recompute``)
from the links standing in the store at the end of the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from hdkg.graph.queries import ROUTED_QUERIES

if TYPE_CHECKING:
    from hdkg.graph.base import GraphStore

Row = dict[str, Any]
Pair = tuple[str, str]
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

    def row(self) -> Row:
        return {
            "links": len(self.links),
            "sources": len(self.articles),
            "first_date": min(self.dates) if self.dates else None,
            "last_date": max(self.dates) if self.dates else None,
        }


def pair_id(a: str, b: str) -> str:
    return f"{a}|{b}"


def touched_pairs(actor_ids: Iterable[str]) -> set[Pair]:
    """Every unordered pair of a link's actors: a superset of its cooperation pairs."""
    ids = sorted(set(actor_ids))
    return {(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]}


def aggregate(pair: Pair, links: list[Row]) -> Row:
    """The Cooperation row of the pair's links (``pair_links`` rows)."""
    whole = _Measure()
    for link in links:
        whole.add(link)
    first = links[0]
    ends = {f"{s}_{c}": first[f"{s}_{c}"] for s in ("a", "b") for c in ("id", "name", "kind", "country")}
    return {"id": pair_id(*pair), **ends, **whole.row()}


def recompute(tx: Tx, pairs: Iterable[Pair]) -> int:
    """Recompute the stored Cooperation of ``pairs`` (and its links) from the links now in the store.

    Returns the number of pairs that still cooperate."""
    wanted = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    kept = 0
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        tx.run("coops_delete", ids=[pair_id(a, b) for a, b in chunk])  # with their link relationships
        by_pair: dict[Pair, list[Row]] = {}
        for r in tx.run("pair_links", rows=[{"a": a, "b": b} for a, b in chunk]):
            by_pair.setdefault((r["a_id"], r["b_id"]), []).append(r)
        if by_pair:
            tx.run("coops_create", rows=[aggregate(p, by_pair[p]) for p in sorted(by_pair)])
            tx.run("coop_links_create", rows=[{"pair": pair_id(*p), "link": r["link_id"]}
                                              for p in sorted(by_pair) for r in by_pair[p]])  # fmt: skip
        kept += len(by_pair)
    return kept


def route(name: str, prepared: dict[str, Any]) -> str:
    """The statement answering a routed query: the Cooperation nodes alone, or their links.

    With no link filter the actor-level pair queries read the stored counts (country and actor
    are the pair's ends); any link filter, the country level and the network's ranking walk the
    pairs' COOPERATION_LINK relationships with the filters on the links: one hop from each pair
    instead of the two PARTY_OF hops, side test and person rule of the ``*_scan`` forms."""
    if name not in ROUTED_QUERIES:
        return name
    if name in ("cooperation_pairs", "cooperation_pairs_count"):
        filtered = any(
            prepared[k] is not None for k in ("specialty", "area", "kind", "status", "since", "until")
        )
        return name.replace("cooperation_", "coop_link_" if filtered else "coop_")
    if name.startswith("network_"):
        return {"network_top_actors": "coop_top_actors"}.get(name, f"coop_{name}")
    return name.replace("cooperation_", "coop_")


def missing_pairs(store: GraphStore) -> list[Pair]:
    """Every pair the links give, when no Cooperation is stored yet: a graph written before the pairs
    were stored gets them once, at schema creation (one scan of the links), instead of empty answers."""
    if store.query("cooperation_pairs_count")[0]["total"]:
        return []
    return [(r["a_id"], r["b_id"]) for r in store.query("cooperation_pairs_scan")]
