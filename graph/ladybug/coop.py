"""LadybugDB statements of the stored cooperation pairs (``graph/cooperation.py``).

A ``Cooperation`` node per pair holds the pair's ends and its counts over all its links; a
``COOPERATION_LINK`` relationship leads from it to each of those links. The pair queries
read the nodes alone when no link filter is given (country and actor are the pair's ends),
and otherwise walk each pair's links, one hop, with the filters on the links. The ``*_scan``
forms apply the pair rule to every matching link (how the queries were answered before the
pairs were stored); the tests compare the two.
"""

from __future__ import annotations

from hdkg.graph.common import pair_order as _pair_order
from hdkg.graph.ladybug.cypher import _COUNTRY_PAIR, _PAIRS

_END_COLS = ("a_id", "a_name", "a_kind", "a_country", "b_id", "b_name", "b_kind", "b_country")
_COLS = {**dict.fromkeys(_END_COLS, "STRING"), "links": "INT64", "sources": "INT64", "first_date": "STRING",
         "last_date": "STRING"}  # fmt: skip
_MEASURES = ("links", "sources", "first_date", "last_date")

SCHEMA: list[str] = [
    "CREATE NODE TABLE IF NOT EXISTS Cooperation(id STRING, "
    + ", ".join(f"{c} {t}" for c, t in _COLS.items())
    + ", PRIMARY KEY(id))",
    "CREATE REL TABLE IF NOT EXISTS COOPERATION_LINK(FROM Cooperation TO Link)",
]

WRITE: dict[str, str] = {
    "coops_get": "UNWIND CAST($ids AS STRING[]) AS i MATCH (c:Cooperation {id: i}) RETURN c.id AS id, "
    + ", ".join(f"c.{c} AS {c}" for c in _COLS),
    "coops_create": "UNWIND $rows AS r CREATE (c:Cooperation {id: CAST(r.id AS STRING), "
    + ", ".join(f"{c}: CAST(r.{c} AS {t})" for c, t in _COLS.items())
    + "})",
    "coops_update": "UNWIND $rows AS r MATCH (c:Cooperation {id: r.id}) SET "
    + ", ".join(f"c.{c} = CAST(r.{c} AS {_COLS[c]})" for c in _MEASURES),
    "coops_delete": "UNWIND CAST($ids AS STRING[]) AS i MATCH (c:Cooperation {id: i}) DETACH DELETE c",
    "coop_links_create": "UNWIND $rows AS r MATCH (c:Cooperation {id: r.pair}) WITH c, r "
    "MATCH (l:Link {id: r.link}) CREATE (c)-[:COOPERATION_LINK]->(l)",
    # the pair rule: different sides, neither hidden (a person beside a body on its side)
    "pair_links": "UNWIND $rows AS p MATCH (a:Actor {id: p.a})-[ra:PARTY_OF]->(l:Link)<-[rb:PARTY_OF]-(b:Actor) "
    "WHERE b.id = p.b AND ra.side <> rb.side AND ra.shown AND rb.shown "
    "RETURN DISTINCT a.id AS a_id, a.name AS a_name, a.kind AS a_kind, a.country AS a_country, "
    "b.id AS b_id, b.name AS b_name, b.kind AS b_kind, b.country AS b_country, l.id AS link_id, "
    "l.kind AS kind, l.status AS status, l.date AS date, l.specialties AS specialties, l.reports AS reports",
}


def _unless_null(param: str, test: str) -> str:
    cast = f"CAST(${param} AS STRING)"
    return f"({cast} IS NULL OR {test.format(p=cast)})"


def _articles(keep: str) -> str:
    """One row per (link, reporting article): pair `sources` count distinct articles, not per-link counts."""
    return f"UNWIND l.reports AS rep WITH {keep}, l, split_part(rep, '\t', 1) AS art "


