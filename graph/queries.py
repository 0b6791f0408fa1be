"""The contract of named read queries: names, parameters and returned columns.

Every dialect (``graph/neo4j``, ``graph/ladybug``) implements every query
named here, and the parity suite runs each one on both stores over the same
fixture graph and compares the answers. The API only ever calls
``store.query(name, **params)`` with these names, so it never holds Cypher.

Conventions for all queries:
- every parameter listed is always passed (``None`` means "no filter"), so
  LadybugDB sees uniform parameter sets;
- dates are ISO strings ``YYYY-MM-DD`` (or None); ``since``/``until`` are
  inclusive bounds on the link's date; links without a date pass date filters
  only when both bounds are None;
- ``specialty``/``area`` are SKOS concept ids (``oncology``), ``country`` an
  ISO alpha-2 code, ``actor`` an actor id, ``kind`` a link kind, ``status`` a
  link status;
- list columns come back as Python lists, sorted ascending, so both stores
  give identical answers; rows are sorted as stated;
- paged queries take ``limit``/``offset`` (None: all rows / none skipped) and
  have a ``*_count`` twin giving the unpaged number of rows;
- the pair queries sort by ``sort`` (one of ``PAIR_SORTS``, None = the first)
  in ``order`` (one of ``ORDERS``, None = the first), rows whose sort value is
  missing always last, ties by the pair's two ids ascending: the order
  ``GET /cooperations`` documents, kept in the store so only one page travels.
"""

from __future__ import annotations

from dataclasses import dataclass

LINK_FILTERS = ("specialty", "area", "country", "actor", "kind", "status", "since", "until")
#: Sort keys of the pair queries: each is also the name of the column sorted on.
PAIR_SORTS = ("links", "sources", "last_date")
ORDERS = ("desc", "asc")
PAIR_PAGING = ("sort", "order", "limit", "offset")


@dataclass(frozen=True)
class QuerySpec:
    name: str
    params: tuple[str, ...]
    columns: tuple[str, ...]
    doc: str


