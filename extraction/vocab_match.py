"""Specialties and areas from the ontology's SKOS labels, matched on lemmas.

Labels and text go through the same lemmatiser, so "детской онкологии"
meets "онкология". The GUIDE's splitting rule for compounds is general: a
"детский"/"pediatric"/"bolalar" modifier in front of a matched specialty adds
pediatrics unless the whole phrase is itself a label ("детская хирургия" ->
pediatric_surgery).
"""

from __future__ import annotations

from functools import lru_cache

from hdkg.extraction import morph, phrases, resources
from hdkg.extraction.segment import Token

PEDIATRIC = {"детский", "pediatric", "paediatric", "bolalar", "bola", "children", "child"}


@lru_cache(maxsize=8)
def _index(kind: str, lang: str) -> phrases.Index:
    entries: list[tuple[str, str]] = []
    for c in resources.concepts(kind):
        for labels in c.labels.values():
            entries.extend((lab, c.id) for lab in labels)
    return phrases.build_index(entries, lang)


def match(tokens: list[Token], lang: str) -> tuple[list[str], list[str]]:
    specs: list[str] = []
    for a, _b, label in phrases.scan(tokens, _index("specialties", lang)):
        if label not in specs:
            specs.append(label)
        prev = {morph.fold(tokens[k].lemma) for k in range(max(0, a - 2), a)}
        if prev & PEDIATRIC and label != "pediatric_surgery" and "pediatrics" not in specs:
            specs.append("pediatrics")
    areas: list[str] = []
    for _a, _b, label in phrases.scan(tokens, _index("areas", lang)):
        if label not in areas:
            areas.append(label)
    return specs, areas
