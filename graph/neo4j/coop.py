"""Neo4j statements of the stored cooperation pairs (``graph/cooperation.py``).

Mirrors ``graph/ladybug/coop.py``; Neo4j has no list-distinct function, so
distinct link ids and articles over several rows are counted by a ``CALL``
subquery that unwinds them.
"""

from __future__ import annotations

from hdkg.graph.common import pair_order as _pair_order
from hdkg.graph.neo4j.cypher import _COUNTRY_PAIR, _PAIRS

SCHEMA: list[str] = [
    "CREATE CONSTRAINT cooperation_id IF NOT EXISTS FOR (n:Cooperation) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT coop_facet_id IF NOT EXISTS FOR (n:CoopFacet) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX coop_facet_cell IF NOT EXISTS FOR (n:CoopFacet) ON (n.specialty, n.kind, n.status)",
]

_END_COLS = ("a_id", "a_name", "a_kind", "a_country", "b_id", "b_name", "b_kind", "b_country")
_MEASURES = ("links", "sources", "first_date", "last_date", "link_ids", "articles")
_FACET_COLS = ("id", "pair", "year", "kind", "status", "specialty", *_END_COLS, *_MEASURES)

WRITE: dict[str, str] = {
    "coop_facets_of": "MATCH (c:Cooperation) WHERE c.id IN $ids RETURN c.id AS id, c.facets AS facets",
    "coop_facets_delete": "MATCH (f:CoopFacet) WHERE f.id IN $ids DELETE f",
    "coops_delete": "MATCH (c:Cooperation) WHERE c.id IN $ids DELETE c",
    "coops_create": "UNWIND $rows AS r CREATE (c:Cooperation {id: r.id, "
    + ", ".join(f"{c}: r.{c}" for c in (*_END_COLS, *_MEASURES, "facets"))
    + "})",
    "coops_update": "UNWIND $rows AS r MATCH (c:Cooperation {id: r.id}) SET "
    + ", ".join(f"c.{c} = r.{c}" for c in (*_MEASURES, "facets")),
    "coops_get": "MATCH (c:Cooperation) WHERE c.id IN $ids RETURN c.id AS id, "
    + ", ".join(f"c.{c} AS {c}" for c in (*_END_COLS, *_MEASURES, "facets")),
    "coop_facets_get": "MATCH (c:CoopFacet) WHERE c.id IN $ids RETURN c.id AS id, "
    + ", ".join(f"c.{c} AS {c}" for c in _MEASURES),
    "coop_facets_update": "UNWIND $rows AS r MATCH (f:CoopFacet {id: r.id}) SET "
    + ", ".join(f"f.{c} = r.{c}" for c in _MEASURES),
    "coop_facets_create": "UNWIND $rows AS r CREATE (f:CoopFacet {"
    + ", ".join(f"{c}: r.{c}" for c in _FACET_COLS)
    + "})",
    "pair_links": "UNWIND $rows AS p MATCH (a:Actor {id: p.a}) MATCH (b:Actor {id: p.b}) "
    "MATCH (a)-[ra:PARTY_OF]->(l:Link)<-[rb:PARTY_OF]-(b) WHERE ra.side <> rb.side AND ra.shown AND rb.shown "
    "RETURN DISTINCT a.id AS a_id, a.name AS a_name, a.kind AS a_kind, a.country AS a_country, "
    "b.id AS b_id, b.name AS b_name, b.kind AS b_kind, b.country AS b_country, l.id AS link_id, "
    "l.kind AS kind, l.status AS status, l.date AS date, l.specialties AS specialties, l.reports AS reports",
}

