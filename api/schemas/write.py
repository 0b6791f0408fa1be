"""POST /articles and POST /ingest."""

from __future__ import annotations

from pydantic import Field

from .common import Schema


class EvalArticle(Schema):
    id: str
    source: str
    title: str
    date: str | None
    lang: str | None


class EvalActor(Schema):
    id: str
    name: str
    type: str
    country: str | None
    aliases: list[str]
    mentions: list[list[int]]


class EvalEvidence(Schema):
    text: str
    start: int
    end: int


class EvalLink(Schema):
    id: str
    kind: str
    status: str
    date: str | None
    sides: list[list[str]]
    specialties: list[str]
    areas: list[str]
    evidence: list[EvalEvidence]


class EvalRecord(Schema):
    """Exactly the record `hdkg extract --format jsonl` prints for the article."""

    article: EvalArticle
    actors: list[EvalActor]
    links: list[EvalLink]


class WriteOutcome(Schema):
    article_id: str
    skipped: bool = Field(description="The same content was already stored")
    replaced: bool = Field(description="An older version of the article was replaced")
    actors: int
    links: int
    merges: list[str]


class ArticleResult(Schema):
    write: WriteOutcome
    facts: EvalRecord


class IngestItemError(Schema):
    index: int = Field(description="0-based position of the item in the batch")
    source: str
    status: int = Field(description="The HTTP status this error would have on its own")
    type: str
    detail: str
    where: str | None = None


class IngestItem(Schema):
    index: int
    article_id: str
    skipped: bool
    replaced: bool
    actors: int
    links: int


class IngestSummary(Schema):
    received: int = Field(description="Items in the batch")
    stored: int = Field(description="Articles written (new or replaced)")
    skipped: int = Field(description="Articles already stored with the same content")
    failed: int
    actors: int = Field(description="Actors written over the batch")
    links: int = Field(description="Links written over the batch")
    items: list[IngestItem]
    errors: list[IngestItemError]
