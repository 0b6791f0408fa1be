"""A stored graph -> RDF, through the named read queries only.

Both stores implement ``graph.queries.SPECS``, so building RDF from those
queries (never from Cypher) makes the export identical for LadybugDB and Neo4j
and keeps this module independent of either dialect. The triples go through
``GraphBuilder`` like fresh facts, so the export carries the same IRIs as the
RDF of the facts that filled the store. What the contract does not return
(extractor, person -> body links, Wikidata ids unless a row carries them) is
left out rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from rdflib import Graph

from graph.base import GraphStore
from graph.queries import LINK_FILTERS
from ontology.rdf import GraphBuilder, is_memorandum

log = logging.getLogger(__name__)
PAGE = 500


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _chunks(ids: Sequence[str], size: int = PAGE) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield list(ids[i : i + size])


def _query_ids(store: GraphStore, name: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        rows.extend(store.query(name, ids=chunk))
    return rows


def _all_links(store: GraphStore, page: int) -> list[dict[str, Any]]:
    no_filter: dict[str, Any] = dict.fromkeys(LINK_FILTERS)
    rows: list[dict[str, Any]] = []
    while True:
        batch = store.query("links", **no_filter, limit=page, offset=len(rows))
        rows.extend(batch)
        if len(batch) < page:
            return rows


def store_to_graph(store: GraphStore, *, page: int = PAGE) -> Graph:
    """Every link of the store with its parties, evidence, actors and articles, as RDF."""
    links = _all_links(store, page)
    link_ids = [str(r["id"]) for r in links]
    parties = _query_ids(store, "link_parties", link_ids)
    evidence = _query_ids(store, "link_evidence", link_ids)
    actor_ids = sorted({str(r["actor_id"]) for r in parties})
    actors = _query_ids(store, "actors_by_ids", actor_ids)
    article_ids = sorted({str(r["article_id"]) for r in evidence if r.get("article_id")})

    builder = GraphBuilder()
    for article_id in article_ids:
        for row in store.query("article", id=article_id):
            builder.article(
                str(row["id"]),
                source=row.get("source"),
                url=row.get("url"),
                title=row.get("title"),
                date=_date(row.get("date")),
                lang=row.get("lang"),
                content_hash=row.get("content_hash"),
            )
    for row in actors:
        builder.actor(
            str(row["id"]),
            name=str(row["name"]),
            kind=str(row["kind"]),
            country=row.get("country"),
            aliases=[str(a) for a in row.get("aliases") or []],
            wikidata=row.get("wikidata"),
        )

    sides: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in parties:
        sides[str(row["link_id"])][int(row["side"])].append(str(row["actor_id"]))
    texts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in evidence:
        texts[str(row["link_id"])].append(row)

    for row in links:
        link_id = str(row["id"])
        by_side = sides.get(link_id, {})
        side_list = [sorted(by_side.get(i, [])) for i in range(max(by_side, default=-1) + 1)]
        ev_rows = texts.get(link_id, [])
        builder.link(
            link_id,
            kind=str(row["kind"]),
            status=str(row["status"]),
            date=_date(row.get("date")),
            sides=side_list,
            specialties=[str(s) for s in row.get("specialties") or []],
            areas=[str(a) for a in row.get("areas") or []],
            article_ids=sorted({str(e["article_id"]) for e in ev_rows if e.get("article_id")}),
            memorandum=is_memorandum(str(e["text"]) for e in ev_rows),
        )
        for e in ev_rows:
            builder.evidence(
                link_id, str(e["article_id"]), text=str(e["text"]), start=int(e["start"]), end=int(e["end"])
            )
    log.info("store export: %d links, %d actors, %d articles", len(links), len(actors), len(article_ids))
    return builder.graph
