"""Typed hand-off between the pipeline stages.

loaders -> ``Article``; extraction -> ``Facts`` (actors, links, evidence);
ontology turns ``Facts`` into RDF; graph writes ``Facts`` to a store. Every
model forbids unknown fields so that a typo in one stage fails loudly at the
boundary instead of silently dropping data downstream.

The literal vocabularies below are hand-written for typing; a test checks
that they equal the ontology's classes and concept schemes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ActorType = Literal[
    "Country",
    "Region",
    "GovernmentBody",
    "HealthcareProvider",
    "AcademicInstitution",
    "InternationalOrganization",
    "Association",
    "Company",
    "Person",
]
LinkKind = Literal["agreement", "visit", "meeting", "event", "aid", "program"]
LinkStatus = Literal["signed", "held", "planned", "discussed"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(Model):
    """One article as read and cleaned by a loader."""

    id: str = Field(description="Stable id: hash of the URL or source path")
    source: str = Field(description="Path or URL as given by the user")
    url: str | None = None
    title: str = ""
    date: dt.date | None = None
    lang: str | None = Field(
        None, pattern=r"^[a-z]{2,3}$", description="ISO 639-1: ru, en, uz, or None when unknown"
    )
    publisher: str | None = None
    text: str = Field(description="The cleaned text; all offsets point into it")
    raw_chars: int = 0

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(f"{self.title}\n{self.text}".encode()).hexdigest()


class Evidence(Model):
    """A sentence that proves a fact, with character offsets into ``Article.text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Actor(Model):
    """A party to cooperation, resolved to a global id."""

    id: str = Field(description="Global id: the same real-world actor gets the same id in every article")
    name: str
    type: ActorType
    country: str | None = Field(None, description="ISO 3166-1 alpha-2; None for international organisations")
    aliases: list[str] = Field(default_factory=list)
    mentions: list[tuple[int, int]] = Field(default_factory=list)
    wikidata: str | None = None
    acts_for: str | None = Field(None, description="For a person: the id of the body they act for")
    in_gazetteer: bool = False


class Link(Model):
    """One cooperation fact between two or more sides of actors."""

    id: str
    kind: LinkKind
    status: LinkStatus
    date: dt.date | None = None
    sides: list[list[str]]
    specialties: list[str] = Field(default_factory=list)
    areas: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Facts(Model):
    """Everything extracted from one article."""

    article: Article
    actors: list[Actor] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    extractor: str = Field("hdkg", description="Extractor name and version, for PROV-O")

    def to_eval_json(self) -> dict[str, Any]:
        """The exact record `hdkg extract --format jsonl` prints (shared/eval/README.md)."""
        a = self.article
        return {
            "article": {
                "id": a.id,
                "source": a.source,
                "title": a.title,
                "date": a.date.isoformat() if a.date else None,
                "lang": a.lang,
            },
            "actors": [
                {
                    "id": x.id,
                    "name": x.name,
                    "type": x.type,
                    "country": x.country,
                    "aliases": list(x.aliases),
                    "mentions": [list(m) for m in x.mentions],
                }
                for x in self.actors
            ],
            "links": [
                {
                    "id": link.id,
                    "kind": link.kind,
                    "status": link.status,
                    "date": link.date.isoformat() if link.date else None,
                    "sides": [list(s) for s in link.sides],
                    "specialties": list(link.specialties),
                    "areas": list(link.areas),
                    "evidence": [e.model_dump() for e in link.evidence],
                }
                for link in self.links
            ],
        }
