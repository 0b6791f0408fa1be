"""The same-rows yardstick of ``bench/baseline.py`` writes the graph hdkg writes (LadybugDB).

Only articles 1-4 of ``tests/graph_fixture.py`` are used: each is new (no replacement) and hdkg
resolves none of their actors into another (both asserted), whereas articles 5 and 7 carry actors
that resolution merges into stored ones and article 6 comes in two versions. Articles 1 and 2
report the same link, so values are compared on 1, 3 and 4 only: the baseline keeps the reports
of the last article, hdkg those of both.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import ladybug

from bench import baseline
from hdkg.graph.ladybug import LadybugStore
from hdkg.models import Article, Facts
from tests.graph_fixture import articles

_VALUES = {
    "Actor": "MATCH (a:Actor) RETURN a.id, a.name, a.kind, a.country, a.aliases, a.wikidata, a.search, "
    "a.rkeys, a.merged_from",
    "Link": "MATCH (l:Link) RETURN l.id, l.kind, l.cls, l.status, l.date, l.sources, l.parties, l.reports, "
    "l.topics, l.specialties, l.areas, l.actor_ids, l.countries",
    "Article": "MATCH (t:Article) RETURN t.id, t.url, t.source, t.title, t.date, t.lang, t.publisher, "
    "t.content_hash",
    "Country": "MATCH (c:Country) RETURN c.code",
    "PARTY_OF": "MATCH (a:Actor)-[p:PARTY_OF]->(l:Link) RETURN a.id, l.id, p.side, p.shown",
    "MENTIONED_IN": "MATCH (a:Actor)-[m:MENTIONED_IN]->(t:Article) RETURN a.id, t.id, m.names, m.rkeys",
    "REPORTED_IN": "MATCH (l:Link)-[e:REPORTED_IN]->(t:Article) RETURN l.id, t.id, e.text, e.start, e.`end`",
    "BASED_IN": "MATCH (a:Actor)-[:BASED_IN]->(c:Country) RETURN a.id, c.code",
    "ACTS_FOR": "MATCH (a:Actor)-[:ACTS_FOR]->(b:Actor) RETURN a.id, b.id",
    "COVERS": "MATCH (l:Link)-[:COVERS]->(s:Specialty) RETURN l.id, s.id",
    "IN_AREA": "MATCH (l:Link)-[:IN_AREA]->(s:Area) RETURN l.id, s.id",
}


def _empty_article() -> Facts:
    """An article without actors or links: only its Article node (every other row list is empty)."""
    art = Article(id="art-empty", source="https://news.example/e", url="https://news.example/e", title="E",
                  date=dt.date(2024, 1, 2), lang="en", publisher=None, text="Nothing about health here.")  # fmt: skip
    return Facts(article=art, actors=[], links=[])


def _hdkg(path: Path, facts: list[Facts]) -> dict[str, dict[str, int]]:
    with LadybugStore(path) as store:
        store.create_schema()
        for f in facts:
            result = store.write_facts(f)
            assert not result.skipped and not result.replaced and result.merges == [], result
        stats = store.stats()
    return {"nodes": stats.nodes, "relationships": stats.relationships}


def _values(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for what, query in _VALUES.items():
        result, rows = conn.execute(query), []
        while result.has_next():
            rows.append(tuple(tuple(v) if isinstance(v, list) else v for v in result.get_next()))
        out[what] = sorted(rows, key=repr)
    return out


def test_same_counts_per_label_and_type_one_article_per_transaction_and_one_batch(tmp_path: Path) -> None:
    facts = [*articles()[:4], _empty_article()]
    expected = _hdkg(tmp_path / "hdkg.lbug", facts)
    assert expected["nodes"]["Link"] == 4 and expected["relationships"]["REPORTED_IN"] == 5
    one = baseline.LadybugBaseline(baseline.FULL, tmp_path / "one.lbug")
    try:
        for f in facts:
            one.write([f])
        assert one.counts() == expected
    finally:
        one.close()
    batch = baseline.LadybugBaseline(baseline.FULL, tmp_path / "batch.lbug")
    try:
        batch.write(facts)  # articles 1 and 2 share actors and a link: repeated keys in one UNWIND
        assert batch.counts() == expected
    finally:
        batch.close()


def test_same_property_values_of_every_node_and_relationship(tmp_path: Path) -> None:
    fixture = articles()
    facts = [fixture[0], fixture[2], fixture[3]]
    _hdkg(tmp_path / "hdkg.lbug", facts)
    db = ladybug.Database(str(tmp_path / "hdkg.lbug"))
    conn = ladybug.Connection(db)
    try:
        expected = _values(conn)
    finally:
        conn.close()
        db.close()
    assert expected["PARTY_OF"] and expected["MENTIONED_IN"] and expected["ACTS_FOR"]
    assert any(not shown for *_, shown in expected["PARTY_OF"])  # a person beside a ministry is not shown
    base = baseline.LadybugBaseline(baseline.FULL, tmp_path / "base.lbug")
    try:
        for f in facts:
            base.write([f])
        assert _values(base.conn) == expected
    finally:
        base.close()


def test_minimal_yardstick_writes_actors_links_and_parties_only(tmp_path: Path) -> None:
    base = baseline.LadybugBaseline(baseline.MINIMAL, tmp_path / "min.lbug")
    try:
        base.write(articles()[:4])
        counts = base.counts()
    finally:
        base.close()
    assert counts["relationships"] == {"PARTY_OF": 10}
    own = {k: v for k, v in counts["nodes"].items() if k not in ("Specialty", "Area")}
    assert own == {"Actor": 7, "Link": 4}
