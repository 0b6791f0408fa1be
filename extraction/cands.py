"""Actor candidates and their mentions: the records every stage after NER shares.

A ``Cand`` is one actor of the article (gazetteer entry, state, region or a
new body with a deterministic id); a ``Mention`` is one place where the text
names it, with the grammatical facts the link stage needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from hdkg.extraction import resources

PREFIX = {
    "Country": "country",
    "Region": "region",
    "GovernmentBody": "gov",
    "HealthcareProvider": "hcp",
    "AcademicInstitution": "acad",
    "InternationalOrganization": "io",
    "Association": "assoc",
    "Company": "company",
    "Person": "person",
}


@dataclass
class Cand:
    id: str
    name: str
    type: str
    country: str | None
    in_gazetteer: bool = False
    wikidata: str | None = None
    parent: str | None = None
    acts_for: str | None = None
    key: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Mention:
    first: int
    last: int
    sent: int
    cand: Cand
    role: str  # org | country | region | person
    party: bool = True  # for countries/regions: grammatical party role
    head: str = ""


@lru_cache(maxsize=1)
def _gaz_by_id() -> dict[str, resources.GActor]:
    return {a.id: a for a in resources.gazetteer().actors}


def gaz_cand(actor_id: str) -> Cand:
    a = _gaz_by_id()[actor_id]
    return Cand(a.id, a.canonical, a.type, a.country, True, a.wikidata, a.parent)


def country_cand(code: str) -> Cand:
    g = resources.gazetteer()
    name = code
    for c in g.countries:
        if c.code == code:
            name = (c.names.get("ru") or c.names.get("en") or [code])[0]
    return Cand(f"country_{code.lower()}", name, "Country", code, True)


def region_cand(ref: str) -> Cand | None:
    if ref.startswith("capital:"):
        return None
    for r in resources.gazetteer().regions:
        if r.id == ref:
            name = next((v[0] for v in r.names.values() if v), r.id)
            typ = r.type if r.type in PREFIX else "Region"
            return Cand(r.id, name, typ, r.country, True, r.wikidata)
    return None
