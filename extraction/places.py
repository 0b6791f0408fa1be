"""Where an article happens and whether a named country or region is a party.

The main country is the dateline city's country, else the most mentioned
Central Asian country, else the most mentioned country; bare "Минздрав
республики" and unplaced local bodies belong to it. A country or region
mention is a party only in the grammatical roles that make it one (subject,
recipient, "с"/"между"/"от" complement, "делегация X", "российская
сторона"), never as the location of an event ("в Ташкенте", "in Seoul").
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from hdkg.extraction import resources
from hdkg.extraction.gazetteer_match import GMatch
from hdkg.extraction.segment import Doc

CENTRAL_ASIA = ("UZ", "KZ", "KG", "TJ", "TM")
PARTY_PREP_RU = {"с", "со", "между", "от", "к"}
VENUE_PREP_RU = {"в", "во", "на", "из", "по", "для", "о", "об", "про", "за", "под", "среди"}
PARTY_PREP_EN = {"to", "with", "between", "from", "by", "and"}
VENUE_PREP_EN = {"in", "of", "at", "across", "throughout", "within", "near", "for", "around", "on", "into"}
CURRENCY = {
    "доллар",
    "рубль",
    "сум",
    "тенге",
    "сомони",
    "сом",
    "манат",
    "юань",
    "евро",
    "фунт",
    "dollar",
    "yuan",
}
SIDE_WORDS = {
    "сторона",
    "side",
    "tomon",
    "делегация",
    "delegation",
    "delegatsiya",
    "правительство",
    "government",
    # "партнеры из Германии", "коллеги из Турции": the partners of a country are its party
    "партнер",
    "коллега",
    "partner",
    "colleague",
    "hamkor",
}


@lru_cache(maxsize=1)
def _en_titles() -> frozenset[str]:
    return frozenset(str(t).lower() for t in resources.lexicon("titles").get("en") or {})


def region_country(ref: str) -> str | None:
    if ref.startswith("capital:"):
        return ref.split(":", 1)[1]
    for r in resources.gazetteer().regions:
        if r.id == ref:
            return r.country
    return None


def country_of_match(g: GMatch) -> str | None:
    e = g.entry
    if e.kind in ("country", "adj"):
        return e.ref
    if e.kind == "region":
        return region_country(e.ref)
    if e.kind == "actor":
        for a in resources.gazetteer().actors:
            if a.id == e.ref:
                return a.country
    return None


def main_country(doc: Doc, gms: list[GMatch]) -> str | None:
    head = doc.text[:300]
    for g in gms:
        if doc.tokens[g.first].start > 300:
            break
        tok = doc.tokens[g.first]
        if g.entry.kind == "region" and tok.is_upper and head[tok.end : tok.end + 1] in (",", "."):
            c = region_country(g.entry.ref)
            if c:
                return c
    counts: Counter[str] = Counter()
    for g in gms:
        if g.entry.kind in ("country", "adj", "region"):
            c = country_of_match(g)
            if c:
                counts[c] += 1
    ca = [(n, c) for c, n in counts.items() if c in CENTRAL_ASIA]
    if ca:
        return max(ca)[1]
    return counts.most_common(1)[0][0] if counts else None


def is_party(doc: Doc, g: GMatch) -> bool:
    """Grammatical role test for a country/region mention."""
    s = doc.sents[doc.tokens[g.first].sent]
    prev = doc.tokens[g.first - 1] if g.first > s.first else None
    nxt = doc.tokens[g.last] if g.last < s.last else None
    last = doc.tokens[g.last - 1]
    if g.entry.kind == "adj":
        return nxt is not None and nxt.lemma in SIDE_WORDS
    if g.entry.kind == "region" and (
        doc.tokens[g.first].is_upper
        or (prev is None and nxt is not None and nxt.text in ("—", "–", "-", ","))
    ):
        return False  # a dateline ("TASHKENT —", "Samarqand, 12-mart –") names where, not who
    if g.entry.kind == "region" and g.entry.ref.startswith("city_"):
        # a city is a venue unless it is named as a side ("делегация Новосибирска")
        return prev is not None and prev.lemma in SIDE_WORDS
    if doc.lang == "uz":
        low = last.text.lower()
        return not low.endswith(("da", "dagi", "ning", "dan", "ga")) or (low.endswith("ga") and False)
    if doc.lang == "en" or last.info is None:
        if prev is not None and prev.lemma in CURRENCY:
            return False
        if (nxt is not None and nxt.text in ("’s", "'s", "-", "–")) or last.text.endswith(("’s", "'s")):
            return False  # "Israel’s best practices": a possessive modifies, it is no party
        p = prev.text.lower() if prev else ""
        if p in ("the", "to") and g.first - 2 >= s.first:
            p2 = doc.tokens[g.first - 2].text.lower()
            if p == "the" or p2 in _en_titles():  # "Ambassador to Turkmenistan": the post, no party
                p = p2 if p == "the" else "in"
        return p not in VENUE_PREP_EN
    cases = last.info.cases
    p = prev.lemma if prev else ""
    if p in CURRENCY:  # "5 млн долларов США"
        return False
    if prev is not None and prev.lemma in SIDE_WORDS and "gent" in cases:
        return True
    if p in VENUE_PREP_RU:
        return bool(p == "из" and g.first - 2 >= s.first and doc.tokens[g.first - 2].lemma in SIDE_WORDS)
    if p in PARTY_PREP_RU:
        return True
    if nxt is not None and nxt.text in ("-", "–", "—") and g.last + 1 < s.last:
        return False  # "Узбекистан — Казахстан" forum titles
    return bool(cases & {"nomn", "datv"}) or not cases
