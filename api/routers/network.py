"""GET /network: the nodes and edges the view draws, as JSON for other services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from hdkg.graph.network import NetworkData, build_network

from ..deps import FiltersDep, Level, LinkFilters, SettingsDep, StoreDep
from ..responses import problems
from ..schemas.network import Network

router = APIRouter(tags=["network"])


@dataclass(frozen=True)
class NetworkQuery:
    filters: LinkFilters
    depth: int
    limit: int | None
    level: Level


def network_query(
    filters: FiltersDep,
    depth: Annotated[int, Query(ge=1, le=2, description="Ego-network depth around `actor`")] = 1,
    limit: Annotated[
        int | None, Query(ge=1, le=100_000, description="Node cap (at most HDKG_NETWORK_NODE_CAP)")
    ] = None,
    level: Annotated[Level, Query(description="Nodes are actors, or countries")] = Level.actor,
) -> NetworkQuery:
    return NetworkQuery(filters, depth, limit, level)


NetworkQueryDep = Annotated[NetworkQuery, Depends(network_query)]


def _build(store: StoreDep, settings: SettingsDep, nq: NetworkQuery) -> NetworkData:
    cap = settings.network_node_cap
    limit = min(nq.limit, cap) if nq.limit else cap
    return build_network(store, **nq.filters.params(), depth=nq.depth, limit=limit, level=nq.level.value)


def network_of(store: StoreDep, settings: SettingsDep, nq: NetworkQuery) -> Network:
    return Network.model_validate(_build(store, settings, nq).model_dump())


@router.get(
    "/network",
    response_model=Network,
    summary="Network of cooperation",
    description="Nodes (actors or countries) and edges (per pair, link kind and status) of the links "
    "matching the filters, or the ego network of `actor`. At most HDKG_NETWORK_NODE_CAP nodes are "
    "returned; `truncated` tells when the cap dropped some.",
    responses=problems(),
)
def get_network(store: StoreDep, settings: SettingsDep, nq: NetworkQueryDep) -> Response:
    # NetworkData has Network's fields exactly (both extra="forbid", tests compare the shapes), and
    # build_network validated every row already: revalidating 22k edges into Network and again as
    # the response model cost ~1.5 s at 10k articles. Serialise once, in pydantic-core.
    return Response(_build(store, settings, nq).model_dump_json(), media_type="application/json")
