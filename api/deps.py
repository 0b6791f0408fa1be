"""Request dependencies: settings, the lazily opened store, write access and shared filters.

The store is opened on first use rather than at start-up so that the API
starts (and answers /docs, and 503s with Retry-After) while the store is
down, and it is dropped after a connection failure so that the next request
reopens it: the API recovers when the store returns, without a restart.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import threading
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hdkg.errors import AuthError, HdkgError, StoreUnavailable
from hdkg.graph.base import GraphStore
from hdkg.settings import Settings

from .enums import ActorType, Area, Kind, Level, Specialty, Status
from .problems import WritesDisabled

log = logging.getLogger(__name__)


class StoreProvider:
    """Owns the app's store: opens it lazily, reopens it after a failure, closes it on shutdown."""

    def __init__(self, settings: Settings, store: GraphStore | None = None) -> None:
        self.settings = settings
        self._injected = store is not None
        self._store = store
        self._lock = threading.Lock()

    def get(self) -> GraphStore:
        store = self._store
        if store is not None:
            return store
        with self._lock:
            if self._store is None:
                self._store = self._open()
            return self._store

    def _open(self) -> GraphStore:
        from hdkg.graph.factory import open_store

        log.info("opening the %s store", self.settings.store)
        try:
            return open_store(self.settings, create_schema=False)  # the API never writes the schema
        except HdkgError:
            raise
        except Exception as exc:  # driver or file errors: the store is not there now
            raise StoreUnavailable(
                f"Cannot open the {self.settings.store} store: {type(exc).__name__}: {exc}",
                where=self.settings.store,
            ) from exc

    def invalidate(self) -> None:
        """Forget a store that failed, so the next request opens a fresh one."""
        if self._injected:
            return
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            try:
                store.close()
            except Exception:  # closing a broken connection may fail too; it is gone either way
                log.debug("closing a failed store raised", exc_info=True)

    def close(self) -> None:
        if not self._injected:
            self.invalidate()


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> GraphStore:
    provider: StoreProvider = request.app.state.store_provider
    return provider.get()


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[GraphStore, Depends(get_store)]

_bearer = HTTPBearer(
    auto_error=False,
    description="The token set in HDKG_API_TOKEN; write endpoints and /cypher are disabled when it is unset.",
)


def require_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    expected = settings.api_token.get_secret_value() if settings.api_token else ""
    if not expected:
        raise WritesDisabled(
            "Write endpoints and /cypher are disabled because no API token is configured; "
            "set HDKG_API_TOKEN in the environment (or .env) and restart the server."
        )
    if credentials is None:
        raise AuthError("Missing bearer token: send 'Authorization: Bearer <HDKG_API_TOKEN>'.")
    if not secrets.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise AuthError("Invalid bearer token.")


WriteAccess = Annotated[None, Depends(require_token)]


@dataclass(frozen=True)
class LinkFilters:
    """The link filters of graph.queries.LINK_FILTERS, as the API receives them."""

    specialty: Specialty | None = None
    area: Area | None = None
    country: str | None = None
    actor: str | None = None
    kind: Kind | None = None
    status: Status | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def params(self) -> dict[str, Any]:
        """Every filter, None meaning "no filter", in the contract's string forms."""
        return {
            "specialty": self.specialty.value if self.specialty else None,
            "area": self.area.value if self.area else None,
            "country": self.country.upper() if self.country else None,
            "actor": self.actor or None,
            "kind": self.kind.value if self.kind else None,
            "status": self.status.value if self.status else None,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }


COUNTRY = r"^[A-Za-z]{2}$"


def link_filters(
    specialty: Annotated[
        Specialty | None,
        Query(description="SKOS specialty id", openapi_examples={"oncology": {"value": "oncology"}}),
    ] = None,
    area: Annotated[Area | None, Query(description="SKOS area id (form of cooperation)")] = None,
    country: Annotated[
        str | None,
        Query(
            pattern=COUNTRY,
            description="ISO 3166-1 alpha-2 of either party ('XX' for international organisations)",
            openapi_examples={"Uzbekistan": {"value": "UZ"}},
        ),
    ] = None,
    actor: Annotated[
        str | None, Query(min_length=1, max_length=500, description="Actor id of either party")
    ] = None,
    kind: Annotated[Kind | None, Query(description="Link kind")] = None,
    status: Annotated[Status | None, Query(description="Link status")] = None,
    since: Annotated[dt.date | None, Query(description="Links dated on or after (YYYY-MM-DD)")] = None,
    until: Annotated[dt.date | None, Query(description="Links dated on or before (YYYY-MM-DD)")] = None,
) -> LinkFilters:
    return LinkFilters(specialty, area, country, actor, kind, status, since, until)


FiltersDep = Annotated[LinkFilters, Depends(link_filters)]

__all__ = [
    "ActorType",
    "FiltersDep",
    "Level",
    "LinkFilters",
    "SettingsDep",
    "StoreDep",
    "StoreProvider",
    "WriteAccess",
]
