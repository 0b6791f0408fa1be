"""Every Neo4j statement: constraints and indexes, the writer's steps and the named read queries.

Mirrors ``graph/ladybug/cypher.py`` statement by statement; the parity suite
holds the two to the same answers. Links also carry their ontology class as a
second label (``:Link:Agreement``), set as a dynamic label (``SET l:$(r.cls)``,
Neo4j 5.26) from a class name checked against ``[A-Z][A-Za-z]*``.

Aggregations count and group nodes, not their id strings (``count(DISTINCT l)``):
the same answer with a fraction of the transaction memory, which on a 100k-article
graph decided whether four concurrent ``/network`` requests fit Neo4j's
transaction memory pool (a default 1 GB heap) or failed.

There is deliberately no full-text index. ``actors_search`` must give the same
actors in the same order on both stores: every query stem (``graph/text.py``)
starts a token of the actor's stemmed names, sorted by links, name, id. A
Lucene index with the Russian analyzer tokenises and stems differently (and
stems English and Uzbek names by Russian rules), so as a filter it would find
other actors than LadybugDB, and its relevance score cannot rank when the
contract's order is by links. It was kept up to date on every write and read
by nothing, so the schema drops it (and the property it indexed) from older
databases. The search is a scan of ``Actor.search``, fine for the tens of
thousands of actors a news corpus yields.
"""

from __future__ import annotations

import re

from hdkg.errors import StoreError

SCHEMA: list[str] = [
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT link_id IF NOT EXISTS FOR (n:Link) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT specialty_id IF NOT EXISTS FOR (n:Specialty) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
    # the index of Actor.rkeys: resolution looks actors up by key without scanning every actor
    "CREATE CONSTRAINT resolution_key_id IF NOT EXISTS FOR (n:ResolutionKey) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind, n.country)",
    "CREATE INDEX link_date IF NOT EXISTS FOR (n:Link) ON (n.date)",
    "CREATE INDEX link_kind IF NOT EXISTS FOR (n:Link) ON (n.kind, n.status)",
    # No full-text index: `actors_search` must answer exactly as on LadybugDB (see the module docstring).
    "DROP INDEX actor_names IF EXISTS",
    "MATCH (a:Actor) WHERE a.names_text IS NOT NULL CALL (a) { REMOVE a.names_text } IN TRANSACTIONS OF 5000 ROWS",
    # graphs written before the key index: index the keys of actors that have none indexed
    "OPTIONAL MATCH (x:ResolutionKey) WITH count(x) AS n WHERE n = 0 MATCH (a:Actor) UNWIND a.rkeys AS k "
    "WITH k, collect(a.id) AS ids CALL (k, ids) { MERGE (r:ResolutionKey {id: k}) SET r.actors = ids } "
    "IN TRANSACTIONS OF 5000 ROWS",
]

CONCEPTS = {
    "Specialty": "UNWIND $rows AS r MERGE (s:Specialty {id: r.id}) SET s.iri = r.iri, s.labels = r.labels",
    "Area": "UNWIND $rows AS r MERGE (s:Area {id: r.id}) SET s.iri = r.iri, s.labels = r.labels",
}

# Relationships first, then the nodes: DETACH DELETE of a hub (a ministry, a specialty) takes all its
# relationships into one inner transaction, which on a 100k-article graph overflowed the memory pool.
CLEAR = [
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
]

PING = (
    "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' "
    "RETURN 1 AS ok, versions[0] AS version, edition"
)

_CLASS = re.compile(r"^[A-Z][A-Za-z]*$")


def check_link_class(cls: str) -> str:
    """The kind's ontology class name, checked before it becomes a label (``SET l:$(r.cls)``)."""
    if not _CLASS.match(cls):
        raise StoreError(f"refusing link class label {cls!r}", where="graph.neo4j.cypher")
    return cls


_ARTICLE_UPSERT = (
    "MERGE (t:Article {id: $id}) SET t.url = $url, t.source = $source, t.title = $title, t.date = $date, "
    "t.lang = $lang, t.publisher = $publisher, t.content_hash = $content_hash"
)

