"""Lemma-sequence phrase matching shared by triggers and vocabularies.

Lexicon phrases are lemmatised once with the text's language function and
put in a dict keyed by their first lemma; a sentence is scanned once.
"""

from __future__ import annotations

from collections.abc import Iterable

from hdkg.extraction import morph
from hdkg.extraction.segment import Token, word_spans

Index = dict[str, list[tuple[tuple[str, ...], str]]]


def build_index(entries: Iterable[tuple[str, str]], lang: str) -> Index:
    """entries: (phrase, label) -> first lemma -> [(lemma tuple, label)], longest first."""
    idx: Index = {}
    for phrase, label in entries:
        key = tuple(morph.lemma(w, lang) for w, _, _ in word_spans(phrase) if w not in ("-",))
        if key:
            idx.setdefault(key[0], []).append((key, label))
    for v in idx.values():
        v.sort(key=lambda x: -len(x[0]))
    return idx


def scan(tokens: list[Token], idx: Index) -> list[tuple[int, int, str]]:
    """(first, last, label) matches, token indices relative to ``tokens``; longest wins, no overlap."""
    lem = [t.lemma for t in tokens]
    out = []
    i = 0
    while i < len(lem):
        best = None
        for key, label in idx.get(lem[i], ()):
            n = len(key)
            if tuple(lem[i : i + n]) == key:
                best = (i, i + n, label)
                break
        if best is not None:
            # several labels may share a phrase ("онкогематология" -> hematology, oncology)
            n = best[1] - best[0]
            for key, label in idx.get(lem[i], ()):
                if len(key) == n and tuple(lem[i : i + n]) == key:
                    out.append((i, i + n, label))
            i = best[1]
        else:
            i += 1
    return out
