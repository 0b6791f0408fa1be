"""One article's write, as dialect-free steps over named statements.

Both stores run this same algorithm inside one transaction; only the Cypher
behind each statement name differs (``graph/<dialect>/cypher.py``). Per-article
bookkeeping lives on each link (``reports``: "article<TAB>outlet",
``topics``: "article<TAB>S|A<TAB>concept") so that replacing an article is
"remove its entries, add the new ones, re-derive": sources, specialties and
areas are always a function of the reports still standing, and a link whose
last report is gone is deleted, then actors left without links or mentions.

Actors follow the same rule through their mentions: each ``MENTIONED_IN``
(actor -> article) carries the names that article used (``names``) and the
resolution keys they give (``rkeys``), so an actor's aliases, search text and
resolution keys are recomputed from the articles still standing when a version
is replaced, and a name only the old version used disappears with it. The
display ``name`` is the first one stored (for gazetteer actors, the
gazetteer's) and stays. Mentions written before ``names`` existed carry none;
while one stands, the actor's stored aliases and keys are kept as they are,
since their article is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from graph import model
from graph.base import WriteResult
from graph.resolution import Merge, Resolver, keys_for, resolution_keys
from graph.text import search_string
from hdkg.models import Actor, Facts

Row = dict[str, Any]
#: The rows gathered while planning a write and the statement that applies each list, in order:
#: links (with their parties), actors' countries, ACTS_FOR, COVERS, IN_AREA, evidence. An empty
#: list costs no statement. (One Neo4j statement of CALL subqueries for all six measured 4x slower
#: than six statements, and LadybugDB cannot bind an empty list parameter.)
BATCH: tuple[tuple[str, str], ...] = (
    ("links", "link_upsert"),
    ("based", "based_in_merge"),
    ("acts", "acts_for_merge"),
    ("covers", "covers_create"),
    ("areas", "in_area_create"),
    ("evidence", "reported_in_create"),
)


class Tx(Protocol):
    def run(self, name: str, **params: Any) -> list[Row]: ...


@dataclass
class _LinkState:
    id: str
    kind: str
    status: str
    date: str | None
    sides: list[list[str]]
    reports: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)


def _outlet(facts: Facts) -> str:
    pub = (facts.article.publisher or "").strip().lower()
    return pub or f"article:{facts.article.id}"


def _drop_article(entries: list[str], article_id: str) -> set[str]:
    return {e for e in entries if e.split("\t", 1)[0] != article_id}


def write_facts(tx: Tx, facts: Facts, resolver: Resolver) -> WriteResult:
    art = facts.article
    found = tx.run("article_get", id=art.id)
    if found and found[0]["content_hash"] == art.content_hash:
        return WriteResult(article_id=art.id, skipped=True)
    replaced = bool(found)
    old_link_ids = [r["id"] for r in tx.run("links_reported_by", article_id=art.id)] if replaced else []
    old_actor_ids: list[str] = []
    if replaced:
        old_actor_ids = [r["id"] for r in tx.run("article_actors", id=art.id)]
        tx.run("article_detach", id=art.id)
        _refresh_actors(tx, old_actor_ids)

    # One read serves both resolution (actors holding a key) and the upsert (stored state of the
    # article's own ids): a statement costs a few ms whatever it returns.
    known: dict[str, Row] = {}
    own_ids = sorted({a.id for a in facts.actors})
    looked_up: list[str] | None = None

    def lookup(keys: list[str]) -> list[Row]:
        nonlocal looked_up
        looked_up = own_ids
        if not keys and not own_ids:
            return []
        rows = tx.run("actors_lookup", keys=keys, ids=own_ids)
        known.update((r["id"], r) for r in rows)
        wanted = set(keys)
        return [r for r in rows if wanted.intersection(r["rkeys"] or [])]

    facts, merges = resolver.resolve(facts, lookup)
    actors = {a.id: a for a in facts.actors}
    batch: dict[str, list[Row]] = {k: [] for k, _ in BATCH}
    stored_kinds = _write_actors(tx, facts, _merged_from(merges), known, looked_up, batch)

    new_states = _states_from_facts(facts, actors)
    ids = sorted(set(old_link_ids) | set(new_states))
    stored = {r["id"]: r for r in tx.run("links_state", ids=ids)} if ids else {}
    upserts: list[_LinkState] = []
    deletes: list[str] = []
    for lid in ids:
        row = stored.get(lid)
        new = new_states.get(lid)
        if row is None and new is None:
            continue
        if row is not None:
            base = _LinkState(lid, row["kind"], row["status"], row["date"], [])
            base.reports = _drop_article(row["reports"], art.id)
            base.topics = _drop_article(row["topics"], art.id)
            if new is not None:
                base.sides, base.reports, base.topics = (
                    new.sides,
                    base.reports | new.reports,
                    base.topics | new.topics,
                )
        else:
            assert new is not None
            base = new
        (upserts if base.reports else []).append(base)
        if not base.reports:
            deletes.append(lid)
    if deletes:
        tx.run("links_delete", ids=deletes)
    _write_links(
        tx,
        upserts,
        new_states,
        actors,
        facts,
        replaced=replaced,
        stored=stored,
        batch=batch,
        own=stored_kinds,
    )
    for key, statement in BATCH:
        if batch[key]:
            tx.run(statement, rows=batch[key])
    if replaced:  # a new article removes nothing, so it cannot leave orphans
        gone = {a for lid in deletes for a in stored[lid]["actor_ids"] or []} if deletes else set()
        _delete_orphans(tx, sorted(gone | set(old_actor_ids)))
    return WriteResult(
        article_id=art.id,
        replaced=replaced,
        actors=len(actors),
        links=len(new_states),
        merges=[str(m) for m in merges],
    )


def _merged_from(merges: list[Merge]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in merges:
        out.setdefault(m.into, []).append(str(m))
    return out


def _article_params(facts: Facts) -> Row:
    a = facts.article
    return {
        "id": a.id, "url": a.url, "source": a.source, "title": a.title,
        "date": a.date.isoformat() if a.date else None, "lang": a.lang,
        "publisher": a.publisher, "content_hash": a.content_hash,
    }  # fmt: skip


def _delete_orphans(tx: Tx, ids: list[str]) -> None:
    """Actors of ``ids`` left without links or mentions, then their countries left without actors."""
    if not ids:
        return
    rows = tx.run("orphans_find", ids=ids)
    if not rows:
        return
    tx.run("actors_delete", ids=sorted(r["id"] for r in rows))
    _index_keys(tx, "keys_remove", {r["id"]: set(r["rkeys"] or []) for r in rows})
    codes = sorted({r["country"] for r in rows if r["country"]})
    if codes:
        tx.run("countries_orphans_delete", codes=codes)


def _refresh_actors(tx: Tx, ids: list[str]) -> None:
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
    _index_keys(tx, "keys_remove", {r["id"]: before[r["id"]] - set(r["rkeys"]) for r in rows})
    _index_keys(tx, "keys_add", {r["id"]: set(r["rkeys"]) - before[r["id"]] for r in rows})


def _write_actors(
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
        tx.run("article_upsert", **_article_params(facts))
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
    _index_keys(tx, "keys_add", new_keys)
    tx.run("article_mentions", rows=list(unique.values()), **_article_params(facts))
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


def _index_keys(tx: Tx, statement: str, keys_of: dict[str, set[str]]) -> None:
    """Add actors to (``keys_add``) or remove them from (``keys_remove``) the key index, one row per key.

    The index (``ResolutionKey``: key -> ids of the actors holding it) lets resolution find
    candidates by primary key instead of scanning every actor's ``rkeys``."""
    by_key: dict[str, set[str]] = {}
    for actor, keys in keys_of.items():
        for k in keys:
            by_key.setdefault(k, set()).add(actor)
    if by_key:
        tx.run(statement, rows=[{"key": k, "actors": sorted(v)} for k, v in sorted(by_key.items())])


