"""Several articles in one transaction, with the statements shared by the whole batch.

A statement costs a few milliseconds whatever it carries (parsing, planning,
a round trip), and one article needs about ten of them; so ``write_many``
plans every new article with the same algorithm as ``graph.writer`` but
through a ``BufferedTx``: write statements are held back and merged, and the
reads that algorithm makes are answered from the store *plus* what the batch
has written so far (the overlay). At the end one statement per kind of row
writes the whole batch. The outcome equals writing the articles one by one
(``tests/test_graph_batch.py`` compares the two graphs).

Whatever the buffer cannot answer (an article seen before, a replacement, a
statement the new-article path never makes) first flushes the buffer and then
runs directly on the transaction, which is always correct, only slower.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hdkg.graph.base import WriteResult
from hdkg.graph.coop_write import Pending, settle
from hdkg.graph.model import link_identity
from hdkg.graph.resolution import Resolver, resolution_keys
from hdkg.graph.writer import Row, Tx, write_facts
from hdkg.models import Facts

#: Buffered statements in the order a flush applies them (nodes before what points at them).
_ORDER = (  # links_create/parties_create: link_upsert split for links new to the store
    "actors_create",
    "actors_update",
    "keys_add",
    "articles_upsert",
    "mentions_create",
    "based_in_merge",
    "acts_for_merge",
    "links_create",
    "link_upsert",
    "parties_create",
    "covers_create",
    "in_area_create",
    "reported_in_create",
)
_ACTOR_COLS = ("id", "name", "kind", "country", "aliases", "wikidata", "rkeys", "merged_from")
_LINK_COLS = ("id", "kind", "status", "date", "reports", "topics", "actor_ids", "countries", "parties")
_ARTICLE_COLS = ("id", "url", "source", "title", "date", "lang", "publisher", "content_hash")


class BufferedTx:
    """A ``graph.writer.Tx`` that defers writes and answers reads from the store plus the overlay."""

    def __init__(self, tx: Tx, stored_actors: dict[str, Row], stored_links: dict[str, Row | None]) -> None:
        self.tx = tx
        self.actors: dict[str, Row] = {}  # id -> actor row: prefetched, then as the batch leaves it
        self.holders: dict[str, set[str]] = {}  # resolution key -> ids of the actors above holding it
        for row in stored_actors.values():
            self._remember(row)
        self.stored_links = stored_links  # link id -> stored state, None when not stored (prefetched)
        self.created: dict[str, Row] = {}
        self.updated: dict[str, Row] = {}
        self.keys: dict[str, set[str]] = {}
        self.links: dict[str, Row] = {}  # id -> the last link_upsert row (the overlay of links_state)
        self.rows: dict[str, list[Row]] = {k: [] for k in _ORDER}

    # --- reads -------------------------------------------------------------------------------
    def run(self, name: str, **params: Any) -> list[Row]:
        handler = getattr(self, f"_on_{name}", None)
        if handler is None:  # not part of the new-article path: the buffer goes first
            self.flush()
            return self.tx.run(name, **params)
        result: list[Row] = handler(**params)
        return result

    def _on_article_get(self, id: str) -> list[Row]:
        return []  # write_many sends only articles absent from the store and new in the batch

    def _remember(self, row: Row) -> None:
        self.actors[row["id"]] = row
        for k in row["rkeys"] or []:  # keys only grow on this path (a replacement goes direct)
            self.holders.setdefault(k, set()).add(row["id"])

    def _on_actors_lookup(self, keys: list[str], ids: list[str]) -> list[Row]:
        found = {i for i in ids if i in self.actors}
        for k in keys:
            found |= self.holders.get(k, set())
        return [dict(self.actors[i]) for i in sorted(found)]

    def _on_actors_get(self, ids: list[str]) -> list[Row]:
        missing = sorted(set(ids) - set(self.actors))
        if missing:
            for r in self.tx.run("actors_get", ids=missing):  # not touched by the batch: the store's
                self._remember({c: r[c] for c in _ACTOR_COLS})
        return [dict(self.actors[i]) for i in ids if i in self.actors]

    def _on_links_state(self, ids: list[str]) -> list[Row]:
        ahead = [i for i in ids if i not in self.links]
        unknown = [i for i in ahead if i not in self.stored_links]  # resolution changed the prediction
        if unknown:
            self.stored_links.update(dict.fromkeys(unknown))
            self.stored_links.update({r["id"]: r for r in self.tx.run("links_state", ids=unknown)})
        stored = [row for i in ahead if (row := self.stored_links[i]) is not None]
        return [*stored, *({c: self.links[i][c] for c in _LINK_COLS} for i in ids if i in self.links)]

    # --- writes ------------------------------------------------------------------------------
    def _on_actors_create(self, rows: list[Row]) -> list[Row]:
        for r in rows:
            self.created[r["id"]] = dict(r)
            self._remember({c: r[c] for c in _ACTOR_COLS})
        return []

    def _on_actors_update(self, rows: list[Row]) -> list[Row]:
        for r in rows:
            target = self.created.get(r["id"]) or self.updated.setdefault(r["id"], {})
            target.update(r)
            self._remember({**self.actors[r["id"]], **{c: r[c] for c in _ACTOR_COLS if c in r}})
        return []

    def _on_keys_add(self, rows: list[Row]) -> list[Row]:
        for r in rows:
            self.keys.setdefault(r["key"], set()).update(r["actors"])
        return []

    def _on_article_upsert(self, **article: Any) -> list[Row]:
        self.rows["articles_upsert"].append({c: article[c] for c in _ARTICLE_COLS})
        return []

    def _on_article_mentions(self, rows: list[Row], **article: Any) -> list[Row]:
        self._on_article_upsert(**article)
        self.rows["mentions_create"].extend(
            {"article": article["id"], "id": r["id"], "m_names": r["m_names"], "m_rkeys": r["m_rkeys"]}
            for r in rows
        )
        return []

    def _on_link_upsert(self, rows: list[Row]) -> list[Row]:
        for r in rows:
            first = self.links.get(r["id"])
            if first is not None:  # created by this batch or updated before: it keeps its first parties
                r = {**r, "is_new": first["is_new"], "party_rows": first["party_rows"]}
            self.links[r["id"]] = r
        return []

    def _append(self, name: str, rows: list[Row]) -> list[Row]:
        self.rows[name].extend(rows)
        return []

    def _on_based_in_merge(self, rows: list[Row]) -> list[Row]:
        return self._append("based_in_merge", rows)

    def _on_acts_for_merge(self, rows: list[Row]) -> list[Row]:
        return self._append("acts_for_merge", rows)

    def _on_covers_create(self, rows: list[Row]) -> list[Row]:
        return self._append("covers_create", rows)

    def _on_in_area_create(self, rows: list[Row]) -> list[Row]:
        return self._append("in_area_create", rows)

    def _on_reported_in_create(self, rows: list[Row]) -> list[Row]:
        return self._append("reported_in_create", rows)

    def flush(self) -> None:
        """Write what is buffered, one statement per kind of row; the overlay then reads from the store."""
        self.rows["actors_create"] = list(self.created.values())
        self.rows["actors_update"] = list(self.updated.values())
        self.rows["keys_add"] = [{"key": k, "actors": sorted(v)} for k, v in sorted(self.keys.items())]
        # a link new to the store is CREATEd with its parties (no MERGE to pay); a stored one is updated
        self.rows["links_create"] = [r for r in self.links.values() if r["is_new"]]
        self.rows["parties_create"] = [
            {**p, "link": r["id"]} for r in self.rows["links_create"] for p in r["party_rows"]
        ]
        self.rows["link_upsert"] = [r for r in self.links.values() if not r["is_new"]]
        for name in _ORDER:
            if self.rows[name]:
                self.tx.run(name, rows=self.rows[name])
        self.created, self.updated, self.keys, self.links = {}, {}, {}, {}
        self.rows = {k: [] for k in _ORDER}


def write_many(tx: Tx, batch: Sequence[Facts], resolver: Resolver) -> list[WriteResult]:
    """Write ``batch`` in the caller's transaction; the results are those of writing one by one."""
    ids = sorted({f.article.id for f in batch})
    stored = {r["id"]: r["content_hash"] for r in tx.run("articles_get", ids=ids)} if ids else {}
    buffered = _fresh(tx, batch)
    seen: set[str] = set()
    touched = Pending()
    results: list[WriteResult] = []
    for facts in batch:
        art = facts.article
        if art.id not in seen and stored.get(art.id) == art.content_hash:
            results.append(WriteResult(article_id=art.id, skipped=True))
        elif art.id in seen or art.id in stored:  # a replacement: the one-article path
            buffered.flush()
            results.append(write_facts(tx, facts, resolver, touched))
            buffered = _fresh(tx, batch)
        else:
            results.append(write_facts(buffered, facts, resolver, touched))
        seen.add(art.id)
    buffered.flush()
    settle(tx, touched)  # once for the batch, over what the batch left in the store
    return results


def _fresh(tx: Tx, batch: Sequence[Facts]) -> BufferedTx:
    """A buffer with the batch's reads done ahead, in two statements instead of two per article.

    Actors holding the batch's resolution keys or ids, and the stored state of the links the batch
    will write if resolution keeps the extracted ids (usually: ids are gazetteer or name based);
    a link id resolution changes is read when it comes up. Done again after a direct write."""
    keys = sorted({k for f in batch for a in f.actors for k in resolution_keys(a)})
    own = sorted({a.id for f in batch for a in f.actors})
    actors = {r["id"]: {c: r[c] for c in _ACTOR_COLS} for r in tx.run("actors_lookup", keys=keys, ids=own)}
    predicted = sorted({i.id for f in batch for link in f.links if (i := link_identity(link, _own_ids(f)))})
    links: dict[str, Row | None] = dict.fromkeys(predicted)
    if predicted:
        links.update({r["id"]: r for r in tx.run("links_state", ids=predicted)})
    return BufferedTx(tx, actors, links)


def _own_ids(facts: Facts) -> set[str]:
    return {a.id for a in facts.actors}