_ENDS_FILTER = (
    "($country IS NULL OR c.a_country = $country OR c.b_country = $country) "
    "AND ($actor IS NULL OR c.a_id = $actor OR c.b_id = $actor)"
)
_FACET_FILTER = (
    "c.specialty = coalesce($specialty, '') AND ($kind IS NULL OR c.kind = $kind) "
    "AND ($status IS NULL OR c.status = $status) AND ($since_year IS NULL OR c.year >= $since_year) "
    "AND ($until_year IS NULL OR c.year <= $until_year) AND " + _ENDS_FILTER
)
_COOPS = "MATCH (c:Cooperation) WHERE " + _ENDS_FILTER + " "
_FACETS = "MATCH (c:CoopFacet) WHERE " + _FACET_FILTER + " "
_ENDS_OUT = ", ".join(f"c.{c} AS {c}" for c in _END_COLS)
_ENDS_NAMES = ", ".join(_END_COLS)
_COUNTRY_KEYS = (
    "WITH c, coalesce(c.a_country, 'XX') AS ca, coalesce(c.b_country, 'XX') AS cb "
    "WITH c, CASE WHEN ca <= cb THEN ca ELSE cb END AS c1, CASE WHEN ca <= cb THEN cb ELSE ca END AS c2 "
)
_COUNTRY = (
    _COUNTRY_KEYS + "WITH c1, c2, collect(c) AS cs, min(c.first_date) AS first_date, "
    "max(c.last_date) AS last_date "
    "CALL (cs) { UNWIND cs AS x UNWIND x.link_ids AS i RETURN collect(DISTINCT i) AS ids } "
    "CALL (cs) { UNWIND cs AS x UNWIND x.articles AS t RETURN count(DISTINCT t) AS sources } "
    "RETURN c1 AS a_country, c2 AS b_country, size(ids) AS links, sources, first_date, last_date, "
    "ids AS link_ids " + _pair_order("a_country", "b_country") + "SKIP $offset LIMIT $limit"
)


def _articles(keep: str) -> str:
    """One row per (link, reporting article): pair `sources` count distinct articles, not per-link counts."""
    return f"UNWIND l.reports AS rep WITH {keep}, l, split(rep, '\t')[0] AS art "


#: Each pair row once per end: the actor, then its partner (the network ranks actors by partners)
_BOTH_WAYS = (
    "UNWIND [0, 1] AS s WITH c, "
    + ", ".join(
        f"CASE WHEN s = 0 THEN c.a_{k} ELSE c.b_{k} END AS {k}" for k in ("id", "name", "kind", "country")
    )
    + ", CASE WHEN s = 0 THEN c.b_id ELSE c.a_id END AS partner "
)
_RANKED = (
    "WITH collect({id: id, name: name, kind: kind, country: country, degree: degree, links: links}) AS ranked "
    "UNWIND ranked AS r RETURN r.id AS id, r.name AS name, r.kind AS kind, r.country AS country, "
    "r.degree AS degree, r.links AS links, size(ranked) AS total ORDER BY degree DESC, links DESC, id LIMIT $limit"
)
_TOP = (
    _BOTH_WAYS
    + "WITH id, name, kind, country, count(DISTINCT partner) AS degree, collect(c.link_ids) AS lists "
    "CALL (lists) { UNWIND lists AS x UNWIND x AS i RETURN count(DISTINCT i) AS links } " + _RANKED
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
    "coop_pairs": _COOPS + "RETURN " + _ENDS_OUT + ", c.links AS links, c.sources AS sources, "
    "c.first_date AS first_date, c.last_date AS last_date, c.link_ids AS link_ids "
    + _pair_order("a_id", "b_id")
    + "SKIP $offset LIMIT $limit",
    "coop_pairs_count": _COOPS + "RETURN count(c) AS total",
    # for one specialty value a pair's facets hold disjoint links: links add up, articles do not
    "coop_facet_pairs": _FACETS + "WITH " + _ENDS_OUT + ", sum(c.links) AS links, "
    "min(c.first_date) AS first_date, max(c.last_date) AS last_date, "
    "reduce(acc = [], x IN collect(c.link_ids) | acc + x) AS link_ids, collect(c.articles) AS arts "
    "CALL (arts) { UNWIND arts AS x UNWIND x AS t RETURN count(DISTINCT t) AS sources } "
    "RETURN "
    + _ENDS_NAMES
    + ", links, sources, first_date, last_date, link_ids "
    + _pair_order("a_id", "b_id")
    + "SKIP $offset LIMIT $limit",
    "coop_facet_pairs_count": _FACETS + "RETURN count(DISTINCT c.pair) AS total",
    "coop_country_pairs": _COOPS + _COUNTRY,
    "coop_country_pairs_count": _COOPS + _COUNTRY_KEYS + "WITH DISTINCT c1, c2 RETURN count(*) AS total",
    "coop_facet_country_pairs": _FACETS + _COUNTRY,
    "coop_facet_country_pairs_count": _FACETS
    + _COUNTRY_KEYS
    + "WITH DISTINCT c1, c2 RETURN count(*) AS total",
    "coop_top_actors": _COOPS + _TOP,
    "coop_facet_top_actors": _FACETS + _TOP,
}
