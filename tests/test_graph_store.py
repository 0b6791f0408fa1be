"""Write semantics on each store: idempotence, versions, provenance, persons, search, locking."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hdkg.errors import StoreLocked
from hdkg.graph.base import GraphStore
from hdkg.graph.ladybug import LadybugStore
from hdkg.graph.queries import SPECS
from hdkg.models import Actor, Article, Evidence, Facts, Link
from tests.graph_fixture import articles


def _q(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return store.query(name, **(dict.fromkeys(SPECS[name].params) | params))


def _fill(store: GraphStore) -> None:
    for facts in articles():
        store.write_facts(facts)


def test_same_article_twice_changes_nothing(any_store: GraphStore) -> None:
    first = articles()[0]
    assert not any_store.write_facts(first).skipped
    before = any_store.stats()
    again = any_store.write_facts(first)
    assert again.skipped and not again.replaced
    assert any_store.stats() == before


def test_one_fact_from_two_articles_is_one_link_with_two_sources(any_store: GraphStore) -> None:
    _fill(any_store)
    signed = _q(any_store, "links", kind="agreement", status="signed")
    assert len(signed) == 1
    assert signed[0]["sources"] == 2
    assert signed[0]["specialties"] == ["oncology", "pediatrics"]
    evidence = _q(any_store, "link_evidence", ids=[signed[0]["id"]])
    assert sorted({e["article_id"] for e in evidence}) == ["art-1", "art-2"]


def test_new_version_replaces_old_facts_without_orphans(any_store: GraphStore) -> None:
    facts = articles()
    for f in facts[:-1]:
        any_store.write_facts(f)
    assert _q(any_store, "links", kind="visit", status="planned")
    result = any_store.write_facts(facts[-1])
    assert result.replaced
    assert _q(any_store, "links", kind="visit", status="planned") == []
    held = _q(any_store, "links", kind="visit", status="held")
    assert [h["date"] for h in held] == ["2024-06-02"]
    evidence = _q(any_store, "link_evidence", ids=[held[0]["id"]])
    assert len(evidence) == 2 and {e["article_id"] for e in evidence} == {"art-6"}
    # an article version that drops every link and actor leaves nothing of it behind
    empty = facts[-1].model_copy(
        update={"actors": [], "links": [], "article": facts[-1].article.model_copy(update={"text": "gone"})}
    )
    any_store.write_facts(empty)
    assert _q(any_store, "links", kind="visit") == []
    assert _q(any_store, "actor", id="almazov")  # still in article 5
    assert _q(any_store, "links_count")[0]["total"] == 6


def test_trilateral_and_person_rules(any_store: GraphStore) -> None:
    _fill(any_store)
    trilateral = _q(any_store, "links", status="planned", kind="agreement")
    assert trilateral[0]["parties"] == 3
    pairs = {(p["a_id"], p["b_id"]) for p in _q(any_store, "cooperation_pairs")}
    assert {("ru-moh", "who"), ("uz-moh", "who"), ("ru-moh", "uz-moh")} <= pairs
    assert ("p-murashko", "uz-moh") in pairs  # a person alone on a side stays
    assert not any("p-inoyatov" in p for p in pairs)  # a person beside a body is dropped


def test_search_finds_inflected_forms(any_store: GraphStore) -> None:
    _fill(any_store)
    for q in ("Минздрава", "минздраве", "Министерству здравоохранения", "академией"):
        assert _q(any_store, "actors_search", q=q), q
    ids = [r["id"] for r in _q(any_store, "actors_search", q="Минздраву", country="UZ")]
    assert ids == ["uz-moh"]


def test_second_store_in_process_shares_the_database(tmp_path: Path) -> None:
    a = LadybugStore(tmp_path / "g.lbug")
    a.create_schema()
    b = LadybugStore(tmp_path / "g.lbug")
    a.write_facts(articles()[0])
    a.close()
    assert b.stats().nodes["Article"] == 1
    b.close()
    c = LadybugStore(tmp_path / "g.lbug")
    assert c.stats().nodes["Article"] == 1
    c.close()


def test_other_process_gets_store_locked(tmp_path: Path) -> None:
    path = tmp_path / "g.lbug"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, ladybug; db = ladybug.Database(sys.argv[1]); "
         "print('open', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLocked, match="another process"):
            LadybugStore(path)
    finally:
        holder.communicate("")
    LadybugStore(path).close()


@pytest.mark.neo4j
def test_neo4j_links_carry_their_class_label(neo4j_store: GraphStore) -> None:
    _fill(neo4j_store)
    rows = neo4j_store._read("labels", "MATCH (l:Link:Agreement) RETURN count(l) AS n", {})  # type: ignore[attr-defined]
    assert rows[0]["n"] == 2


def test_ping_names_the_engine_version(any_store: GraphStore) -> None:
    info = any_store.ping()
    assert info["ok"] is True and info["store"] == any_store.dialect
    if any_store.dialect == "ladybug":
        from importlib.metadata import version

        assert info["version"] == version("ladybug")
    else:  # Neo4j's own answer (dbms.components), not a client-side constant
        assert re.fullmatch(r"5\.\d+\.\d+.*", info["version"]), info
        assert info["edition"] in ("community", "enterprise")


def _clinic_article(key: str, text: str, actors: list[Actor]) -> Facts:
    art = Article(id=f"art-{key}", source=f"https://news.example/{key}", title=key, publisher=key, text=text)
    ids = sorted(a.id for a in actors)
    link = Link(id="l", kind="meeting", status="held", sides=[[ids[0]], ids[1:]],
                evidence=[Evidence(text=text, start=0, end=len(text))])  # fmt: skip
    return Facts(article=art, actors=actors, links=[link])


def test_replaced_article_takes_the_names_it_gave_with_it(any_store: GraphStore) -> None:
    def clinic(*aliases: str) -> Actor:
        return Actor(id="x-clinic", name="Central Clinic", type="HealthcareProvider", country="UZ",
                     aliases=list(aliases))  # fmt: skip

    other = Actor(id="x-moh", name="Ministry", type="GovernmentBody", country="UZ")
    third = Actor(id="x-who", name="WHO", type="InternationalOrganization")

    def aliases() -> list[str]:
        return list(_q(any_store, "actor", id="x-clinic")[0]["aliases"])

    any_store.write_facts(_clinic_article("a1", "v1", [clinic("Wrong Hospital"), other]))
    any_store.write_facts(_clinic_article("a2", "b", [clinic("Good Clinic"), third]))
    assert aliases() == ["Good Clinic", "Wrong Hospital"]
    assert [r["id"] for r in _q(any_store, "actors_search", q="wrong hospital")] == ["x-clinic"]

    # the new version says "Wrong Hospital" is another actor: the old alias goes, a2's stays, and the
    # withdrawn name no longer attracts a merge, not even in the replacing write itself
    stray = Actor(id="x-stray", name="Wrong Hospital", type="HealthcareProvider", country="UZ")
    result = any_store.write_facts(_clinic_article("a1", "v2", [other, stray]))
    assert result.replaced and result.merges == []
    assert aliases() == ["Good Clinic"]
    assert [r["id"] for r in _q(any_store, "actors_search", q="wrong hospital")] == ["x-stray"]

    # a version naming it again with other words: those words are its aliases now
    any_store.write_facts(_clinic_article("a1", "v3", [clinic("Clinic No. 1"), other]))
    assert aliases() == ["Clinic No. 1", "Good Clinic"]
    any_store.write_facts(_clinic_article("a2", "b2", [clinic(), third]))
    assert aliases() == ["Clinic No. 1"]


@pytest.mark.neo4j
def test_neo4j_schema_drops_the_unused_full_text_index(neo4j_store: GraphStore) -> None:
    """``actors_search`` answers from ``Actor.search`` on both stores; an old graph's Lucene index goes."""

    def run(cypher: str) -> list[dict[str, Any]]:
        with neo4j_store._driver.session() as session:  # type: ignore[attr-defined]
            return session.run(cypher).data()  # type: ignore[no-any-return]

    _fill(neo4j_store)
    run("CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.names_text]")
    run("MATCH (a:Actor {id: 'who'}) SET a.names_text = a.name")  # as the old writer left it
    neo4j_store.create_schema()
    assert run("SHOW FULLTEXT INDEXES YIELD name RETURN name") == []
    assert run("MATCH (a:Actor) WHERE a.names_text IS NOT NULL RETURN a.id AS id") == []
    trilateral = articles()[3]
    new_version = trilateral.article.model_copy(update={"text": trilateral.article.text + " Update."})
    assert neo4j_store.write_facts(trilateral.model_copy(update={"article": new_version})).replaced
    assert run("MATCH (a:Actor) WHERE a.names_text IS NOT NULL RETURN a.id AS id") == []
    assert [r["id"] for r in _q(neo4j_store, "actors_search", q="ВОЗ")] == ["who"]


