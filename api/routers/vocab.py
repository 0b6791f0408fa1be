"""GET /specialties, /areas (SKOS vocabularies with link counts) and /countries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter

import hdkg.ontology.vocab as vocab

from ..deps import StoreDep
from ..queries import run
from ..responses import problems
from ..schemas.vocab import Concept, ConceptList, Country, CountryList

router = APIRouter(tags=["vocabularies"])


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return sorted(str(v) for v in value)


def _alt(value: Any) -> dict[str, list[str]]:
    """Alternative labels per language, whichever container the vocabulary uses."""
    if isinstance(value, dict):
        return {str(k): _as_list(v) for k, v in sorted(value.items())}
    out: dict[str, list[str]] = {}
    for item in value or []:
        # rdflib-style (label, lang) pairs or plain strings without a language
        lang, label = (str(item[1] or ""), str(item[0])) if isinstance(item, tuple) else ("", str(item))
        out.setdefault(lang, []).append(label)
    return {k: sorted(v) for k, v in sorted(out.items())}


def _concepts(concepts: Iterable[Any], counts: list[dict[str, Any]]) -> ConceptList:
    links = {r["id"]: int(r["links"]) for r in counts}
    items = [
        Concept(
            id=c.id,
            iri=str(c.iri),
            labels={str(k): str(v) for k, v in sorted(dict(c.pref).items())},
            alt=_alt(c.alt),
            broader=_as_list(c.broader),
            exact_match=_as_list(c.exact_match),
            links=links.get(c.id, 0),
        )
        for c in concepts
    ]
    return ConceptList(items=sorted(items, key=lambda c: c.id))


@router.get(
    "/specialties",
    response_model=ConceptList,
    summary="Medical specialties",
    description="The SKOS specialty vocabulary with ru/en/uz labels, broader concepts and link counts.",
    responses=problems(),
)
def specialties(store: StoreDep) -> ConceptList:
    return _concepts(vocab.specialties(), run(store, "specialty_counts"))


@router.get(
    "/areas",
    response_model=ConceptList,
    summary="Areas (forms) of cooperation",
    description="The SKOS area vocabulary with ru/en/uz labels, broader concepts and link counts.",
    responses=problems(),
)
def areas(store: StoreDep) -> ConceptList:
    return _concepts(vocab.areas(), run(store, "area_counts"))


@router.get(
    "/countries",
    response_model=CountryList,
    summary="Countries",
    description="Every country of an actor, with its number of actors and of links.",
    responses=problems(),
)
def countries(store: StoreDep) -> CountryList:
    rows = run(store, "country_counts")
    return CountryList(
        items=[Country(code=r["code"], actors=int(r["actors"]), links=int(r["links"])) for r in rows]
    )
