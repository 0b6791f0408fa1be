"""Host-header checking (DNS rebinding) and start-up refusal of unusable tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from hdkg.api.app import create_app
from hdkg.settings import Settings
from tests.test_api_support import settings_for


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("localhost", 200),
        ("127.0.0.1:8000", 200),
        ("evil.example", 400),
        ("attacker.localhost.evil", 400),
        ("testserver.evil", 400),
    ],
)
def test_only_allowed_hosts_are_answered(tmp_path: Path, host: str, status: int) -> None:
    with TestClient(create_app(settings_for(tmp_path)), base_url="http://localhost") as client:
        assert client.get("/health", headers={"Host": host}).status_code == status


def test_bind_host_and_configured_hosts_are_allowed(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, host="10.1.2.3", allowed_hosts="hdkg.example.org, localhost")
    assert settings.allowed_hosts == ["hdkg.example.org", "localhost"]
    with TestClient(create_app(settings), base_url="http://localhost") as client:
        for host, status in (("10.1.2.3", 200), ("hdkg.example.org", 200), ("127.0.0.1", 400)):
            assert client.get("/health", headers={"Host": host}).status_code == status, host


def test_star_turns_the_check_off(tmp_path: Path) -> None:
    with TestClient(
        create_app(settings_for(tmp_path, allowed_hosts="*")), base_url="http://localhost"
    ) as client:
        assert client.get("/health", headers={"Host": "anything.example"}).status_code == 200


@pytest.mark.parametrize("token", ["   ", "\t", " padded", "padded\n"])
def test_blank_token_is_a_startup_error(token: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HDKG_API_TOKEN", token)
    with pytest.raises(ValidationError, match="HDKG_API_TOKEN"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_empty_token_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HDKG_API_TOKEN", "")
    assert Settings(_env_file=None).api_token is None  # type: ignore[call-arg]
