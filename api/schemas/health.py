"""GET /health."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from .common import Schema


class Counts(Schema):
    nodes: dict[str, int]
    relationships: dict[str, int]


class Versions(Schema):
    hdkg: str
    store_dialect: str
    store_server: str | None = Field(description="The store server's version when it reports one")


class Health(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "status": "ok",
                    "store": "ladybug",
                    "counts": {"nodes": {"Actor": 12, "Link": 7}, "relationships": {"PARTY": 16}},
                    "versions": {"hdkg": "0.1.0", "store_dialect": "ladybug", "store_server": "0.22.0"},
                }
            ]
        },
    )

    status: Literal["ok"]
    store: str = Field(description="The dialect of the store answering")
    counts: Counts | None = Field(description="Node and relationship counts; null unless full=1")
    versions: Versions


class Readiness(Schema):
    """What a load balancer asks: can this process read now, and write."""

    store: str
    read: bool = Field(description="A read query answered")
    write: bool = Field(
        description="A write transaction could start (the leader is reachable); nothing is written"
    )
