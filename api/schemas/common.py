"""Shapes shared by several resources."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class Schema(BaseModel):
    """Base of every public model: unknown fields are a bug, not data."""

    model_config = ConfigDict(extra="forbid")


class ValidationIssue(Schema):
    loc: list[str | int] = Field(description="Where the bad value is, e.g. ['query', 'limit']")
    msg: str
    type: str


class Problem(Schema):
    """RFC 9457 problem details, the body of every error response."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "type": "urn:hdkg:problem:not-found",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "No actor with id 'moh_xx'",
                    "instance": "/actors/moh_xx",
                }
            ]
        },
    )

    type: str = Field(description="URN naming the kind of problem: urn:hdkg:problem:<slug>")
    title: str
    status: int
    detail: str
    instance: str = Field(description="The path of the request that failed")
    where: str | None = Field(None, description="The file, line, field or store at fault, when known")
    errors: list[ValidationIssue] | None = Field(None, description="Every invalid field (422 only)")


class ActorRef(Schema):
    """An actor as it appears inside another resource."""

    id: str
    name: str
    kind: str = Field(description="Actor type: GovernmentBody, HealthcareProvider, ...")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2; null for international organisations")


class ArticleRef(Schema):
    id: str
    url: str | None
    title: str | None
    date: dt.date | None
