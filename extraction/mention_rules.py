"""Rules over an article's mentions once they are built: coreference by a shorter or
longer name, quoted proper names, and the party role shared along a coordination.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hdkg.extraction import coord
from hdkg.extraction.patterns import CLOSE_Q, OPEN_Q
from hdkg.extraction.segment import Doc, Token

if TYPE_CHECKING:
    from hdkg.extraction.cands import Cand, Mention


def share_party_role(doc: Doc, out: list[Mention]) -> None:
    """ "между Таджикистаном и Германией": a coordinated country takes its first conjunct's role."""
    by_sent: dict[int, list[Mention]] = {}
    for m in out:
        by_sent.setdefault(m.sent, []).append(m)
    for ms in by_sent.values():
        for ch in coord.chains(doc, ms):
            members = [ms[k] for k in ch]
            if doc.lang == "uz":
                # Uzbek marks case on the last conjunct only: "Olmaota va Astanadagi" are both venues
                for m in members[:-1]:
                    if m.role in ("country", "region"):
                        m.party = members[-1].party
            elif members[0].party or doc.lang == "en":
                # English "and" reads as a party cue; "in Syrdarya and Jizzakh" keeps the venue role
                for m in members[1:]:
                    if m.role in ("country", "region") or members[0].party:
                        m.party = members[0].party


def quoted_lemmas(toks: list[Token]) -> list[str]:
    out: list[str] = []
    inside = False
    for t in toks:
        if t.text in OPEN_Q and not inside:
            inside = True
        elif t.text in CLOSE_Q and inside:
            break
        elif inside:
            out.append(t.lemma)
    return out


def corefer(prior: list[Mention], key: frozenset[str], typ: str, country: str | None, hk: str) -> Cand | None:
    """A shorter or longer name of a body already met ("клиники Новосибирска" after
    "частные клиники Новосибирска"): same type, country and head, one key inside the other,
    and the shorter key still names more than the head."""
    for m in reversed(prior):
        c = m.cand
        if m.role != "org" or c.in_gazetteer or c.type != typ or c.country != country or not c.key:
            continue
        small = key if len(key) <= len(c.key) else c.key
        if hk in small and len(small) >= 2 and (key <= c.key or c.key <= key):
            return c
    return None
