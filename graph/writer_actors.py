"""The actor half of an article's write: actors created or updated, their key index, their mentions.

Split from ``graph.writer`` (which owns the algorithm and the links): the rules for how a stored
actor's aliases and resolution keys follow the articles still naming it live here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hdkg.graph.resolution import keys_for, resolution_keys
from hdkg.graph.text import search_string
from hdkg.models import Facts

if TYPE_CHECKING:
    from hdkg.graph.writer import Row, Tx


def article_params(facts: Facts) -> Row:
    a = facts.article
    return {
        "id": a.id, "url": a.url, "source": a.source, "title": a.title,
        "date": a.date.isoformat() if a.date else None, "lang": a.lang,
        "publisher": a.publisher, "content_hash": a.content_hash,
    }  # fmt: skip


def refresh_actors(tx: Tx, ids: list[str]) -> None:
    """Aliases, search text and resolution keys of ``ids`` from the mentions still standing.

    Runs right after an old article version is detached and before resolution, so a name only
    that version used neither stays an alias nor attracts a merge (its key is gone too). The name
    stays; when a mention predates ``names`` the stored aliases and keys are kept (unknown origin)."""
    if not ids:
        return
    names: dict[str, set[str]] = {i: set() for i in ids}
    keys: dict[str, set[str]] = {i: set() for i in ids}
    legacy: set[str] = set()
    for r in tx.run("actor_mentions", ids=ids):
        names[r["id"]].update(r["names"] or [])
        keys[r["id"]].update(r["rkeys"] or [])
        if r["names"] is None:
            legacy.add(r["id"])
    rows = []
    before: dict[str, set[str]] = {}
    for a in tx.run("actors_get", ids=ids):
        i, name = a["id"], a["name"]
        if i in legacy:
            names[i] |= set(a["aliases"] or [])
            keys[i] |= set(a["rkeys"] or [])
        aliases = sorted(n for n in names[i] if n and n != name)
        rkeys = sorted(keys[i] | set(keys_for(a["kind"], a["country"], [name])))
        before[i] = set(a["rkeys"] or [])
        rows.append({"id": i, "aliases": aliases, "search": search_string([name, *aliases]), "rkeys": rkeys})
    if rows:
        tx.run("actor_names_set", rows=rows)
    # the key index follows: names only the old version used no longer find these actors
    index_keys(tx, "keys_remove", {r["id"]: before[r["id"]] - set(r["rkeys"]) for r in rows})
    index_keys(tx, "keys_add", {r["id"]: set(r["rkeys"]) - before[r["id"]] for r in rows})


def write_actors(
    tx: Tx,
    facts: Facts,
    merged: dict[str, list[str]],
    known: dict[str, Row],
    lookup_ids: list[str] | None,
    batch: dict[str, list[Row]],
) -> dict[str, tuple[str, str | None]]:
    """Stored aliases and keys are already those of the standing mentions, so this article's add to them.

    New actors are created with their key index entries, a stored actor is updated only when this
    article brings it a new name, key, merge or Wikidata id, and the article with its mentions goes
    last; ``known`` holds the
    stored actors the resolution lookup read by key or by one of ``lookup_ids`` (the ids before
    resolution). The article has no mentions yet (new, or detached above), so they are created;
    only a new actor needs its country relationship."""
    if not facts.actors:
        tx.run("article_upsert", **article_params(facts))
        return {}
    ids = [a.id for a in facts.actors]
    read = set(lookup_ids or [])  # None: the resolver did not look up, so read them all here
    missing = sorted(set(ids) - set(known) - read)  # only a forced merge's target can be unread
    old = {i: known[i] for i in ids if i in known}
    if missing:
        old.update({r["id"]: r for r in tx.run("actors_get", ids=missing)})
    rows: list[Row] = []
    mentions: list[Row] = []
    for a in facts.actors:
        prev = old.get(a.id)
        name = prev["name"] if prev else a.name
        own_names, own_keys = {a.name, *a.aliases}, set(resolution_keys(a))
        names = own_names | set(prev["aliases"] if prev else [])
        aliases = sorted(n for n in names if n and n != name)
        rows.append({
            "id": a.id, "name": name, "kind": prev["kind"] if prev else a.type,
            "country": prev["country"] if prev else a.country,
            "aliases": aliases, "wikidata": (prev["wikidata"] if prev else None) or a.wikidata,
            "search": search_string([name, *aliases]),
            "rkeys": sorted(own_keys | set(prev["rkeys"] if prev else [])),
            "merged_from": sorted({*(prev["merged_from"] if prev else []), *merged.get(a.id, [])}),
        })  # fmt: skip
        mentions.append({"names": sorted(own_names), "rkeys": sorted(own_keys), "new": prev is None})
    for row, mention in zip(rows, mentions, strict=True):
        row["m_names"], row["m_rkeys"] = mention["names"], mention["rkeys"]
    unique = {r["id"]: r for r in rows}  # one mention per actor and article
    created = [r for r in unique.values() if r["id"] not in old]
    changed = [_actor_change(r, old[r["id"]]) for r in unique.values() if r["id"] in old]
    updated = [c for c in changed if c is not None]
    if created:
        tx.run("actors_create", rows=created)
    if updated:
        tx.run("actors_update", rows=updated)
    new_keys = {r["id"]: set(r["rkeys"]) - set(old[r["id"]]["rkeys"] or []) if r["id"] in old else set(r["rkeys"])
                for r in (*created, *updated)}  # fmt: skip
    index_keys(tx, "keys_add", new_keys)
    tx.run("article_mentions", rows=list(unique.values()), **article_params(facts))
    based = [{"actor": r["id"], "country": r["country"]} for r, m in zip(rows, mentions, strict=True)
             if m["new"] and r["country"] and unique[r["id"]] is r]  # fmt: skip
    batch["based"] = based  # a stored actor already has its country (it never changes)
    acts = [{"person": a.id, "body": a.acts_for} for a in facts.actors if a.acts_for and a.acts_for in ids]
    batch["acts"] = acts
    # kind and country as stored (a stored actor keeps its own): what links record and filter on
    return {r["id"]: (r["kind"], r["country"]) for r in rows}


_UPDATED = ("aliases", "wikidata", "rkeys", "merged_from")


def _actor_change(row: Row, prev: Row) -> Row | None:
    """The update of a stored actor, or None when this article adds nothing to it (the usual case)."""
    if all((prev[k] or None) == (row[k] or None) for k in _UPDATED):
        return None
    return {k: row[k] for k in (*_UPDATED, "id", "search")}


def index_keys(tx: Tx, statement: str, keys_of: dict[str, set[str]]) -> None:
    """Add actors to (``keys_add``) or remove them from (``keys_remove``) the key index, one row per key.

    The index (``ResolutionKey``: key -> ids of the actors holding it) lets resolution find
    candidates by primary key instead of scanning every actor's ``rkeys``."""
    by_key: dict[str, set[str]] = {}
    for actor, keys in keys_of.items():
        for k in keys:
            by_key.setdefault(k, set()).add(actor)
    if by_key:
        tx.run(statement, rows=[{"key": k, "actors": sorted(v)} for k, v in sorted(by_key.items())])