def test_embedded_graph_from_before_mention_names_still_loads(tmp_path: Path) -> None:
    """An older graph.lbug (MENTIONED_IN without names) gains the columns. Aliases of unknown origin
    stay while an old mention stands (it may have given them) and go with the last one."""
    from hdkg.graph.ladybug import cypher

    store = LadybugStore(tmp_path / "old.lbug")
    old_schema = [
        s.replace(", names STRING[], rkeys STRING[]", "") for s in cypher.SCHEMA if "ALTER" not in s
    ]
    for stmt in old_schema:
        store._exec(stmt, {}, where="old schema")
    store._exec(
        "CREATE (a:Actor {id: 'x-clinic', name: 'Central Clinic', kind: 'HealthcareProvider', country: 'UZ', "
        "aliases: ['Old Alias'], search: ' ', rkeys: [], merged_from: []}), "
        "(t:Article {id: 'art-a1', content_hash: 'old'}), (a)-[:MENTIONED_IN]->(t), "
        "(u:Article {id: 'art-a0', content_hash: 'old'}), (a)-[:MENTIONED_IN]->(u)",
        {},
        where="old data",
    )
    store.create_schema()
    clinic = Actor(id="x-clinic", name="Central Clinic", type="HealthcareProvider", country="UZ",
                   aliases=["New Alias"])  # fmt: skip
    other = Actor(id="x-moh", name="Ministry", type="GovernmentBody", country="UZ")
    assert store.write_facts(_clinic_article("a1", "v2", [clinic, other])).replaced
    assert _q(store, "actor", id="x-clinic")[0]["aliases"] == ["New Alias", "Old Alias"]
    third = Actor(id="x-who", name="WHO", type="InternationalOrganization")
    assert store.write_facts(_clinic_article("a0", "v2", [other, third])).replaced
    assert _q(store, "actor", id="x-clinic")[0]["aliases"] == ["New Alias"]
    store.close()


def test_deep_pages_are_empty_not_a_crash(any_store: GraphStore) -> None:
    """``GET /links?offset=1000000``: LadybugDB used to die (SIGSEGV) on ORDER BY + a big SKIP."""
    _fill(any_store)
    every = _q(any_store, "links")
    assert len(every) >= 3
    assert _q(any_store, "links", limit=2, offset=1) == every[1:3]
    assert _q(any_store, "links", limit=500, offset=1_000_000) == []
    assert _q(any_store, "links", limit=1, offset=20_000, country="UZ") == []
