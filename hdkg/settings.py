"""Settings from the environment (and ``.env``), read in one place.

Neo4j's variables keep their conventional names (``NEO4J_URI``...) so that the
same environment works for hdkg, the Neo4j tools and docker-compose; every
other setting is ``HDKG_*``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(user_data_dir("hdkg", appauthor=False))


class Settings(BaseSettings):
    """All runtime configuration of hdkg."""

    model_config = SettingsConfigDict(
        env_prefix="HDKG_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(default_factory=_default_data_dir)
    store: Literal["ladybug", "neo4j"] = "ladybug"
    log_level: str = "INFO"

    neo4j_uri: str = Field(
        "bolt://127.0.0.1:7687", validation_alias=AliasChoices("NEO4J_URI", "HDKG_NEO4J_URI")
    )
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "HDKG_NEO4J_USER"))
    neo4j_password: SecretStr = Field(
        SecretStr("neo4j"), validation_alias=AliasChoices("NEO4J_PASSWORD", "HDKG_NEO4J_PASSWORD")
    )
    neo4j_database: str = Field(
        "neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "HDKG_NEO4J_DATABASE")
    )

    #: Server-side timeout of each named read on Neo4j (seconds; 0 turns it off).
    neo4j_query_timeout_s: float = Field(30.0, ge=0)
    #: Close pooled connections older than this (Aura and load balancers drop idle ones: keep it under theirs).
    neo4j_max_connection_lifetime_s: float = Field(3600.0, gt=0)
    #: Test a pooled connection idle longer than this before use (unset: never; Aura: 30 is a good value).
    neo4j_liveness_check_timeout_s: float | None = Field(None, ge=0)
    neo4j_keep_alive: bool = True

    api_token: SecretStr | None = None
    max_body_bytes: int = 5_000_000
    #: URL fetches (CLI sources, feeds) may reach private, loopback and link-local addresses only when
    #: this is true: for tests against 127.0.0.1 and trusted intranets, never for a public service.
    fetch_allow_private: bool = False
    #: One URL fetch (every redirect hop and the whole body) ends after this many seconds.
    fetch_deadline_s: float = Field(60.0, gt=0, le=3600)
    cypher_enabled: bool = False
    cypher_timeout_s: float = 5.0
    cypher_row_cap: int = 1000
    #: Memory ceiling of the embedded store (MB of buffer pool): bounds what any query, user Cypher
    #: included, can hold; LadybugDB's own default is 80 % of RAM.
    ladybug_buffer_pool_mb: int = Field(4096, ge=64)
    #: /cypher answers stop at this many bytes of JSON (a row cap does not bound value size).
    cypher_max_bytes: int = 2_000_000
    #: Host headers the API answers (comma-separated; "*" turns the check off). The bind host is
    #: always added. Stops DNS rebinding from reaching a local server through a browser.
    allowed_hosts: Annotated[list[str], NoDecode] = ["localhost", "127.0.0.1"]
    network_node_cap: int = 500

    decisions_file: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return [h.strip() for h in value.split(",") if h.strip()]
        return value

    @field_validator("api_token")
    @classmethod
    def _usable_token(cls, value: SecretStr | None) -> SecretStr | None:
        """A blank or padded token would enable writes with a token no client sends as configured."""
        if value is None:
            return None
        raw = value.get_secret_value()
        if not raw:
            return None
        if not raw.strip() or raw != raw.strip():
            raise ValueError(
                "HDKG_API_TOKEN is blank or has leading/trailing spaces; set a real token or unset it"
            )
        return value

    @property
    def db_path(self) -> Path:
        """The embedded store's file; one per data dir so stores can sit side by side."""
        return self.data_dir / "graph.lbug"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call ``get_settings.cache_clear()`` after changing env."""
    return Settings()
