"""`hdkg serve` and `hdkg demo`: options, no browser unless --open, an idempotent demo load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import hdkg.cli.serve_cmd as serve_cmd
from hdkg.cli import app
from hdkg.settings import Settings, get_settings
from tests.test_api_support import client_for

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HDKG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HDKG_STORE", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Records what would be served and opened instead of binding a port or launching a browser."""
    calls: dict[str, Any] = {"opened": []}

    def fake_run(app: Any, **kwargs: Any) -> None:
        calls["app"], calls["kwargs"] = app, kwargs

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setattr(serve_cmd, "open_when_ready", lambda url: calls["opened"].append(url))
    monkeypatch.setattr(serve_cmd.webbrowser, "open", lambda *a, **k: pytest.fail("browser opened"))
    return calls


def test_serve_binds_the_given_address_without_a_browser(env: Path, served: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--host", "127.0.0.1", "--port", "8765", "--store", "neo4j"])
    assert result.exit_code == 0, result.output
    assert served["kwargs"]["host"] == "127.0.0.1"
    assert served["kwargs"]["port"] == 8765
    assert served["app"].state.settings.store == "neo4j"
    assert served["opened"] == []


def test_serve_opens_the_home_page_only_with_open(env: Path, served: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "8766", "--open"])
    assert result.exit_code == 0, result.output
    assert served["opened"] == ["http://127.0.0.1:8766/"]


def test_serve_rejects_an_unknown_store(env: Path, served: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--store", "sqlite"])
    assert result.exit_code != 0
    assert "app" not in served


@pytest.mark.slow
def test_demo_loads_the_bundled_corpus_idempotently(env: Path, served: dict[str, Any]) -> None:
    first = CliRunner().invoke(app, ["demo", "--no-serve", "--port", "8123"])
    assert first.exit_code == 0, first.output
    for url in ("http://127.0.0.1:8123/", "http://127.0.0.1:8123/view", "http://127.0.0.1:8123/docs"):
        assert url in first.output
    assert "0 failed" in first.output
    assert "app" not in served, "--no-serve must not serve"
    settings = Settings(_env_file=None, data_dir=env)  # type: ignore[call-arg]
    assert settings.db_path.exists()
    for c in client_for(settings):
        before = c.get("/health", params={"full": 1}).json()["counts"]

    second = CliRunner().invoke(app, ["demo", "--no-serve"])
    assert second.exit_code == 0, second.output
    assert " 0 written" in second.output
    for c in client_for(settings):
        assert c.get("/health", params={"full": 1}).json()["counts"] == before
        # "Who cooperates with whom on oncology": the Uzbek ministry and AP-HP, proven by the memorandum.
        body = c.get("/cooperations", params={"specialty": "oncology", "actor": "moh_uz"}).json()
        pair = next(i for i in body["items"] if {i["a"]["id"], i["b"]["id"]} == {"moh_uz", "aphp"})
        assert pair["links"] >= 1
        texts = [e["text"].lower() for e in pair["evidence"]]
        assert any("memorandum" in t or "меморандум" in t for t in texts), json.dumps(
            pair, ensure_ascii=False
        )
        assert all(e["article_id"] and e["title"] for e in pair["evidence"])


def test_demo_serves_after_loading(
    env: Path, served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import hdkg.cli.demo_cmd as demo_cmd

    monkeypatch.setattr(demo_cmd, "load_demo", lambda settings, progress=True: _empty_load())
    result = CliRunner().invoke(app, ["demo", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert served["kwargs"]["port"] == 8124
    assert served["opened"] == []


def _empty_load() -> Any:
    from hdkg.graph.base import Stats
    from hdkg.pipeline import IngestSummary

    return IngestSummary(), Stats(nodes={}, relationships={})
