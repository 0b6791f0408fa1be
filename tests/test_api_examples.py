"""The OpenAPI examples work: "Try it out" with a documented example stores an article, not a 422."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hdkg.api.app import create_app
from hdkg.loaders.dateline import parse_dateline
from tests.test_api_support import TOKEN, settings_for


def test_every_request_body_example_of_post_articles_is_accepted(tmp_path: Path) -> None:
    with TestClient(create_app(settings_for(tmp_path)), base_url="http://localhost") as client:
        content = client.get("/openapi.json").json()["paths"]["/articles"]["post"]["requestBody"]["content"]
        examples = {mt: v["example"] for mt, v in content.items() if "example" in v}
        assert examples, "POST /articles documents no example"
        for media_type, example in examples.items():
            data = example if isinstance(example, str) else json.dumps(example)
            r = client.post(
                "/articles",
                content=data.encode(),
                headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": media_type},
            )
            assert r.status_code == 200, (media_type, r.text)
            facts = r.json()["facts"]
            assert facts["links"], "the example should give at least one link"
            assert facts["article"]["date"] and not facts["article"]["title"].startswith("год")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Ташкент, 6 сентября 2025 года. Текст новости", "6 сентября 2025 года"),
        ("Бишкек, 6 сентября 2025 г. Текст", "6 сентября 2025 г."),
        ("Toshkent, 6 sentyabr 2025-yil. Matn", "6 sentyabr 2025-yil"),
    ],
)
def test_datelines_keep_the_year_word_with_the_date(line: str, date: str) -> None:
    found = parse_dateline(line)
    assert found is not None and found.date_text == date
    assert line[len(found.prefix) :].split()[0] in {"Текст", "Matn"}


@pytest.mark.parametrize(
    "body",
    [
        "[" * 5000 + "]" * 5000,
        '{"text": "x", "title": ' + "9" * 5000 + "}",
        '[{"text": ' + "[" * 3000 + "]" * 3000 + "}]",
    ],
)
@pytest.mark.parametrize("path", ["/articles", "/ingest"])
def test_unreadable_json_is_a_4xx_not_a_500(tmp_path: Path, body: str, path: str) -> None:
    with TestClient(
        create_app(settings_for(tmp_path)), base_url="http://localhost", raise_server_exceptions=False
    ) as c:
        r = c.post(
            path,
            content=body.encode(),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
        assert r.status_code in (200, 422), r.text  # /ingest reports the bad item in its 200 summary
        assert r.headers["content-type"] in ("application/json", "application/problem+json")
        if r.status_code == 200:
            assert r.json()["errors"], r.text
