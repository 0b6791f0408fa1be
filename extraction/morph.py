"""Word-level morphology: a cached word -> (lemma, POS, cases) function per language.

Natasha's morph tagger is too slow to run over whole texts (see the SPEED
RULE in the brief), so Russian words are analysed one by one with
pymorphy2 (through natasha's ``MorphVocab``) behind an ``lru_cache``: news
texts repeat most of their words, and the cache makes the cost per token a
dictionary look-up. English and Uzbek get crude, deterministic stemmers that
only have to agree with themselves (text and lexicon go through the same
function).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_CYR = re.compile(r"[а-яё]", re.IGNORECASE)
_APOS = str.maketrans({"ʻ": "'", "’": "'", "‘": "'", "`": "'", "ʼ": "'", "ё": "е", "Ё": "Е"})


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What later stages need to know about one word form."""

    lemma: str
    pos: str  # NOUN, ADJF, PRTF, VERB, PREP, CONJ, LATN, NUMB, ... ('' when unknown)
    cases: frozenset[str]
    plural: bool
    tags: frozenset[str]


_morph: Any = None


def _analyzer() -> Any:
    global _morph
    if _morph is None:
        from natasha import MorphVocab

        _morph = MorphVocab()
    return _morph


def fold(word: str) -> str:
    """Lower-case and unify apostrophes and ё, so 'O‘zbekiston' == "O'zbekiston"."""
    return word.translate(_APOS).lower()


@lru_cache(maxsize=300_000)
def ru_word(word: str) -> WordInfo:
    low = fold(word)
    if not _CYR.search(low):
        return WordInfo(low, "LATN" if low.isalpha() else "", frozenset(), False, frozenset())
    parses = _analyzer().parse(low)
    if not parses:
        return WordInfo(low, "", frozenset(), False, frozenset())
    first = parses[0]
    pos = str(first.tag.POS or "")
    top = first.score
    cases: set[str] = set()
    tags: set[str] = set()
    plural = False
    for p in parses:
        if p.score < top * 0.3 or str(p.tag.POS or "") != pos:
            continue
        if p.tag.case:
            cases.add(str(p.tag.case))
        if p.tag.number == "plur":
            plural = True
        tags.update(str(t) for t in p.tag.grammemes)
    if first.tag.number == "sing":
        plural = False
    return WordInfo(str(first.normal_form).replace("ё", "е"), pos, frozenset(cases), plural, frozenset(tags))


_EN_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "people": "people"}


@lru_cache(maxsize=100_000)
def en_lemma(word: str) -> str:
    low = fold(word)
    if low in _EN_IRREGULAR:
        return _EN_IRREGULAR[low]
    if low.endswith("'s"):
        low = low[:-2]
    if len(low) > 4 and low.endswith("ies"):
        return low[:-3] + "y"
    if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low


# Longest first. Uzbek is agglutinative; stripping case and possessive endings
# is enough to make "vazirligi", "vazirligining", "vazirligiga" one key.
_UZ_SUFFIXES = sorted(
    [
        "larining",
        "larini",
        "lariga",
        "larida",
        "laridan",
        "laridagi",
        "lari",
        "ining",
        "ini",
        "iga",
        "ida",
        "idan",
        "idagi",
        "ning",
        "ni",
        "ga",
        "ka",
        "qa",
        "da",
        "dan",
        "dagi",
        "ta",
        "lar",
        "si",
        "i",
    ],
    key=len,
    reverse=True,
)


@lru_cache(maxsize=100_000)
def uz_lemma(word: str) -> str:
    low = fold(word)
    for _ in range(3):
        for suf in _UZ_SUFFIXES:
            if low.endswith(suf) and len(low) - len(suf) >= 3:
                low = low[: -len(suf)]
                break
        else:
            break
    # vazirlig(i) -> vazirlik, markaz(i) stays: undo the k->g, q->g' voicing.
    if low.endswith("lig"):
        low = low[:-1] + "k"
    return low


def lemma(word: str, lang: str) -> str:
    """Lemma of one token in the given language (Cyrillic words always go to pymorphy2)."""
    if _CYR.search(word):
        return ru_word(word).lemma
    if lang == "uz":
        return uz_lemma(word)
    return en_lemma(word)


def lemmas(phrase: str, lang: str) -> tuple[str, ...]:
    """Lemma sequence of a phrase, tokenised the way the text is."""
    from hdkg.extraction.segment import word_spans

    return tuple(lemma(w, lang) for w, _, _ in word_spans(phrase))
