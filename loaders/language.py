"""Language of an article: ru, en, uz by cheap cues; others via lingua.

Runs on every article, so the common cases are decided by counting letters
and function words (microseconds); lingua (which has no Uzbek) is only asked
about Latin text that is neither English nor Uzbek, with a small language
set in low-accuracy mode so that it loads quickly and never downloads.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from hdkg.loaders.failures import ParseError
from hdkg.loaders.lexicon import language_cues
from hdkg.ontology.vocab import LANGS

_SAMPLE = 4000
_MIN_LETTERS = 12
_WORDS = re.compile(r"[^\W\d_]+(?:[ʻ‘'’`][^\W\d_]+)*")
#: share of letters unique to another Cyrillic alphabet that overrides Russian
_CYR_SHARE = 0.01
_STOP_SHARE = 0.08


def _cyrillic(sample: str, letters: int) -> str:
    cues = language_cues().cyrillic_letters
    lowered = sample.lower()
    scores = {lang: sum(lowered.count(ch) for ch in chars) / letters for lang, chars in cues.items()}
    # The more specific alphabet wins when several share letters (kk ⊃ ky's ң ө ү).
    best = max(scores, key=lambda k: (scores[k], len(cues[k])))
    return best if scores[best] >= _CYR_SHARE else "ru"


def _latin(sample: str) -> str | None:
    cues = language_cues()
    words = [w.lower() for w in _WORDS.findall(sample)]
    if not words:
        return None
    lowered = sample.lower()
    marks = sum(lowered.count(m) for m in cues.uz_latin_marks)
    shares = {lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in cues.stopwords.items()}
    shares["uz"] = shares.get("uz", 0.0) + marks / len(words)
    best = max(shares, key=lambda k: shares[k])
    if shares[best] >= _STOP_SHARE:
        return best
    return _lingua(sample)


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH,
        Language.GERMAN,
        Language.FRENCH,
        Language.SPANISH,
        Language.ITALIAN,
        Language.PORTUGUESE,
        Language.TURKISH,
        Language.AZERBAIJANI,
        Language.POLISH,
        Language.DUTCH,
        Language.INDONESIAN,
    ]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_low_accuracy_mode()
        .with_minimum_relative_distance(0.1)
        .build()
    )


def _lingua(sample: str) -> str | None:
    found = _detector().detect_language_of(sample)
    if found is None:
        return None
    return str(found.iso_code_639_1.name).lower()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` ("ru", "en", "uz", ...), or None when unsure."""
    sample = text[:_SAMPLE]
    cyr = lat = 0
    for ch in sample:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u04ff":
                cyr += 1
            elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
                lat += 1
    if cyr + lat < _MIN_LETTERS:
        return None
    if cyr >= lat:
        return _cyrillic(sample, cyr)
    return _latin(sample)


def declared_language(value: str | None, *, where: str) -> str | None:
    """A language a record declares, as a supported ISO 639-1 code, or this record's error.

    Declared values are taken at their word by everything downstream (the extractor picks its
    lexicons by them, SHACL checks them on export), so an unsupported one fails here, naming the
    record, instead of poisoning the store. Case and a region subtag ("RU", "ru-RU") are accepted."""
    if value is None or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-").split("-", 1)[0]
    if code not in LANGS:
        raise ParseError(
            f"lang {value.strip()[:20]!r} is not a supported language (one of {', '.join(LANGS)})",
            where=where,
        )
    return code
