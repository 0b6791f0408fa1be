"""Facts as the hand-off: facts extracted in another process, then `hdkg load`, give the graph a direct
`hdkg ingest` gives, on both stores; bad lines fail alone; reruns change nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hdkg.facts_io import FORMAT, dumps, iter_facts, load_facts
from hdkg.graph.base import GraphStore
from hdkg.models import Facts
from hdkg.pipeline import Failure, ingest
from tests.test_graph_batch import snapshot

DEMO = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "hdkg" / "demo").glob("*.txt"))


@pytest.fixture(scope="module")
def facts_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus extracted by `hdkg extract --format facts` in its own process."""
    out = tmp_path_factory.mktemp("facts") / "demo.facts.jsonl"
    hdkg = Path(sys.executable).with_name("hdkg")
    run = subprocess.run(
        [str(hdkg), "extract", *DEMO, "--format", "facts", "--out", str(out)], capture_output=True
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return out


def test_loaded_facts_equal_a_direct_ingest(any_store: GraphStore, facts_file: Path) -> None:
    direct = ingest(DEMO, any_store, progress=False, workers=1)
    assert direct.ok and direct.written == len(DEMO)
    expected = snapshot(any_store)
    any_store.clear()
    loaded = load_facts([str(facts_file)], any_store, batch=3, progress=False)
    assert loaded.ok and (loaded.written, loaded.links) == (direct.written, direct.links)
    assert snapshot(any_store) == expected
    again = load_facts([str(facts_file)], any_store, progress=False)
    assert (again.written, again.unchanged) == (0, len(DEMO))
    assert snapshot(any_store) == expected


def test_a_record_round_trips(facts_file: Path) -> None:
    first = next(iter(iter_facts([str(facts_file)])))
    assert isinstance(first, Facts) and first.article.text and first.actors
    assert Facts.model_validate_json(dumps(first).split('"facts": ', 1)[1][:-1]) == first


def test_bad_lines_fail_alone_and_name_their_line(tmp_path: Path, facts_file: Path) -> None:
    good = facts_file.read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                good[0],
                '{"format": "hdkg-facts/0", "facts": {}}',
                "not json",
                f'{{"format": "{FORMAT}", "facts": {{"article": {{}}}}}}',
                '["eval", "record"]',
                good[1],
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    items = list(iter_facts([str(path), str(tmp_path / "missing.jsonl")]))
    assert [type(i).__name__ for i in items] == [
        "Facts",
        "Failure",
        "Failure",
        "Failure",
        "Failure",
        "Facts",
        "Failure",
    ]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.source for f in failures] == [
        f"{path}:2",
        f"{path}:3",
        f"{path}:4",
        f"{path}:5",
        str(tmp_path / "missing.jsonl"),
    ]
    assert "hdkg-facts/0" in failures[0].error and "invalid facts at article" in failures[2].error
