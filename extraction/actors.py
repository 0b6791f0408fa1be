"""Actor mentions: gazetteer entries, head-word chunks and NER organisations,
typed, placed in a country and given global ids.

Ids: the gazetteer id when the name (or its key in the actor's country)
is in the gazetteer; ``country_<iso2>`` for states; otherwise a
deterministic ``<type>_<cc>_<slug>_<hash>`` of the lemma key, so the same
unknown actor gets the same id in every article and every inflection.
"""

from __future__ import annotations

from hdkg.extraction import chunks_latin, frames, keys, mention_rules, ner_orgs, patterns, places
from hdkg.extraction.cands import PREFIX, Cand, Mention, country_cand, gaz_cand, region_cand
from hdkg.extraction.gazetteer_match import GMatch
from hdkg.extraction.ner import NerSpan
from hdkg.extraction.segment import Doc, Token

MINISTRY = {"министерство", "ведомство", "минздрав"}
LOCAL_REF = {"республика", "страна", "ведомство", "республиканский", "mamlakat", "country", "nation"}


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
    if not ch.named and frames.in_domain_frame(doc, ch.first):  # "в области ... надзора"
        return None
    if not (ch.named or has_place or ch.pre) and key & patterns.descriptive():
        return None  # "со всемирно известной медицинской ассоциацией": a description, not a name
    capital = doc.tokens[ch.first].is_cap and ch.first != doc.sents[doc.tokens[ch.first].sent].first
    if not (ch.named or has_place or capital):
        # a bare "министерства" / "клиника" points back to the last body with that head
        # min(), not next(iter()): the same head key whatever the process's hash seed
        hk0 = min(keys.key_of([doc.tokens[ch.head].lemma]), default="")
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
    hk = min(head_key) if head_key else ch.head_lemma
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
        for words in (quoted, proper, _eponym(toks, ch.head_lemma)):
            pk = keys.key_of(words) if words else frozenset()
            if pk and (gid := keys.lookup_proper(pk)) is not None:
                break
    if gid is None and typ == "InternationalOrganization" and not ch.named and inner_actor is None:
        return None  # "открытие представительств клиник Новосибирска": a branch, no organisation
    if gid is None and inner_actor is not None and typ in ("InternationalOrganization", "GovernmentBody"):
        io = gaz_cand(inner_actor.entry.ref)
        if io.type == "InternationalOrganization" and ch.type == "InternationalOrganization":
            # "Представительство ЕС", "офис ВОЗ": an organisation's office acts as the organisation
            return Mention(ch.first, ch.last, doc.tokens[ch.first].sent, io, "org", head=hk)
        if io.type == "InternationalOrganization":
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


def _ministry_ref(doc: Doc, ch: patterns.Chunk, prior: list[Mention], gms: list[GMatch]) -> Mention | None:
    """ "пресс-центр Минздрава ... руководитель министерства": a bare "министерство" is the
    government body (gazetteer chunk or name) named last before it."""
    if ch.last - ch.first != 1 or ch.head_lemma not in MINISTRY:
        return None
    named = [(m.first, m.cand) for m in prior if m.role == "org" and m.cand.in_gazetteer]
    named += [(g.first, gaz_cand(g.entry.ref)) for g in gms if g.entry.kind == "actor"]
    gov = [(f, c) for f, c in named if f < ch.first and c.type == "GovernmentBody"]
    if not gov:
        return None
    cand = max(gov, key=lambda x: x[0])[1]
    return Mention(ch.first, ch.last, doc.tokens[ch.first].sent, cand, "org", head=ch.head_lemma)


def _eponym(toks: list[Token], head: str) -> list[str]:
    """ "центр имени Алмазова" -> [центр, алмазов]: the head and its eponym, as short names
    ("Центр Алмазова") list it, whatever initials the full name carries."""
    k = next((n for n, t in enumerate(toks) if t.lemma == "имя"), None)
    if k is None:
        return []
    names = [t.lemma for t in toks[k + 1 :] if len(t.text.strip(".")) > 2]
    return [head, *names] if names else []


def sent_foreign_country(
    doc: Doc, gms_by_sent: dict[int, list[GMatch]], si: int, main: str | None, before: int
) -> str | None:
    """The one foreign country named before ``before`` in the sentence ("В Германии министерство
    здравоохранения ..."); one named after belongs to another phrase ("министерство и партнеры из
    Германии")."""
    cs = {
        places.country_of_match(g)
        for g in gms_by_sent.get(si, [])
        if g.entry.kind in ("country", "adj") and g.first < before
    }
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
            rng = ner_orgs.tok_range(doc, sp.start, sp.end)
            if rng:
                taken.update(range(*rng))
    chunker = {"ru": patterns.ru_chunks, "en": chunks_latin.en_chunks, "uz": chunks_latin.uz_chunks}.get(
        doc.lang, chunks_latin.en_chunks
    )
    chunks = chunker(doc, gmatch_at, taken)
    covered: set[int] = set(taken)
    loc_toks: set[int] = set()
    for sp in ner:
        rng = ner_orgs.tok_range(doc, sp.start, sp.end) if sp.type == "LOC" else None
        if rng and rng[0] not in gmatch_at:
            loc_toks.update(range(*rng))
    for ch in chunks:
        si = doc.tokens[ch.first].sent
        m = chunk_mention(
            doc, ch, main, sent_foreign_country(doc, gms_by_sent, si, main, ch.first), out, loc_toks
        ) or _ministry_ref(doc, ch, out, gms)
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
    ner_orgs.add(doc, ner, covered, out, main, gmatch_at)
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
