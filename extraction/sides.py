"""Group a sentence's parties into sides (GUIDE.md: sides).

Actors of one country stand together; international organisations stand
with their own family (UNICEF, UNOPS and the UN are one side; the EU and
WHO are two); a person stands with the body or country they act for.
"""

from __future__ import annotations

from functools import lru_cache

from hdkg.extraction import resources
from hdkg.extraction.cands import Cand


@lru_cache(maxsize=1)
def _parents() -> dict[str, str | None]:
    return {a.id: a.parent for a in resources.gazetteer().actors}


def root(actor_id: str) -> str:
    parents = _parents()
    seen = {actor_id}
    cur = actor_id
    while parents.get(cur) and parents[cur] not in seen:
        cur = str(parents[cur])
        seen.add(cur)
    return cur


def group_key(c: Cand, cands: dict[str, Cand]) -> str:
    if c.type == "Person" and c.acts_for and c.acts_for in cands and c.acts_for != c.id:
        return group_key(cands[c.acts_for], cands)
    if c.type == "InternationalOrganization" or c.country is None:
        return "io:" + root(c.parent if c.parent and c.id not in _parents() else c.id)
    return "cc:" + c.country


def group(
    ids: list[str], cands: dict[str, Cand], joined: list[tuple[str, str]] | None = None
) -> list[list[str]]:
    """Sides by country/family; ``joined`` pairs (coordinated co-recipients) share a side."""
    alias: dict[str, str] = {}

    def find(k: str) -> str:
        while k in alias:
            k = alias[k]
        return k

    for a, b in joined or []:
        if a in cands and b in cands:
            ka, kb = find(group_key(cands[a], cands)), find(group_key(cands[b], cands))
            if ka != kb:
                alias[kb] = ka
    sides: dict[str, list[str]] = {}
    for i in ids:
        k = find(group_key(cands[i], cands))
        side = sides.setdefault(k, [])
        if i not in side:
            side.append(i)
    return list(sides.values())
