"""GET /links and /links/{id}."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ConfigDict, Field

from .common import ActorRef, ArticleRef, Schema

_LINK: dict[str, Any] = {
    "id": "l-1",
    "kind": "agreement",
    "status": "signed",
    "date": "2025-09-06",
    "specialties": ["oncology", "pediatrics"],
    "areas": ["training"],
    "sources": 1,
}
_SIDES: list[Any] = [
    [
        {
            "id": "hdkg:actor/moh_uz",
            "name": "Ministry of Health of Uzbekistan",
            "kind": "GovernmentBody",
            "country": "UZ",
        }
    ],
    [{"id": "hdkg:actor/aphp", "name": "AP-HP", "kind": "HealthcareProvider", "country": "FR"}],
]


class LinkSummary(Schema):
    id: str
    kind: str
    status: str
    date: dt.date | None
    specialties: list[str]
    areas: list[str]
    sources: int = Field(description="Independent sources (articles) reporting the link")
    parties: int = Field(description="Number of actors taking part")
    sides: list[list[ActorRef]] = Field(description="The parties grouped by side")


class LinkPage(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "total": None,
                    "has_more": False,
                    "limit": 20,
                    "offset": 0,
                    "items": [{**_LINK, "parties": 2, "sides": _SIDES}],
                }
            ]
        },
    )

    total: int | None = Field(description="Number of matching links; null unless total=1")
    has_more: bool = Field(description="Whether a link exists past this page")
    limit: int
    offset: int
    items: list[LinkSummary]


class LinkEvidence(Schema):
    text: str
    start: int
    end: int
    article_id: str


class LinkDetail(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    **_LINK,
                    "sides": _SIDES,
                    "evidence": [
                        {
                            "text": "The sides signed a memorandum.",
                            "start": 120,
                            "end": 150,
                            "article_id": "a-1",
                        }
                    ],
                    "articles": [
                        {
                            "id": "a-1",
                            "url": "https://example.org/news/1",
                            "title": "Memorandum",
                            "date": "2025-09-06",
                        }
                    ],
                }
            ]
        },
    )

    id: str
    kind: str
    status: str
    date: dt.date | None
    specialties: list[str]
    areas: list[str]
    sources: int
    sides: list[list[ActorRef]]
    evidence: list[LinkEvidence]
    articles: list[ArticleRef]
