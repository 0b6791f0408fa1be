"""The yardsticks for the write path: plain hand-written UNWIND MERGE loaders.

``FULL`` writes the same rows as hdkg does for a first write of an article:
the Article, its Actors (aliases, search text, resolution keys as hdkg
computes them), MENTIONED_IN, Country + BASED_IN, ACTS_FOR, the Links (same
ids, class, reports, topics, counts; on Neo4j the class as a second label),
PARTY_OF (side, shown), COVERS, IN_AREA, REPORTED_IN and the stored pairs
(Cooperation as ``graph.cooperation.aggregate`` makes it from the article's own
links, and COOPERATION_LINK). It computes them from
the article alone: no reads, no resolution (actor ids as extracted), no
replacement bookkeeping, no key index; a link reported by several articles
keeps the reports of the last one written. ``MINIMAL`` is the old yardstick:
actors, links and parties with three properties each.

One ``UNWIND $rows AS r MERGE ... SET ...`` per row kind (nodes merged by
key, relationships merged), an empty row list costs no statement (LadybugDB
cannot bind an empty list). Specialty and Area nodes come with the store's
schema and are matched. ``hdkg rate / FULL rate`` is what the store's
guarantees cost over the least a loader must do to store the same graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hdkg.graph import cooperation, model
from hdkg.graph.resolution import resolution_keys
from hdkg.graph.text import search_string
from hdkg.models import Facts

Row = dict[str, Any]
Rows = dict[str, list[Row]]
_S, _SL, _I, _B = "STRING", "STRING[]", "INT64", "BOOLEAN"


def _set(var: str, props: dict[str, str], cast: bool) -> str:
    """``SET v.p = r.p, ...``; with ``cast`` each value is CAST (LadybugDB binds struct field types from use)."""
    return "SET " + ", ".join(
        f"{var}.{p} = " + (f"CAST(r.{p} AS {t})" if cast else f"r.{p}") for p, t in props.items()
    )


_ARTICLE = {"url": _S, "source": _S, "title": _S, "date": _S, "lang": _S, "publisher": _S, "content_hash": _S}
_ACTOR = {"name": _S, "kind": _S, "country": _S, "aliases": _SL, "wikidata": _S, "search": _S,
          "rkeys": _SL, "merged_from": _SL}  # fmt: skip
_COOP = {c: _S for c in ("a_id", "a_name", "a_kind", "a_country", "b_id", "b_name", "b_kind", "b_country",
                         "first_date", "last_date")} | {"links": _I, "sources": _I}  # fmt: skip
_LINK = {"kind": _S, "cls": _S, "status": _S, "date": _S, "sources": _I, "parties": _I, "reports": _SL,
         "topics": _SL, "specialties": _SL, "areas": _SL, "actor_ids": _SL, "countries": _SL}  # fmt: skip


def _full(cast: bool) -> dict[str, str]:
    """Row kind -> statement, in the order they run (nodes before the relationships that match them)."""
    both = ", " if cast else " MATCH "  # LadybugDB takes a comma, Neo4j a second MATCH (no cartesian warning)
    c = (lambda e, t: f"CAST({e} AS {t})") if cast else (lambda e, t: e)
    label = "" if cast else ", l:$(r.cls)"  # Neo4j: the class as a second label, as hdkg sets it
    return {
        "articles": "UNWIND $rows AS r MERGE (r0:Article {id: r.id}) " + _set("r0", _ARTICLE, cast),
        "actors": "UNWIND $rows AS r MERGE (a:Actor {id: r.id}) " + _set("a", _ACTOR, cast),
        "mentions": f"UNWIND $rows AS r MATCH (a:Actor {{id: r.actor}}){both}(t:Article {{id: r.article}}) "
        "MERGE (a)-[m:MENTIONED_IN]->(t) " + _set("m", {"names": _SL, "rkeys": _SL}, cast),
        "based": "UNWIND $rows AS r MATCH (a:Actor {id: r.actor}) MERGE (c:Country {code: r.country}) "
        "MERGE (a)-[:BASED_IN]->(c)",
        "acts_for": f"UNWIND $rows AS r MATCH (p:Actor {{id: r.person}}){both}(b:Actor {{id: r.body}}) "
        "MERGE (p)-[:ACTS_FOR]->(b)",
        "links": "UNWIND $rows AS r MERGE (l:Link {id: r.id}) " + _set("l", _LINK, cast) + label,
        "parties": f"UNWIND $rows AS r MATCH (a:Actor {{id: r.actor}}){both}(l:Link {{id: r.link}}) "
        "MERGE (a)-[p:PARTY_OF]->(l) " + _set("p", {"side": _I, "shown": _B}, cast),
        "covers": f"UNWIND $rows AS r MATCH (l:Link {{id: r.link}}){both}(s:Specialty {{id: r.target}}) "
        "MERGE (l)-[:COVERS]->(s)",
        "areas": f"UNWIND $rows AS r MATCH (l:Link {{id: r.link}}){both}(s:Area {{id: r.target}}) "
        "MERGE (l)-[:IN_AREA]->(s)",
        "evidence": f"UNWIND $rows AS r MATCH (l:Link {{id: r.link}}){both}(t:Article {{id: r.article}}) "
        f"MERGE (l)-[e:REPORTED_IN {{start: {c('r.start', _I)}, `end`: {c('r.`end`', _I)}}}]->(t) "
        f"SET e.text = {c('r.text', _S)}",
        "coops": "UNWIND $rows AS r MERGE (c:Cooperation {id: r.id}) " + _set("c", _COOP, cast),
        "coop_links": f"UNWIND $rows AS r MATCH (c:Cooperation {{id: r.pair}}){both}(l:Link {{id: r.link}}) "
        "MERGE (c)-[:COOPERATION_LINK]->(l)",
    }


def _minimal(cast: bool) -> dict[str, str]:
    both = ", " if cast else " MATCH "
    return {
        "actors": "UNWIND $rows AS r MERGE (a:Actor {id: r.id}) "
        + _set("a", {"name": _S, "kind": _S, "country": _S}, cast),
        "links": "UNWIND $rows AS r MERGE (l:Link {id: r.id}) "
        + _set("l", {"kind": _S, "status": _S, "date": _S}, cast),
        "parties": f"UNWIND $rows AS r MATCH (a:Actor {{id: r.actor}}){both}(l:Link {{id: r.link}}) "
        "MERGE (a)-[p:PARTY_OF]->(l) " + _set("p", {"side": _I}, cast),
    }


def _outlet(facts: Facts) -> str:
    pub = (facts.article.publisher or "").strip().lower()
    return pub or f"article:{facts.article.id}"


def full_rows(facts: Facts) -> Rows:
    """Every row hdkg stores for a first write of this article (values computed as graph/writer.py does)."""
    art, aid = facts.article, facts.article.id
    actors = {a.id: a for a in facts.actors}  # one row per id, the last one wins (as in hdkg)
    out: Rows = {k: [] for k in _full(False)}
    out["articles"].append({"id": aid, "url": art.url, "source": art.source, "title": art.title,
                            "date": art.date.isoformat() if art.date else None, "lang": art.lang,
                            "publisher": art.publisher, "content_hash": art.content_hash})  # fmt: skip
    for a in actors.values():
        names, keys = {a.name, *a.aliases}, resolution_keys(a)
        aliases = sorted(n for n in names if n and n != a.name)
        out["actors"].append({"id": a.id, "name": a.name, "kind": a.type, "country": a.country,
                              "aliases": aliases, "wikidata": a.wikidata,
                              "search": search_string([a.name, *aliases]), "rkeys": keys,
                              "merged_from": []})  # fmt: skip
        out["mentions"].append({"actor": a.id, "article": aid, "names": sorted(names), "rkeys": keys})
        if a.country:
            out["based"].append({"actor": a.id, "country": a.country})
        if a.acts_for and a.acts_for in actors:
            out["acts_for"].append({"person": a.id, "body": a.acts_for})
    classes, report = model.link_classes(), f"{aid}\t{_outlet(facts)}"
    links: dict[str, Row] = {}
    seen: set[tuple[str, int, int]] = set()
    for link in facts.links:
        ident = model.link_identity(link, actors)
        if ident is None:
            continue
        lid, date, sides = ident.id, ident.date, ident.sides
        row = links.get(lid)
        if row is None:
            members = [x for side in sides for x in side]
            row = links[lid] = {"id": lid, "kind": link.kind, "cls": classes.get(link.kind, link.kind.capitalize()),
                                "status": link.status, "date": date, "sources": 1, "parties": len(members),
                                "reports": [report], "specialties": set(), "areas": set(),
                                "actor_ids": sorted(members),
                                "countries": sorted({c for x in members if (c := actors[x].country)})}  # fmt: skip
            for i, side in enumerate(sides):
                has_body = any(actors[x].type != model.PERSON for x in side)
                out["parties"].extend({"actor": x, "link": lid, "side": i,
                                       "shown": actors[x].type != model.PERSON or not has_body} for x in side)  # fmt: skip
        row["specialties"].update(link.specialties)
        row["areas"].update(link.areas)
        for ev in link.evidence:
            if (lid, ev.start, ev.end) not in seen:
                seen.add((lid, ev.start, ev.end))
                out["evidence"].append({"link": lid, "article": aid, "text": ev.text, "start": ev.start,
                                        "end": ev.end})  # fmt: skip
    for row in links.values():
        spec, area = sorted(row["specialties"]), sorted(row["areas"])
        row.update(specialties=spec, areas=area,
                   topics=sorted([f"{aid}\tS\t{s}" for s in spec] + [f"{aid}\tA\t{s}" for s in area]))  # fmt: skip
        out["links"].append(row)
        out["covers"].extend({"link": row["id"], "target": s} for s in spec)
        out["areas"].extend({"link": row["id"], "target": s} for s in area)
    out["coops"], out["coop_links"] = _pair_rows(actors, list(links.values()), out["parties"])
    return out


def _pair_rows(actors: dict[str, Any], links: list[Row], parties: list[Row]) -> tuple[list[Row], list[Row]]:
    """The pairs of the article's links, aggregated from those links alone (the rule as the writer applies it)."""
    shown: dict[str, list[Row]] = {}
    for p in (p for p in parties if p["shown"]):
        shown.setdefault(p["link"], []).append(p)
    pairs: dict[tuple[str, str], list[Row]] = {}
    for row in links:
        for a, b in ((x, y) for x in shown.get(row["id"], []) for y in shown[row["id"]]):
            if a["side"] != b["side"] and a["actor"] < b["actor"]:
                ends = {f"{s}_{k}": getattr(actors[p["actor"]], f, p["actor"]) for s, p in (("a", a), ("b", b))
                        for k, f in (("id", "id"), ("name", "name"), ("kind", "type"), ("country", "country"))}  # fmt: skip
                pairs.setdefault((a["actor"], b["actor"]), []).append({**ends, **row, "link_id": row["id"]})
    coops = [cooperation.aggregate(p, rows) for p, rows in sorted(pairs.items())]
    return coops, [
        {"pair": cooperation.pair_id(*p), "link": r["id"]} for p, rows in sorted(pairs.items()) for r in rows
    ]


