"""GET /actors and /actors/{id}."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict, Field

from .common import ActorRef, Schema


class ActorSummary(Schema):
    id: str
    name: str
    kind: str
    country: str | None
    aliases: list[str]
    links: int = Field(description="Links the actor takes part in")


class ActorList(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "count": 1,
                    "limit": 20,
                    "items": [
                        {
                            "id": "hdkg:actor/moh_uz",
                            "name": "Ministry of Health of Uzbekistan",
                            "kind": "GovernmentBody",
                            "country": "UZ",
                            "aliases": ["Минздрав Узбекистана"],
                            "links": 4,
                        }
                    ],
                }
            ]
        },
    )

    count: int = Field(description="Items returned (at most limit)")
    limit: int
    items: list[ActorSummary]


class Partner(ActorRef):
    links: int = Field(description="Links shared with the actor in this specialty")
    link_ids: list[str]


class SpecialtyPartners(Schema):
    specialty: str | None = Field(description="Specialty id; null groups links without a specialty")
    partners: list[Partner]


class TimelineEntry(Schema):
    link_id: str
    kind: str
    status: str
    date: dt.date | None
    specialties: list[str]
    areas: list[str]
    partners: list[ActorRef] = Field(description="Actors on the other sides of the link")


class ActorDetail(Schema):
    id: str
    name: str
    kind: str
    country: str | None
    aliases: list[str]
    wikidata: str | None
    links: int
    partners_by_specialty: list[SpecialtyPartners]
    timeline: list[TimelineEntry] = Field(description="The actor's links, oldest first, undated last")
