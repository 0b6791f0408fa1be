"""The Extractor: one article in, Facts out; models loaded once, lazily.

Stages (one module each): segment/ner -> gazetteer_match -> places (main
country) -> actors (chunks, NER orgs, ids) -> persons -> links (triggers,
sides, vocab_match) -> assemble. Only Russian runs the NER model; every
stage after it is linear in the number of tokens.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from hdkg.errors import ExtractionError
from hdkg.extraction import (
    actors,
    assemble,
    bounded,
    gazetteer_match,
    links,
    ner,
    persons,
    places,
    segment,
    translit,
)
from hdkg.models import Article, Facts

log = logging.getLogger(__name__)
_CYR = re.compile(r"[А-Яа-яЁё]")
_LAT = re.compile(r"[A-Za-z]")


def guess_lang(text: str) -> str:
    try:
        from hdkg.loaders import detect_language

        lang = detect_language(text)
        if lang in ("ru", "en", "uz"):
            return str(lang)
    except ImportError:
        pass
    cyr, lat = len(_CYR.findall(text)), len(_LAT.findall(text))
    if cyr > lat:
        return "ru"
    low = text.lower()
    uz = sum(low.count(w) for w in (" va ", "o‘", "g‘", "o'", " bilan ", "ning ", " uchun "))
    return "uz" if uz > 5 else "en"


class Extractor:
    """Rule-based extractor over natasha (Russian NER) and the shared gazetteer."""

    name = assemble.EXTRACTOR

    def warm_up(self) -> None:
        ner._models()

    def extract(self, article: Article) -> Facts:
        try:
            return self._extract(article)
        except ExtractionError:
            raise
        except Exception as exc:  # a bug on one article must not stop a batch
            raise ExtractionError(f"{type(exc).__name__}: {exc}", where=article.source) from exc

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Facts]:
        for a in articles:
            yield self.extract(a)

    def _extract(self, article: Article) -> Facts:
        text = bounded.cut(article.text, where=article.source)
        lang = article.lang if article.lang in ("ru", "en", "uz") else guess_lang(text)
        if lang == "ru":
            toks, sents, spans = ner.analyse_ru(text)
        else:
            toks, sents = ner.segment(text)
            spans = []
            if lang == "uz" and translit.is_cyrillic_uz(text):
                toks = translit.tokens(toks)
        doc = segment.build(text, lang, toks, sents)
        gms = gazetteer_match.find(doc)
        main = places.main_country(doc, gms)
        ms = actors.build(doc, gms, spans, main)
        ms.extend(persons.build(doc, spans, [m for m in ms if m.role != "person"], main))
        ms.sort(key=lambda m: m.first)
        drafts, cands = links.build(doc, ms, main)
        return assemble.facts(article, doc, ms, drafts, cands)
