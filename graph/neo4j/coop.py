"""Neo4j statements of the stored cooperation pairs (``graph/cooperation.py``).

Mirrors ``graph/ladybug/coop.py``: ``Cooperation`` nodes with their counts, a
``COOPERATION_LINK`` relationship to each of the pair's links, and the ``*_scan``
forms that apply the pair rule to every matching link.
"""

from __future__ import annotations

from hdkg.graph.common import pair_order as _pair_order
from hdkg.graph.neo4j.cypher import _COUNTRY_PAIR, _LINK_CORE, _PAIRS

_END_COLS = ("a_id", "a_name", "a_kind", "a_country", "b_id", "b_name", "b_kind", "b_country")
_MEASURES = ("links", "sources", "first_date", "last_date")

SCHEMA: list[str] = [
    "CREATE CONSTRAINT cooperation_id IF NOT EXISTS FOR (n:Cooperation) REQUIRE n.id IS UNIQUE",
]

WRITE: dict[str, str] = {
    "coops_get": "MATCH (c:Cooperation) WHERE c.id IN $ids RETURN c.id AS id, "
    + ", ".join(f"c.{c} AS {c}" for c in (*_END_COLS, *_MEASURES)),
    "coops_create": "UNWIND $rows AS r CREATE (c:Cooperation {id: r.id, "
    + ", ".join(f"{c}: r.{c}" for c in (*_END_COLS, *_MEASURES))
    + "})",
    "coops_update": "UNWIND $rows AS r MATCH (c:Cooperation {id: r.id}) SET "
    + ", ".join(f"c.{c} = r.{c}" for c in _MEASURES),
    "coops_delete": "MATCH (c:Cooperation) WHERE c.id IN $ids DETACH DELETE c",
    "coop_links_create": "UNWIND $rows AS r MATCH (c:Cooperation {id: r.pair}) MATCH (l:Link {id: r.link}) "
    "CREATE (c)-[:COOPERATION_LINK]->(l)",
    "pair_links": "UNWIND $rows AS p MATCH (a:Actor {id: p.a}) MATCH (b:Actor {id: p.b}) "
    "MATCH (a)-[ra:PARTY_OF]->(l:Link)<-[rb:PARTY_OF]-(b) WHERE ra.side <> rb.side AND ra.shown AND rb.shown "
    "RETURN DISTINCT a.id AS a_id, a.name AS a_name, a.kind AS a_kind, a.country AS a_country, "
    "b.id AS b_id, b.name AS b_name, b.kind AS b_kind, b.country AS b_country, l.id AS link_id, "
    "l.kind AS kind, l.status AS status, l.date AS date, l.specialties AS specialties, l.reports AS reports",
}


def _articles(keep: str) -> str:
    """One row per (link, reporting article): pair `sources` count distinct articles, not per-link counts."""
    return f"UNWIND l.reports AS rep WITH {keep}, l, split(rep, '\t')[0] AS art "


_ENDS = (
    "($country IS NULL OR c.a_country = $country OR c.b_country = $country) "
    "AND ($actor IS NULL OR c.a_id = $actor OR c.b_id = $actor)"
)
_COOPS = "MATCH (c:Cooperation) WHERE " + _ENDS + " "
_COOP_LINKS = (
    "MATCH (c:Cooperation)-[:COOPERATION_LINK]->(l:Link) WHERE " + _LINK_CORE + " AND " + _ENDS + " "
)
_ENDS_OUT = ", ".join(f"c.{c} AS {c}" for c in _END_COLS)
_AGG = (
    "count(DISTINCT l) AS links, count(DISTINCT art) AS sources, min(l.date) AS first_date, "
    "max(l.date) AS last_date, collect(DISTINCT l.id) AS link_ids "
)
_COUNTRY = (
    "WITH l, coalesce(c.a_country, 'XX') AS ca, coalesce(c.b_country, 'XX') AS cb "
    "WITH DISTINCT l, CASE WHEN ca <= cb THEN ca ELSE cb END AS c1, CASE WHEN ca <= cb THEN cb ELSE ca END AS c2 "
)
_BOTH_WAYS = (
    "UNWIND [0, 1] AS s WITH l, "
    + ", ".join(
        f"CASE WHEN s = 0 THEN c.a_{k} ELSE c.b_{k} END AS {k}" for k in ("id", "name", "kind", "country")
    )
    + ", CASE WHEN s = 0 THEN c.b_id ELSE c.a_id END AS partner "
)

