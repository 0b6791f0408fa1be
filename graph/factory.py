"""Open the configured store: embedded LadybugDB at ``settings.db_path`` or Neo4j over Bolt."""

from __future__ import annotations

from hdkg.errors import ConfigError
from hdkg.graph.base import GraphStore
from hdkg.settings import Settings, get_settings


def open_store(
    settings: Settings | None = None, store: str | None = None, *, create_schema: bool = True
) -> GraphStore:
    """The store named by ``store`` (default: ``settings.store``), ready: its schema created, or only
    checked when ``create_schema`` is false (the API: it may run as a read-only database user)."""
    settings = settings or get_settings()
    kind = store or settings.store
    opened: GraphStore
    if kind == "ladybug":
        from hdkg.graph.ladybug import LadybugStore

        opened = LadybugStore(
            settings.db_path,
            decisions_file=settings.decisions_file,
            buffer_pool_mb=settings.ladybug_buffer_pool_mb,
        )
    elif kind == "neo4j":
        from hdkg.graph.neo4j import Neo4jStore

        opened = Neo4jStore(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
            decisions_file=settings.decisions_file,
            query_timeout_s=settings.neo4j_query_timeout_s,
            max_connection_lifetime_s=settings.neo4j_max_connection_lifetime_s,
            liveness_check_timeout_s=settings.neo4j_liveness_check_timeout_s,
            keep_alive=settings.neo4j_keep_alive,
        )
    else:
        raise ConfigError(f"unknown store {kind!r}; use 'ladybug' or 'neo4j'", where="HDKG_STORE")
    try:
        if create_schema:
            opened.create_schema()
        else:
            opened.check_schema()
    except BaseException:
        opened.close()
        raise
    return opened
