"""The container files against the code: no Docker engine runs here, so these checks are what stands
between a settings rename and a compose file that silently configures nothing.

The settings the app reads are derived from ``hdkg.settings.Settings`` itself, never listed by hand.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import typer.main
import yaml
from pydantic import AliasChoices

from hdkg.settings import Settings

REPO = Path(__file__).resolve().parents[1]
COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
APP_DIR = "/app"  # the Dockerfile's WORKDIR, where the repository is copied
NEO4J_FIELDS = ("store", "neo4j_uri", "neo4j_user", "neo4j_password", "data_dir", "api_token")
_INTERPOLATION = re.compile(r"\$\{(\w+)(?::?-([^}]*))?\}")


# --- what the code reads ------------------------------------------------------------------------


def env_names(field_name: str) -> list[str]:
    """The environment variable names pydantic-settings reads for one field."""
    field = Settings.model_fields[field_name]
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return [c.upper() for c in alias.choices if isinstance(c, str)]
    if isinstance(alias, str):
        return [alias.upper()]
    prefix = str(Settings.model_config.get("env_prefix", ""))
    return [(prefix + field_name).upper()]


def all_env_names() -> dict[str, str]:
    """Variable name -> settings field, for every field of Settings."""
    return {env: name for name in Settings.model_fields for env in env_names(name)}


# --- what the files say -------------------------------------------------------------------------


def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def service(name: str) -> dict[str, Any]:
    services = compose().get("services") or {}
    assert name in services, f"docker-compose.yml has no service {name!r}"
    svc = services[name]
    assert isinstance(svc, dict)
    return svc


def environment(svc: dict[str, Any]) -> dict[str, str]:
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def interpolate(value: str) -> str:
    """Compose's ${VAR:-default}, resolved as on a machine where none of the variables is set."""
    return _INTERPOLATION.sub(lambda m: m.group(2) or "", value)


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    buf = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not buf and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        buf += line
        instr, _, args = buf.partition(" ")
        out.append((instr.upper(), args.strip()))
        buf = ""
    return out


def instructions(name: str) -> list[str]:
    return [args for instr, args in dockerfile() if instr == name]


def docker_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for args in instructions("ENV"):
        for token in shlex.split(args):
            key, sep, val = token.partition("=")
            if sep:
                env[key] = val
    return env


def cli_commands() -> dict[str, Any]:
    """Sub-command name -> command object, from the Typer app the console script runs."""
    import hdkg.cli as hdkg_cli

    commands = getattr(typer.main.get_command(hdkg_cli.app), "commands", None)
    assert isinstance(commands, dict) and commands, "the hdkg app registers no sub-commands"
    return commands


def hdkg_calls(command: str) -> list[list[str]]:
    """Every `hdkg ...` invocation inside a shell command line, as argv lists."""
    argv = shlex.split(command)
    if argv[:2] == ["sh", "-c"]:
        argv = shlex.split(argv[2])
    calls: list[list[str]] = [[]]
    for token in argv:
        if token in ("&&", ";", "||"):
            calls.append([])
        else:
            calls[-1].append(token)
    return [c for c in calls if c and c[0] == "hdkg"]


def repo_path(container_path: str) -> Path:
    assert container_path.startswith(APP_DIR + "/"), f"{container_path} is not under {APP_DIR}"
    return REPO / container_path[len(APP_DIR) + 1 :]


