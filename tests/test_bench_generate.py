"""The benchmark corpus generator: determinism, streaming, record shape, inflection and noise."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

from bench.generate import iter_records, main, write_corpus
from bench.inflect import inflect_label, inflect_name


def test_same_seed_same_articles_and_prefix_stability() -> None:
    a = list(iter_records(20, seed=7))
    assert a == list(iter_records(20, seed=7))
    assert a[10:] == list(iter_records(10, seed=7, start=10))
    assert a != list(iter_records(20, seed=8))


def test_records_have_the_loader_fields_and_both_languages() -> None:
    recs = list(iter_records(200, seed=1))
    assert all(set(r) == {"url", "title", "date", "text"} for r in recs)
    assert len({r["url"] for r in recs}) == 200
    langs = {r["url"].split("/")[3] for r in recs}
    assert langs == {"ru", "en"}
    texts = "\n".join(r["text"] for r in recs)
    assert "Последние новости" in texts and "USD/UZS" in texts and "Источник:" in texts
    assert all(300 < len(r["text"]) < 6000 for r in recs)


def test_is_a_generator() -> None:
    it = iter_records(10**9, seed=1)
    assert len(list(islice(it, 3))) == 3


def test_russian_names_are_inflected_by_their_head() -> None:
    assert inflect_name("Министерство здравоохранения Республики Узбекистан", "ablt") == (
        "Министерством здравоохранения Республики Узбекистан"
    )
    assert inflect_name("Ташкентская область", "gent") == "Ташкентской области"
    assert inflect_name("ВОЗ", "ablt") == "ВОЗ"
    assert inflect_label("охрана материнства и детства", "gent") == "охраны материнства и детства"
    assert inflect_label("акушерство и гинекология", "datv") == "акушерству и гинекологии"


def test_write_corpus_shards_jsonl_and_the_loader_reads_it(tmp_path: Path) -> None:
    files = write_corpus(25, 3, tmp_path, "jsonl", shard_size=10)
    assert [p.name for p in files] == ["articles-0000.jsonl", "articles-0001.jsonl", "articles-0002.jsonl"]
    lines = [json.loads(x) for p in files for x in p.read_text(encoding="utf-8").splitlines()]
    assert lines == list(iter_records(25, 3))

    from hdkg.loaders import LoadFailure, iter_articles

    items = list(iter_articles([str(tmp_path)]))
    assert not [i for i in items if isinstance(i, LoadFailure)]
    assert len(items) == 25


def test_cli_writes_txt_files(tmp_path: Path) -> None:
    assert main(["--n", "3", "--seed", "2", "--out", str(tmp_path), "--format", "txt"]) == 0
    files = sorted(tmp_path.rglob("*.txt"))
    assert len(files) == 3
    first = next(iter_records(1, 2))
    assert files[0].read_text(encoding="utf-8").startswith(first["title"] + "\n")
