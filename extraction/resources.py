"""Adapters over the project's shared resources: gazetteer, vocabularies, lexicon.

Everything is loaded once and cached. The gazetteer and the SKOS
vocabularies belong to other areas (``extraction/gazetteer.py``,
``ontology/vocab.py``); this module reads them through their public API and
turns them into the few plain records the extraction stages use, so that a
change there touches one adapter here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

log = logging.getLogger(__name__)
LEXICON = Path(__file__).parent / "lexicon"


@dataclass(frozen=True)
class GActor:
    id: str
    type: str
    country: str | None
    names: dict[str, list[str]]
    abbr: list[str] = field(default_factory=list)
    wikidata: str | None = None
    parent: str | None = None
    context_names: list[str] = field(default_factory=list)

    @property
    def canonical(self) -> str:
        for lang in ("ru", "en", "uz"):
            if self.names.get(lang):
                return self.names[lang][0]
        return self.abbr[0] if self.abbr else self.id


@dataclass(frozen=True)
class GCountry:
    code: str
    names: dict[str, list[str]]
    adjectives: dict[str, list[str]]
    capital: dict[str, str]
    wikidata: str | None = None


@dataclass(frozen=True)
class GRegion:
    id: str
    country: str | None
    names: dict[str, list[str]]
    type: str = "Region"
    wikidata: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    actors: list[GActor]
    countries: list[GCountry]
    regions: list[GRegion]
    #: (Russian adjective, ISO code, city id) of cities: "новосибирский" places a body in RU
    city_adjectives: list[tuple[str, str, str]] = field(default_factory=list)
    #: (name, city id) of every city name in every language, capitals included
    city_names: list[tuple[str, str]] = field(default_factory=list)


def _with_cities(g: Gazetteer) -> Gazetteer:
    """Add lexicon/cities.yaml: cities as regions (names the gazetteer lacks) and their adjectives."""
    data = yaml.safe_load((LEXICON / "cities.yaml").read_text(encoding="utf-8")) or []
    known = {n for r in g.regions for ns in r.names.values() for n in ns}
    known.update(n for c in g.countries for n in c.capital.values())
    have = {r.id for r in g.regions}
    regions = list(g.regions)
    adjs: list[tuple[str, str, str]] = []
    all_names: list[tuple[str, str]] = []
    for raw in data:
        code, cid = str(raw["country"]).upper(), str(raw["id"])
        names = _names(raw.get("names"))
        all_names.extend((n, cid) for ns in names.values() for n in ns)
        new = {k: [n for n in v if n not in known] for k, v in names.items()}
        if cid not in have and any(new.values()):
            regions.append(GRegion(cid, code, new, "Region"))
        adjs.extend((str(a), code, cid) for a in raw.get("adjectives") or [])
    return Gazetteer(g.actors, g.countries, regions, adjs, all_names)


def _names(x: Any) -> dict[str, list[str]]:
    if not x:
        return {}
    if not isinstance(x, dict | list | tuple):  # the gazetteer's Names model
        return {lang: [str(v) for v in (getattr(x, lang, ()) or ())] for lang in ("ru", "en", "uz")}
    if isinstance(x, dict):
        return {
            str(k): [str(v) for v in (vs if isinstance(vs, list | tuple) else [vs]) if v]
            for k, vs in x.items()
        }
    return {"ru": [str(v) for v in x]}


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _convert(actors: Any, countries: Any, regions: Any) -> Gazetteer:
    acts = [
        GActor(
            id=str(_get(a, "id")),
            type=str(_get(a, "type") or "GovernmentBody"),
            country=(str(_get(a, "country")).upper() if _get(a, "country") else None),
            names=_names(_get(a, "names")),
            abbr=[str(x) for x in (_get(a, "abbr") or [])],
            wikidata=_get(a, "wikidata"),
            parent=_get(a, "parent"),
            context_names=[str(x) for x in (_get(a, "context_names") or [])],
        )
        for a in (actors or [])
    ]
    cts = [
        GCountry(
            code=str(_get(c, "code")).upper(),
            names={**_names(_get(c, "names")), "abbr": [str(x) for x in (_get(c, "abbr") or [])]},
            adjectives=_names(_get(c, "adjectives")),
            capital={k: v[0] for k, v in _names(_get(c, "capital")).items() if v},
            wikidata=_get(c, "wikidata"),
        )
        for c in (countries or [])
    ]
    regs = [
        GRegion(
            id=str(_get(r, "id")),
            country=(str(_get(r, "country")).upper() if _get(r, "country") else None),
            names=_names(_get(r, "names")),
            type=str(_get(r, "type") or "Region"),
            wikidata=_get(r, "wikidata"),
        )
        for r in (regions or [])
    ]
    return Gazetteer(acts, cts, regs)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return _with_cities(_gazetteer())


def _gazetteer() -> Gazetteer:
    from hdkg.extraction.gazetteer import load_gazetteer

    g = load_gazetteer()
    return _convert(_get(g, "actors"), _get(g, "countries"), _get(g, "regions"))


@cache
def lexicon(name: str) -> dict[str, Any]:
    """One lexicon file as a mapping; a missing, unreadable or empty file is an error naming it
    (an empty lexicon would silently switch a mechanism off)."""
    from hdkg.errors import ConfigError

    path = LEXICON / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read lexicon: {exc}", where=str(path)) from exc
    if not isinstance(data, dict) or not data:
        raise ConfigError("a lexicon must be a non-empty mapping", where=str(path))
    return dict(data)


@dataclass(frozen=True)
class Concept:
    id: str
    labels: dict[str, list[str]]
    broader: tuple[str, ...] = ()


def _concepts(kind: str) -> list[Concept]:
    from hdkg.ontology import vocab

    items = vocab.specialties() if kind == "specialties" else vocab.areas()
    out = []
    for c in items:
        labels: dict[str, list[str]] = {}
        for lang, text in (_get(c, "pref") or {}).items():
            labels.setdefault(str(lang), []).append(str(text))
        for lang, texts in (_get(c, "alt") or {}).items():
            labels.setdefault(str(lang), []).extend(str(t) for t in texts)
        broader = _get(c, "broader") or ()
        if isinstance(broader, str):
            broader = (broader,)
        out.append(Concept(str(_get(c, "id")), labels, tuple(str(b) for b in broader)))
    return out


@lru_cache(maxsize=2)
def concepts(kind: str) -> list[Concept]:
    return _concepts(kind)
