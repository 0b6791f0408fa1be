"""Property-based run of schemathesis over the OpenAPI schema: no 500s, no response off the schema.

``HDKG_SCHEMA_EXAMPLES`` sets the examples per operation: 200 in ``make test``
(about 35 s here), 1000 in ``make fuzz``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from hdkg.api.app import create_app
from hdkg.graph.base import GraphStore
from hdkg.graph.factory import open_store
from hdkg.settings import Settings
from tests.test_api_support import fill, settings_for

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

EXAMPLES = int(os.environ.get("HDKG_SCHEMA_EXAMPLES", "200"))


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    store = open_store(settings_for(Path(tmp_path_factory.mktemp("schema"))))
    fill(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def api_schema(filled_store: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    # No token configured: write endpoints answer their documented 403 without running the extractor.
    app = create_app(settings_for(Path(tmp_path_factory.mktemp("app")), api_token=None), filled_store)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations() -> list[tuple[str, str]]:
    """(path, method) of every operation; building the app opens no store, so this is cheap."""
    spec = create_app(Settings(_env_file=None)).openapi()  # type: ignore[call-arg]
    return [(path, method.upper()) for path, methods in spec["paths"].items() for method in methods]


@pytest.mark.parametrize(("path", "method"), _operations())
def test_api_conforms_to_its_schema(api_schema: schemathesis.BaseSchema, path: str, method: str) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate()

    check()
