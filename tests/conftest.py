"""Shared pytest fixtures, one section per area. Keep each section small."""

from __future__ import annotations

# ---------------------------------------------------------------------------
# graph: stores (owner: graph engineer)
# A real Neo4j is started once per session with scripts/neo4j-local (Java 17+
# and Maven, or jars already cached) as its own instance (so tests never clear
# a developer's or another session's graph) and stopped at the end. Outside CI the Neo4j tests skip when Java/Maven are missing; in
# CI (CI=true) they fail loudly instead.
# ---------------------------------------------------------------------------
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hdkg.graph.base import GraphStore

_ROOT = Path(__file__).resolve().parents[1]
_NEO4J_LOCAL = _ROOT / "scripts" / "neo4j-local"


_INSTANCE = {**os.environ, "NEO4J_LOCAL_INSTANCE": f"pytest-{os.getpid()}"}


def _neo4j_local(cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(_NEO4J_LOCAL), cmd], capture_output=True, text=True, env=_INSTANCE)


@pytest.fixture(scope="session")
def neo4j_env() -> Iterator[dict[str, str]]:
    """NEO4J_URI/USER/PASSWORD of this session's own local Neo4j."""
    cached = (
        Path(os.environ.get("HDKG_CACHE", Path.home() / ".cache/hdkg")) / "neo4j-5.26/lib/.complete"
    ).exists()
    if not shutil.which("java") or not (cached or shutil.which("mvn")):
        msg = "Neo4j tests need Java 17+ and Maven (or cached jars): install them or run scripts/neo4j-local start"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    started = _neo4j_local("start")
    if started.returncode != 0:
        pytest.fail(f"scripts/neo4j-local start failed:\n{started.stderr[-3000:]}")
    try:
        yield dict(line.split("=", 1) for line in started.stdout.split() if "=" in line)
    finally:
        _neo4j_local("stop")


@pytest.fixture(scope="session")
def _neo4j_session_store(neo4j_env: dict[str, str]) -> Iterator[GraphStore]:
    from hdkg.graph.neo4j import Neo4jStore

    # The routing scheme, as a cluster or Aura is reached; tests that open their own stores use bolt://.
    uri = neo4j_env["NEO4J_URI"].replace("bolt://", "neo4j://", 1)
    store = Neo4jStore(uri, neo4j_env["NEO4J_USER"], neo4j_env["NEO4J_PASSWORD"])
    store.create_schema()
    yield store
    store.close()


@pytest.fixture
def neo4j_store(_neo4j_session_store: GraphStore) -> Iterator[GraphStore]:
    """The session's Neo4j store, empty at the start of each test."""
    _neo4j_session_store.clear()
    yield _neo4j_session_store


@pytest.fixture
def ladybug_store(tmp_path: Path) -> Iterator[GraphStore]:
    """A fresh embedded store in a temporary folder."""
    from hdkg.graph.ladybug import LadybugStore

    store = LadybugStore(tmp_path / "graph.lbug")
    store.create_schema()
    yield store
    store.close()


@pytest.fixture(params=["ladybug", "neo4j"])
def any_store(request: pytest.FixtureRequest) -> GraphStore:
    """Each store in turn (the Neo4j one only when Neo4j is available)."""
    store: GraphStore = request.getfixturevalue(f"{request.param}_store")
    return store
