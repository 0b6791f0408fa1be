"""LadybugDB statements of the stored cooperation pairs (``graph/cooperation.py``).

The read queries come in three forms chosen by ``graph.cooperation.route``:
over ``Cooperation`` nodes (no link filter but country/actor), over
``CoopFacet`` rows (specialty, kind, status, whole-year date bounds) and the
scan of every link (``*_scan``: an area or a date bound inside a year, which
no stored row can answer), kept in ``graph/ladybug/cypher.py``.
"""

from __future__ import annotations

from hdkg.graph.common import pair_order as _pair_order
from hdkg.graph.ladybug.cypher import _COUNTRY_PAIR, _PAIRS

_ENDS = "a_id STRING, a_name STRING, a_kind STRING, a_country STRING, b_id STRING, b_name STRING, b_kind STRING, b_country STRING"
_MEASURES = (
    "links INT64, sources INT64, first_date STRING, last_date STRING, link_ids STRING[], articles STRING[]"
)

SCHEMA: list[str] = [
    f"CREATE NODE TABLE IF NOT EXISTS Cooperation(id STRING, {_ENDS}, {_MEASURES}, facets STRING[], PRIMARY KEY(id))",
    "CREATE NODE TABLE IF NOT EXISTS CoopFacet(id STRING, pair STRING, year INT64, kind STRING, status STRING, "
    f"specialty STRING, {_ENDS}, {_MEASURES}, PRIMARY KEY(id))",
]

_END_COLS = ("a_id", "a_name", "a_kind", "a_country", "b_id", "b_name", "b_kind", "b_country")
_MEASURE_COLS = {
    "links": "INT64",
    "sources": "INT64",
    "first_date": "STRING",
    "last_date": "STRING",
    "link_ids": "STRING[]",
    "articles": "STRING[]",
}


def _props(cols: dict[str, str]) -> str:
    return ", ".join(f"{c}: CAST(r.{c} AS {t})" for c, t in cols.items())


_COMMON = {**dict.fromkeys(_END_COLS, "STRING"), **_MEASURE_COLS}
_FACET = {"id": "STRING", "pair": "STRING", "year": "INT64", "kind": "STRING", "status": "STRING",
          "specialty": "STRING", **_COMMON}  # fmt: skip

WRITE: dict[str, str] = {
    "coop_facets_of": "UNWIND CAST($ids AS STRING[]) AS i MATCH (c:Cooperation {id: i}) "
    "RETURN c.id AS id, c.facets AS facets",
    "coop_facets_delete": "UNWIND CAST($ids AS STRING[]) AS i MATCH (f:CoopFacet {id: i}) DELETE f",
    "coops_delete": "UNWIND CAST($ids AS STRING[]) AS i MATCH (c:Cooperation {id: i}) DELETE c",
    "coops_create": "UNWIND $rows AS r CREATE (c:Cooperation {id: CAST(r.id AS STRING), "
    + _props({**_COMMON, "facets": "STRING[]"})
    + "})",
    "coops_update": "UNWIND $rows AS r MATCH (c:Cooperation {id: r.id}) SET "
    + ", ".join(f"c.{c} = CAST(r.{c} AS {t})" for c, t in {**_MEASURE_COLS, "facets": "STRING[]"}.items()),
    "coops_get": "UNWIND CAST($ids AS STRING[]) AS i MATCH (c:Cooperation {id: i}) RETURN c.id AS id, "
    + ", ".join(f"c.{c} AS {c}" for c in (*_COMMON, "facets")),
    "coop_facets_get": "UNWIND CAST($ids AS STRING[]) AS i MATCH (c:CoopFacet {id: i}) RETURN c.id AS id, "
    + ", ".join(f"c.{c} AS {c}" for c in _MEASURE_COLS),
    "coop_facets_update": "UNWIND $rows AS r MATCH (f:CoopFacet {id: r.id}) SET "
    + ", ".join(f"f.{c} = CAST(r.{c} AS {t})" for c, t in _MEASURE_COLS.items()),
    "coop_facets_create": "UNWIND $rows AS r CREATE (f:CoopFacet {" + _props(_FACET) + "})",
    # the pair rule: different sides, neither hidden (a person beside a body on its side)
    "pair_links": "UNWIND $rows AS p MATCH (a:Actor {id: p.a})-[ra:PARTY_OF]->(l:Link)<-[rb:PARTY_OF]-(b:Actor) "
    "WHERE b.id = p.b AND ra.side <> rb.side AND ra.shown AND rb.shown "
    "RETURN DISTINCT a.id AS a_id, a.name AS a_name, a.kind AS a_kind, a.country AS a_country, "
    "b.id AS b_id, b.name AS b_name, b.kind AS b_kind, b.country AS b_country, l.id AS link_id, "
    "l.kind AS kind, l.status AS status, l.date AS date, l.specialties AS specialties, l.reports AS reports",
}


