"""The fast write path keeps its guarantees: precheck, orphans after replacement, streaming loads."""

from __future__ import annotations

import json
from pathlib import Path

from hdkg.graph.base import GraphStore
from hdkg.loaders import LoadFailure, iter_articles
from tests.graph_fixture import articles


def test_has_article_matches_id_and_content_hash(any_store: GraphStore) -> None:
    facts = articles()[0]
    art = facts.article
    assert not any_store.has_article(art.id, art.content_hash)
    any_store.write_facts(facts)
    assert any_store.has_article(art.id, art.content_hash)
    assert not any_store.has_article(art.id, "another-hash")
    assert not any_store.has_article("no-such-article", art.content_hash)


def test_replacing_every_article_with_empty_facts_leaves_no_actor(any_store: GraphStore) -> None:
    """Orphan removal is scoped to what a replaced article touched; it must still reach everything."""
    fixture = articles()
    for facts in fixture:
        any_store.write_facts(facts)
    last = {f.article.id: f for f in fixture}  # the fixture holds versions of some articles
    for facts in last.values():
        empty = facts.article.model_copy(update={"text": facts.article.text + " (retracted)"})
        result = any_store.write_facts(facts.model_copy(update={"article": empty, "actors": [], "links": []}))
        assert result.replaced
    stats = any_store.stats()
    assert stats.nodes.get("Actor", 0) == 0 and stats.nodes.get("Link", 0) == 0
    assert stats.nodes.get("Country", 0) == 0
    assert stats.nodes.get("Article") == len(last)


def test_jsonl_streams_with_the_size_limit_per_record(tmp_path: Path) -> None:
    record = {"title": "T", "text": "Министерство здравоохранения подписало соглашение о сотрудничестве."}
    lines = [json.dumps(record, ensure_ascii=False), "{broken", json.dumps({**record, "text": "x" * 5000})]
    lines += [json.dumps(record, ensure_ascii=False)] * 3
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([str(path)], max_bytes=1000))  # the file is over 1000 bytes: still loads
    failures = [(i.line, "limit" in i.error) for i in items if isinstance(i, LoadFailure)]
    assert failures == [(2, False), (3, True)]
    assert sum(not isinstance(i, LoadFailure) for i in items) == 4


def _raw(store: GraphStore, query: str) -> list[dict[str, object]]:
    """A read outside the named queries: the key index is internal, so no named query shows it."""
    if store.dialect == "ladybug":
        return store._exec(query, {}, where="test")  # type: ignore[attr-defined,no-any-return]
    return store._read("test", query, {})  # type: ignore[attr-defined,no-any-return]


def _key_index(store: GraphStore) -> tuple[dict[str, set[str]], dict[str, set[str]], int]:
    """(keys each actor holds, keys the index gives each actor, index entries naming no actor)."""
    held = {
        r["id"]: set(r["rkeys"] or [])
        for r in _raw(store, "MATCH (a:Actor) RETURN a.id AS id, a.rkeys AS rkeys")
    }
    indexed: dict[str, set[str]] = {i: set() for i in held}
    empty = 0
    for r in _raw(store, "MATCH (k:ResolutionKey) RETURN k.id AS key, k.actors AS actors"):
        actors = list(r["actors"] or [])  # type: ignore[call-overload]
        empty += not actors
        for a in actors:
            indexed.setdefault(str(a), set()).add(str(r["key"]))
    return held, indexed, empty


def test_the_key_index_follows_resolution_keys_through_replacements(any_store: GraphStore) -> None:
    fixture = articles()
    for facts in fixture:  # the fixture holds versions of some articles: replacements drop names
        any_store.write_facts(facts)
    held, indexed, nodes = _key_index(any_store)
    assert held and indexed == held
    assert nodes == 0  # no key left that no actor holds
    for facts in {f.article.id: f for f in fixture}.values():
        empty = facts.article.model_copy(update={"text": facts.article.text + " (retracted)"})
        any_store.write_facts(facts.model_copy(update={"article": empty, "actors": [], "links": []}))
    assert _key_index(any_store) == ({}, {}, 0)
