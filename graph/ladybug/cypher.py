"""Every LadybugDB statement: schema tables, the writer's steps and the named read queries.

LadybugDB (Kùzu) binds parameter types from their first use, so every
nullable parameter is cast (a bare ``$p IS NULL`` with ``None`` fails to
bind): once in a leading WITH, or in place in the pair queries, where the
WITH's cross product would keep the link filters above the joins (every link's
pairs built, then filtered: 4-5x slower); struct fields of UNWIND rows are
cast for the same reason. ORDER BY inside WITH needs a LIMIT there, so list columns are
sorted with ``list_sort`` (and again in Python for both stores).

Two nodes looked up by key per row are matched in two clauses joined by WITH
(``MATCH (l {id: r.link}) WITH l, r MATCH (a {id: r.article})``): the
comma form ``MATCH (l {..}), (a {..})`` is planned as a join that scans the
second table, 30x slower on a 10k-article graph (1.4 s vs 46 ms for 500 rows).

No SKIP: LadybugDB 0.22 crashes the process (SIGSEGV in its top-k operator)
on ``ORDER BY ... SKIP n LIMIT m`` once n is in the tens of thousands, which
``GET /links?offset=`` reaches. Paged queries ask for ``LIMIT $window``
(offset + limit) and the store drops the first ``offset`` rows itself.
"""

from __future__ import annotations

SCHEMA: list[str] = [
    "CREATE NODE TABLE IF NOT EXISTS Actor(id STRING, name STRING, kind STRING, country STRING, "
    "aliases STRING[], wikidata STRING, search STRING, rkeys STRING[], merged_from STRING[], PRIMARY KEY(id))",
    "CREATE NODE TABLE IF NOT EXISTS Link(id STRING, kind STRING, cls STRING, status STRING, date STRING, "
    "sources INT64, parties INT64, reports STRING[], topics STRING[], specialties STRING[], areas STRING[], "
    "actor_ids STRING[], countries STRING[], PRIMARY KEY(id))",
    "CREATE NODE TABLE IF NOT EXISTS Specialty(id STRING, iri STRING, labels STRING[], PRIMARY KEY(id))",
    "CREATE NODE TABLE IF NOT EXISTS Area(id STRING, iri STRING, labels STRING[], PRIMARY KEY(id))",
    "CREATE NODE TABLE IF NOT EXISTS Country(code STRING, PRIMARY KEY(code))",
    "CREATE NODE TABLE IF NOT EXISTS Article(id STRING, url STRING, source STRING, title STRING, "
    "date STRING, lang STRING, publisher STRING, content_hash STRING, PRIMARY KEY(id))",
    "CREATE REL TABLE IF NOT EXISTS PARTY_OF(FROM Actor TO Link, side INT64, shown BOOLEAN)",
    "CREATE REL TABLE IF NOT EXISTS COVERS(FROM Link TO Specialty)",
    "CREATE REL TABLE IF NOT EXISTS IN_AREA(FROM Link TO Area)",
    "CREATE REL TABLE IF NOT EXISTS BASED_IN(FROM Actor TO Country)",
    "CREATE REL TABLE IF NOT EXISTS ACTS_FOR(FROM Actor TO Actor)",
    "CREATE REL TABLE IF NOT EXISTS REPORTED_IN(FROM Link TO Article, text STRING, start INT64, `end` INT64)",
    "CREATE REL TABLE IF NOT EXISTS MENTIONED_IN(FROM Actor TO Article, names STRING[], rkeys STRING[])",
    # the index of Actor.rkeys: resolution looks actors up by key without scanning every actor
    "CREATE NODE TABLE IF NOT EXISTS ResolutionKey(id STRING, actors STRING[], PRIMARY KEY(id))",
    # graphs written before mentions carried the names they used
    "ALTER TABLE MENTIONED_IN ADD IF NOT EXISTS names STRING[]",
    "ALTER TABLE MENTIONED_IN ADD IF NOT EXISTS rkeys STRING[]",
    # graphs written before the key index: index the keys of actors that have none indexed
    "OPTIONAL MATCH (x:ResolutionKey) WITH count(x) AS n WHERE n = 0 MATCH (a:Actor) UNWIND a.rkeys AS k "
    "WITH k, collect(a.id) AS ids MERGE (r:ResolutionKey {id: k}) SET r.actors = ids",
]

