"""GET /health: is the store reachable, how much is in it, which versions answer."""

from __future__ import annotations

from fastapi import APIRouter

import hdkg
from hdkg.errors import StoreUnavailable

from ..deps import StoreDep
from ..responses import problems
from ..schemas.health import Counts, Health, Readiness, Versions

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Health,
    summary="Store reachability, counts and versions",
    description="200 when the store answers; 503 problem+json with Retry-After when it does not.",
    responses=problems(),
)
def health(store: StoreDep) -> Health:
    info = store.ping()
    if info.get("ok") is False:
        raise StoreUnavailable("The graph store answered the ping with a failure", where=store.dialect)
    stats = store.stats()
    server = info.get("version")  # every store's ping() names its engine's version (None if unknown)
    return Health(
        status="ok",
        store=store.dialect,
        counts=Counts(nodes=stats.nodes, relationships=stats.relationships),
        versions=Versions(
            hdkg=hdkg.__version__, store_dialect=store.dialect, store_server=str(server) if server else None
        ),
    )


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
