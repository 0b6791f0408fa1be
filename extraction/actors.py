"""Actor mentions: gazetteer entries, head-word chunks and NER organisations,
typed, placed in a country and given global ids.

Ids: the gazetteer id when the name (or its key in the actor's country)
is in the gazetteer; ``country_<iso2>`` for states; otherwise a
deterministic ``<type>_<cc>_<slug>_<hash>`` of the lemma key, so the same
unknown actor gets the same id in every article and every inflection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from extraction import keys, mention_rules, patterns, places, resources
from extraction.gazetteer_match import GMatch
from extraction.ner import NerSpan
from extraction.segment import Doc

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
LOCAL_REF = {"республика", "страна", "ведомство", "республиканский", "mamlakat", "country", "nation"}


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


def _chunk_country(doc: Doc, ch: patterns.Chunk, main: str | None) -> str | None:
    for g in [*ch.places, *ch.pre]:
        c = places.country_of_match(g)
        if c:
            return c
    toks = doc.tokens[ch.first : ch.last]
    if any(t.lemma in LOCAL_REF for t in toks):
        return main
    return None


def chunk_mention(
    doc: Doc,
    ch: patterns.Chunk,
    main: str | None,
    sent_foreign: str | None,
    prior: list[Mention],
    loc_toks: set[int],
) -> Mention | None:
    toks = doc.tokens[ch.first : ch.last]
    # countries and inner actors leave the key; cities and regions stay ("клиники Новосибирска")
    place_idx = {k for g in ch.places if g.entry.kind != "region" for k in range(g.first, g.last)}
    local = any(g.entry.kind == "region" and not g.entry.ref.startswith("capital:") for g in ch.places)
    lemmas = [t.lemma for k, t in enumerate(toks, ch.first) if k not in place_idx]
    key = keys.key_of(lemmas)
    weak = patterns.weak_heads()
    has_place = bool(ch.places)
    if not key:
        return None
    if ch.head_lemma in weak and len(key) <= 1 and not ch.named and not has_place:
        return None
    if ch.plural and not (has_place or ch.named):
        return None
    capital = doc.tokens[ch.first].is_cap and ch.first != doc.sents[doc.tokens[ch.first].sent].first
    if not (ch.named or has_place or capital):
        # a bare "министерства" / "клиника" points back to the last body with that head
        hk0 = next(iter(keys.key_of([doc.tokens[ch.head].lemma])), "")
        for m in reversed(prior):
            if m.role == "org" and hk0 and (m.head == hk0 or hk0 in m.cand.key):
                return Mention(ch.first, ch.last, doc.tokens[ch.first].sent, m.cand, "org", head=m.head)
        if len(key) < 2 or ch.first == ch.head:
            return None
    country = _chunk_country(doc, ch, main)
    unknown_place = any(k in loc_toks for k in range(ch.head + 1, ch.last))
    inner_actor = next((g for g in ch.places if g.entry.kind == "actor"), None)
    typ = ch.type
    if country is None and not unknown_place:
        country = sent_foreign if (ch.named and sent_foreign) else main
    head_key = keys.key_of([doc.tokens[ch.head].lemma])
    hk = next(iter(head_key)) if head_key else ch.head_lemma
    gid = keys.lookup(key, country, hk, superset=not local)
    placed = any(g.entry.kind in ("country", "adj") for g in [*ch.places, *ch.pre])
    if gid is None and inner_actor is None and not placed:
        gid = keys.lookup(key, None, hk)
    text = doc.text[doc.tokens[ch.first].start : doc.tokens[ch.last - 1].end]
    if gid is None and ch.named:
        hs = patterns.heads(doc.lang)
        proper = [
            t.lemma
            for k, t in enumerate(toks, ch.first)
            if k not in place_idx and t.info is not None and t.info.pos == "LATN" and t.lemma not in hs
        ]
        quoted = mention_rules.quoted_lemmas(toks)
        for words in (quoted, proper):
            pk = keys.key_of(words) if words else frozenset()
            if pk and (gid := keys.lookup_proper(pk)) is not None:
                break
    if gid is None and inner_actor is not None and typ in ("InternationalOrganization", "GovernmentBody"):
        io = gaz_cand(inner_actor.entry.ref)
        if io.type == "InternationalOrganization":  # "Представительство ЕС", "офис ВОЗ"
            typ, country = io.type, None
    if gid is not None:
        cand = gaz_cand(gid)
    else:
        cand = mention_rules.corefer(prior, key, typ, country, hk) or Cand(
            keys.make_id(PREFIX[typ], country, key), text, typ, country, key=key
        )
        if typ == "InternationalOrganization" and inner_actor is not None:
            cand.parent = inner_actor.entry.ref
    return Mention(ch.first, ch.last, doc.tokens[ch.first].sent, cand, "org", head=hk)


def sent_foreign_country(
    doc: Doc, gms_by_sent: dict[int, list[GMatch]], si: int, main: str | None
) -> str | None:
    cs = {places.country_of_match(g) for g in gms_by_sent.get(si, []) if g.entry.kind in ("country", "adj")}
    cs.discard(None)
    cs.discard(main)
    return cs.pop() if len(cs) == 1 else None


def build(doc: Doc, gms: list[GMatch], ner: list[NerSpan], main: str | None) -> list[Mention]:
    gmatch_at = {g.first: g for g in gms}
    gms_by_sent: dict[int, list[GMatch]] = {}
    for g in gms:
        gms_by_sent.setdefault(doc.tokens[g.first].sent, []).append(g)
    taken: set[int] = set()
    out: list[Mention] = []
    for g in gms:
        if g.entry.kind == "source" or (g.entry.kind == "actor" and doc.lang != "uz"):
            taken.update(range(g.first, g.last))
    for sp in ner:  # a chunk never swallows a person's name
        if sp.type == "PER":
            rng = _tok_range(doc, sp.start, sp.end)
            if rng:
                taken.update(range(*rng))
    chunker = {"ru": patterns.ru_chunks, "en": patterns.en_chunks, "uz": patterns.uz_chunks}.get(
        doc.lang, patterns.en_chunks
    )
    chunks = chunker(doc, gmatch_at, taken)
    covered: set[int] = set(taken)
    loc_toks: set[int] = set()
    for sp in ner:
        rng = _tok_range(doc, sp.start, sp.end) if sp.type == "LOC" else None
        if rng and rng[0] not in gmatch_at:
            loc_toks.update(range(*rng))
    for ch in chunks:
        si = doc.tokens[ch.first].sent
        m = chunk_mention(doc, ch, main, sent_foreign_country(doc, gms_by_sent, si, main), out, loc_toks)
        if m is not None:
            out.append(m)
            covered.update(range(ch.first, ch.last))
            extra = [g for g in ch.places[1:] if g.entry.kind == "country"]
            if extra and m.cand.country:
                m.cand.key = m.cand.key or keys.key_of(
                    [t.lemma for t in doc.tokens[ch.first : ch.places[0].first]]
                )
                _distribute(doc, ch.places[0].last, m.cand, gmatch_at, covered, out)
    for g in gms:
        si = doc.tokens[g.first].sent
        if g.entry.kind == "actor" and (doc.lang != "uz" or g.first not in covered):
            gc = gaz_cand(g.entry.ref)
            gc.key = keys.key_of([t.lemma for t in doc.tokens[g.first : g.last]])
            out.append(Mention(g.first, g.last, si, gc, "org"))
            covered.update(range(g.first, g.last))
            _distribute(doc, g.last, gc, gmatch_at, covered, out)
        elif g.entry.kind in ("country", "adj") and g.first not in covered:
            out.append(
                Mention(
                    g.first,
                    g.last,
                    si,
                    country_cand(g.entry.ref),
                    "country",
                    party=places.is_party(doc, g),
                    head="adj" if g.entry.kind == "adj" else "",
                )
            )
        elif g.entry.kind == "region" and g.first not in covered:
            rc = region_cand(g.entry.ref)
            if rc is not None:
                out.append(Mention(g.first, g.last, si, rc, "region", party=places.is_party(doc, g)))
    _add_ner_orgs(doc, ner, covered, out, main, gmatch_at)
    out.sort(key=lambda m: m.first)
    mention_rules.share_party_role(doc, out)
    return out


def _distribute(
    doc: Doc, j: int, base: Cand, gmatch_at: dict[int, GMatch], covered: set[int], out: list[Mention]
) -> None:
    """ "министерства здравоохранения Узбекистана, Казахстана и ВОЗ": the head also names
    the same body of each further country in the coordination."""
    if base.country is None or not base.key:
        return
    s = doc.sents[doc.tokens[j - 1].sent]
    while j + 1 < s.last and doc.tokens[j].text in (",", "и", "and", "va") and j + 1 in gmatch_at:
        g = gmatch_at[j + 1]
        last = doc.tokens[g.last - 1]
        if g.entry.kind != "country" or g.entry.ref == base.country:
            return
        if doc.lang == "ru" and last.info is not None and last.info.cases and "gent" not in last.info.cases:
            return
        gid = keys.lookup(base.key, g.entry.ref, "")
        if gid is not None:
            cand = gaz_cand(gid)
        else:
            cand = Cand(
                keys.make_id(PREFIX[base.type], g.entry.ref, base.key),
                base.name,
                base.type,
                g.entry.ref,
                key=base.key,
            )
        out.append(Mention(g.first, g.last, doc.tokens[g.first].sent, cand, "org"))
        covered.update(range(g.first, g.last))
        j = g.last


@lru_cache(maxsize=1)
def not_orgs() -> frozenset[str]:
    """Names NER tags as organisations that never are (diseases, pathogens)."""
    return frozenset(
        keys.key_of([str(w).lower() for w in resources.lexicon("org_heads").get("not_orgs", [])])
    )


def _tok_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    idx = [i for i, t in enumerate(doc.tokens) if t.start >= start and t.end <= end]
    return (idx[0], idx[-1] + 1) if idx else None


def _add_ner_orgs(
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
        rng = _tok_range(doc, sp.start, sp.end)
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
        if key & not_orgs():
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
