"""Name normalisation and stemming shared by both stores and the resolver.

Full-text search must answer the same on Neo4j and LadybugDB, and LadybugDB's
FTS extension cannot be installed offline, so the stems are computed here in
Python (a compact Snowball-style Russian stemmer plus light Latin rules) and
stored on each actor as a space-delimited ``search`` string; both dialects
then match query stems with CONTAINS.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = "'ʻʼ’‘`´"
_TOKEN = re.compile(r"[0-9a-zа-я]+")
_VOWELS = "аеиоуыэюя"

_PERFECTIVE_1 = ("вшись", "вши", "в")
_PERFECTIVE_2 = ("ившись", "ывшись", "ивши", "ывши", "ив", "ыв")
_REFLEXIVE = ("ся", "сь")
_ADJECTIVE = (
    "ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем",
    "им", "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
)  # fmt: skip
_PARTICIPLE_1 = ("ем", "нн", "вш", "ющ", "щ")
_PARTICIPLE_2 = ("ивш", "ывш", "ующ")
_VERB_1 = (
    "ете",
    "йте",
    "ешь",
    "нно",
    "ла",
    "на",
    "ли",
    "ем",
    "ло",
    "но",
    "ет",
    "ют",
    "ны",
    "ть",
    "й",
    "л",
    "н",
)
_VERB_2 = (
    "ейте", "уйте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют",
    "ены", "ить", "ыть", "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю",
)  # fmt: skip
_NOUN = (
    "иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой",
    "ий", "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у",
    "ы", "ь", "ю", "я",
)  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase, ё→е, Uzbek apostrophes dropped, accents stripped, punctuation to spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = "".join(_unaccent(c) for c in text)
    return " ".join(_TOKEN.findall(text))


def _unaccent(ch: str) -> str:
    """Strip accents from Latin letters only: й and ё must keep their marks before folding."""
    if ch.isascii() or not ("\u00c0" <= ch <= "\u024f"):
        return ch
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


def _rv(word: str) -> int:
    for i, ch in enumerate(word):
        if ch in _VOWELS:
            return i + 1
    return len(word)


def _r2(word: str) -> int:
    def next_region(start: int) -> int:
        for i in range(start + 1, len(word)):
            if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
                return i + 1
        return len(word)

    return next_region(next_region(0) - 1)


@functools.lru_cache(maxsize=64)
def _longest_first(endings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(endings, key=len, reverse=True))


def _strip(rv: str, endings: tuple[str, ...], preceded: bool = False) -> str | None:
    for end in _longest_first(endings):
        if rv.endswith(end):
            if preceded:
                before = rv[: -len(end)]
                if not before or before[-1] not in "ая":
                    continue
            return rv[: -len(end)]
    return None


def stem_ru(word: str, *, names: bool = True) -> str:
    """Snowball Russian (Porter) stemmer on the RV region.

    With ``names`` (the default) the gerund and verb steps are skipped: names are
    nouns and adjectives, and those steps cut nouns apart ("минздрав" -> "минздра",
    "узбекистан" -> "узбекиста") so that inflected forms stopped sharing a prefix.
    """
    start = _rv(word)
    head, rv = word[:start], word[start:]
    out = None if names else (_strip(rv, _PERFECTIVE_1, True) or _strip(rv, _PERFECTIVE_2))
    if out is None:
        rv = _strip(rv, _REFLEXIVE) or rv
        adj = _strip(rv, _ADJECTIVE)
        if adj is not None:
            out = _strip(adj, _PARTICIPLE_1, True)
            out = out if out is not None else _strip(adj, _PARTICIPLE_2)
            out = out if out is not None else adj
        else:
            out = None if names else _strip(rv, _VERB_1, True)
            out = out if out is not None or names else _strip(rv, _VERB_2)
            out = out if out is not None else _strip(rv, _NOUN)
            out = out if out is not None else rv
    rv = out[:-1] if out.endswith("и") else out
    word = head + rv
    r2 = _r2(word)
    for end in ("ость", "ост"):
        if word.endswith(end) and len(word) - len(end) >= r2:
            word = word[: -len(end)]
            break
    for end in ("ейше", "ейш"):
        if word[start:].endswith(end):
            word = word[: -len(end)]
            break
    if word.endswith("нн"):
        return word[:-1]
    return word[:-1] if word.endswith("ь") else word


def stem_latin(word: str) -> str:
    """English plural and possessive endings; Uzbek words are mapped by the resolver's term table."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Cached: the write path stems the same names over and over (every mention of every actor)."""
    if any("а" <= ch <= "я" for ch in word):
        return stem_ru(word) if len(word) > 2 else word
    return stem_latin(word)


def stems(text: str) -> list[str]:
    """Stems of the folded tokens, in order."""
    return [stem(t) for t in fold(text).split()]


def search_string(names: list[str]) -> str:
    """The stored search text: distinct stems, sorted, space-delimited and space-padded."""
    tokens = sorted({s for name in names for s in stems(name)})
    return " " + " ".join(tokens) + " " if tokens else " "


def query_terms(q: str | None) -> list[str]:
    """Query stems as ``" stem"`` patterns: each must start a token of the search text."""
    if not q:
        return []
    return sorted({" " + s for s in stems(q)})
