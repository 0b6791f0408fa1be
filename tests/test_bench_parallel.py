"""hdkg.parallel: order, failures and the one-extractor-per-worker rule, with a stub and the real extractor."""

from __future__ import annotations

import os

import pytest

from hdkg.errors import ExtractionError
from hdkg.models import Actor, Article, Facts
from hdkg.parallel import extract_parallel


def _article(i: int, text: str = "") -> Article:
    return Article(id=f"a{i:03d}", source=f"mem:{i}", text=text or f"article number {i}", lang="en")


class StubExtractor:
    """Reports the process it ran in and how many extractors that process built."""

    built = 0

    def __init__(self) -> None:
        StubExtractor.built += 1
        self.serial = StubExtractor.built

    def extract(self, article: Article) -> Facts:
        if "boom" in article.text:
            raise ExtractionError("stub refused", where=article.source)
        if "bug" in article.text:
            raise KeyError("not picklable? fine either way")
        tag = f"p{os.getpid()}-x{self.serial}"
        return Facts(article=article, actors=[Actor(id=tag, name=tag, type="Country")])


def stub_factory() -> StubExtractor:
    return StubExtractor()


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_back_in_input_order(workers: int) -> None:
    articles = [_article(i) for i in range(37)]
    got = list(extract_parallel(articles, workers, chunksize=3, factory=stub_factory))
    assert [f.article.id for f in got] == [a.id for a in articles]


def test_two_workers_use_two_processes_each_building_one_extractor() -> None:
    got = list(extract_parallel((_article(i) for i in range(40)), 2, chunksize=2, factory=stub_factory))
    tags = {f.actors[0].id for f in got}
    pids = {t.split("-")[0] for t in tags}
    assert f"p{os.getpid()}" not in pids
    assert all(t.endswith("-x1") for t in tags)  # one extractor per worker process
    assert 1 <= len(pids) <= 2


def test_one_worker_runs_in_this_process_with_one_extractor() -> None:
    got = list(extract_parallel([_article(i) for i in range(10)], 1, chunksize=4, factory=stub_factory))
    assert {f.actors[0].id.split("-")[0] for f in got} == {f"p{os.getpid()}"}
    assert len({f.actors[0].id for f in got}) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_failures_go_to_on_error_and_the_rest_continues(workers: int) -> None:
    articles = [_article(i, "boom" if i == 3 else "bug" if i == 5 else "") for i in range(9)]
    failed: list[tuple[str, str]] = []
    got = list(
        extract_parallel(
            articles, workers, chunksize=2, factory=stub_factory,
            on_error=lambda a, e: failed.append((a.id, type(e).__name__)),
        )
    )  # fmt: skip
    assert [f.article.id for f in got] == [a.id for a in articles if a.id not in ("a003", "a005")]
    assert [f[0] for f in failed] == ["a003", "a005"]
    assert failed[0][1] == "ExtractionError"


@pytest.mark.parametrize("workers", [1, 2])
def test_without_on_error_the_failure_is_raised_at_its_position(workers: int) -> None:
    articles = [_article(i, "boom" if i == 4 else "") for i in range(8)]
    seen: list[str] = []
    with pytest.raises(ExtractionError, match="stub refused"):
        for facts in extract_parallel(articles, workers, chunksize=3, factory=stub_factory):
            seen.append(facts.article.id)
    assert seen == ["a000", "a001", "a002", "a003"]


def test_work_in_flight_is_bounded() -> None:
    pulled = 0

    def source() -> object:
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield _article(i)

    it = extract_parallel(source(), 2, chunksize=4, factory=stub_factory)  # type: ignore[arg-type]
    next(it)
    assert pulled <= 2 * 3 * 4 + 4  # workers * (1 + PREFETCH) chunks, plus the chunk being read
    it.close()  # type: ignore[attr-defined]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        list(extract_parallel([], 0, factory=stub_factory))


@pytest.mark.slow
def test_real_extractor_gives_the_same_facts_in_parallel() -> None:
    from bench.generate import iter_records
    from hdkg.loaders.jsonl import record_to_article

    articles = [
        record_to_article(r, source=f"gen:{i}", where=f"gen:{i}") for i, r in enumerate(iter_records(6))
    ]
    serial = [f.to_eval_json() for f in extract_parallel(articles, 1)]
    parallel = [f.to_eval_json() for f in extract_parallel(articles, 2, chunksize=2)]
    assert parallel == serial
    assert len(serial) == 6 and any(f["links"] for f in serial)
