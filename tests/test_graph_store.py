"""Write semantics on each store: idempotence, versions, provenance, persons, search, locking."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graph.base import GraphStore
from graph.ladybug import LadybugStore
from graph.queries import SPECS
from hdkg.errors import StoreLocked
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