CONCEPTS = {
    "Specialty": "UNWIND $rows AS r MERGE (s:Specialty {id: r.id}) "
    "SET s.iri = CAST(r.iri AS STRING), s.labels = CAST(r.labels AS STRING[])",
    "Area": "UNWIND $rows AS r MERGE (s:Area {id: r.id}) "
    "SET s.iri = CAST(r.iri AS STRING), s.labels = CAST(r.labels AS STRING[])",
}

CLEAR = ["MATCH (n) DETACH DELETE n"]

_ARTICLE_UPSERT = (
    "MERGE (t:Article {id: $id}) SET t.url = CAST($url AS STRING), t.source = CAST($source AS STRING), "
    "t.title = CAST($title AS STRING), t.date = CAST($date AS STRING), t.lang = CAST($lang AS STRING), "
    "t.publisher = CAST($publisher AS STRING), t.content_hash = CAST($content_hash AS STRING)"
)

WRITE: dict[str, str] = {
    "article_get": "MATCH (a:Article {id: $id}) RETURN a.content_hash AS content_hash",
    "article_detach": "MATCH (a:Article {id: $id}) OPTIONAL MATCH (a)<-[r:REPORTED_IN]-(:Link) DELETE r "
    "WITH DISTINCT a OPTIONAL MATCH (a)<-[m:MENTIONED_IN]-(:Actor) DELETE m",
    "article_upsert": _ARTICLE_UPSERT,
    # the batched forms (graph/batch.py): several articles and their mentions per statement
    "articles_get": "UNWIND CAST($ids AS STRING[]) AS i MATCH (a:Article {id: i}) RETURN a.id AS id, "
    "a.content_hash AS content_hash",
    "articles_upsert": "UNWIND $rows AS r MERGE (t:Article {id: r.id}) SET t.url = CAST(r.url AS STRING), "
    "t.source = CAST(r.source AS STRING), t.title = CAST(r.title AS STRING), t.date = CAST(r.date AS STRING), "
    "t.lang = CAST(r.lang AS STRING), t.publisher = CAST(r.publisher AS STRING), "
    "t.content_hash = CAST(r.content_hash AS STRING)",
    "mentions_create": "UNWIND $rows AS r MATCH (a:Actor {id: r.id}) WITH a, r MATCH (t:Article {id: r.article}) "
    "CREATE (a)-[:MENTIONED_IN {names: CAST(r.m_names AS STRING[]), rkeys: CAST(r.m_rkeys AS STRING[])}]->(t)",
    # new actors with their key index entries; stored ones change only when the article adds names
    "actors_create": "UNWIND $rows AS r CREATE (a:Actor {id: CAST(r.id AS STRING), name: CAST(r.name AS STRING), "
    "kind: CAST(r.kind AS STRING), country: CAST(r.country AS STRING), aliases: CAST(r.aliases AS STRING[]), "
    "wikidata: CAST(r.wikidata AS STRING), search: CAST(r.search AS STRING), rkeys: CAST(r.rkeys AS STRING[]), "
    "merged_from: CAST(r.merged_from AS STRING[])})",
    "actors_update": "UNWIND $rows AS r MATCH (a:Actor {id: r.id}) SET a.aliases = CAST(r.aliases AS STRING[]), "
    "a.wikidata = CAST(r.wikidata AS STRING), a.search = CAST(r.search AS STRING), "
    "a.rkeys = CAST(r.rkeys AS STRING[]), a.merged_from = CAST(r.merged_from AS STRING[])",
    # the key index (key -> actors holding it) gains entries, and loses them (a key nobody holds goes)
    "keys_add": "UNWIND $rows AS r MERGE (k:ResolutionKey {id: r.key}) "
    "ON CREATE SET k.actors = CAST(r.actors AS STRING[]) "
    "ON MATCH SET k.actors = list_sort(list_distinct(list_concat(k.actors, CAST(r.actors AS STRING[]))))",
    "keys_remove": "UNWIND $rows AS r MATCH (k:ResolutionKey {id: r.key}) "
    "SET k.actors = list_filter(k.actors, x -> NOT list_contains(CAST(r.actors AS STRING[]), x)) "
    "WITH k WHERE size(k.actors) = 0 DELETE k",
    # the article and its mentions (every actor exists by now)
    "article_mentions": _ARTICLE_UPSERT + " WITH t UNWIND $rows AS r MATCH (a:Actor {id: r.id}) "
    "CREATE (a)-[:MENTIONED_IN {names: CAST(r.m_names AS STRING[]), rkeys: CAST(r.m_rkeys AS STRING[])}]->(t)",
    "based_in_merge": "UNWIND $rows AS r MATCH (a:Actor {id: r.actor}) MERGE (c:Country {code: r.country}) "
    "MERGE (a)-[:BASED_IN]->(c)",
    "links_reported_by": "WITH $article_id + '\t' AS p MATCH (l:Link) "
    "WHERE any(x IN l.reports WHERE starts_with(x, p)) RETURN l.id AS id",
    "links_state": "UNWIND CAST($ids AS STRING[]) AS i MATCH (l:Link {id: i}) RETURN l.id AS id, l.kind AS kind, l.status AS status, "
    "l.date AS date, l.reports AS reports, l.topics AS topics, l.actor_ids AS actor_ids, "
    "l.countries AS countries, l.parties AS parties",
    "links_delete": "UNWIND CAST($ids AS STRING[]) AS i MATCH (l:Link {id: i}) DETACH DELETE l",
    "link_upsert": "UNWIND $rows AS r MERGE (l:Link {id: r.id}) SET l.kind = CAST(r.kind AS STRING), "
    "l.cls = CAST(r.cls AS STRING), l.status = CAST(r.status AS STRING), l.date = CAST(r.date AS STRING), "
    "l.sources = CAST(r.sources AS INT64), l.parties = CAST(r.parties AS INT64), "
    "l.reports = CAST(r.reports AS STRING[]), l.topics = CAST(r.topics AS STRING[]), "
    "l.specialties = CAST(r.specialties AS STRING[]), l.areas = CAST(r.areas AS STRING[]), "
    "l.actor_ids = CAST(r.actor_ids AS STRING[]), l.countries = CAST(r.countries AS STRING[]) "
    "WITH l, r, CAST(r.is_new AS BOOLEAN) AS is_new WHERE is_new UNWIND r.party_rows AS p MATCH (a:Actor {id: p.actor}) "
    "CREATE (a)-[:PARTY_OF {side: CAST(p.side AS INT64), shown: CAST(p.shown AS BOOLEAN)}]->(l)",
    # the batched forms of link_upsert (graph/batch.py): links new to the store, then their parties
    "links_create": "UNWIND $rows AS r CREATE (l:Link {id: CAST(r.id AS STRING), kind: CAST(r.kind AS STRING), "
    "cls: CAST(r.cls AS STRING), status: CAST(r.status AS STRING), date: CAST(r.date AS STRING), "
    "sources: CAST(r.sources AS INT64), parties: CAST(r.parties AS INT64), reports: CAST(r.reports AS STRING[]), "
    "topics: CAST(r.topics AS STRING[]), specialties: CAST(r.specialties AS STRING[]), "
    "areas: CAST(r.areas AS STRING[]), actor_ids: CAST(r.actor_ids AS STRING[]), "
    "countries: CAST(r.countries AS STRING[])})",
    "parties_create": "UNWIND $rows AS p MATCH (a:Actor {id: p.actor}) WITH a, p MATCH (l:Link {id: p.link}) "
    "CREATE (a)-[:PARTY_OF {side: CAST(p.side AS INT64), shown: CAST(p.shown AS BOOLEAN)}]->(l)",
    "link_topics_clear": "UNWIND CAST($ids AS STRING[]) AS i MATCH (l:Link {id: i})-[r:COVERS|IN_AREA]->() DELETE r",
    # only topics a link does not have yet come here, and concepts are seeded with the schema
    "covers_create": "UNWIND $rows AS r MATCH (l:Link {id: r.link}) WITH l, r MATCH (s:Specialty {id: r.target}) "
    "CREATE (l)-[:COVERS]->(s)",
    "in_area_create": "UNWIND $rows AS r MATCH (l:Link {id: r.link}) WITH l, r MATCH (s:Area {id: r.target}) "
    "CREATE (l)-[:IN_AREA]->(s)",
    "reported_in_create": "UNWIND $rows AS r MATCH (l:Link {id: r.link}) WITH l, r MATCH (a:Article {id: r.article}) "
    "CREATE (l)-[:REPORTED_IN {text: CAST(r.text AS STRING), start: CAST(r.start AS INT64), "
    "`end`: CAST(r.`end` AS INT64)}]->(a)",
    "actors_get": "UNWIND CAST($ids AS STRING[]) AS i MATCH (a:Actor {id: i}) RETURN a.id AS id, a.name AS name, a.kind AS kind, "
    "a.country AS country, a.aliases AS aliases, a.wikidata AS wikidata, a.rkeys AS rkeys, "
    "a.merged_from AS merged_from",
    # actors holding one of the keys (through the key index), or with one of the ids
    "actors_lookup": "UNWIND CAST($keys AS STRING[]) AS k MATCH (x:ResolutionKey {id: k}) UNWIND x.actors AS i "
    "MATCH (a:Actor {id: i}) "
    "RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases, "
    "a.wikidata AS wikidata, a.rkeys AS rkeys, a.merged_from AS merged_from UNION "
    "UNWIND CAST($ids AS STRING[]) AS i MATCH (a:Actor {id: i}) "
    "RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases, "
    "a.wikidata AS wikidata, a.rkeys AS rkeys, a.merged_from AS merged_from",
    "article_actors": "MATCH (x:Actor)-[:MENTIONED_IN]->(t:Article {id: $id}) RETURN DISTINCT x.id AS id",
    "actor_mentions": "UNWIND CAST($ids AS STRING[]) AS i MATCH (x:Actor {id: i})-[m:MENTIONED_IN]->(:Article) "
    "RETURN x.id AS id, m.names AS names, m.rkeys AS rkeys",
    "actor_names_set": "UNWIND $rows AS r MATCH (a:Actor {id: r.id}) SET a.aliases = CAST(r.aliases AS STRING[]), "
    "a.search = CAST(r.search AS STRING), a.rkeys = CAST(r.rkeys AS STRING[])",
    "acts_for_merge": "UNWIND $rows AS r MATCH (p:Actor {id: r.person}) WITH p, r MATCH (b:Actor {id: r.body}) "
    "MERGE (p)-[:ACTS_FOR]->(b)",
    "orphans_find": "UNWIND CAST($ids AS STRING[]) AS i MATCH (a:Actor {id: i}) WHERE NOT EXISTS { MATCH (a)-[:PARTY_OF]->(:Link) } "
    "AND NOT EXISTS { MATCH (a)-[:MENTIONED_IN]->(:Article) } RETURN a.id AS id, a.country AS country, a.rkeys AS rkeys",
    "actors_delete": "UNWIND CAST($ids AS STRING[]) AS i MATCH (a:Actor {id: i}) DETACH DELETE a",
    "countries_orphans_delete": "MATCH (c:Country) WHERE c.code IN $codes "
    "AND NOT EXISTS { MATCH (c)<-[:BASED_IN]-(:Actor) } DETACH DELETE c",
}

