"""Adapter over natasha: segmentation and the NER pass, models loaded once.

Only Russian texts go through the NER tagger (its model is Russian-only);
the segmenter is shared by every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class NerSpan:
    type: str  # PER | ORG | LOC
    start: int
    end: int


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def segment(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    from natasha import Doc

    seg, _ = _models()
    d = Doc(text)
    d.segment(seg)
    return [(t.start, t.stop, t.text) for t in d.tokens], [(s.start, s.stop) for s in d.sents]


def analyse_ru(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]], list[NerSpan]]:
    """Segment and tag a Russian text in one natasha Doc (the benchmark's reference pass)."""
    from natasha import Doc

    seg, tagger = _models()
    d = Doc(text)
    d.segment(seg)
    d.tag_ner(tagger)
    spans = [NerSpan(s.type, s.start, s.stop) for s in d.spans]
    return [(t.start, t.stop, t.text) for t in d.tokens], [(s.start, s.stop) for s in d.sents], spans
