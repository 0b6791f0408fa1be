"""Adapter over natasha: segmentation and the NER pass, models loaded once.

Only Russian texts go through the NER tagger (its model is Russian-only);
the segmenter is shared by every language. Both run over bounded windows
(``bounded.windows``) so that memory does not grow with a paragraph's length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hdkg.extraction.bounded import windows

Tokens = list[tuple[int, int, str]]
Sents = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class NerSpan:
    type: str  # PER | ORG | LOC
    start: int
    end: int


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _doc(text: str, start: int, end: int, *, tag: bool) -> Any:
    from natasha import Doc

    seg, tagger = _models()
    d = Doc(text[start:end])
    d.segment(seg)
    if tag:
        d.tag_ner(tagger)
    return d


def _run(text: str, *, tag: bool) -> tuple[Tokens, Sents, list[NerSpan]]:
    toks: Tokens = []
    sents: Sents = []
    spans: list[NerSpan] = []
    for start, end in windows(text):
        d = _doc(text, start, end, tag=tag)
        toks.extend((t.start + start, t.stop + start, t.text) for t in d.tokens)
        sents.extend((s.start + start, s.stop + start) for s in d.sents)
        if tag:
            spans.extend(NerSpan(s.type, s.start + start, s.stop + start) for s in d.spans)
    return toks, sents, spans


def segment(text: str) -> tuple[Tokens, Sents]:
    toks, sents, _ = _run(text, tag=False)
    return toks, sents


def analyse_ru(text: str) -> tuple[Tokens, Sents, list[NerSpan]]:
    """Segment and tag a Russian text window by window (the benchmark's reference pass)."""
    return _run(text, tag=True)
