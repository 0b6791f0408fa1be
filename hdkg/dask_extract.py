"""Extraction on a Dask cluster: sources mapped in shards over workers, facts gathered in input order.

Many machines extract, one process writes (`hdkg load`): the hand-off is the
facts files this writes. Each worker process builds its extractor once (the
models take seconds to load) and keeps it for every shard it is given; a
shard is a few sources, so the scheduler balances them and the dashboard
shows progress. Output is the single-process output: the same lines in the
same order (extraction does not depend on the process: ``PYTHONHASHSEED``
test in ``tests/test_extraction_bounded.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import cache
from typing import Any

from tqdm import tqdm

from hdkg.errors import ConfigError, HdkgError
from hdkg.models import Facts

log = logging.getLogger(__name__)

SHARD = 8
CONNECT_S = 10


@cache
def _extractor() -> Any:
    """One extractor per worker process, built on its first shard."""
    from hdkg.extraction import Extractor

    return Extractor()


def extract_shard(sources: list[str]) -> list[tuple[str, str]]:
    """``("facts", json)`` per article and ``("error", message)`` per failure, in input order."""
    from hdkg.loaders import LoadFailure, iter_articles

    out: list[tuple[str, str]] = []
    for item in iter_articles(sources):
        if isinstance(item, LoadFailure):
            out.append(("error", f"{item.source}: {item.error}"))
            continue
        try:
            out.append(("facts", _extractor().extract(item).model_dump_json()))
        except HdkgError as exc:
            out.append(("error", f"{item.source}: {exc}"))
    return out


def _client(scheduler: str, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("Dask is not installed: pip install 'hdkg[dask]'", where="--dask") from exc
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        )
        log.info("Dask LocalCluster with %d workers; dashboard %s", workers, cluster.dashboard_link)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_S), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler: {exc}", where=scheduler) from exc


def extract_on_dask(
    sources: list[str], scheduler: str, *, workers: int = 2, shard: int = SHARD, progress: bool = True
) -> Iterator[Facts | str]:
    """Facts (or a failure message) per article of ``sources``, in input order, extracted on Dask."""
    client, cluster = _client(scheduler, workers)
    try:
        shards = [sources[i : i + shard] for i in range(0, len(sources), shard)]
        futures = client.map(extract_shard, shards, pure=False)
        with tqdm(total=len(sources), desc="extract (dask)", unit="source", disable=not progress) as bar:
            for future, part in zip(futures, shards, strict=True):
                results = future.result()
                bar.update(len(part))
                for kind, value in results:
                    yield Facts.model_validate_json(value) if kind == "facts" else value
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