_PRE = (
    "WITH CAST($specialty AS STRING) AS specialty, CAST($area AS STRING) AS area, "
    "CAST($country AS STRING) AS country, CAST($actor AS STRING) AS actor, CAST($kind AS STRING) AS kind, "
    "CAST($status AS STRING) AS status, CAST($since AS STRING) AS since, CAST($until AS STRING) AS until "
)
_LINK_CORE = (
    "(specialty IS NULL OR list_contains(l.specialties, specialty)) "
    "AND (area IS NULL OR list_contains(l.areas, area)) AND (kind IS NULL OR l.kind = kind) "
    "AND (status IS NULL OR l.status = status) AND (since IS NULL OR l.date >= since) "
    "AND (until IS NULL OR l.date <= until)"
)
_LINK_ALL = (
    _LINK_CORE + " AND (country IS NULL OR list_contains(l.countries, country)) "
    "AND (actor IS NULL OR list_contains(l.actor_ids, actor))"
)


def _unless_null(param: str, test: str) -> str:
    """``test`` on the parameter cast in place, true when it is None (see the module docstring)."""
    cast = f"CAST(${param} AS STRING)"
    return f"({cast} IS NULL OR {test.format(p=cast)})"


def _pairs(compare: str) -> str:
    """Matching links with their cross-side actor pairs, ``a.id {compare} b.id``: ``<`` gives each
    pair once, ``<>`` both ways round (per-actor aggregates then group on ``a`` alone)."""
    return (
        "MATCH (l:Link) WHERE "
        + " AND ".join(
            [
                _unless_null("specialty", "list_contains(l.specialties, {p})"),
                _unless_null("area", "list_contains(l.areas, {p})"),
                _unless_null("kind", "l.kind = {p}"),
                _unless_null("status", "l.status = {p}"),
                _unless_null("since", "l.date >= {p}"),
                _unless_null("until", "l.date <= {p}"),
            ]
        )
        + " MATCH (a:Actor)-[ra:PARTY_OF]->(l)<-[rb:PARTY_OF]-(b:Actor) "
        f"WHERE ra.side <> rb.side AND a.id {compare} b.id AND ra.shown AND rb.shown "
        "AND " + _unless_null("country", "a.country = {p} OR b.country = {p}") + " "
        "AND " + _unless_null("actor", "a.id = {p} OR b.id = {p}") + " "
    )


