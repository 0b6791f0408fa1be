"""GET /cooperations: who cooperates with whom, with proof."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ConfigDict, Field

from .common import Schema


class PairSide(Schema):
    """One side of a pair: an actor (level=actor) or a country (level=country)."""

    id: str = Field(description="Actor id, or the ISO country code ('XX' = international) at level=country")
    name: str
    kind: str | None = Field(None, description="Actor type; null at level=country")
    country: str | None = None


class EvidenceSnippet(Schema):
    link_id: str
    text: str = Field(description="The sentence that states the link")
    article_id: str
    url: str | None
    title: str | None
    date: dt.date | None = Field(description="The article's date")


class Cooperation(Schema):
    a: PairSide
    b: PairSide
    links: int = Field(description="Distinct links between the two")
    sources: int = Field(description="Independent sources (articles) behind those links")
    first_date: dt.date | None
    last_date: dt.date | None
    link_ids: list[str]
    evidence: list[EvidenceSnippet] = Field(description="A few sentences proving the cooperation")


_EXAMPLE: dict[str, Any] = {
    "total": 1,
    "limit": 20,
    "offset": 0,
    "level": "actor",
    "items": [
        {
            "a": {"id": "hdkg:actor/aphp", "name": "AP-HP", "kind": "HealthcareProvider", "country": "FR"},
            "b": {
                "id": "hdkg:actor/moh_uz",
                "name": "Ministry of Health of Uzbekistan",
                "kind": "GovernmentBody",
                "country": "UZ",
            },
            "links": 1,
            "sources": 1,
            "first_date": "2025-09-06",
            "last_date": "2025-09-06",
            "link_ids": ["l-1"],
            "evidence": [
                {
                    "link_id": "l-1",
                    "text": "The sides signed a memorandum on pediatric oncology.",
                    "article_id": "a-1",
                    "url": "https://example.org/news/1",
                    "title": "Memorandum signed",
                    "date": "2025-09-06",
                }
            ],
        }
    ],
}


class CooperationPage(Schema):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    total: int = Field(description="Pairs matching the filters, before paging")
    limit: int
    offset: int
    level: str = Field(description="actor or country")
    items: list[Cooperation]
