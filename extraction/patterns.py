"""Organisation chunks built around head words ("министерство ... <страны>",
"клиника Medanta"); Latin-script chunkers are in ``chunks_latin``.

A chunk is a token range with its head, the GUIDE type its head gives, and
what places it: a country or region named inside it, or a country adjective
in front ("российская компания"). Russian chunks grow left over agreeing
adjectives and right over genitive complements, a quoted or Latin name, or a
"по ..." complement, and take the place they are "в"/"при".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from hdkg.extraction import morph, resources
from hdkg.extraction.gazetteer_match import GMatch
from hdkg.extraction.segment import Doc, Token

OPEN_Q = {"«", '"', "“", "„", "'"}
CLOSE_Q = {"»", '"', "”", "“", "'"}


@dataclass
class Chunk:
    first: int
    last: int
    head: int
    type: str
    head_lemma: str
    places: list[GMatch] = field(default_factory=list)  # countries/regions/actors inside or before
    named: bool = False  # has a quoted/Latin/capitalised proper part
    plural: bool = False
    abbr: str | None = None
    pre: list[GMatch] = field(default_factory=list)  # place adjectives before the head


@lru_cache(maxsize=4)
def heads(lang: str) -> dict[str, str]:
    lex = resources.lexicon("org_heads").get(lang, {})
    out: dict[str, str] = {}
    for typ, words in lex.items():
        for w in words:
            out.setdefault(morph.lemma(str(w), lang), str(typ))
    # "министр здравоохранения X" names the ministry X: title words with a body are heads too.
    for title, body in (resources.lexicon("titles").get(lang) or {}).items():
        if body:
            out.setdefault(
                morph.lemma(str(title), lang), out.get(morph.lemma(str(body), lang), "GovernmentBody")
            )
    return out


@lru_cache(maxsize=1)
def weak_heads() -> frozenset[str]:
    lex = resources.lexicon("org_heads")
    return frozenset(morph.fold(str(w)) for w in lex.get("weak", []))


@lru_cache(maxsize=1)
def descriptive() -> frozenset[str]:
    return frozenset(morph.fold(str(w)) for w in resources.lexicon("org_heads").get("descriptive", []))


def _is(tok: Token, pos: str) -> bool:
    return tok.info is not None and tok.info.pos == pos


def _pos(tok: Token) -> str:
    return tok.info.pos if tok.info is not None else ""


def _gent(tok: Token) -> bool:
    return tok.info is not None and "gent" in tok.info.cases


def _agrees(adj: Token, head: Token) -> bool:
    if adj.info is None or head.info is None:
        return False
    if adj.info.pos not in ("ADJF", "PRTF") and not (adj.info.pos == "NUMR" or "Anum" in adj.info.tags):
        return False
    return bool(adj.info.cases & head.info.cases) or not head.info.cases


# "правительство Королевства Саудовская Аравия" names the state itself (places.SIDE_WORDS)
SIDE_HEADS = {"правительство"}


def ru_chunks(doc: Doc, gmatch_at: dict[int, GMatch], taken: set[int]) -> list[Chunk]:
    hs = heads("ru")
    out: list[Chunk] = []
    for s in doc.sents:
        i = s.first
        while i < s.last:
            tok = doc.tokens[i]
            if i in taken or tok.lemma not in hs or (not _is(tok, "NOUN") and tok.lemma not in ("мид",)):
                i += 1
                continue
            first = i
            while first - 1 >= s.first and first - 1 not in taken and _agrees(doc.tokens[first - 1], tok):
                first -= 1
            ch = Chunk(first, i + 1, i, hs[tok.lemma], tok.lemma, plural=bool(tok.info and tok.info.plural))
            # "российская компания", "новосибирские клиники": a place adjective in front places the body
            ch.pre = [
                g for k in range(first, i) if (g := gmatch_at.get(k)) is not None and g.entry.kind == "adj"
            ]
            ch.named = (doc.tokens[first].is_cap and first != i) or (
                tok.is_cap and first == i and i != s.first
            )
            j = i + 1
            n_gen = 0
            while j < s.last and j - first < 14:
                t = doc.tokens[j]
                g = gmatch_at.get(j)
                if g is not None:
                    if g.entry.kind == "source":
                        break
                    # "Посольства Республики Корея": the first word of a compound name carries the case
                    if g.entry.kind in ("country", "region", "actor") and (
                        _gent(doc.tokens[g.last - 1])
                        or ((n_gen or tok.lemma not in SIDE_HEADS) and _gent(doc.tokens[g.first]))
                    ):
                        ch.places.append(g)
                        j = g.last
                        # "министерства здравоохранения Узбекистана, Казахстана и ВОЗ"
                        while j + 1 < s.last and doc.tokens[j].text in (",", "и") and j + 1 in gmatch_at:
                            g2 = gmatch_at[j + 1]
                            if g2.entry.kind != "country" or not _gent(doc.tokens[g2.last - 1]):
                                break
                            ch.places.append(g2)
                            j = g2.last
                        break
                    break
                if t.text in OPEN_Q:
                    k = j + 1
                    while k < s.last and doc.tokens[k].text not in CLOSE_Q and k - j < 10:
                        k += 1
                    if k < s.last and k > j + 1:
                        j = k + 1
                        ch.named = True
                    break
                if (t.info is not None and t.info.pos == "LATN") or (
                    t.text[:1].isupper() and not morph._CYR.search(t.text)
                ):
                    while j < s.last and (
                        not morph._CYR.search(doc.tokens[j].text) and doc.tokens[j].text[:1].isalnum()
                    ):
                        j += 1
                    ch.named = True
                    break
                if t.text == "(" and j + 2 < s.last and doc.tokens[j + 2].text == ")":
                    ch.abbr = doc.tokens[j + 1].text
                    j += 3
                    break
                if t.lemma == "имя" and j + 1 < s.last and doc.tokens[j + 1].is_cap:
                    # "центр имени Алмазова", "больница имени С.П. Боткина": the eponym is the name
                    j += 1
                    while (
                        j < s.last
                        and doc.tokens[j].is_cap
                        and doc.tokens[j].text[:1].isalpha()
                        and j - i < 14
                    ):
                        j += 1
                    ch.named = True
                    break
                if t.lemma == "по" and n_gen == 0 and j + 1 < s.last and _is(doc.tokens[j + 1], "NOUN"):
                    j += 2
                    while j < s.last and _gent(doc.tokens[j]) and _pos(doc.tokens[j]) in ("NOUN", "ADJF"):
                        j += 1
                    continue
                if t.lemma == "и" and n_gen > 0 and j + 1 < s.last and j + 1 not in gmatch_at:
                    nxt = doc.tokens[j + 1]
                    if (
                        _gent(nxt)
                        and nxt.info is not None
                        and nxt.info.pos in ("NOUN", "ADJF")
                        and not nxt.is_cap
                    ):
                        j += 1
                        continue
                    break
                if (
                    _gent(t)
                    and t.info is not None
                    and t.info.pos in ("NOUN", "ADJF", "PRTF")
                    and ("Surn" not in t.info.tags and "Name" not in t.info.tags)
                ):
                    j += 1
                    n_gen += 1
                    if t.is_cap:
                        ch.named = True
                    continue
                break
            ch.last = j
            if ch.named or first < i or n_gen or ch.plural:
                _attach_place(doc, ch, gmatch_at, s.last)
            if ch.plural and not (ch.places or ch.pre or ch.named):
                _participle_place(doc, ch, gmatch_at, hs, s.last)
            out.append(ch)
            i = max(i + 1, j)
    return out


def _attach_place(doc: Doc, ch: Chunk, gmatch_at: dict[int, GMatch], end: int) -> None:
    """ "Медицинский университет в Синьцзян-Уйгурском автономном округе", "ГУ «Клиническая
    больница» при управлении делами президента Кыргызстана": an unplaced body lies where it is
    or in its parent's country."""
    j = ch.last
    prep = doc.tokens[j].lemma if j < end else ""
    g = gmatch_at.get(j + 1) if prep in ("при", "в", "во", "из") else None
    if g is None or ch.places or ch.pre or g.entry.kind not in ("actor", "country", "region"):
        return
    if prep == "из" and g.entry.kind != "country":  # "клиники из Индии": bodies of that country
        return
    if g.entry.kind == "actor" and prep != "при":
        return
    ch.places.append(g)
    ch.last = g.last


LOCATED = {"расположить", "располагаться", "находиться", "действовать", "работать", "базироваться"}


def _participle_place(
    doc: Doc, ch: Chunk, gmatch_at: dict[int, GMatch], hs: dict[str, str], end: int
) -> None:
    """ "клиники и вузы, расположенные в Душанбе": a participle clause places a group (and the
    groups coordinated with it) as "клиники Душанбе" would."""
    j = ch.last
    while (
        j < end
        and j - ch.last < 6
        and (doc.tokens[j].text in (",", "и") or doc.tokens[j].lemma in hs or _pos(doc.tokens[j]) == "ADJF")
    ):
        j += 1
    if j + 2 >= end or doc.tokens[j].lemma not in LOCATED or doc.tokens[j + 1].lemma not in ("в", "во"):
        return
    g = gmatch_at.get(j + 2)
    if g is not None and g.entry.kind in ("country", "region"):
        ch.places.append(g)
        if all(t.text == "," for t in doc.tokens[ch.last : j]):
            ch.last = g.last  # the group right before the clause names it in full
