"""One bad record fails alone, with its line and reason: in `hdkg ingest`, `hdkg extract` and the API.

The bad records are built from JSON escapes and types that Python's json module accepts but that are
not articles: a lone surrogate (no Unicode character, so no store or RDF file can hold it), a field of
the wrong JSON type, a language nobody supports. Hypothesis varies where they sit in a record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hdkg.api.app import create_app
from hdkg.errors import HdkgError
from hdkg.graph.ladybug import LadybugStore
from hdkg.loaders.encoding import decode_bytes
from hdkg.loaders.failures import ItemError
from hdkg.loaders.jsonl import iter_jsonl_file, parse_jsonl
from hdkg.models import Article
from hdkg.pipeline import ingest
from tests.test_api_support import TOKEN, settings_for

TEXT = (
    "Министерство здравоохранения Республики Узбекистан и Министерство здравоохранения Республики "
    "Казахстан подписали меморандум о сотрудничестве в области онкологии."
)
GOOD = {"title": "Меморандум", "text": TEXT, "lang": "ru"}
FIELDS = ("title", "text", "url", "date", "publisher", "lang")


def _line(record: dict[str, object]) -> str:
    return json.dumps(record, ensure_ascii=True)  # keeps lone surrogates as \\udXXX escapes


def _with_surrogate(field: str, code: int, at: int) -> str:
    value = str(GOOD.get(field, "https://example.org/a" if field == "url" else "x" * 12))
    at = min(at, len(value))
    return _line({**GOOD, field: value[:at] + chr(code) + value[at:]})


@given(
    field=st.sampled_from(FIELDS),
    code=st.integers(0xD800, 0xDFFF),
    at=st.integers(0, 200),
    position=st.integers(0, 3),
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_lone_surrogate_anywhere_fails_that_record_alone(
    field: str, code: int, at: int, position: int
) -> None:
    lines = [_line(GOOD)] * 4
    lines[position] = _with_surrogate(field, code, at)
    items = list(parse_jsonl("\n".join(lines), source="feed.jsonl"))
    assert [isinstance(i, Article) for i in items] == [i != position for i in range(4)]
    failure = items[position]
    assert isinstance(failure, ItemError) and failure.line == position + 1
    assert f"field {field!r}" in str(failure.error) and "surrogate" in str(failure.error)
    assert f"feed.jsonl:{position + 1}" in str(failure.error)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ({"title": 42}, "field 'title' must be a string, got a number"),
        ({"date": ["2025-01-01"]}, "field 'date' must be a string, got an array"),
        ({"url": {"href": "x"}}, "field 'url' must be a string, got an object"),
        ({"text": True}, "field 'text' must be a string, got a boolean"),
        ({"lang": "klingon"}, "lang 'klingon' is not a supported language (one of ru, en, uz)"),
        ({"lang": "de"}, "lang 'de' is not a supported language"),
    ],
)
def test_wrong_typed_fields_and_unknown_languages_are_named(value: dict[str, object], reason: str) -> None:
    [first, bad, last] = parse_jsonl(
        "\n".join([_line(GOOD), _line({**GOOD, **value}), _line(GOOD)]), source="s"
    )
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(bad, ItemError) and bad.line == 2 and reason in str(bad.error)


@pytest.mark.parametrize(
    ("given_lang", "stored"), [("RU", "ru"), ("en-GB", "en"), ("uz_Latn", "uz"), ("", "ru")]
)
def test_declared_languages_are_normalised(given_lang: str, stored: str) -> None:
    [article] = parse_jsonl(_line({**GOOD, "lang": given_lang}), source="s")
    assert isinstance(article, Article) and article.lang == stored


def test_ingest_runs_past_bad_records_and_names_them(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        _line(GOOD),
        _with_surrogate("text", 0xDC00, 5),
        _line({**GOOD, "lang": "xx"}),
        _line({**GOOD, "url": "https://example.org/b"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = LadybugStore(tmp_path / "g.lbug")
    try:
        store.create_schema()
        summary = ingest([str(feed)], store, progress=False)
        assert summary.written == 2
        assert sorted(f.source for f in summary.failed) == [f"{feed}:2", f"{feed}:3"]
        assert store.stats().nodes["Article"] == 2
    finally:
        store.close()


def test_streamed_file_isolates_an_undecodable_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    good = _line(GOOD).encode()
    broken = (
        json.dumps({**GOOD, "title": "Меморандум"}, ensure_ascii=False)
        .encode()
        .replace(b"\xd0\x9c", b"\xd0\xff", 1)
    )
    feed.write_bytes(b"\n".join([good, broken, good]) + b"\n")
    items = list(iter_jsonl_file(feed, source="feed.jsonl", max_bytes=None))
    assert all(isinstance(i, Article) for i in items)
    assert isinstance(items[1], Article) and items[1].text == TEXT and "\ufffd" in items[1].title


def test_one_bad_byte_does_not_redecode_a_utf8_line_as_cp1251(caplog: pytest.LogCaptureFixture) -> None:
    good = (TEXT + "\n").encode()
    damaged = good[:31] + b"\xfe" + good[31:]
    legacy = "Минздрав Казахстана\n".encode("cp1251")
    text = decode_bytes(good + damaged + legacy, where="story.txt")
    lines = text.splitlines()
    assert lines[0] == TEXT and lines[1].replace("\ufffd", "") == TEXT and lines[2] == "Минздрав Казахстана"
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "story.txt: 1 invalid UTF-8 byte sequence(s) replaced by U+FFFD on line(s) 2" in messages
    assert "story.txt: line(s) 3 are not UTF-8, decoded as" in messages


def _post(path: str, body: str, tmp_path: Path) -> tuple[int, dict[str, object]]:
    app = create_app(settings_for(tmp_path))
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as c:
        r = c.post(
            path,
            content=body.encode(),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
        assert "Traceback" not in r.text
        return r.status_code, r.json()


@pytest.mark.parametrize("field", ["title", "text", "publisher"])
def test_api_article_with_a_lone_surrogate_is_a_422(tmp_path: Path, field: str) -> None:
    status, body = _post("/articles", _with_surrogate(field, 0xD83D, 3), tmp_path)
    assert status == 422 and "surrogate" in str(body["detail"]), body


def test_api_batch_keeps_the_good_items(tmp_path: Path) -> None:
    batch = (
        "[" + ",".join([_line(GOOD), _with_surrogate("title", 0xDFFF, 1), _line({**GOOD, "lang": 7})]) + "]"
    )
    status, body = _post("/ingest", batch, tmp_path)
    assert status == 200 and body["stored"] == 1 and body["failed"] == 2, body
    errors = body["errors"]
    assert isinstance(errors, list) and [e["index"] for e in errors] == [1, 2]
    assert "surrogate" in errors[0]["detail"] and "must be a string" in errors[1]["detail"]


def test_surrogates_never_reach_a_store_error(tmp_path: Path) -> None:
    """The check is at the loader boundary: nothing with a lone surrogate becomes an Article."""
    with pytest.raises(HdkgError, match="surrogate"):
        from hdkg.loaders.jsonl import record_to_article

        record_to_article({"text": "a\ud800b" * 3}, source="s", where="s:1")
