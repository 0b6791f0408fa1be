"""The OpenAPI document: enums built from the ontology, examples, problem+json errors."""

from __future__ import annotations

from typing import Any

import pytest

from hdkg.api.app import create_app
from hdkg.ontology import vocab
from hdkg.settings import Settings


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return create_app(Settings(_env_file=None)).openapi()  # type: ignore[call-arg]


def _param(spec: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    params = spec["paths"][path]["get"]["parameters"]
    schema: dict[str, Any] = next(p for p in params if p["name"] == name)["schema"]
    if "anyOf" in schema:
        schema = next(s for s in schema["anyOf"] if s.get("type") != "null")
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


@pytest.mark.parametrize(
    ("path", "name", "source"),
    [
        ("/cooperations", "specialty", lambda: [c.id for c in vocab.specialties()]),
        ("/cooperations", "area", lambda: [c.id for c in vocab.areas()]),
        ("/cooperations", "kind", lambda: [c.id for c in vocab.link_kinds()]),
        ("/cooperations", "status", lambda: [c.id for c in vocab.statuses()]),
        ("/links", "specialty", lambda: [c.id for c in vocab.specialties()]),
        ("/network", "area", lambda: [c.id for c in vocab.areas()]),
        ("/export", "kind", lambda: [c.id for c in vocab.link_kinds()]),
        ("/actors", "kind", lambda: list(vocab.actor_types())),
    ],
)
def test_enum_parameters_list_exactly_the_ontologys_values(
    spec: dict[str, Any], path: str, name: str, source: Any
) -> None:
    assert sorted(_param(spec, path, name)["enum"]) == sorted(source())


def test_level_sort_and_format_enums(spec: dict[str, Any]) -> None:
    assert sorted(_param(spec, "/cooperations", "level")["enum"]) == ["actor", "country"]
    assert sorted(_param(spec, "/cooperations", "sort")["enum"]) == ["last_date", "links", "sources"]
    assert sorted(_param(spec, "/export", "format")["enum"]) == [
        "csv",
        "gexf",
        "graphml",
        "jsonld",
        "nt",
        "ttl",
    ]


def test_every_operation_documents_problem_errors(spec: dict[str, Any]) -> None:
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            if path in ("/", "/view"):
                continue
            for code in ("422", "500", "503"):
                assert "application/problem+json" in op["responses"][code]["content"], (path, method, code)
    for path in ("/articles", "/ingest"):
        codes = set(spec["paths"][path]["post"]["responses"])
        assert {"200", "401", "403", "413", "415", "422", "503"} <= codes
        assert spec["paths"][path]["post"]["security"] == [{"HTTPBearer": []}]


def test_public_models_have_examples_and_forbid_extra_fields(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for name in ("CooperationPage", "ActorList", "LinkPage", "LinkDetail", "ConceptList", "Network", "Health",
                 "Problem"):  # fmt: skip
        assert schemas[name].get("examples"), name
    for name in ("Cooperation", "Problem", "ActorDetail", "IngestSummary"):
        assert schemas[name]["additionalProperties"] is False, name
