"""Bad input never crashes a batch and loses nothing; the extractor survives random text.

One real ``hdkg ingest`` subprocess gets good articles mixed with an empty
file, a binary, a 50 MB text, CP1251 and mixed encodings, script-stuffed HTML,
a truncated JSON Lines line, an unknown language and a feed that is not XML.
"""

from __future__ import annotations

import json
import string
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hdkg.errors import ExtractionError, HdkgError
from hdkg.extraction import Extractor
from hdkg.graph.base import GraphStore, WriteResult
from hdkg.graph.ladybug import LadybugStore
from hdkg.models import Article, Facts
from tests.reliability_support import CP1251_TITLE, DEMO, bad_batch, cli_env, dump, run_cli

# what each refused input's error must say, so a user knows what to fix
REASONS = {
    "empty.txt": "empty",
    "image.png": "binary",
    "huge.txt": "over the limit",
    "feed.xml": "not a valid",
    "scripts_only.html": "no readable text",
    "batch.jsonl:3": "invalid JSON",
}


def test_one_batch_of_bad_inputs_reports_each_and_ingests_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "in"
    expect = bad_batch(src)
    env = cli_env(tmp_path / "data")
    r = run_cli(["ingest", str(src), "--json", "--no-progress"], env, tmp_path)
    assert r.returncode == 1, "a batch with failures must exit non-zero"
    assert "Traceback" not in r.stderr
    summary = json.loads(r.stdout)
    failed = {Path(f["source"]).name: f for f in summary["failed"]}
    assert set(failed) == set(REASONS), summary["failed"]
    for name, reason in REASONS.items():
        assert failed[name]["stage"] == "load"
        assert reason in failed[name]["error"], failed[name]
        assert str(src) in failed[name]["error"], "the error names the file"

    oks = sorted(n for n, e in expect.items() if e.startswith("ok"))
    assert summary["articles"] == summary["written"] == len(oks) + 1  # batch.jsonl holds two good lines
    with LadybugStore(tmp_path / "data" / "graph.lbug") as store:
        stored = dump(store)["articles"]
    sources = sorted(Path(a["source"].split(":")[0]).name for a in stored)
    assert sources == sorted([*oks, "batch.jsonl"]), sources
    titles = {Path(a["source"]).name: a["title"] for a in stored}
    assert titles["cp1251.txt"] == titles["mixed.txt"] == CP1251_TITLE, "legacy bytes decoded, not mangled"
    assert "alert" not in titles["scripts.html"] and titles["scripts.html"]

    plain = run_cli(["ingest", str(src), "--no-progress"], env, tmp_path)
    assert plain.returncode == 1
    assert "failed 6" in plain.stdout and "unchanged 8" in plain.stdout, plain.stdout
    assert plain.stderr.count("failed [load]") == 6, plain.stderr


# ----------------------------------------------------------------------------- extractor fuzzing
_WORDS = [
    "Ministry of Health of Uzbekistan", "Минздрав России", "ВОЗ", "WHO", "AP-HP", "signed", "подписали",
    "меморандум", "memorandum", "visit", "посетили", "oncology", "онкологии", "Toshkent", "Ташкент",
    "2024", "5 May", "3 марта", "Sog'liqni saqlash vazirligi", "и", "and", "va", ",", ".", "\n", "\n\n",
    "«", "»", "(", ")", "Dr.", "г.", "«ВОЗ»", "Tashkent Medical Academy", "Республика Казахстан",
]  # fmt: skip
_structured = st.lists(st.sampled_from(_WORDS) | st.text(string.printable, max_size=8), max_size=60).map(
    " ".join
)
_texts = st.one_of(
    st.text(max_size=400), _structured, st.text(alphabet="\u200b\u00a0 .\n\t\r\u2028", max_size=50)
)
# Values the Article model accepts (it refuses "" and "RU": test_reliability_records.py); lang picks lexicons.
_langs = st.sampled_from(["ru", "en", "uz", None, "xx", "zh", "ka", "kk"])

_extractor = Extractor()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=_texts, title=st.text(max_size=40), lang=_langs)
def test_extractor_survives_random_text_and_offsets_stay_inside(
    text: str, title: str, lang: str | None
) -> None:
    article = Article(id="fuzz", source="fuzz.txt", title=title, lang=lang, text=text)
    try:
        facts = _extractor.extract(article)
    except ExtractionError as exc:
        cause = exc.__cause__
        pytest.fail(f"internal extractor error wrapped as ExtractionError: {cause!r} on {text!r}")
    except HdkgError:
        return
    n = len(text)
    for actor in facts.actors:
        for start, end in actor.mentions:
            assert 0 <= start <= end <= n, (actor, text)
    for link in facts.links:
        for ev in link.evidence:
            assert 0 <= ev.start <= ev.end <= n, (ev, text)
            assert text[ev.start : ev.end] == ev.text, (ev, text)
        assert all(a in {x.id for x in facts.actors} for side in link.sides for a in side)


def test_a_store_bug_on_one_article_is_a_per_item_failure(
    ladybug_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hdkg.pipeline import ingest

    real = ladybug_store.write_facts
    victim = "ru_04_uzbekistan_aphp_memorandum.txt"

    def flaky(facts: Facts) -> WriteResult:
        if facts.article.source.endswith(victim):
            raise KeyError("actor_mentions")
        return real(facts)

    real_many = ladybug_store.write_many

    def flaky_many(batch: Sequence[Facts]) -> list[WriteResult]:  # the batch fails as a whole...
        if any(f.article.source.endswith(victim) for f in batch):
            raise KeyError("actor_mentions")
        return real_many(batch)

    monkeypatch.setattr(ladybug_store, "write_facts", flaky)  # ...and alone, only the victim does
    monkeypatch.setattr(ladybug_store, "write_many", flaky_many)
    names = ["en_01_aphp_oncology_followup.txt", victim, "uz_01_tika_joint_operations.txt"]
    summary = ingest([str(DEMO / n) for n in names], ladybug_store, progress=False)
    assert summary.written == 2
    assert [(Path(f.source).name, f.stage) for f in summary.failed] == [(victim, "write")]
    assert "KeyError" in summary.failed[0].error
    assert ladybug_store.stats().nodes["Article"] == 2
