"""A stored graph -> RDF, through the named read queries only.

Both stores implement ``graph.queries.SPECS``, so building RDF from those
queries (never from Cypher) makes the export identical for LadybugDB and Neo4j
and keeps this module independent of either dialect. The triples go through
``GraphBuilder`` like fresh facts, so the export carries the same IRIs as the
RDF of the facts that filled the store: actors with their Wikidata ids, and
persons with the body they act for (``acts_for``). What the contract does not
return (which extractor ran) is left out rather than guessed.

``filters`` (the ``graph.queries.LINK_FILTERS``) narrow the links exported; the
actors, articles and bodies exported are those the matching links reach.
The ontology lets a person act for one body (``hdkg:PersonShape``); when the
store holds several for one person (reports of different articles), the
export keeps the first by id and logs the others, so the file stays valid.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from rdflib import Graph

from hdkg.errors import QueryError
from hdkg.graph.base import GraphStore
from hdkg.graph.queries import LINK_FILTERS
from hdkg.ontology.coop_rdf import add_cooperations
from hdkg.ontology.rdf import GraphBuilder, is_memorandum

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


def _all_links(store: GraphStore, page: int, filters: Mapping[str, Any]) -> list[dict[str, Any]]:
    unknown = set(filters) - set(LINK_FILTERS)
    if unknown:
        raise QueryError(f"unknown link filters {sorted(unknown)}", where="ontology.from_store")
    params: dict[str, Any] = dict.fromkeys(LINK_FILTERS) | dict(filters)
    rows: list[dict[str, Any]] = []
    while True:
        batch = store.query("links", **params, limit=page, offset=len(rows))
        rows.extend(batch)
        if len(batch) < page:
            return rows


def _acts_for(store: GraphStore, actors: list[dict[str, Any]]) -> dict[str, str]:
    """Person id -> the one body exported for it (see the module docstring)."""
    persons = [str(r["id"]) for r in actors if r["kind"] == "Person"]
    bodies: dict[str, list[str]] = defaultdict(list)
    for row in _query_ids(store, "acts_for", persons):
        bodies[str(row["person_id"])].append(str(row["body_id"]))
    for person, ids in bodies.items():
        if len(ids) > 1:
            log.info("person %s acts for %s in the store; exporting %s", person, sorted(ids), min(ids))
    return {person: min(ids) for person, ids in bodies.items()}


def store_to_graph(store: GraphStore, *, filters: Mapping[str, Any] | None = None, page: int = PAGE) -> Graph:
    """The store's links matching ``filters`` (all when None) with their parties, evidence,
    actors (and the bodies their persons act for), articles and cooperation pairs, as RDF."""
    links = _all_links(store, page, filters or {})
    link_ids = [str(r["id"]) for r in links]
    parties = _query_ids(store, "link_parties", link_ids)
    evidence = _query_ids(store, "link_evidence", link_ids)
    actor_ids = sorted({str(r["actor_id"]) for r in parties})
    actors = _query_ids(store, "actors_by_ids", actor_ids)
    acts_for = _acts_for(store, actors)
    missing_bodies = sorted(set(acts_for.values()) - set(actor_ids))
    actors += _query_ids(store, "actors_by_ids", missing_bodies)
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
            acts_for=acts_for.get(str(row["id"])),
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
    pairs = add_cooperations(builder.graph, store, filters or {}, page)
    log.info(
        "store export: %d links, %d actors, %d articles, %d cooperations",
        len(links),
        len(actors),
        len(article_ids),
        pairs,
    )
    return builder.graph
