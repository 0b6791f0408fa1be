"""The ingest pipeline with fake loaders and extractor, and the ingest/stats CLI on the real ones."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hdkg import extraction, loaders
from hdkg.cli import app
from hdkg.graph.base import GraphStore
from hdkg.models import Article, Facts
from hdkg.pipeline import ingest
from tests.graph_fixture import articles


def test_ingest_counts_and_failures(monkeypatch: pytest.MonkeyPatch, ladybug_store: GraphStore) -> None:
    facts = {f.article.source: f for f in articles()[:3]}

    def fake_iter(sources: Iterable[str], **_: object) -> Iterator[Article | loaders.LoadFailure]:
        for s in sources:
            if s == "broken":
                yield loaders.LoadFailure(source=s, error="unreadable", kind="bad-input")
            else:
                yield facts[s].article if s in facts else Article(id=s, source=s, text="boom")

    class FakeExtractor:
        def extract(self, article: Article) -> Facts:
            if article.text == "boom":
                raise RuntimeError("extractor crashed")
            return facts[article.source]

    monkeypatch.setattr(loaders, "iter_articles", fake_iter)
    monkeypatch.setattr(extraction, "Extractor", FakeExtractor)
    sources = [*facts, "broken", "bad-article", next(iter(facts))]
    summary = ingest(sources, ladybug_store, progress=False)
    assert (summary.articles, summary.written, summary.unchanged) == (5, 3, 1)
    assert [(f.stage, f.source) for f in summary.failed] == [("load", "broken"), ("extract", "bad-article")]
    assert summary.links == 4 and not summary.ok


def test_cli_ingest_then_stats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hdkg.settings import get_settings

    monkeypatch.setenv("HDKG_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HDKG_STORE", "ladybug")
    get_settings.cache_clear()
    doc = tmp_path / "a.txt"
    doc.write_text(
        "Ташкент, 12 марта 2024 года. Министерство здравоохранения Узбекистана и Минздрав России "
        "подписали соглашение о сотрудничестве в области онкологии.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    try:
        first = runner.invoke(app, ["ingest", str(doc), "--no-progress", "--json"])
        assert first.exit_code == 0, first.output
        assert json.loads(first.stdout)["written"] == 1
        again = runner.invoke(app, ["ingest", str(doc), "--no-progress", "--json"])
        assert json.loads(again.stdout)["unchanged"] == 1
        missing = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), "--no-progress"])
        assert missing.exit_code == 1
        stats = runner.invoke(app, ["stats", "--format", "json"])
        assert stats.exit_code == 0 and json.loads(stats.stdout)["nodes"]["Article"] == 1
    finally:
        get_settings.cache_clear()
