"""The version cache: answers never outlive a write, 304 on a matching ETag, two apps agree."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hdkg.api.cache import LRU, WARM_PATHS, Entry, ResultCache
from hdkg.graph.base import GraphStore
from tests.test_api_support import STORE_KINDS, client_for, facts, settings_for, store_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ALL = {"total": "1"}


def _total(c: TestClient) -> tuple[int, str]:
    r = c.get("/links", params=ALL)
    assert r.status_code == 200, r.text
    return int(r.json()["total"]), r.headers["etag"]


@pytest.mark.parametrize("kind", STORE_KINDS)
def test_cached_answers_never_outlive_a_write_and_two_apps_agree(
    request: pytest.FixtureRequest, tmp_path: Path, kind: str
) -> None:
    store = store_of(request, kind)
    first, second, third = facts()
    store.write_many([first, second])
    settings = settings_for(tmp_path)
    for a in client_for(settings, store):
        for b in client_for(settings, store):  # a second app: its own cache, the same database
            before, tag = _total(a)
            assert _total(a) == (before, tag), "an unchanged graph answers with the same ETag"
            assert _total(b) == (before, tag), "both apps read the version from the store"
            r = a.get("/links", params=ALL, headers={"If-None-Match": tag})
            assert (r.status_code, r.content, r.headers["etag"]) == (304, b"", tag)

            store.write_facts(third)  # a write neither app made (a CLI ingest, another process)
            after, new_tag = _total(b)
            assert after > before and new_tag != tag
            assert _total(a) == (after, new_tag)
            stale = a.get("/links", params=ALL, headers={"If-None-Match": tag})
            assert stale.status_code == 200 and stale.json()["total"] == after

            store.clear()
            assert _total(a)[0] == 0 and _total(b)[0] == 0
            assert _total(a)[1] not in (tag, new_tag)


@pytest.mark.parametrize("kind", STORE_KINDS)
def test_queries_differing_only_in_order_share_an_entry_and_others_do_not(
    request: pytest.FixtureRequest, tmp_path: Path, kind: str
) -> None:
    store = store_of(request, kind)
    store.write_many(facts())
    for c in client_for(settings_for(tmp_path), store):
        one = c.get("/links?limit=2&offset=1")
        two = c.get("/links?offset=1&limit=2")
        other = c.get("/links?limit=1")
        assert one.headers["etag"] == two.headers["etag"] != other.headers["etag"]
        assert one.json() == two.json() != other.json()
        assert "etag" not in c.get("/health").headers, "liveness is never cached"


def test_lru_is_bounded_by_entries_and_bytes() -> None:
    lru = LRU(max_entries=2, max_bytes=10)
    for k, size in (("a", 4), ("b", 4), ("c", 4)):
        lru.put((k,), Entry(200, [], b"x" * size))
    assert (lru.get(("a",)), len(lru), lru.bytes) == (None, 2, 8)
    assert lru.get(("b",)) is not None  # b is now the most recent: c goes first
    lru.put(("d",), Entry(200, [], b"x" * 2))  # 10 bytes fit, 3 entries do not: the least recent (c) goes
    assert (lru.get(("c",)), lru.get(("b",)) is not None, lru.bytes) == (None, True, 6)
    lru.put(("e",), Entry(200, [], b"x" * 9))  # over the byte bound: b and d go
    assert (len(lru), lru.bytes) == (1, 9)


def _cache_of(c: TestClient) -> ResultCache:
    layer = c.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, ResultCache):
        layer = layer.app
    return layer


def test_a_new_version_warms_the_common_pages(tmp_path: Path, ladybug_store: GraphStore) -> None:
    store = ladybug_store
    first, second, third = facts()
    store.write_many([first, second])
    for c in client_for(settings_for(tmp_path), store):
        c.get("/links")  # the first version this app sees: nothing to warm yet
        cache = _cache_of(c)
        store.write_facts(third)  # written elsewhere
        c.get("/links")
        version = store.graph_version()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            warmed = {k[1] for k in list(cache.lru._items) if k[0] == version}
            if set(WARM_PATHS) <= warmed:
                break
            time.sleep(0.1)
        assert set(WARM_PATHS) <= warmed, warmed