def check_call(argv: list[str]) -> None:
    """The sub-command exists and accepts every option given to it."""
    assert argv[0] == "hdkg" and len(argv) > 1, argv
    commands = cli_commands()
    assert argv[1] in commands, f"`hdkg {argv[1]}` is not a sub-command (have {sorted(commands)})"
    params = commands[argv[1]].params
    accepted = {opt for p in params for opt in p.opts if opt.startswith("-")}
    given = {a.split("=", 1)[0] for a in argv[2:] if a.startswith("-")}
    assert given <= accepted, f"`hdkg {argv[1]}` does not accept {sorted(given - accepted)}"
    valued = {p.opts[0] for p in params if p.opts[0].startswith("-") and not getattr(p, "is_flag", False)}
    positional = [a for i, a in enumerate(argv[2:], 2) if not a.startswith("-") and argv[i - 1] not in valued]
    if positional:
        arguments = [p for p in params if not p.opts[0].startswith("-")]
        assert arguments, f"`hdkg {argv[1]}` takes no arguments, but is given {positional}"
        if len(positional) > 1:
            assert any(p.nargs == -1 for p in arguments), f"`hdkg {argv[1]}` takes one path, given several"


# --- compose: settings --------------------------------------------------------------------------


def test_required_neo4j_settings_are_real_fields() -> None:
    missing = [f for f in NEO4J_FIELDS if f not in Settings.model_fields]
    assert not missing, f"Settings lost fields the compose deployment relies on: {missing}"


def test_api_service_provides_every_setting_a_neo4j_deployment_needs() -> None:
    env = environment(service("api"))
    for field in NEO4J_FIELDS:
        names = env_names(field)
        assert any(n in env for n in names), f"api service sets none of {names} (Settings.{field})"


def test_compose_sets_no_dead_settings() -> None:
    known = all_env_names()
    dead = sorted(set(environment(service("api"))) - set(known))
    assert not dead, f"api service sets variables hdkg never reads: {dead}"


def test_compose_environment_parses_as_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in all_env_names():
        monkeypatch.delenv(name, raising=False)
    for key, value in environment(service("api")).items():
        monkeypatch.setenv(key, interpolate(value))
    s = Settings(_env_file=None)
    assert s.store == "neo4j"
    assert s.api_token is not None and s.api_token.get_secret_value()
    uri = urlparse(s.neo4j_uri)
    assert uri.hostname in compose()["services"], f"{s.neo4j_uri} names no compose service"
    assert uri.port == 7687


def test_api_and_neo4j_agree_on_the_password() -> None:
    auth = interpolate(environment(service("neo4j"))["NEO4J_AUTH"])
    user, _, password = auth.partition("/")
    api = environment(service("api"))
    assert interpolate(api["NEO4J_USER"]) == user
    assert interpolate(api["NEO4J_PASSWORD"]) == password


def test_data_dir_is_the_image_default_and_a_volume() -> None:
    api = service("api")
    data_dir = interpolate(environment(api)["HDKG_DATA_DIR"])
    assert docker_env().get("HDKG_DATA_DIR") == data_dir
    targets = [str(v).split(":")[1] for v in api.get("volumes") or [] if ":" in str(v)]
    assert data_dir in targets, f"{data_dir} is not a volume of the api service, so data dies with it"


def test_path_settings_point_into_the_repository() -> None:
    for key, value in environment(service("api")).items():
        value = interpolate(value)
        if value.startswith(APP_DIR + "/"):
            assert repo_path(value).exists(), f"{key}={value}: {repo_path(value)} does not exist"


def test_example_decisions_file_has_both_lists() -> None:
    path = repo_path(interpolate(environment(service("api"))["HDKG_DECISIONS_FILE"]))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert isinstance(data.get("merge"), list) and isinstance(data.get("never_merge"), list)


# --- compose: services, health, ports -----------------------------------------------------------


def test_neo4j_image_is_5_26() -> None:
    image = str(service("neo4j")["image"])
    assert image.split(":")[0] == "neo4j"
    assert image.split(":")[1].startswith("5.26"), image


def test_neo4j_has_a_healthcheck() -> None:
    check = service("neo4j").get("healthcheck") or {}
    test = check.get("test")
    assert test, "neo4j has no healthcheck, so `service_healthy` would never be reached"
    text = " ".join(test) if isinstance(test, list) else str(test)
    assert "cypher-shell" in text or "7474" in text


