"""Coordinated parties: "Казахстану и Узбекистану", "to Kazakhstan, Kyrgyzstan and Tajikistan".

Mentions joined only by commas and "и"/"and"/"va" form a chain. Whether a
chain is one side depends on its grammatical role: recipients, hosts and
partners in an oblique case or after a preposition ("передала Казахстану и
Узбекистану", "с клиниками A и B", "to X and Y") are one side; subjects
("Таджикистан и Россия подписали"), genitive complements of a cooperation
noun ("соглашение Таджикистана и Германии") and "между X и Y" name several
sides. A chain also shares its first member's party role, so "между
Таджикистаном и Германией" makes Germany a party as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from hdkg.extraction.segment import Doc, Token

JOINERS = {",", "и", "а", "также", "and", "as", "well", "va", "hamda", "shuningdek", "&"}
SYMMETRIC_PREP = {"между", "between", "among", "o'rtasida"}
OBLIQUE_RU = {"datv", "accs", "ablt", "loct"}
UZ_OBLIQUE = ("ga", "ka", "qa", "ni", "da", "dan", "larga", "larni", "larda")


class Span(Protocol):
    first: int
    last: int


def chains(doc: Doc, spans: Sequence[Span]) -> list[list[int]]:
    """Indices into ``spans`` (sorted by position) of each coordinated run of two or more."""
    out: list[list[int]] = []
    cur: list[int] = []
    for k, m in enumerate(spans):
        if cur:
            prev = spans[cur[-1]]
            between = doc.tokens[prev.last : m.first]
            if (
                between
                and m.first >= prev.last
                and doc.tokens[prev.last].sent == doc.tokens[m.first].sent
                and all(t.text.lower() in JOINERS for t in between)
            ):
                cur.append(k)
                continue
            if len(cur) > 1:
                out.append(cur)
        cur = [k]
    if len(cur) > 1:
        out.append(cur)
    return out


def _head(doc: Doc, m: Span) -> Token:
    toks = doc.tokens[m.first : m.last]
    for t in toks:
        if t.info is not None and t.info.pos == "NOUN":
            return t
    return toks[-1]


def prev_token(doc: Doc, m: Span) -> Token | None:
    s = doc.sents[doc.tokens[m.first].sent]
    return doc.tokens[m.first - 1] if m.first > s.first else None


def one_side(doc: Doc, members: Sequence[Span]) -> bool:
    """True when a coordinated chain is one side of a link (see the module docstring)."""
    before = prev_token(doc, members[0])
    p = before.lemma if before is not None else ""
    if p in SYMMETRIC_PREP:
        return False
    last = members[-1]
    nxt = doc.tokens[last.last] if last.last < len(doc.tokens) else None
    if nxt is not None and nxt.lemma in SYMMETRIC_PREP:
        return False
    if doc.lang == "ru":
        if before is not None and before.info is not None and before.info.pos == "PREP":
            return True
        cases: set[str] | None = None
        for m in members:
            h = _head(doc, m)
            c = set(h.info.cases) if h.info is not None else set()
            cases = c if cases is None else cases & c
        cs = cases or set()
        return bool(cs & OBLIQUE_RU) and not cs & {"nomn", "gent"}
    if doc.lang == "uz":
        low = doc.tokens[last.last - 1].text.lower()
        return low.endswith(UZ_OBLIQUE) or (nxt is not None and nxt.text.lower() == "bilan")
    return p in {"to", "with", "for", "from", "by", "at", "visited", "visit", "hosted", "including"}
