"""GET /health: is the store reachable, which versions answer; how much is in it on request.

Liveness is one ``RETURN 1`` round trip: load balancers and compose health checks poll it
every few seconds, and counting every label and type on each poll cost ~80 ms at 10k articles.
The counts are there under ``?full=1`` for people and the benchmarks.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

import hdkg
from hdkg.errors import StoreUnavailable

from ..deps import StoreDep
from ..responses import problems
from ..schemas.health import Counts, Health, Readiness, Versions

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Health,
    summary="Store reachability, versions and (with full=1) counts",
    description="200 when the store answers; 503 problem+json with Retry-After when it does not. "
    "`counts` is null unless `full=1` (counting every label costs a store scan).",
    responses=problems(),
)
def health(
    store: StoreDep,
    full: Annotated[bool, Query(description="Also count nodes and relationships (slower)")] = False,
) -> Health:
    info = store.ping()
    if info.get("ok") is False:
        raise StoreUnavailable("The graph store answered the ping with a failure", where=store.dialect)
    server = info.get("version")  # every store's ping() names its engine's version (None if unknown)
    return Health(
        status="ok",
        store=store.dialect,
        counts=_counts(store) if full else None,
        versions=Versions(
            hdkg=hdkg.__version__, store_dialect=store.dialect, store_server=str(server) if server else None
        ),
    )


def _counts(store: StoreDep) -> Counts:
    stats = store.stats()
    return Counts(nodes=stats.nodes, relationships=stats.relationships)


@router.get(
    "/health/ready",
    response_model=Readiness,
    summary="Read and write readiness, for load balancers",
    description="200 when the store answers a read (the body says whether writes could start too); "
    "503 problem+json when it does not. Counts nothing.",
    responses=problems(),
)
def ready(store: StoreDep) -> Readiness:
    info = store.ping()
    if info.get("ok") is False:
        raise StoreUnavailable("The graph store answered the ping with a failure", where=store.dialect)
    return Readiness(store=store.dialect, read=True, write=store.write_ready())
