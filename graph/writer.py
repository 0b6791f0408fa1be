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

from hdkg.graph import model
from hdkg.graph.base import WriteResult
from hdkg.graph.coop_write import Pending, settle
from hdkg.graph.cooperation import touched_pairs
from hdkg.graph.resolution import Merge, Resolver
from hdkg.graph.writer_actors import index_keys, refresh_actors, write_actors
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


def write_facts(tx: Tx, facts: Facts, resolver: Resolver, touched: Pending | None = None) -> WriteResult:
    """Write one article; what its links owe the stored pairs is settled here, or added to ``touched``
    for the caller to settle once for a whole batch (``graph/batch.py``)."""
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
        refresh_actors(tx, old_actor_ids)

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
    stored_kinds = write_actors(tx, facts, _merged_from(merges), known, looked_up, batch)

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
    pending = Pending() if touched is None else touched
    if replaced:  # something may be gone: the pairs of every link it touched are recomputed
        for s in upserts:
            pending.pairs |= touched_pairs(
                [a for side in s.sides for a in side] or stored[s.id]["actor_ids"] or []
            )
        for lid in deletes:
            pending.pairs |= touched_pairs(stored[lid]["actor_ids"] or [])
    else:  # only additions: the links' rows are added to their pairs
        pending.add(art.id, batch["links"])
    if touched is None:
        settle(tx, pending)
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


def _delete_orphans(tx: Tx, ids: list[str]) -> None:
    """Actors of ``ids`` left without links or mentions, then their countries left without actors."""
    if not ids:
        return
    rows = tx.run("orphans_find", ids=ids)
    if not rows:
        return
    tx.run("actors_delete", ids=sorted(r["id"] for r in rows))
    index_keys(tx, "keys_remove", {r["id"]: set(r["rkeys"] or []) for r in rows})
    codes = sorted({r["country"] for r in rows if r["country"]})
    if codes:
        tx.run("countries_orphans_delete", codes=codes)


def _states_from_facts(facts: Facts, actors: dict[str, Actor]) -> dict[str, _LinkState]:
    out: dict[str, _LinkState] = {}
    aid = facts.article.id
    for link in facts.links:
        ident = model.link_identity(link, actors)
        if ident is None:
            continue
        lid = ident.id
        st = out.setdefault(lid, _LinkState(lid, link.kind, link.status, ident.date, ident.sides))
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
        ident = model.link_identity(link, actors)
        if ident is None or ident.id not in new_states:
            continue
        lid = ident.id
        for ev in link.evidence:
            if (lid, ev.start, ev.end) in seen:
                continue
            seen.add((lid, ev.start, ev.end))
            rows.append({"link": lid, "article": facts.article.id, "text": ev.text, "start": ev.start,
                         "end": ev.end})  # fmt: skip
    return rows
