"""Context frames around a mention (lexicon/frames.yaml).

A venue frame ("в кулуарах сессии Всемирной ассамблеи здравоохранения",
"on the sidelines of ...") makes the body after it the host of an occasion,
not a party. A domain frame ("в области санитарно-эпидемиологического
надзора") makes an unnamed chunk a field of work, not a body at all.
"""

from __future__ import annotations

from functools import lru_cache

from hdkg.extraction import morph, resources
from hdkg.extraction.segment import Doc

MAX_GAP = 5
_PUNCT_OK = {"-", "–", "«", "»", '"', "“", "”", "'"}


@lru_cache(maxsize=8)
def _phrases(name: str, lang: str) -> tuple[tuple[str, ...], ...]:
    items = (resources.lexicon("frames").get(name) or {}).get(lang) or []
    return tuple(t for t in (morph.lemmas(str(x), lang) for x in items) if t)


@lru_cache(maxsize=4)
def _breakers(lang: str) -> frozenset[str]:
    items = (resources.lexicon("frames").get("frame_breakers") or {}).get(lang) or []
    return frozenset(morph.lemma(str(x), lang) for x in items)


def _ends_before(doc: Doc, end: int, phrase: tuple[str, ...], floor: int) -> bool:
    n = len(phrase)
    return end - n >= floor and tuple(t.lemma for t in doc.tokens[end - n : end]) == phrase


def _not_genitive(doc: Doc, first: int, last: int) -> bool:
    """The host of an occasion is its genitive complement ("в кулуарах сессии Ассамблеи"); a head
    that cannot be genitive starts the clause itself ("На полях форума Министерство подписало")."""
    for t in doc.tokens[first:last]:
        if t.info is not None and t.info.pos == "NOUN" and t.info.cases:
            return "gent" not in t.info.cases
    return False


def in_venue_frame(doc: Doc, first: int, last: int | None = None) -> bool:
    """True when a venue frame ends at most MAX_GAP plain words before token ``first``."""
    if doc.lang == "ru" and last is not None and _not_genitive(doc, first, last):
        return False
    floor = doc.sents[doc.tokens[first].sent].first
    stop = _breakers(doc.lang)
    frames = _phrases("venue_frames", doc.lang)
    if not frames:
        return False
    for end in range(first, max(floor, first - MAX_GAP) - 1, -1):
        if any(_ends_before(doc, end, f, floor) for f in frames):
            return True
        if end - 1 < floor:
            return False
        t = doc.tokens[end - 1]
        if t.lemma in stop or (not t.text[:1].isalnum() and t.text not in _PUNCT_OK):
            return False
        if t.info is not None and t.info.pos in ("VERB", "INFN", "PRTF", "GRND"):
            return False
    return False


def in_domain_frame(doc: Doc, first: int) -> bool:
    """True when a domain frame ends right before token ``first`` (adjectives of the chunk aside)."""
    floor = doc.sents[doc.tokens[first].sent].first
    return any(_ends_before(doc, first, f, floor) for f in _phrases("domain_frames", doc.lang))