WRITE: dict[str, str] = {
    "article_get": "MATCH (a:Article {id: $id}) RETURN a.content_hash AS content_hash",
    "article_detach": "MATCH (a:Article {id: $id}) OPTIONAL MATCH (a)<-[r:REPORTED_IN|MENTIONED_IN]-() DELETE r",
    "article_upsert": _ARTICLE_UPSERT,
    # the batched forms (graph/batch.py): several articles and their mentions per statement
    "articles_get": "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.content_hash AS content_hash",
    "articles_upsert": "UNWIND $rows AS r MERGE (t:Article {id: r.id}) SET t.url = r.url, t.source = r.source, "
    "t.title = r.title, t.date = r.date, t.lang = r.lang, t.publisher = r.publisher, "
    "t.content_hash = r.content_hash",
    "mentions_create": "UNWIND $rows AS r MATCH (a:Actor {id: r.id}) MATCH (t:Article {id: r.article}) "
    "CREATE (a)-[:MENTIONED_IN {names: r.m_names, rkeys: r.m_rkeys}]->(t)",
    # new actors with their key index entries; stored ones change only when the article adds names
    "actors_create": "UNWIND $rows AS r CREATE (a:Actor {id: r.id, name: r.name, kind: r.kind, country: r.country, "
    "aliases: r.aliases, wikidata: r.wikidata, search: r.search, rkeys: r.rkeys, merged_from: r.merged_from})",
    "actors_update": "UNWIND $rows AS r MATCH (a:Actor {id: r.id}) SET a.aliases = r.aliases, "
    "a.wikidata = r.wikidata, a.search = r.search, a.rkeys = r.rkeys, a.merged_from = r.merged_from",
    # the key index (key -> actors holding it) gains entries, and loses them (a key nobody holds goes)
    "keys_add": "UNWIND $rows AS r MERGE (k:ResolutionKey {id: r.key}) ON CREATE SET k.actors = r.actors "
    "ON MATCH SET k.actors = [x IN k.actors WHERE NOT x IN r.actors] + r.actors",
    "keys_remove": "UNWIND $rows AS r MATCH (k:ResolutionKey {id: r.key}) "
    "SET k.actors = [x IN k.actors WHERE NOT x IN r.actors] WITH k WHERE size(k.actors) = 0 DELETE k",
    # the article and its mentions (every actor exists by now)
    "article_mentions": _ARTICLE_UPSERT + " WITH t UNWIND $rows AS r MATCH (a:Actor {id: r.id}) "
    "CREATE (a)-[:MENTIONED_IN {names: r.m_names, rkeys: r.m_rkeys}]->(t)",
    "based_in_merge": "UNWIND $rows AS r MATCH (a:Actor {id: r.actor}) MERGE (c:Country {code: r.country}) "
    "MERGE (a)-[:BASED_IN]->(c)",
    "links_reported_by": "MATCH (l:Link) WHERE any(x IN l.reports WHERE x STARTS WITH $article_id + '\t') "
    "RETURN l.id AS id",
    "links_state": "MATCH (l:Link) WHERE l.id IN $ids RETURN l.id AS id, l.kind AS kind, l.status AS status, "
    "l.date AS date, l.reports AS reports, l.topics AS topics, l.actor_ids AS actor_ids, "
    "l.countries AS countries, l.parties AS parties",
    "links_delete": "MATCH (l:Link) WHERE l.id IN $ids DETACH DELETE l",
    # links with their ontology class label (a dynamic label, Neo4j 5.26) and their parties
    "link_upsert": "UNWIND $rows AS r MERGE (l:Link {id: r.id}) SET l.kind = r.kind, l.cls = r.cls, "
    "l.status = r.status, l.date = r.date, l.sources = r.sources, l.parties = r.parties, "
    "l.reports = r.reports, l.topics = r.topics, l.specialties = r.specialties, l.areas = r.areas, "
    "l.actor_ids = r.actor_ids, l.countries = r.countries, l:$(r.cls) "
    "WITH l, r WHERE r.is_new UNWIND r.party_rows AS p MATCH (a:Actor {id: p.actor}) "
    "CREATE (a)-[:PARTY_OF {side: p.side, shown: p.shown}]->(l)",
    # the batched forms of link_upsert (graph/batch.py): links new to the store, then their parties
    "links_create": "UNWIND $rows AS r CREATE (l:Link {id: r.id, kind: r.kind, cls: r.cls, status: r.status, "
    "date: r.date, sources: r.sources, parties: r.parties, reports: r.reports, topics: r.topics, "
    "specialties: r.specialties, areas: r.areas, actor_ids: r.actor_ids, countries: r.countries}) SET l:$(r.cls)",
    "parties_create": "UNWIND $rows AS p MATCH (a:Actor {id: p.actor}) MATCH (l:Link {id: p.link}) "
    "CREATE (a)-[:PARTY_OF {side: p.side, shown: p.shown}]->(l)",
    "link_topics_clear": "MATCH (l:Link)-[r:COVERS|IN_AREA]->() WHERE l.id IN $ids DELETE r",
    # only topics a link does not have yet come here, and concepts are seeded with the schema
    "covers_create": "UNWIND $rows AS r MATCH (l:Link {id: r.link}) MATCH (s:Specialty {id: r.target}) "
    "CREATE (l)-[:COVERS]->(s)",
    "in_area_create": "UNWIND $rows AS r MATCH (l:Link {id: r.link}) MATCH (s:Area {id: r.target}) "
    "CREATE (l)-[:IN_AREA]->(s)",
    "reported_in_create": "UNWIND $rows AS r MATCH (l:Link {id: r.link}), (a:Article {id: r.article}) "
    "CREATE (l)-[:REPORTED_IN {text: r.text, start: r.start, `end`: r.`end`}]->(a)",
    "actors_get": "MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id, a.name AS name, a.kind AS kind, "
    "a.country AS country, a.aliases AS aliases, a.wikidata AS wikidata, a.rkeys AS rkeys, "
    "a.merged_from AS merged_from",
    # actors holding one of the keys (through the key index), or with one of the ids
    "actors_lookup": "CALL () { UNWIND $keys AS k MATCH (x:ResolutionKey {id: k}) UNWIND x.actors AS i "
    "MATCH (a:Actor {id: i}) RETURN a UNION UNWIND $ids AS i MATCH (a:Actor {id: i}) RETURN a } "
    "RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases, "
    "a.wikidata AS wikidata, a.rkeys AS rkeys, a.merged_from AS merged_from",
    "article_actors": "MATCH (x:Actor)-[:MENTIONED_IN]->(t:Article {id: $id}) RETURN DISTINCT x.id AS id",
    "actor_mentions": "MATCH (x:Actor)-[m:MENTIONED_IN]->(:Article) WHERE x.id IN $ids "
    "RETURN x.id AS id, m.names AS names, m.rkeys AS rkeys",
    "actor_names_set": "UNWIND $rows AS r MATCH (a:Actor {id: r.id}) SET a.aliases = r.aliases, "
    "a.search = r.search, a.rkeys = r.rkeys",
    "acts_for_merge": "UNWIND $rows AS r MATCH (p:Actor {id: r.person}), (b:Actor {id: r.body}) "
    "MERGE (p)-[:ACTS_FOR]->(b)",
    "orphans_find": "MATCH (a:Actor) WHERE a.id IN $ids AND NOT (a)-[:PARTY_OF]->(:Link) "
    "AND NOT (a)-[:MENTIONED_IN]->(:Article) RETURN a.id AS id, a.country AS country, a.rkeys AS rkeys",
    "actors_delete": "MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a",
    "countries_orphans_delete": "MATCH (c:Country) WHERE c.code IN $codes AND NOT (c)<-[:BASED_IN]-(:Actor) "
    "DETACH DELETE c",
}