READ: dict[str, str] = {
    # the pair rule applied to every matching link, per request (the route's fallback)
    "cooperation_pairs_scan": _PAIRS
    + _articles("a, b")
    + "RETURN a.id AS a_id, a.name AS a_name, a.kind AS a_kind, "
    "a.country AS a_country, b.id AS b_id, b.name AS b_name, b.kind AS b_kind, b.country AS b_country, "
    "count(DISTINCT l) AS links, count(DISTINCT art) AS sources, min(l.date) AS first_date, "
    "max(l.date) AS last_date, collect(DISTINCT l.id) AS link_ids "
    + _pair_order("a_id", "b_id")
    + "SKIP $offset LIMIT $limit",
    "cooperation_pairs_count_scan": _PAIRS + "WITH DISTINCT a, b RETURN count(*) AS total",
    "cooperation_country_pairs_scan": _PAIRS
    + _COUNTRY_PAIR
    + _articles("c1, c2")
    + "RETURN c1 AS a_country, c2 AS b_country, "
    "count(DISTINCT l) AS links, count(DISTINCT art) AS sources, min(l.date) AS first_date, "
    "max(l.date) AS last_date, collect(DISTINCT l.id) AS link_ids "
    + _pair_order("a_country", "b_country")
    + "SKIP $offset LIMIT $limit",
    "cooperation_country_pairs_count_scan": _PAIRS
    + _COUNTRY_PAIR
    + "WITH DISTINCT c1, c2 RETURN count(*) AS total",
    # no link filter: the stored counts, and the link ids of the page's pairs only
    "coop_pairs": _COOPS
    + "WITH c, c.links AS links, c.sources AS sources, c.last_date AS last_date "
    + _pair_order("c.a_id", "c.b_id")
    + "SKIP $offset LIMIT $limit MATCH (c)-[:COOPERATION_LINK]->(l:Link) "
    "WITH c, links, sources, last_date, collect(l.id) AS link_ids "
    "RETURN "
    + _ENDS_OUT
    + ", links, sources, c.first_date AS first_date, last_date, link_ids "
    + _pair_order("a_id", "b_id"),
    "coop_pairs_count": _COOPS + "RETURN count(c) AS total",
    "coop_link_pairs": _COOP_LINKS
    + _articles("c")
    + "WITH c, "
    + _AGG
    + "RETURN "
    + _ENDS_OUT
    + ", links, sources, first_date, last_date, link_ids "
    + _pair_order("a_id", "b_id")
    + "SKIP $offset LIMIT $limit",
    "coop_link_pairs_count": _COOP_LINKS + "WITH DISTINCT c RETURN count(*) AS total",
    "coop_country_pairs": _COOP_LINKS
    + _COUNTRY
    + _articles("c1, c2")
    + "RETURN c1 AS a_country, c2 AS b_country, "
    + _AGG
    + _pair_order("a_country", "b_country")
    + "SKIP $offset LIMIT $limit",
    "coop_country_pairs_count": _COOP_LINKS + _COUNTRY + "WITH DISTINCT c1, c2 RETURN count(*) AS total",
    "coop_top_actors": _COOP_LINKS
    + _BOTH_WAYS
    + "WITH id, name, kind, country, count(DISTINCT partner) AS degree, count(DISTINCT l) AS links "
    "WITH collect({id: id, name: name, kind: kind, country: country, degree: degree, links: links}) AS ranked "
    "UNWIND ranked AS r RETURN r.id AS id, r.name AS name, r.kind AS kind, r.country AS country, "
    "r.degree AS degree, r.links AS links, size(ranked) AS total ORDER BY degree DESC, links DESC, id LIMIT $limit",
    "coop_network_edges": _COOP_LINKS + "RETURN l.id AS link_id, l.kind AS kind, l.status AS status, "
    "l.date AS date, l.specialties AS specialties, l.sources AS sources, c.a_id AS a_id, c.b_id AS b_id "
    "ORDER BY sources DESC, link_id, a_id, b_id LIMIT $limit",
    "coop_network_edges_among": _COOP_LINKS + "AND c.a_id IN $ids AND c.b_id IN $ids "
    "WITH l, c.a_id AS a_id, c.b_id AS b_id WITH a_id, b_id, l.kind AS kind, l.status AS status, "
    "collect(l.id) AS link_ids, collect(coalesce(l.specialties, [])) AS specs, sum(coalesce(l.sources, 0)) AS sources "
    "RETURN a_id, b_id, kind, status, link_ids, "
    "reduce(acc = [], s IN specs | acc + [x IN s WHERE NOT x IN acc]) AS specialties, sources "
    "ORDER BY a_id, b_id, kind, status",
}