def minimal_rows(facts: Facts) -> Rows:
    """Actors, links (same ids as hdkg's) and parties, three properties each."""
    known = {a.id for a in facts.actors}
    actors = [{"id": a.id, "name": a.name, "kind": a.type, "country": a.country} for a in facts.actors]
    links: dict[str, Row] = {}
    parties: list[Row] = []
    for link in facts.links:
        ident = model.link_identity(link, known)
        if ident is None:
            continue
        lid, date, sides = ident.id, ident.date, ident.sides
        if lid in links:
            continue
        links[lid] = {"id": lid, "kind": link.kind, "status": link.status, "date": date}
        parties.extend({"actor": a, "link": lid, "side": i} for i, side in enumerate(sides) for a in side)
    return {"actors": actors, "links": list(links.values()), "parties": parties}


def merge(batches: Iterable[Rows]) -> Rows:
    """The rows of several articles, concatenated per kind (one transaction writes them all)."""
    out: Rows = {}
    for b in batches:
        for k, v in b.items():
            out.setdefault(k, []).extend(v)
    return out


@dataclass(frozen=True)
class Plan:
    """A yardstick: how an article becomes rows, and one statement per row kind in each dialect."""

    name: str
    rows: Callable[[Facts], Rows]
    neo4j: dict[str, str]
    ladybug: dict[str, str]


