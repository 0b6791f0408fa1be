"""Organisations only the NER model finds (no head word, no gazetteer name):
typed by script (Latin names are companies), placed by an inner country or the
article's main country, and never a disease, a pathogen or a person's title.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hdkg.extraction import keys, patterns, persons, places, resources
from hdkg.extraction.cands import PREFIX, Cand, Mention, gaz_cand
from hdkg.extraction.gazetteer_match import GMatch
from hdkg.extraction.ner import NerSpan
from hdkg.extraction.segment import Doc, Token

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@lru_cache(maxsize=1)
def not_orgs() -> frozenset[str]:
    """Names NER tags as organisations that never are (diseases, pathogens)."""
    return frozenset(
        keys.key_of([str(w).lower() for w in resources.lexicon("org_heads").get("not_orgs", [])])
    )


def tok_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    idx = [i for i, t in enumerate(doc.tokens) if t.start >= start and t.end <= end]
    return (idx[0], idx[-1] + 1) if idx else None


def _title_only(toks: list[Token], lang: str) -> bool:
    """ "Постоянного координатора ООН": a post named by a person's title is no organisation."""
    lem = {t.lemma for t in toks}
    return bool(lem & persons.titles(lang)) and not lem & set(patterns.heads(lang))


def _event_or_place(toks: list[Token], rng: tuple[int, int], gmatch_at: dict[int, GMatch]) -> bool:
    """ "UzMedExpo-2025" (a year: an event), «Чирчик» (only a place's name): no organisation."""
    if any(_YEAR.search(t.text) for t in toks):
        return True
    words = [k for k in range(*rng) if toks[k - rng[0]].text[:1].isalnum()]
    g = gmatch_at.get(words[0]) if words else None
    return g is not None and g.entry.kind in ("region", "country") and g.last > words[-1]


def add(
    doc: Doc,
    ner: list[NerSpan],
    covered: set[int],
    out: list[Mention],
    main: str | None,
    gmatch_at: dict[int, GMatch],
) -> None:
    for sp in ner:
        if sp.type != "ORG":
            continue
        rng = tok_range(doc, sp.start, sp.end)
        if rng is None or any(k in covered for k in range(*rng)):
            continue
        toks = doc.tokens[rng[0] : rng[1]]
        key = keys.key_of([t.lemma for t in toks])
        if not key:
            continue
        same = next((m for m in out if m.role == "org" and key <= m.cand.key and m.cand.key), None)
        if same is not None:  # "AP-HP" after "ассоциация ... «AP-HP»"
            out.append(Mention(rng[0], rng[1], toks[0].sent, same.cand, "org", head=same.head))
            covered.update(range(*rng))
            continue
        if key & not_orgs() or _title_only(toks, doc.lang) or _event_or_place(toks, rng, gmatch_at):
            continue
        latin = not any(t.info is not None and t.info.pos not in ("LATN", "") for t in toks)
        typ = "Company" if latin else "GovernmentBody"
        inner = [places.country_of_match(g) for k in range(*rng) if (g := gmatch_at.get(k)) is not None]
        placed = next((c for c in inner if c), None)
        country = placed or main
        gid = keys.lookup(key, country, "") or (None if placed else keys.lookup(key, None, ""))
        cand = (
            gaz_cand(gid)
            if gid
            else Cand(
                keys.make_id(PREFIX[typ], country, key), doc.text[sp.start : sp.end], typ, country, key=key
            )
        )
        out.append(Mention(rng[0], rng[1], toks[0].sent, cand, "org"))
        covered.update(range(*rng))