_ENDS = (
    _unless_null("country", "c.a_country = {p} OR c.b_country = {p}")
    + " AND "
    + _unless_null("actor", "c.a_id = {p} OR c.b_id = {p}")
)
_LINKS = " AND ".join(
    [
        _unless_null("specialty", "list_contains(l.specialties, {p})"),
        _unless_null("area", "list_contains(l.areas, {p})"),
        _unless_null("kind", "l.kind = {p}"),
        _unless_null("status", "l.status = {p}"),
        _unless_null("since", "l.date >= {p}"),
        _unless_null("until", "l.date <= {p}"),
    ]
)
_COOPS = "MATCH (c:Cooperation) WHERE " + _ENDS + " "
_COOP_LINKS = "MATCH (c:Cooperation)-[:COOPERATION_LINK]->(l:Link) WHERE " + _LINKS + " AND " + _ENDS + " "
_ENDS_OUT = ", ".join(f"c.{c} AS {c}" for c in _END_COLS)
_AGG = (
    "count(DISTINCT l.id) AS links, count(DISTINCT art) AS sources, min(l.date) AS first_date, "
    "max(l.date) AS last_date, list_sort(collect(DISTINCT l.id)) AS link_ids "
)
_COUNTRY = (
    "WITH l, coalesce(c.a_country, 'XX') AS ca, coalesce(c.b_country, 'XX') AS cb "
    "WITH DISTINCT l, CASE WHEN ca <= cb THEN ca ELSE cb END AS c1, CASE WHEN ca <= cb THEN cb ELSE ca END AS c2 "
)
#: Each (pair, link) once per end: the actor, then its partner (the network ranks actors by partners)
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
    "count(DISTINCT l.id) AS links, count(DISTINCT art) AS sources, min(l.date) AS first_date, "
    "max(l.date) AS last_date, list_sort(collect(DISTINCT l.id)) AS link_ids "
    + _pair_order("a_id", "b_id")
    + "LIMIT $window",
    "cooperation_pairs_count_scan": _PAIRS
    + "WITH DISTINCT a.id AS a_id, b.id AS b_id RETURN count(*) AS total",
    "cooperation_country_pairs_scan": _PAIRS
    + _COUNTRY_PAIR
    + _articles("c1, c2")
    + "RETURN c1 AS a_country, c2 AS b_country, "
    "count(DISTINCT l.id) AS links, count(DISTINCT art) AS sources, min(l.date) AS first_date, "
    "max(l.date) AS last_date, list_sort(collect(DISTINCT l.id)) AS link_ids "
    + _pair_order("a_country", "b_country")
    + "LIMIT $window",
    "cooperation_country_pairs_count_scan": _PAIRS
    + _COUNTRY_PAIR
    + "WITH DISTINCT c1, c2 RETURN count(*) AS total",
    # no link filter: the stored counts, and the link ids of the page's pairs only
    "coop_pairs": _COOPS
    + "WITH c, c.links AS links, c.sources AS sources, c.last_date AS last_date "
    + _pair_order("c.a_id", "c.b_id")
    + "LIMIT $window MATCH (c)-[:COOPERATION_LINK]->(l:Link) "
    "WITH c, links, sources, last_date, list_sort(collect(l.id)) AS link_ids "
    "RETURN "
    + _ENDS_OUT
    + ", links, sources, c.first_date AS first_date, last_date, link_ids "
    + _pair_order("a_id", "b_id"),
    "coop_pairs_count": _COOPS + "RETURN count(*) AS total",
    "coop_link_pairs": _COOP_LINKS
    + _articles("c")
    + "WITH c, "
    + _AGG
    + "RETURN "
    + _ENDS_OUT
    + ", links, sources, first_date, last_date, link_ids "
    + _pair_order("a_id", "b_id")
    + "LIMIT $window",
    "coop_link_pairs_count": _COOP_LINKS + "WITH DISTINCT c.id AS id RETURN count(*) AS total",
    "coop_country_pairs": _COOP_LINKS
    + _COUNTRY
    + _articles("c1, c2")
    + "RETURN c1 AS a_country, c2 AS b_country, "
    + _AGG
    + _pair_order("a_country", "b_country")
    + "LIMIT $window",
    "coop_country_pairs_count": _COOP_LINKS + _COUNTRY + "WITH DISTINCT c1, c2 RETURN count(*) AS total",
    "coop_top_actors": _COOP_LINKS
    + _BOTH_WAYS
    + "WITH id, name, kind, country, count(DISTINCT partner) AS degree, count(DISTINCT l.id) AS links "
    "WITH collect({id: id, name: name, kind: kind, country: country, degree: degree, links: links}) AS ranked "
    "UNWIND ranked AS r RETURN r.id AS id, r.name AS name, r.kind AS kind, r.country AS country, "
    "r.degree AS degree, r.links AS links, size(ranked) AS total ORDER BY degree DESC, links DESC, id LIMIT $limit",
    "coop_network_edges": _COOP_LINKS + "RETURN l.id AS link_id, l.kind AS kind, l.status AS status, "
    "l.date AS date, l.specialties AS specialties, l.sources AS sources, c.a_id AS a_id, c.b_id AS b_id "
    "ORDER BY sources DESC, link_id, a_id, b_id LIMIT $limit",
    "coop_network_edges_among": _COOP_LINKS
    + "AND c.a_id IN CAST($ids AS STRING[]) AND c.b_id IN CAST($ids AS STRING[]) "
    "WITH l, c.a_id AS a_id, c.b_id AS b_id RETURN a_id, b_id, l.kind AS kind, l.status AS status, "
    "list_sort(collect(l.id)) AS link_ids, "
    "list_sort(list_distinct(list_reduce(collect(l.specialties), (x, y) -> list_concat(x, y)))) AS specialties, "
    "sum(coalesce(l.sources, 0)) AS sources ORDER BY a_id, b_id, kind, status",
}