FULL = Plan("same rows", full_rows, _full(False), _full(True))
MINIMAL = Plan("minimal", minimal_rows, _minimal(False), _minimal(True))


class Neo4jBaseline:
    def __init__(self, plan: Plan, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        import neo4j

        self.plan, self.database = plan, database
        self.driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))

    def write(self, batch: Sequence[Facts]) -> None:
        """The rows of ``batch`` in one transaction."""
        rows = merge(self.plan.rows(f) for f in batch)

        def work(tx: Any) -> None:
            for kind, stmt in self.plan.neo4j.items():
                if rows.get(kind):
                    tx.run(stmt, {"rows": rows[kind]}).consume()

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label of the model (a link's class label aside) and relationships per type."""
        with self.driver.session(database=self.database) as session:
            nodes = {lb: session.run(f"MATCH (n:{lb}) RETURN count(n) AS c").single(strict=True)["c"]
                     for lb in model.NODE_LABELS}  # fmt: skip
            rels = {
                r["t"]: r["c"] for r in session.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c")
            }
        return {"nodes": {k: v for k, v in nodes.items() if v}, "relationships": rels}

    def close(self) -> None:
        self.driver.close()


class LadybugBaseline:
    """Writes into its own database file (two Database objects on one path lose data)."""

    def __init__(self, plan: Plan, path: Path) -> None:
        import ladybug

        from hdkg.graph.ladybug import LadybugStore

        with LadybugStore(path) as store:  # the same tables (and Specialty/Area nodes) as the store's
            store.create_schema()
        self.plan = plan
        self.db = ladybug.Database(str(path))
        self.conn = ladybug.Connection(self.db)

    def write(self, batch: Sequence[Facts]) -> None:
        """The rows of ``batch`` in one transaction."""
        rows = merge(self.plan.rows(f) for f in batch)
        self.conn.execute("BEGIN TRANSACTION")
        try:
            for kind, stmt in self.plan.ladybug.items():
                if rows.get(kind):
                    self.conn.execute(stmt, {"rows": rows[kind]})
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _pairs(self, query: str) -> dict[str, int]:
        result = self.conn.execute(query)
        result = result[-1] if isinstance(result, list) else result
        out: dict[str, int] = {}
        while result.has_next():
            key, count = result.get_next()
            out[str(key)] = int(count)
        return out

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type, as ``GraphStore.stats()`` reports them."""
        nodes = self._pairs("MATCH (n) RETURN label(n), count(*)")
        rels = self._pairs("MATCH ()-[r]->() RETURN label(r), count(*)")
        return {"nodes": nodes, "relationships": rels}

    def close(self) -> None:
        self.conn.close()
        self.db.close()


Baseline = Neo4jBaseline | LadybugBaseline
