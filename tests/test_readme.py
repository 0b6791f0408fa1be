"""The README is tested against the code: settings, CLI commands, endpoints and the two commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from hdkg.cli import app as cli_app
from hdkg.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _env_names(field: str) -> set[str]:
    info = Settings.model_fields[field]
    alias = info.validation_alias
    if alias is not None and hasattr(alias, "choices"):
        return {str(c) for c in alias.choices}
    return {f"HDKG_{field.upper()}"}


def _config_section() -> str:
    start = README.index("## Configuration")
    return README[start : README.index("\n## ", start + 5)]


def test_every_setting_is_documented_and_every_documented_variable_is_read() -> None:
    section = _config_section()
    documented = set(re.findall(r"`((?:HDKG|NEO4J)_[A-Z0-9_]+)`", section))
    readable = set().union(*(_env_names(f) for f in Settings.model_fields))
    for field in Settings.model_fields:
        assert _env_names(field) & documented, f"setting {field} is not in the README's configuration table"
    assert documented <= readable, f"README documents variables the code never reads: {documented - readable}"


def test_cli_commands_in_readme_exist() -> None:
    commands = {c.name for c in typer.main.get_command(cli_app).commands.values()}  # type: ignore[attr-defined]
    used = set(re.findall(r"(?:`|bin/)hdkg (\w[\w-]*)", README))
    unknown = used - commands
    assert not unknown, f"README names hdkg sub-commands that do not exist: {unknown}"
    for name in ("extract", "ingest", "serve", "demo", "view", "export", "stats"):
        assert name in commands


def _shape(path: str) -> str:
    """Path parameters compare by position, not by name (`{id}` in prose, `{actor_id:path}` in code)."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def test_endpoints_in_readme_exist() -> None:
    from hdkg.api.app import create_app
    from hdkg.api.routers import pages

    schema_paths = create_app().openapi()["paths"]
    routes = {(m.upper(), _shape(path)) for path, ops in schema_paths.items() for m in ops}
    routes |= {
        (m, _shape(getattr(r, "path", "")))
        for r in pages.router.routes
        for m in getattr(r, "methods", None) or ()
    }
    start = README.index("## The API")
    table = README[start : README.index("\n## ", start + 5)]
    documented = re.findall(r"`(GET|POST) (/[^`?]*)`", table)
    assert len(documented) >= 12
    for method, path in documented:
        assert (method, _shape(path)) in routes, (
            f"README documents {method} {path}, which the app does not serve"
        )


@pytest.mark.parametrize("target", ["demo", "test"])
def test_the_two_commands_exist(target: str) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(rf"^{target}:", makefile, re.M)
    assert f"make {target}" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
