"""The graph model both dialects share: labels, relationship types, vocabularies, link identity.

Labels for link kinds and the Specialty/Area nodes come from the ontology
(``ontology.vocab``). A missing or broken ontology file is an ``OntologyError``
naming the file: a store built without its vocabularies (0 Specialty nodes)
would look fine and answer every specialty question with nothing.

Link identity: one stored link per real-world fact, whatever the number of
articles reporting it. The key is ``kind | status | date-or-'-' | sides`` where
sides are the resolved actor ids, each side sorted, sides sorted and empty
sides dropped (side order carries no meaning). Status is part of the key
because "discussed" and "signed" are different facts with different evidence;
the date is exact, so a dated and an undated report stay two links.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Collection
from dataclasses import dataclass, field

from hdkg.models import Link

log = logging.getLogger(__name__)

NODE_LABELS = ("Actor", "Area", "Article", "Cooperation", "Country", "Link", "Specialty")
REL_TYPES = ("ACTS_FOR", "BASED_IN", "COVERS", "IN_AREA", "MENTIONED_IN", "PARTY_OF", "REPORTED_IN")
PERSON = "Person"
NO_COUNTRY = "XX"


@dataclass(frozen=True)
class ConceptRow:
    id: str
    iri: str
    labels: list[str] = field(default_factory=list)  # "lang:label", pref first then alt


@functools.cache
def link_classes() -> dict[str, str]:
    """Link kind -> ontology class name (the extra Neo4j label on each link)."""
    from hdkg.ontology import vocab

    return dict(vocab.link_classes())


def _concepts(fn_name: str) -> list[ConceptRow]:
    from hdkg.ontology import vocab

    rows = []
    for c in getattr(vocab, fn_name)():
        labels = [f"{lang}:{text}" for lang, text in sorted(c.pref.items())]
        alt = c.alt.items() if isinstance(c.alt, dict) else []
        for lang, texts in sorted(alt):
            for text in [texts] if isinstance(texts, str) else texts:
                labels.append(f"{lang}:{text}")
        rows.append(ConceptRow(str(c.id), str(c.iri), labels))
    return rows


def specialties() -> list[ConceptRow]:
    return _concepts("specialties")


def areas() -> list[ConceptRow]:
    return _concepts("areas")


def canonical_sides(sides: list[list[str]]) -> list[list[str]]:
    """Sides sorted internally and among themselves; an actor stays only on its first side."""
    seen: set[str] = set()
    out: list[list[str]] = []
    for side in sorted(sorted(set(s)) for s in sides):
        kept = [a for a in side if a not in seen]
        seen.update(kept)
        if kept:
            out.append(kept)
    return out


def link_key(kind: str, status: str, date: str | None, sides: list[list[str]]) -> str:
    """The stored link id (see the module docstring for the rule)."""
    body = "|".join([kind, status, date or "-", ";".join(",".join(s) for s in canonical_sides(sides))])
    return f"{kind}-{hashlib.sha1(body.encode()).hexdigest()[:16]}"


@dataclass(frozen=True)
class LinkIdentity:
    id: str
    date: str | None
    sides: list[list[str]]


def link_identity(link: Link, known: Collection[str]) -> LinkIdentity | None:
    """The stored id of an extracted link whose sides keep only ``known`` actors; None below two parties."""
    sides = canonical_sides([[a for a in side if a in known] for side in link.sides])
    if sum(len(s) for s in sides) < 2:
        return None
    date = link.date.isoformat() if link.date else None
    return LinkIdentity(link_key(link.kind, link.status, date, sides), date, sides)