def _unless_null(param: str, test: str, typ: str = "STRING") -> str:
    cast = f"CAST(${param} AS {typ})"
    return f"({cast} IS NULL OR {test.format(p=cast)})"


_ENDS_FILTER = (
    _unless_null("country", "c.a_country = {p} OR c.b_country = {p}")
    + " AND "
    + _unless_null("actor", "c.a_id = {p} OR c.b_id = {p}")
)
_FACET_FILTER = " AND ".join(
    [
        "c.specialty = coalesce(CAST($specialty AS STRING), '')",
        _unless_null("kind", "c.kind = {p}"),
        _unless_null("status", "c.status = {p}"),
        _unless_null("since_year", "c.year >= {p}", "INT64"),
        _unless_null("until_year", "c.year <= {p}", "INT64"),
        _ENDS_FILTER,
    ]
)
_COOPS = "MATCH (c:Cooperation) WHERE " + _ENDS_FILTER + " "
_FACETS = "MATCH (c:CoopFacet) WHERE " + _FACET_FILTER + " "
_ENDS_OUT = ", ".join(f"c.{c} AS {c}" for c in _END_COLS)
_CONCAT = "(x, y) -> list_concat(x, y)"
_COUNTRY = (
    "WITH c, coalesce(c.a_country, 'XX') AS ca, coalesce(c.b_country, 'XX') AS cb "
    "WITH CASE WHEN ca <= cb THEN ca ELSE cb END AS c1, CASE WHEN ca <= cb THEN cb ELSE ca END AS c2, "
    f"list_distinct(list_reduce(collect(c.link_ids), {_CONCAT})) AS ids, "
    f"list_distinct(list_reduce(collect(c.articles), {_CONCAT})) AS arts, "
    "min(c.first_date) AS first_date, max(c.last_date) AS last_date "
    "RETURN c1 AS a_country, c2 AS b_country, size(ids) AS links, size(arts) AS sources, first_date, "
    "last_date, list_sort(ids) AS link_ids " + _pair_order("a_country", "b_country") + "LIMIT $window"
)
_COUNTRY_COUNT = (
    "WITH coalesce(c.a_country, 'XX') AS ca, coalesce(c.b_country, 'XX') AS cb "
    "WITH DISTINCT CASE WHEN ca <= cb THEN ca ELSE cb END AS c1, CASE WHEN ca <= cb THEN cb ELSE ca END AS c2 "
    "RETURN count(*) AS total"
)


def _articles(keep: str) -> str:
    """One row per (link, reporting article): pair `sources` count distinct articles, not per-link counts."""
    return f"UNWIND l.reports AS rep WITH {keep}, l, split_part(rep, '\t', 1) AS art "


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
    _BOTH_WAYS + "WITH id, name, kind, country, count(DISTINCT partner) AS degree, "
    f"size(list_distinct(list_reduce(collect(c.link_ids), {_CONCAT}))) AS links " + _RANKED
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
    "coop_pairs": _COOPS + "RETURN " + _ENDS_OUT + ", c.links AS links, c.sources AS sources, "
    "c.first_date AS first_date, c.last_date AS last_date, c.link_ids AS link_ids "
    + _pair_order("a_id", "b_id")
    + "LIMIT $window",
    "coop_pairs_count": _COOPS + "RETURN count(*) AS total",
    # for one specialty value a pair's facets hold disjoint links: links add up, articles do not
    "coop_facet_pairs": _FACETS + "WITH " + _ENDS_OUT + ", sum(c.links) AS links, "
    "min(c.first_date) AS first_date, max(c.last_date) AS last_date, "
    f"list_reduce(collect(c.link_ids), {_CONCAT}) AS ids, "
    f"list_distinct(list_reduce(collect(c.articles), {_CONCAT})) AS arts "
    "RETURN a_id, a_name, a_kind, a_country, b_id, b_name, b_kind, b_country, links, size(arts) AS sources, "
    "first_date, last_date, list_sort(ids) AS link_ids " + _pair_order("a_id", "b_id") + "LIMIT $window",
    "coop_facet_pairs_count": _FACETS + "RETURN count(DISTINCT c.pair) AS total",
    "coop_country_pairs": _COOPS + _COUNTRY,
    "coop_country_pairs_count": _COOPS + _COUNTRY_COUNT,
    "coop_facet_country_pairs": _FACETS + _COUNTRY,
    "coop_facet_country_pairs_count": _FACETS + _COUNTRY_COUNT,
    "coop_top_actors": _COOPS + _TOP,
    "coop_facet_top_actors": _FACETS + _TOP,
}
