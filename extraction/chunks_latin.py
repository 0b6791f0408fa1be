"""Organisation chunks in Latin-script languages.

English chunks are runs of capitalised words joined by of/and/for/the, cut
at a known body and kept apart from person titles ("Deputy Prime Minister X");
Uzbek chunks are head-final runs ending in the head word, stopped leftwards
by conjunctions and demonstratives.
"""

from __future__ import annotations

from functools import lru_cache

from hdkg.extraction import morph, resources
from hdkg.extraction.gazetteer_match import GMatch
from hdkg.extraction.patterns import Chunk, heads
from hdkg.extraction.segment import Doc

EN_CONNECT = {"of", "the", "for", "and", "on", "to", "&"}
EN_TITLE_ONLY = {
    "deputy",
    "prime",
    "vice",
    "acting",
    "first",
    "ministry",
    "minister",
    "government",
    "chief",
    "head",
}
# conjunctions and demonstratives ("mazkur jamg‘arma" = "the said fund") end an Uzbek name leftwards
UZ_STOP = {
    "hamda",
    "bilan",
    "shuningdek",
    "va",
    "yoki",
    "esa",
    "uchun",
    "mazkur",
    "ushbu",
    "bu",
    "shu",
    "o'sha",
}


@lru_cache(maxsize=4)
def _title_words(lang: str) -> frozenset[str]:
    return frozenset(morph.lemma(str(t), lang) for t in (resources.lexicon("titles").get(lang) or {}))


def en_chunks(doc: Doc, gmatch_at: dict[int, GMatch], taken: set[int]) -> list[Chunk]:
    hs = heads("en")
    out: list[Chunk] = []
    for s in doc.sents:
        i = s.first
        while i < s.last:
            if i in taken or not doc.tokens[i].is_cap:
                i += 1
                continue
            j = i
            while (j < s.last and j not in taken) or (j < s.last and j in gmatch_at):
                t = doc.tokens[j]
                if j > i and j in gmatch_at and gmatch_at[j].entry.kind == "actor":
                    break  # "Minister X and WHO Europe": a known body ends the run
                if t.is_cap or t.text in ("’s", "'s", "-") or t.text.isdigit():
                    j = gmatch_at[j].last if j in gmatch_at and gmatch_at[j].entry.kind != "source" else j + 1
                    continue
                if t.text.lower() in EN_CONNECT and j + 1 < s.last and doc.tokens[j + 1].is_cap:
                    j += 1
                    continue
                break
            run = list(range(i, j))
            head_idx = [k for k in run if doc.tokens[k].lemma in hs and k not in gmatch_at]
            after_actor = any(
                g.last == i and g.entry.kind == "actor"
                for g in (gmatch_at.get(k) for k in range(i - 6, i))
                if g
            )
            if head_idx and j > i and not after_actor:
                h = head_idx[0]
                last = j
                if doc.tokens[h].lemma in _title_words("en"):
                    # "Deputy Prime Minister Purli Agamyradov": a title's body is only its "of ..." part
                    last = h + 1
                    if h + 1 < j and doc.tokens[h + 1].text.lower() in ("of", "for"):
                        last = j
                        k = h + 2
                        while k < j and not (doc.tokens[k].text.lower() == "and" and k + 1 in gmatch_at):
                            k += 1
                        last = k
                    adj = {k for k in range(i, last) if k in gmatch_at and gmatch_at[k].entry.kind == "adj"}
                    words = {doc.tokens[k].lemma for k in range(i, last) if k not in adj}
                    if words <= EN_TITLE_ONLY | {"the"}:  # "Turkmen Deputy Prime Minister" is a title
                        i = max(j, i + 1)
                        continue
                while last - 1 > i and doc.tokens[last - 1].text.lower() in EN_CONNECT:
                    last -= 1
                first = i + 1 if doc.tokens[i].text == "The" else i
                ch = Chunk(first, last, h, hs[doc.tokens[h].lemma], doc.tokens[h].lemma)
                ch.places = [gmatch_at[k] for k in range(first, last) if k in gmatch_at]
                ch.named = True
                # "Tajik Ministry of ...": a country adjective right before the chunk places it
                if first - 1 in gmatch_at and gmatch_at[first - 1].entry.kind in ("adj", "country"):
                    ch.places.append(gmatch_at[first - 1])
                out.append(ch)
            i = max(j, i + 1)
    return out


def uz_chunks(doc: Doc, gmatch_at: dict[int, GMatch], taken: set[int]) -> list[Chunk]:
    hs = heads("uz")
    out: list[Chunk] = []
    actor_toks = {k for g in gmatch_at.values() if g.entry.kind == "actor" for k in range(g.first, g.last)}
    for s in doc.sents:
        i = s.first
        while i < s.last:
            tok = doc.tokens[i]
            if i in taken or tok.lemma not in hs:
                i += 1
                continue
            last = i + 1
            while last < s.last and doc.tokens[last].lemma in hs:
                last += 1
            first = i
            while first - 1 >= s.first and i - first < 8:
                t = doc.tokens[first - 1]
                if not t.text[:1].isalnum() or (t.text.lower() in UZ_STOP and t.text.lower() != "va"):
                    break
                if first - 1 in actor_toks:  # "YuNISEF va UNFPA ... tug‘ruqxonalariga": a known body ends it
                    break
                first -= 1
            while first < i and not doc.tokens[first].is_cap:
                first += 1
            ch = Chunk(first, last, i, hs[tok.lemma], tok.lemma)
            ch.places = [gmatch_at[k] for k in range(first, last) if k in gmatch_at]
            ch.named = first < i
            out.append(ch)
            i = last
    return out
