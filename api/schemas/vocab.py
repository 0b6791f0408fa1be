"""GET /specialties, /areas and /countries."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from .common import Schema


class Concept(Schema):
    id: str
    iri: str
    labels: dict[str, str] = Field(description="Preferred label per language (ru, en, uz)")
    alt: dict[str, list[str]] = Field(description="Alternative labels per language")
    broader: list[str] = Field(description="Ids of broader concepts")
    exact_match: list[str] = Field(description="IRIs of the same concept elsewhere (MeSH, Wikidata ...)")
    links: int = Field(description="Links covering the concept")


class ConceptList(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "id": "oncology",
                            "iri": "https://w3id.org/hdkg/specialty/oncology",
                            "labels": {"en": "Oncology", "ru": "Онкология", "uz": "Onkologiya"},
                            "alt": {"ru": ["рак"]},
                            "broader": [],
                            "exact_match": [],
                            "links": 3,
                        }
                    ]
                }
            ]
        },
    )

    items: list[Concept]


class Country(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2")
    actors: int
    links: int = Field(description="Distinct links its actors take part in")


class CountryList(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"items": [{"code": "UZ", "actors": 9, "links": 12}]}]},
    )

    items: list[Country]
