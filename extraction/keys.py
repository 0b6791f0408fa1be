"""Name keys and stable ids.

A key is the set of content lemmas of a name with country words, function
words and title words removed, and abbreviations expanded ("Минздрав
республики" -> {министерство, здравоохранение}). With the actor's country it
finds a gazetteer entry regardless of inflection, word order or language
form, and it seeds the deterministic id of an actor the gazetteer lacks.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from hdkg.extraction import morph, resources
from hdkg.extraction.segment import word_spans

STOP = frozenset(
    [
        "и",
        "в",
        "во",
        "на",
        "по",
        "при",
        "для",
        "с",
        "со",
        "от",
        "из",
        "к",
        "the",
        "of",
        "and",
        "for",
        "to",
        "in",
        "on",
        "at",
        "a",
        "an",
        "va",
        "hamda",
        "bilan",
        "uchun",
        "ning",
        "республика",
        "республиканский",
        "republic",
        "respublika",
        "respublikasi",
        "respublikasining",
        "jumhuriyati",
        "королевство",
        "kingdom",
        "государственный",
        "state",
        "гу",
        "-",
        "–",
        "—",
        ",",
        ".",
        "«",
        "»",
        '"',
        "'",
        "(",
        ")",
        "“",
        "”",
        "„",
        "’",
        "/",
        "»",
    ]
)
_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


@lru_cache(maxsize=1)
def country_lemmas() -> frozenset[str]:
    g = resources.gazetteer()
    out: set[str] = set()
    for c in g.countries:
        for d in (c.names, c.adjectives):
            for names in d.values():
                for n in names:
                    for lang in ("ru", "en", "uz"):
                        out.update(morph.lemma(w, lang) for w, _, _ in word_spans(n))
    return frozenset(out)


@lru_cache(maxsize=1)
def expansions() -> dict[str, tuple[str, ...]]:
    exp = resources.lexicon("org_heads").get("expand", {})
    return {morph.fold(k): tuple(morph.fold(x) for x in v) for k, v in exp.items()}


@lru_cache(maxsize=1)
def title_bodies() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang, table in resources.lexicon("titles").items():
        if isinstance(table, dict):
            for title, body in table.items():
                if body:
                    out[morph.lemma(str(title), lang)] = morph.lemma(str(body), lang)
    return out


@lru_cache(maxsize=1)
def city_tokens() -> dict[str, str]:
    """City name and adjective lemma -> one token: "Новосибирска" and "новосибирские" key alike."""
    g = resources.gazetteer()
    out: dict[str, str] = {}
    forms = [(n, cid) for n, cid in g.city_names] + [(a, cid) for a, _, cid in g.city_adjectives]
    for form, cid in forms:
        words = [w for w, _, _ in word_spans(form)]
        if len(words) == 1:
            for lang in ("ru", "en", "uz"):
                out.setdefault(morph.fold(morph.lemma(words[0], lang)), "@" + cid)
    return out


def key_of(lemmas: list[str] | tuple[str, ...]) -> frozenset[str]:
    cl = country_lemmas()
    exp = expansions()
    tb = title_bodies()
    ct = city_tokens()
    out: set[str] = set()
    for lem in lemmas:
        lem = morph.fold(lem)
        if lem in STOP or lem in cl or not re.search(r"\w", lem):
            continue
        lem = ct.get(lem, tb.get(lem, lem))
        out.update(exp.get(lem, (lem,)))
    return frozenset(out)


def name_key(name: str, lang: str) -> frozenset[str]:
    return key_of([morph.lemma(w, lang) for w, _, _ in word_spans(name)])


def slug(text: str) -> str:
    s = "".join(_TRANSLIT.get(ch, ch) for ch in morph.fold(text))
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s[:40] or "x"


def make_id(prefix: str, country: str | None, key: frozenset[str]) -> str:
    words = sorted(key)
    h = hashlib.sha1("|".join(words).encode()).hexdigest()[:8]
    cc = (country or "xx").lower()
    return f"{prefix}_{cc}_{slug('_'.join(words[:3]))}_{h}"


@lru_cache(maxsize=1)
def gaz_index() -> dict[tuple[frozenset[str], str | None], str]:
    g = resources.gazetteer()
    idx: dict[tuple[frozenset[str], str | None], str] = {}
    for a in g.actors:
        for lang, names in a.names.items():
            for n in names:
                k = name_key(n, lang)
                if k:
                    idx.setdefault((k, a.country), a.id)
        # bare forms ("Минздрав", "Ministry of Health") resolve only inside the actor's country
        for n in a.context_names:
            k = name_key(n, "ru") | name_key(n, "en")
            if k:
                idx.setdefault((k, a.country), a.id)
    return idx


def lookup(key: frozenset[str], country: str | None, head: str, *, superset: bool = True) -> str | None:
    """Gazetteer id for a chunk key in a country: exact key first, then a unique superset."""
    idx = gaz_index()
    if (key, country) in idx:
        return idx[(key, country)]
    if not superset or len(key) < 2 or head not in key:
        return None
    hits = {v for (k, c), v in idx.items() if c == country and key < k}
    if len(hits) == 1:
        return hits.pop()
    return None


@lru_cache(maxsize=1)
def _by_key() -> dict[frozenset[str], frozenset[str]]:
    out: dict[frozenset[str], set[str]] = {}
    for (k, _c), v in gaz_index().items():
        out.setdefault(k, set()).add(v)
    return {k: frozenset(v) for k, v in out.items()}


def lookup_proper(key: frozenset[str]) -> str | None:
    """A proper name ("Bambino Gesù", «Medanta») names one body wherever the text places it."""
    hits = _by_key().get(key, frozenset())
    return next(iter(hits)) if len(hits) == 1 else None
