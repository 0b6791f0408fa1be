"""GET /network: the graph for the view and for other services."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from .common import Schema


class NetworkNode(Schema):
    id: str
    label: str
    kind: str = Field(description="Actor type, or Country at level=country")
    country: str | None
    degree: int = Field(description="Distinct neighbours in this network")
    links: int = Field(description="Links the node takes part in within the filters")


class NetworkEdge(Schema):
    id: str
    source: str
    target: str
    kind: str = Field(description="Link kind shared by the edge's links")
    status: str = Field(description="Link status shared by the edge's links")
    specialties: list[str]
    sources: int
    link_ids: list[str]


class Network(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "nodes": [
                        {
                            "id": "a",
                            "label": "AP-HP",
                            "kind": "HealthcareProvider",
                            "country": "FR",
                            "degree": 1,
                            "links": 1,
                        },
                        {
                            "id": "b",
                            "label": "Ministry of Health of Uzbekistan",
                            "kind": "GovernmentBody",
                            "country": "UZ",
                            "degree": 1,
                            "links": 1,
                        },
                    ],
                    "edges": [
                        {
                            "id": "a|b|agreement|signed",
                            "source": "a",
                            "target": "b",
                            "kind": "agreement",
                            "status": "signed",
                            "specialties": ["oncology"],
                            "sources": 1,
                            "link_ids": ["l-1"],
                        }
                    ],
                    "truncated": False,
                    "total_nodes": 2,
                    "level": "actor",
                }
            ]
        },
    )

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool = Field(description="True when the node cap dropped nodes")
    total_nodes: int = Field(description="Nodes before the cap")
    level: Literal["actor", "country"]
