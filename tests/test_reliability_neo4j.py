"""Neo4j stopped and started again under a running `hdkg ingest` and a running API.

A dedicated instance (scripts/neo4j-local, its own NEO4J_LOCAL_INSTANCE) is paused mid-ingest and
resumed on the same port and data: the ingest retries with backoff, then fails naming the article it
could not write; the API answers 503 + Retry-After while the store is down and 200 again after the
restart without being restarted; rerunning the ingest leaves the graph equal to one clean run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hdkg.api.app import create_app
from hdkg.graph.neo4j import Neo4jStore
from tests.reliability_support import ROOT, cli_env, dump, run_cli, write_articles
from tests.test_api_support import settings_for
from tests.test_reliability_crash import Progress, _start

pytestmark = [pytest.mark.neo4j, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
N = 40


class Instance:
    def __init__(self, name: str) -> None:
        self.env = {**os.environ, "NEO4J_LOCAL_INSTANCE": name}
        self.vars: dict[str, str] = {}

    def run(self, cmd: str) -> None:
        r = subprocess.run(
            [str(ROOT / "scripts" / "neo4j-local"), cmd],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if r.returncode != 0:
            pytest.fail(f"neo4j-local {cmd} failed: {r.stderr[-2000:]}")
        if cmd in ("start", "resume"):
            vars_ = dict(line.split("=", 1) for line in r.stdout.split() if "=" in line)
            assert not self.vars or vars_ == self.vars, "resume must keep the port and password"
            self.vars = vars_


@pytest.fixture(scope="module")
def outage_neo4j(neo4j_env: dict[str, str]) -> Iterator[Instance]:
    """A second local Neo4j just for stop/start (neo4j_env first: it skips when Neo4j cannot run)."""
    inst = Instance(f"pytest-outage-{os.getpid()}")
    inst.run("start")
    try:
        yield inst
    finally:
        inst.run("stop")


def _neo4j_cli_env(data: Path, vars_: dict[str, str]) -> dict[str, str]:
    return cli_env(data, HDKG_STORE="neo4j", **vars_)


def _store(vars_: dict[str, str]) -> Neo4jStore:
    return Neo4jStore(vars_["NEO4J_URI"], vars_["NEO4J_USER"], vars_["NEO4J_PASSWORD"])


def _assert_503(r: object) -> None:
    from httpx import Response

    assert isinstance(r, Response)
    assert r.status_code == 503, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert int(r.headers["retry-after"]) > 0


def test_neo4j_outage_during_ingest_and_serve(
    outage_neo4j: Instance, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    assert shutil.which("java")
    src = tmp_path / "in"
    write_articles(src, N, seed=11)
    ref = run_cli(
        ["ingest", str(src), "--clear", "--no-progress"], _neo4j_cli_env(tmp_path / "r", neo4j_env), tmp_path
    )
    assert ref.returncode == 0, ref.stderr
    with _store(neo4j_env) as s:
        reference = dump(s)

    settings = settings_for(
        tmp_path, store="neo4j", neo4j_uri=outage_neo4j.vars["NEO4J_URI"],
        neo4j_password=outage_neo4j.vars["NEO4J_PASSWORD"],
    )  # fmt: skip
    env = _neo4j_cli_env(tmp_path / "d", outage_neo4j.vars)
    with _store(outage_neo4j.vars) as fresh:  # the API only checks the schema: `hdkg init-schema` first
        fresh.create_schema()
    with TestClient(create_app(settings), base_url="http://localhost", raise_server_exceptions=False) as api:
        assert api.get("/health").status_code == 200

        victim = _start(["ingest", str(src)], env, tmp_path)
        progress = Progress(victim)
        progress.wait_for(8)
        pausing = threading.Thread(target=outage_neo4j.run, args=("pause",))
        pausing.start()
        try:
            victim.wait(timeout=240)
        except subprocess.TimeoutExpired:
            victim.send_signal(signal.SIGKILL)
            pytest.fail("ingest hung while Neo4j was down")
        progress.join()
        pausing.join()
        err = progress.text
        assert "Traceback" not in err
        if victim.returncode != 0:  # the outage outlasted the retries: a clear failure naming the article
            assert "hdkg ingest:" in err and "writing article" in err and "attempts" in err, err[-3000:]

        t0 = time.monotonic()
        _assert_503(api.get("/health"))
        _assert_503(api.get("/cooperations"))
        down_s = time.monotonic() - t0

        outage_neo4j.run("resume")
        ok = api.get("/health")
        assert ok.status_code == 200, ok.text
        assert api.get("/cooperations").status_code == 200

    rerun = run_cli(["ingest", str(src), "--no-progress", "--json"], env, tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["unchanged"] + summary["written"] == N
    with _store(outage_neo4j.vars) as s:
        assert dump(s) == reference
    assert down_s < 60, f"two requests took {down_s:.0f}s to answer 503 while Neo4j was down"