def _states_from_facts(facts: Facts, actors: dict[str, Actor]) -> dict[str, _LinkState]:
    out: dict[str, _LinkState] = {}
    aid = facts.article.id
    for link in facts.links:
        sides = model.canonical_sides([[a for a in side if a in actors] for side in link.sides])
        if sum(len(s) for s in sides) < 2:
            continue
        date = link.date.isoformat() if link.date else None
        lid = model.link_key(link.kind, link.status, date, sides)
        st = out.setdefault(lid, _LinkState(lid, link.kind, link.status, date, sides))
        st.reports.add(f"{aid}\t{_outlet(facts)}")
        st.topics.update(f"{aid}\tS\t{s}" for s in link.specialties)
        st.topics.update(f"{aid}\tA\t{s}" for s in link.areas)
    return out


def _write_links(
    tx: Tx,
    states: list[_LinkState],
    new_states: dict[str, _LinkState],
    actors: dict[str, Actor],
    facts: Facts,
    *,
    replaced: bool,
    stored: dict[str, Row],
    batch: dict[str, list[Row]],
    own: dict[str, tuple[str, str | None]],
) -> None:
    """A new link gets its parties created; a stored one already has them (its id is its sides).

    COVERS/IN_AREA mirror ``specialties``/``areas``: without a replacement they only grow, so only
    the concepts a link did not have yet are added; a replacement clears and rewrites them."""
    if not states:
        return
    classes = model.link_classes()
    ids = [s.id for s in states]
    kinds = {**_actor_kinds(tx, {a for s in states for side in s.sides for a in side}, actors), **own}
    rows: list[Row] = []
    for s in states:
        parties: list[Row] = []
        members = [a for side in s.sides for a in side]
        topics = [t.split("\t") for t in s.topics]
        rows.append({
            "id": s.id, "kind": s.kind, "cls": classes.get(s.kind, s.kind.capitalize()), "status": s.status,
            "date": s.date, "sources": len({r.split("\t", 1)[1] for r in s.reports}),
            "parties": len(members), "reports": sorted(s.reports), "topics": sorted(s.topics),
            "specialties": sorted({t[2] for t in topics if t[1] == "S"}),
            "areas": sorted({t[2] for t in topics if t[1] == "A"}),
            "actor_ids": sorted(members),
            "countries": sorted({c for a in members if (c := kinds[a][1])}),
        })  # fmt: skip
        for i, side in enumerate(s.sides):
            has_body = any(kinds[a][0] != model.PERSON for a in side)
            for a in side:
                shown = kinds[a][0] != model.PERSON or not has_body
                parties.append({"actor": a, "side": i, "shown": shown})
        if not s.sides:  # still reported by other articles, not by this one: its parties stand
            old = stored[s.id]
            rows[-1].update(parties=old["parties"], actor_ids=old["actor_ids"], countries=old["countries"])
            parties = [{"actor": "", "side": 0, "shown": False}]  # typed for LadybugDB, never applied
        rows[-1]["party_rows"] = parties
        rows[-1]["is_new"] = s.id not in stored
    # links and their parties in one statement (a new link has two parties or more)
    batch["links"] = rows
    had: dict[str, set[str]] = {}
    if replaced:  # topics only shrink when an article's reports are removed
        tx.run("link_topics_clear", ids=ids)
    else:
        for lid, row in stored.items():
            had[lid] = {"\t".join(t.split("\t")[1:]) for t in row["topics"] or []}
    covers = [{"link": r["id"], "target": t} for r in rows for t in r["specialties"]
              if f"S\t{t}" not in had.get(r["id"], ())]  # fmt: skip
    areas = [{"link": r["id"], "target": t} for r in rows for t in r["areas"]
             if f"A\t{t}" not in had.get(r["id"], ())]  # fmt: skip
    batch["covers"], batch["areas"] = covers, areas
    batch["evidence"] = _evidence_rows(new_states, facts, actors)


def _actor_kinds(tx: Tx, ids: set[str], actors: dict[str, Actor]) -> dict[str, tuple[str, str | None]]:
    missing = sorted(ids - set(actors))
    out: dict[str, tuple[str, str | None]] = {a.id: (a.type, a.country) for a in actors.values()}
    if missing:
        out.update({r["id"]: (r["kind"], r["country"]) for r in tx.run("actors_get", ids=missing)})
    return out


def _evidence_rows(new_states: dict[str, _LinkState], facts: Facts, actors: dict[str, Actor]) -> list[Row]:
    seen: set[tuple[str, int, int]] = set()
    rows: list[Row] = []
    for link in facts.links:
        sides = model.canonical_sides([[a for a in side if a in actors] for side in link.sides])
        lid = model.link_key(link.kind, link.status, link.date.isoformat() if link.date else None, sides)
        if lid not in new_states:
            continue
        for ev in link.evidence:
            if (lid, ev.start, ev.end) in seen:
                continue
            seen.add((lid, ev.start, ev.end))
            rows.append({"link": lid, "article": facts.article.id, "text": ev.text, "start": ev.start,
                         "end": ev.end})  # fmt: skip
    return rows