_PAIRS = _pairs("<")
_PAIRS_BOTH_WAYS = _pairs("<>")


_COUNTRY_PAIR = (
    "WITH l, coalesce(a.country, 'XX') AS ca, coalesce(b.country, 'XX') AS cb "
    "WITH DISTINCT l, CASE WHEN ca <= cb THEN ca ELSE cb END AS c1, CASE WHEN ca <= cb THEN cb ELSE ca END AS c2 "
)


_ACTOR_COLS = (
    "a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases, "
    "count(DISTINCT l.id) AS links"
)

READ: dict[str, str] = {
    "links": _PRE + "MATCH (l:Link) WHERE " + _LINK_ALL + " RETURN l.id AS id, l.kind AS kind, "
    "l.status AS status, l.date AS date, l.specialties AS specialties, l.areas AS areas, "
    "l.sources AS sources, l.parties AS parties "
    "ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, id LIMIT $window",
    "links_count": _PRE + "MATCH (l:Link) WHERE " + _LINK_ALL + " RETURN count(l) AS total",
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
    "count(DISTINCT l.id) AS links",
    "actor_links": "MATCH (a:Actor {id: $id})-[ra:PARTY_OF]->(l:Link)<-[rb:PARTY_OF]-(p:Actor) "
    "WHERE ra.side <> rb.side RETURN l.id AS link_id, l.kind AS kind, l.status AS status, l.date AS date, "
    "l.specialties AS specialties, l.areas AS areas, p.id AS partner_id, p.name AS partner_name, "
    "p.kind AS partner_kind, p.country AS partner_country "
    "ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date, link_id, partner_id",
    "actors_search": "WITH CAST($kind AS STRING) AS kind, CAST($country AS STRING) AS country, "
    "CAST($terms AS STRING[]) AS terms MATCH (a:Actor) WHERE all(t IN terms WHERE a.search CONTAINS t) "
    "AND (kind IS NULL OR a.kind = kind) AND (country IS NULL OR a.country = country) "
    "OPTIONAL MATCH (a)-[:PARTY_OF]->(l:Link) RETURN " + _ACTOR_COLS + " "
    "ORDER BY links DESC, name, id LIMIT $limit",
    "specialty_counts": "MATCH (s:Specialty) OPTIONAL MATCH (l:Link)-[:COVERS]->(s) "
    "RETURN s.id AS id, count(DISTINCT l.id) AS links ORDER BY id",
    "area_counts": "MATCH (s:Area) OPTIONAL MATCH (l:Link)-[:IN_AREA]->(s) "
    "RETURN s.id AS id, count(DISTINCT l.id) AS links ORDER BY id",
    "country_counts": "MATCH (c:Country) OPTIONAL MATCH (a:Actor)-[:BASED_IN]->(c) "
    "OPTIONAL MATCH (a)-[:PARTY_OF]->(l:Link) "
    "RETURN c.code AS code, count(DISTINCT a.id) AS actors, count(DISTINCT l.id) AS links ORDER BY code",
    "network_edges_scan": _PAIRS
    + "RETURN l.id AS link_id, l.kind AS kind, l.status AS status, l.date AS date, "
    "l.specialties AS specialties, l.sources AS sources, a.id AS a_id, b.id AS b_id "
    "ORDER BY sources DESC, link_id, a_id, b_id LIMIT $limit",
    # collect + UNWIND: the ranking and the number ranked from one pass over the pairs
    "network_top_actors_scan": _PAIRS_BOTH_WAYS + "WITH a.id AS id, a.name AS name, a.kind AS kind, "
    "a.country AS country, count(DISTINCT b.id) AS degree, count(DISTINCT l.id) AS links "
    "WITH collect({id: id, name: name, kind: kind, country: country, degree: degree, links: links}) AS ranked "
    "UNWIND ranked AS r RETURN r.id AS id, r.name AS name, r.kind AS kind, r.country AS country, "
    "r.degree AS degree, r.links AS links, size(ranked) AS total "
    "ORDER BY degree DESC, links DESC, id LIMIT $limit",
    # IN on the pattern's actors: as fast here as UNWIND $ids + primary-key lookups (measured);
    # list_reduce fails on an empty list, but every group holds at least one link
    "network_edges_among_scan": _PAIRS
    + "AND a.id IN CAST($ids AS STRING[]) AND b.id IN CAST($ids AS STRING[]) "
    "WITH DISTINCT l, a.id AS a_id, b.id AS b_id RETURN a_id, b_id, l.kind AS kind, l.status AS status, "
    "list_sort(collect(l.id)) AS link_ids, "
    "list_sort(list_distinct(list_reduce(collect(l.specialties), (x, y) -> list_concat(x, y)))) AS specialties, "
    "sum(coalesce(l.sources, 0)) AS sources ORDER BY a_id, b_id, kind, status",
    "actors_by_ids": "MATCH (a:Actor) WHERE a.id IN $ids OPTIONAL MATCH (a)-[:PARTY_OF]->(l:Link) "
    "RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases, "
    "a.wikidata AS wikidata, count(DISTINCT l.id) AS links ORDER BY id",
    "acts_for": "MATCH (p:Actor)-[:ACTS_FOR]->(b:Actor) WHERE p.id IN $ids "
    "RETURN p.id AS person_id, b.id AS body_id ORDER BY person_id, body_id",
    "links_per_year": "MATCH (l:Link) WHERE l.date IS NOT NULL "
    "RETURN CAST(substring(l.date, 1, 4) AS INT64) AS year, l.kind AS kind, count(*) AS links "
    "ORDER BY year, kind",
    "country_specialty_matrix": "MATCH (a:Actor)-[:PARTY_OF]->(l:Link)-[:COVERS]->(s:Specialty) "
    "WHERE a.country IS NOT NULL RETURN a.country AS country, s.id AS specialty, "
    "count(DISTINCT l.id) AS links ORDER BY country, specialty",
    "article": "MATCH (a:Article {id: $id}) RETURN a.id AS id, a.url AS url, a.source AS source, "
    "a.title AS title, a.date AS date, a.lang AS lang, a.content_hash AS content_hash",
    "node_counts": "MATCH (n) WHERE NOT label(n) IN ['ResolutionKey', 'GraphVersion'] "
    "RETURN label(n) AS label, count(*) AS `count` ORDER BY label",
    "rel_counts": "MATCH ()-[r]->() RETURN label(r) AS type, count(*) AS `count` ORDER BY type",
}