def test_depends_on_waits_for_a_healthcheck() -> None:
    services = compose()["services"]
    deps = service("api").get("depends_on") or {}
    assert isinstance(deps, dict) and "neo4j" in deps, "api must depend on neo4j in the long form"
    for name, cond in deps.items():
        assert cond.get("condition") == "service_healthy", f"api does not wait for {name} to be healthy"
        assert (services[name].get("healthcheck") or {}).get("test"), f"{name} has no healthcheck"


def test_api_healthcheck_hits_health() -> None:
    test = (service("api").get("healthcheck") or {}).get("test") or []
    assert "/health" in " ".join(test)


def test_ports_bind_to_loopback_only() -> None:
    for name in ("neo4j", "api"):
        for port in service(name).get("ports") or []:
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} on every interface"


def test_compose_command_uses_real_sub_commands() -> None:
    calls = hdkg_calls(str(service("api")["command"]))
    assert [c[1] for c in calls] == ["ingest", "serve"]
    for call in calls:
        check_call(call)


def test_compose_ingests_every_demo_article_and_only_existing_files() -> None:
    ingest = next(c for c in hdkg_calls(str(service("api")["command"])) if c[1] == "ingest")
    matched: set[Path] = set()
    for arg in (a for a in ingest[2:] if not a.startswith("-")):
        hits = set(REPO.glob(str(repo_path(arg).relative_to(REPO))))
        assert hits, f"ingest argument {arg} matches nothing in the repository"
        matched |= hits
    demo = REPO / "hdkg" / "demo"
    articles = {p for p in demo.iterdir() if p.suffix in (".txt", ".html") or p.name == "extra.jsonl"}
    assert articles, "no demo articles"
    assert articles <= matched, f"not ingested: {sorted(p.name for p in articles - matched)}"
    assert not matched & {demo / "gold.jsonl", demo / "README.md", demo / "decisions.yaml"}


# --- Dockerfile ---------------------------------------------------------------------------------


def test_dockerfile_base_install_and_user() -> None:
    assert instructions("FROM") == ["python:3.11-slim"]
    assert instructions("WORKDIR") == [APP_DIR]
    assert any("pip install -c constraints.txt ." in r for r in instructions("RUN"))
    users = instructions("USER")
    assert users and users[-1] not in ("root", "0"), "the API must not run as root"
    assert "8000" in " ".join(instructions("EXPOSE"))


def test_dockerfile_env_is_read_by_the_app() -> None:
    known = all_env_names()
    ours = [k for k in docker_env() if k.startswith(("HDKG_", "NEO4J_"))]
    assert ours, "the Dockerfile sets no hdkg setting (HDKG_DATA_DIR expected)"
    assert set(ours) <= set(known), f"dead settings in the Dockerfile: {sorted(set(ours) - set(known))}"


def test_dockerfile_healthcheck_hits_health() -> None:
    checks = instructions("HEALTHCHECK")
    assert len(checks) == 1 and "/health" in checks[0] and ":8000" in checks[0]


def test_dockerfile_cmd_is_a_real_sub_command() -> None:
    cmd = json.loads(instructions("CMD")[-1])
    assert cmd[:2] == ["hdkg", "serve"]
    assert cmd[cmd.index("--port") + 1] == "8000" and cmd[cmd.index("--host") + 1] == "0.0.0.0"
    check_call(cmd)


def test_dockerignore_keeps_what_the_build_needs() -> None:
    patterns = [
        p.strip()
        for p in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if p.strip() and not p.startswith("#")
    ]
    needed = ["pyproject.toml", "constraints.txt", "README.md", "hdkg/demo/ru_01_x.txt", "hdkg/settings.py"]
    for path in needed:
        hit = [p for p in patterns if fnmatch.fnmatch(path, p) or path.startswith(p.rstrip("/") + "/")]
        assert not hit, f".dockerignore drops {path} via {hit}"
    assert ".venv" in patterns and ".git" in patterns and ".env" in patterns
