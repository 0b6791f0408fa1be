"""Shared helpers of the extraction rule tables: run one text, read its pairs as the scorer does."""

from __future__ import annotations

from collections.abc import Mapping

from hdkg.extraction import Extractor
from hdkg.models import Article, Facts


def run(text: str, lang: str = "ru") -> Facts:
    return Extractor().extract(Article(id="t", source="t.txt", text=text, lang=lang))


def pairs(f: Facts, names: Mapping[str, set[str]] | None = None) -> set[frozenset[str]]:
    """Cross-side pairs as the scorer counts them (a person drops out beside a body).

    ``names`` maps an actor id to the labels a row may use for it (default: the id itself), so a
    table can name a body outside the gazetteer by "Type:CC".
    """
    kind = {a.id: a.type for a in f.actors}
    label = names or {a.id: {a.id} for a in f.actors}
    out: set[frozenset[str]] = set()
    for link in f.links:
        sides = [[x for x in s if kind[x] != "Person"] or s for s in link.sides]
        for i, s1 in enumerate(sides):
            for s2 in sides[i + 1 :]:
                out.update(
                    frozenset((x, y)) for a in s1 for b in s2 if a != b for x in label[a] for y in label[b]
                )
    return out


def P(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))
