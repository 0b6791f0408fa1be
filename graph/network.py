"""Nodes and edges of the network view, read from a store through named queries.

The view and the ``/network`` endpoint draw the same graph, so it is built
here once, server-side: filters and the node cap are applied before anything
reaches a browser, which keeps large graphs usable.

Edges aggregate the ``network_edges`` rows of one actor pair by (link kind,
link status), so each edge can be labelled and styled by one kind and one
status while ``link_ids`` keeps every link for the evidence.

The whole actor-level network (no ego actor) is ranked and capped in the
store (``network_top_actors``), which then aggregates the edges among the
kept actors (``network_edges_among``): shipping every row of a large graph to
Python to keep 500 nodes took most of the request's time (the Neo4j driver
decodes rows slowly), and past ``ROW_CAP`` rows it also ranked on a partial
graph. Ego networks and the country level still read the rows and rank here:
an ego network is small, and a country node's degree depends on the grouping
done here.

Country level: actors are grouped by their country (node id = the ISO code,
kind ``Country``). Actors with no country, international organisations in
practice, keep their own node: WHO or UNICEF are hubs of their own, and
folding them into a pseudo-country "XX" would hide which one cooperates with
whom. Links between actors of the same country become no edge (they still
count in the country node's ``links``).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from hdkg.graph.base import GraphStore
from hdkg.models import Model

log = logging.getLogger(__name__)

#: Rows asked of ``network_edges`` per query; reaching it marks the result truncated.
ROW_CAP = 50_000
COUNTRY_KIND = "Country"


class NetworkNode(Model):
    id: str
    label: str
    kind: str
    country: str | None
    degree: int
    links: int


class NetworkEdge(Model):
    id: str
    source: str
    target: str
    kind: str
    status: str
    specialties: list[str]
    sources: int
    link_ids: list[str]


class NetworkData(Model):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool
    total_nodes: int
    level: Literal["actor", "country"]


@dataclass
class _Edge:
    kind: str
    status: str
    specialties: set[str] = field(default_factory=set)
    sources: int = 0
    link_ids: set[str] = field(default_factory=set)


def fetch_edge_rows(
    store: GraphStore, filters: dict[str, Any], actor: str | None, depth: int
) -> tuple[list[dict[str, Any]], bool]:
    """The ``network_edges`` rows of the filtered graph (or of an ego network) and whether a cap was hit."""
    base = {**filters, "limit": ROW_CAP}
    if actor is None:
        rows = store.query("network_edges", **base, actor=None)
        return rows, len(rows) >= ROW_CAP
    rows = store.query("network_edges", **base, actor=actor)
    capped = len(rows) >= ROW_CAP
    if depth >= 2:
        seen = {r["link_id"] for r in rows}
        partners = sorted({x for r in rows for x in (r["a_id"], r["b_id"])} - {actor})
        for partner in partners:
            more = store.query("network_edges", **base, actor=partner)
            capped = capped or len(more) >= ROW_CAP
            rows.extend(r for r in more if r["link_id"] not in seen)
            seen.update(r["link_id"] for r in more)
    return rows, capped


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def actors_for(store: GraphStore, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted(set(ids))
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(wanted):
        out.update({r["id"]: r for r in store.query("actors_by_ids", ids=chunk)})
    return out


def _aggregate(
    rows: list[dict[str, Any]], key_of: dict[str, str]
) -> tuple[dict[tuple[str, str, str, str], _Edge], dict[str, set[str]]]:
    """Edges per (a, b, kind, status) after mapping actors to node keys; links per node."""
    edges: dict[tuple[str, str, str, str], _Edge] = {}
    node_links: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        a, b = key_of.get(r["a_id"], r["a_id"]), key_of.get(r["b_id"], r["b_id"])
        node_links[a].add(r["link_id"])
        node_links[b].add(r["link_id"])
        if a == b:
            continue
        a, b = min(a, b), max(a, b)
        key = (a, b, str(r["kind"]), str(r["status"]))
        e = edges.setdefault(key, _Edge(kind=key[2], status=key[3]))
        e.specialties.update(r["specialties"] or [])
        if r["link_id"] not in e.link_ids:
            e.link_ids.add(r["link_id"])
            e.sources += int(r["sources"] or 0)
    return edges, node_links


def build_network(
    store: GraphStore,
    *,
    specialty: str | None = None,
    area: str | None = None,
    country: str | None = None,
    actor: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    depth: int = 1,
    limit: int = 500,
    level: Literal["actor", "country"] = "actor",
) -> NetworkData:
    """The network for the filters; ``actor`` gives its ego network of ``depth`` 1 or 2."""
    filters = {
        "specialty": specialty,
        "area": area,
        "country": country,
        "kind": kind,
        "status": status,
        "since": since,
        "until": until,
    }
    if actor is None and level == "actor":
        return _top_actors_network(store, filters, limit)
    return _rows_network(store, filters, actor, depth, limit, level)


def _top_actors_network(store: GraphStore, filters: dict[str, Any], limit: int) -> NetworkData:
    """The whole actor-level network, ranked, capped and aggregated by the store (see the module docstring)."""
    # at least one row, so that `total` comes back even for a cap of 0
    ranked = store.query("network_top_actors", **filters, actor=None, limit=max(1, limit))
    total = int(ranked[0]["total"]) if ranked else 0
    top = ranked[: max(0, limit)]
    ids = [r["id"] for r in top]
    rows = store.query("network_edges_among", **filters, actor=None, ids=ids) if ids else []
    actors = {r["id"]: r for r in top}
    nodes = [_node(r["id"], actors, set(), {}, int(r["degree"]), int(r["links"])) for r in top]
    edges = {
        (r["a_id"], r["b_id"], str(r["kind"]), str(r["status"])): _Edge(
            kind=str(r["kind"]),
            status=str(r["status"]),
            specialties=set(r["specialties"] or []),
            sources=int(r["sources"] or 0),
            link_ids=set(r["link_ids"]),
        )
        for r in rows
    }
    truncated = total > len(top)
    if truncated:
        log.info("network truncated: %d of %d nodes kept", len(top), total)
    return NetworkData(
        nodes=nodes, edges=_edges(edges, set(ids)), truncated=truncated, total_nodes=total, level="actor"
    )


def _rows_network(
    store: GraphStore,
    filters: dict[str, Any],
    actor: str | None,
    depth: int,
    limit: int,
    level: Literal["actor", "country"],
) -> NetworkData:
    """Ego networks and the country level: every matching row read, nodes ranked here."""
    rows, capped = fetch_edge_rows(store, filters, actor, max(1, min(depth, 2)))
    actors = actors_for(store, (x for r in rows for x in (r["a_id"], r["b_id"])))
    if actor is not None and not rows:
        actors.update(actors_for(store, [actor]))
    key_of: dict[str, str] = {}
    if level == "country":
        key_of = {i: a["country"] for i, a in actors.items() if a.get("country")}
    edges, node_links = _aggregate(rows, key_of)
    if actor is not None and actor in actors:
        node_links.setdefault(key_of.get(actor, actor), set())

    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b, _, _ in edges:
        neighbours[a].add(b)
        neighbours[b].add(a)
    keys = sorted(node_links, key=lambda k: (-len(neighbours[k]), -len(node_links[k]), k))
    pinned = key_of.get(actor, actor) if actor is not None else None
    kept = keys[:limit]
    if pinned is not None and pinned in node_links and pinned not in kept and limit > 0:
        kept = [*keys[: limit - 1], pinned]

    country_names = {
        a["country"]: a["name"] for a in actors.values() if a.get("kind") == COUNTRY_KIND and a.get("country")
    }
    country_keys = set(key_of.values())
    nodes = [
        _node(k, actors, country_keys, country_names, len(neighbours[k]), len(node_links[k])) for k in kept
    ]
    truncated = capped or len(keys) > len(kept)
    if truncated:
        log.info("network truncated: %d of %d nodes kept", len(kept), len(keys))
    return NetworkData(
        nodes=nodes, edges=_edges(edges, set(kept)), truncated=truncated, total_nodes=len(keys), level=level
    )


def _edges(edges: dict[tuple[str, str, str, str], _Edge], kept: set[str]) -> list[NetworkEdge]:
    return [
        NetworkEdge(
            id=f"{a}|{b}|{k}|{s}",
            source=a,
            target=b,
            kind=k,
            status=s,
            specialties=sorted(e.specialties),
            sources=e.sources,
            link_ids=sorted(e.link_ids),
        )
        for (a, b, k, s), e in sorted(edges.items())
        if a in kept and b in kept
    ]


def _node(
    key: str,
    actors: dict[str, dict[str, Any]],
    country_keys: set[str],
    country_names: dict[str, str],
    degree: int,
    links: int,
) -> NetworkNode:
    if key in country_keys:
        return NetworkNode(
            id=key,
            label=country_names.get(key, key),
            kind=COUNTRY_KIND,
            country=key,
            degree=degree,
            links=links,
        )
    if key in actors:
        a = actors[key]
        return NetworkNode(
            id=key,
            label=str(a.get("name") or key),
            kind=str(a.get("kind") or "Actor"),
            country=a.get("country"),
            degree=degree,
            links=links,
        )
    return NetworkNode(id=key, label=key, kind="Actor", country=None, degree=degree, links=links)
