"""The FastAPI application factory.

``create_app`` builds a fresh app per call (tests build one per store); the
store is not opened here but on the first request that needs it, so the app
starts, serves its docs and answers 503 while the store is down.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

import hdkg
from hdkg.graph.base import GraphStore
from hdkg.settings import Settings, get_settings

from . import problems
from .cache import ResultCache
from .deps import StoreProvider
from .routers import actors, cooperations, cypher, docs, export, health, links, network, pages, vocab, write
from .writing import ExtractorHolder

DESCRIPTION = """\
A knowledge graph of health-diplomacy actors (ministries, hospitals, universities, international
organisations) and their cooperation links (agreements, visits, meetings, events, aid, programmes),
extracted from news with the sentence that proves each fact.

All answers are JSON; every error is `application/problem+json`. Write endpoints need
`Authorization: Bearer <HDKG_API_TOKEN>`.
"""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    settings = settings or get_settings()
    provider = StoreProvider(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        provider.close()

    app = FastAPI(
        title="hdkg",
        version=hdkg.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served from vendored assets by api/routers/docs.py (no CDN)
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store_provider = provider
    app.state.extractor = ExtractorHolder()
    # innermost first: gzip (bodies over 4 KB), the version cache (stores gzipped bytes), the Host check
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)
    app.add_middleware(ResultCache, provider=provider)
    hosts = [*settings.allowed_hosts, settings.host]
    if "*" not in hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    problems.install(app)
    for module in (health, cooperations, actors, links, vocab, network, export, write, cypher, docs):
        app.include_router(module.router)
    app.include_router(pages.router)  # the home page and network view (the visual layer)
    return app