_LINK_CORE = (
    "($specialty IS NULL OR $specialty IN l.specialties) AND ($area IS NULL OR $area IN l.areas) "
    "AND ($kind IS NULL OR l.kind = $kind) AND ($status IS NULL OR l.status = $status) "
    "AND ($since IS NULL OR l.date >= $since) AND ($until IS NULL OR l.date <= $until)"
)
_LINK_ALL = (
    _LINK_CORE + " AND ($country IS NULL OR $country IN l.countries) "
    "AND ($actor IS NULL OR $actor IN l.actor_ids)"
)


def _pairs(compare: str) -> str:
    """Matching links with their cross-side actor pairs, ``a.id {compare} b.id`` (as in the LadybugDB module)."""
    return (
        "MATCH (l:Link) WHERE " + _LINK_CORE + " "
        "MATCH (a:Actor)-[ra:PARTY_OF]->(l)<-[rb:PARTY_OF]-(b:Actor) "
        f"WHERE ra.side <> rb.side AND a.id {compare} b.id AND ra.shown AND rb.shown "
        "AND ($country IS NULL OR a.country = $country OR b.country = $country) "
        "AND ($actor IS NULL OR a.id = $actor OR b.id = $actor) "
    )


_PAIRS = _pairs("<")
_PAIRS_BOTH_WAYS = _pairs("<>")