SPECS: dict[str, QuerySpec] = {
    s.name: s
    for s in [
        QuerySpec(
            "cooperation_pairs",
            (*LINK_FILTERS, *PAIR_PAGING),
            (
                "a_id",
                "a_name",
                "a_kind",
                "a_country",
                "b_id",
                "b_name",
                "b_kind",
                "b_country",
                "links",
                "sources",
                "first_date",
                "last_date",
                "link_ids",
            ),
            "Actor pairs on different sides of some matching link (a_id < b_id), aggregated: "
            "number of distinct links, number of distinct articles reporting them (`sources`), min/max link date, "
            "sorted link ids. A person is dropped from a side that also holds a non-person. "
            "`country` matches when either actor of the pair is based in it; `actor` when either is it. "
            "Sorted by `sort` in `order` (default links desc), missing values last, then a_id, b_id; "
            "paged with limit/offset.",
        ),
        QuerySpec(
            "cooperation_pairs_count",
            LINK_FILTERS,
            ("total",),
            "Number of rows cooperation_pairs gives for the filters, unpaged.",
        ),
        QuerySpec(
            "cooperation_country_pairs",
            (*LINK_FILTERS, *PAIR_PAGING),
            ("a_country", "b_country", "links", "sources", "first_date", "last_date", "link_ids"),
            "As cooperation_pairs, aggregated by the actors' countries (international organisations "
            "count as country 'XX'; a_country <= b_country; same-country pairs included only when "
            "they differ in actor). Sorted by `sort` in `order` (default links desc), missing values "
            "last, then a_country, b_country; paged with limit/offset.",
        ),
        QuerySpec(
            "cooperation_country_pairs_count",
            LINK_FILTERS,
            ("total",),
            "Number of rows cooperation_country_pairs gives for the filters, unpaged.",
        ),
        QuerySpec(
            "links",
            (*LINK_FILTERS, "limit", "offset"),
            ("id", "kind", "status", "date", "specialties", "areas", "sources", "parties"),
            "Matching links, sorted by date desc (nulls last), id; `parties` is the number of actors. "
            "Paged with limit/offset.",
        ),
        QuerySpec("links_count", LINK_FILTERS, ("total",), "Number of links matching the filters."),
        QuerySpec(
            "link",
            ("id",),
            ("id", "kind", "status", "date", "specialties", "areas", "sources"),
            "One link by id (zero rows when absent).",
        ),
        QuerySpec(
            "link_parties",
            ("ids",),
            ("link_id", "side", "actor_id", "name", "kind", "country"),
            "The parties of the given links with the side index they stand on; sorted by link_id, side, actor_id.",
        ),
        QuerySpec(
            "link_evidence",
            ("ids",),
            ("link_id", "text", "start", "end", "article_id", "url", "title", "date"),
            "Evidence sentences of the given links with their articles; sorted by link_id, article_id, start.",
        ),
        QuerySpec(
            "actor",
            ("id",),
            ("id", "name", "kind", "country", "aliases", "wikidata", "links"),
            "One actor by id with its number of links (zero rows when absent).",
        ),
        QuerySpec(
            "actor_links",
            ("id",),
            (
                "link_id",
                "kind",
                "status",
                "date",
                "specialties",
                "areas",
                "partner_id",
                "partner_name",
                "partner_kind",
                "partner_country",
            ),
            "One row per (link, partner on another side) of the actor; sorted by date, link_id, partner_id.",
        ),
        QuerySpec(
            "actors_search",
            ("q", "kind", "country", "limit"),
            ("id", "name", "kind", "country", "aliases", "links"),
            "Actors whose name or aliases match `q` (full text; inflected Russian forms found through "
            "stems; None lists all), filtered by kind and country; sorted by links desc, name, id.",
        ),
        QuerySpec(
            "specialty_counts",
            (),
            ("id", "links"),
            "Every Specialty node with the number of links covering it; sorted by id.",
        ),
        QuerySpec(
            "area_counts", (), ("id", "links"), "Every Area node with its number of links; sorted by id."
        ),
        QuerySpec(
            "country_counts",
            (),
            ("code", "actors", "links"),
            "Every country code with its actors and the distinct links they take part in; sorted by code.",
        ),
        QuerySpec(
            "network_edges",
            (*LINK_FILTERS, "limit"),
            ("link_id", "kind", "status", "date", "specialties", "sources", "a_id", "b_id"),
            "One row per (matching link, cross-side actor pair a_id < b_id), persons dropped as in "
            "cooperation_pairs; sorted by sources desc, link_id, a_id, b_id; at most `limit` rows.",
        ),
        QuerySpec(
            "network_top_actors",
            (*LINK_FILTERS, "limit"),
            ("id", "name", "kind", "country", "degree", "links", "total"),
            "The actors of the network_edges rows, most connected first: `degree` = distinct partners "
            "over those rows, `links` = distinct links; sorted by degree desc, links desc, id; at most "
            "`limit` rows (the network view's node cap, applied in the store). `total`, the same on "
            "every row, is the number of such actors before the limit.",
        ),
        QuerySpec(
            "network_edges_among",
            (*LINK_FILTERS, "ids"),
            ("a_id", "b_id", "kind", "status", "link_ids", "specialties", "sources"),
            "The network_edges rows whose two actors are both among `ids`, unlimited, aggregated per "
            "(a_id, b_id, link kind, link status): the distinct link ids, the union of their specialties, "
            "the sum of their source counts; sorted by a_id, b_id, kind, status.",
        ),
        QuerySpec(
            "actors_by_ids",
            ("ids",),
            ("id", "name", "kind", "country", "aliases", "wikidata", "links"),
            "Actors for the given ids with their Wikidata id (or None); sorted by id.",
        ),
        QuerySpec(
            "acts_for",
            ("ids",),
            ("person_id", "body_id"),
            "The bodies the given persons act for (ACTS_FOR); sorted by person_id, body_id.",
        ),
        QuerySpec(
            "links_per_year",
            (),
            ("year", "kind", "links"),
            "Links with a date, counted per year and kind; sorted by year, kind.",
        ),
        QuerySpec(
            "country_specialty_matrix",
            (),
            ("country", "specialty", "links"),
            "For each actor country and specialty, the distinct links in which an actor of that country "
            "takes part; sorted by country, specialty.",
        ),
        QuerySpec(
            "article",
            ("id",),
            ("id", "url", "source", "title", "date", "lang", "content_hash"),
            "One article by id.",
        ),
        QuerySpec("node_counts", (), ("label", "count"), "Node counts by label; sorted by label."),
        QuerySpec("rel_counts", (), ("type", "count"), "Relationship counts by type; sorted by type."),
    ]
}

#: The pair queries. Each is answered from the stored pairs (graph/cooperation.py) when it can, and has a
#: ``*_scan`` twin, the same contract answered by applying the pair rule to every matching link: what the
#: stored pairs replace, run for the filters no stored row answers and by the tests that compare the two.
PAIR_QUERIES = (
    "cooperation_pairs",
    "cooperation_pairs_count",
    "cooperation_country_pairs",
    "cooperation_country_pairs_count",
)
#: Every query answered from the stored pairs when it can (the network's ranking too), with its scan twin.
ROUTED_QUERIES = (*PAIR_QUERIES, "network_top_actors", "network_edges", "network_edges_among")
SPECS.update(
    {
        f"{n}_scan": QuerySpec(f"{n}_scan", SPECS[n].params, SPECS[n].columns, f"{n} by a scan of the links.")
        for n in ROUTED_QUERIES
    }
)