_COUNTRY_PAIR = (
    "WITH l, coalesce(a.country, 'XX') AS ca, coalesce(b.country, 'XX') AS cb "
    "WITH DISTINCT l, CASE WHEN ca <= cb THEN ca ELSE cb END AS c1, CASE WHEN ca <= cb THEN cb ELSE ca END AS c2 "
)


_ACTOR_COLS = (
    "a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases, "
    "count(DISTINCT l) AS links"
)

READ: dict[str, str] = {
    "links": "MATCH (l:Link) WHERE " + _LINK_ALL + " RETURN l.id AS id, l.kind AS kind, "
    "l.status AS status, l.date AS date, l.specialties AS specialties, l.areas AS areas, "
    "l.sources AS sources, l.parties AS parties "
    "ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, id SKIP $offset LIMIT $limit",
    "links_count": "MATCH (l:Link) WHERE " + _LINK_ALL + " RETURN count(l) AS total",
    "link": "MATCH (l:Link {id: $id}) RETURN l.id AS id, l.kind AS kind, l.status AS status, l.date AS date, "
    "l.specialties AS specialties, l.areas AS areas, l.sources AS sources",
    "link_parties": "MATCH (a:Actor)-[r:PARTY_OF]->(l:Link) WHERE l.id IN $ids RETURN l.id AS link_id, "
    "r.side AS side, a.id AS actor_id, a.name AS name, a.kind AS kind, a.country AS country "
    "ORDER BY link_id, side, actor_id",
    "link_evidence": "MATCH (l:Link)-[r:REPORTED_IN]->(t:Article) WHERE l.id IN $ids RETURN l.id AS link_id, "
    "r.text AS text, r.start AS start, r.`end` AS `end`, t.id AS article_id, t.url AS url, "
    "t.title AS title, t.date AS date ORDER BY link_id, article_id, start",
    "actor": "MATCH (a:Actor {id: $id}) OPTIONAL MATCH (a)-[:PARTY_OF]->(l:Link) RETURN a.id AS id, "
    "a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases, a.wikidata AS wikidata, "
    "count(DISTINCT l) AS links",
    "actor_links": "MATCH (a:Actor {id: $id})-[ra:PARTY_OF]->(l:Link)<-[rb:PARTY_OF]-(p:Actor) "
    "WHERE ra.side <> rb.side RETURN l.id AS link_id, l.kind AS kind, l.status AS status, l.date AS date, "
    "l.specialties AS specialties, l.areas AS areas, p.id AS partner_id, p.name AS partner_name, "
    "p.kind AS partner_kind, p.country AS partner_country "
    "ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date, link_id, partner_id",
    "actors_search": "MATCH (a:Actor) WHERE all(t IN $terms WHERE a.search CONTAINS t) "
    "AND ($kind IS NULL OR a.kind = $kind) AND ($country IS NULL OR a.country = $country) "
    "OPTIONAL MATCH (a)-[:PARTY_OF]->(l:Link) RETURN " + _ACTOR_COLS + " "
    "ORDER BY links DESC, name, id LIMIT $limit",
    "specialty_counts": "MATCH (s:Specialty) OPTIONAL MATCH (l:Link)-[:COVERS]->(s) "
    "RETURN s.id AS id, count(DISTINCT l) AS links ORDER BY id",
    "area_counts": "MATCH (s:Area) OPTIONAL MATCH (l:Link)-[:IN_AREA]->(s) "
    "RETURN s.id AS id, count(DISTINCT l) AS links ORDER BY id",
    "country_counts": "MATCH (c:Country) OPTIONAL MATCH (a:Actor)-[:BASED_IN]->(c) "
    "OPTIONAL MATCH (a)-[:PARTY_OF]->(l:Link) "
    "RETURN c.code AS code, count(DISTINCT a) AS actors, count(DISTINCT l) AS links ORDER BY code",
    "network_edges_scan": _PAIRS
    + "RETURN l.id AS link_id, l.kind AS kind, l.status AS status, l.date AS date, "
    "l.specialties AS specialties, l.sources AS sources, a.id AS a_id, b.id AS b_id "
    "ORDER BY sources DESC, link_id, a_id, b_id LIMIT $limit",
    # collect + UNWIND: the ranking and the number ranked from one pass over the pairs
    "network_top_actors_scan": _PAIRS_BOTH_WAYS
    + "WITH a, count(DISTINCT b) AS degree, count(DISTINCT l) AS links "
    "WITH collect({a: a, degree: degree, links: links}) AS ranked UNWIND ranked AS r "
    "RETURN r.a.id AS id, r.a.name AS name, r.a.kind AS kind, r.a.country AS country, r.degree AS degree, "
    "r.links AS links, size(ranked) AS total ORDER BY degree DESC, links DESC, id LIMIT $limit",
    "network_edges_among_scan": _PAIRS + "AND a.id IN $ids AND b.id IN $ids "
    "WITH DISTINCT l, a.id AS a_id, b.id AS b_id WITH a_id, b_id, l.kind AS kind, l.status AS status, "
    "collect(l.id) AS link_ids, collect(coalesce(l.specialties, [])) AS specs, sum(coalesce(l.sources, 0)) AS sources "
    "RETURN a_id, b_id, kind, status, link_ids, "
    "reduce(acc = [], s IN specs | acc + [x IN s WHERE NOT x IN acc]) AS specialties, sources "
    "ORDER BY a_id, b_id, kind, status",
    "actors_by_ids": "MATCH (a:Actor) WHERE a.id IN $ids OPTIONAL MATCH (a)-[:PARTY_OF]->(l:Link) "
    "RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases, "
    "a.wikidata AS wikidata, count(DISTINCT l) AS links ORDER BY id",
    "acts_for": "MATCH (p:Actor)-[:ACTS_FOR]->(b:Actor) WHERE p.id IN $ids "
    "RETURN p.id AS person_id, b.id AS body_id ORDER BY person_id, body_id",
    "links_per_year": "MATCH (l:Link) WHERE l.date IS NOT NULL "
    "RETURN toInteger(substring(l.date, 0, 4)) AS year, l.kind AS kind, count(*) AS links "
    "ORDER BY year, kind",
    "country_specialty_matrix": "MATCH (a:Actor)-[:PARTY_OF]->(l:Link)-[:COVERS]->(s:Specialty) "
    "WHERE a.country IS NOT NULL RETURN a.country AS country, s.id AS specialty, "
    "count(DISTINCT l) AS links ORDER BY country, specialty",
    "article": "MATCH (a:Article {id: $id}) RETURN a.id AS id, a.url AS url, a.source AS source, "
    "a.title AS title, a.date AS date, a.lang AS lang, a.content_hash AS content_hash",
    "node_counts": "UNWIND $labels AS label CALL (label) { MATCH (n) WHERE label IN labels(n) "
    "RETURN count(n) AS c } WITH label, c WHERE c > 0 RETURN label, c AS `count` ORDER BY label",
    "rel_counts": "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS `count` ORDER BY type",
}
