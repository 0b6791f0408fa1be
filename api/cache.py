"""Read answers cached by graph version, with ETag / If-None-Match, as one ASGI middleware.

Every committed write changes the store's version token (``graph.version``), which lives in
the database, so every API process (and a CLI ingest beside them) agrees on it. A GET of a
read route reads the token (one primary-key lookup, ~0.2 ms on LadybugDB) and looks up
(token, path, sorted query, gzip) in a bounded LRU: a hit replays the stored bytes, and a
request whose If-None-Match names the current ETag gets a 304 without touching the route.
The token is read before the route runs, so an entry never holds data older than its token;
after a write the token differs and old entries are unreachable (and age out of the LRU).

After a write through this process (any 2xx POST), and when a request first sees a token
changed by someone else (a CLI ingest, another process), the common pages are warmed in the
background so that the next researcher's first click is a hit.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

CACHED_PATHS = frozenset({"/", "/view", "/network", "/cooperations", "/links", "/actors", "/countries",
                          "/specialties", "/areas"})  # fmt: skip
CACHED_PREFIXES = ("/links/", "/actors/")
WARM_PATHS = ("/", "/network", "/cooperations")
MAX_ENTRIES = 512
MAX_BYTES = 128 * 2**20
MAX_ENTRY_BYTES = 16 * 2**20
HEADERS = [(b"cache-control", b"no-cache")]  # may be stored, must be revalidated (cheap: 304)


@dataclass(frozen=True)
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class LRU:
    """Bounded by entries and by bytes; not thread-safe (the middleware runs on one event loop)."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._items: OrderedDict[tuple[str, ...], Entry] = OrderedDict()
        self.bytes = 0

    def get(self, key: tuple[str, ...]) -> Entry | None:
        entry = self._items.get(key)
        if entry is not None:
            self._items.move_to_end(key)
        return entry

    def put(self, key: tuple[str, ...], entry: Entry) -> None:
        old = self._items.pop(key, None)
        self.bytes -= len(old.body) if old else 0
        self._items[key] = entry
        self.bytes += len(entry.body)
        while self._items and (len(self._items) > self.max_entries or self.bytes > self.max_bytes):
            _, dropped = self._items.popitem(last=False)
            self.bytes -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._items)


def _header(scope: Scope, name: bytes) -> str:
    return next((v.decode("latin-1") for k, v in scope["headers"] if k == name), "")


def _cacheable(scope: Scope) -> bool:
    path: str = scope["path"]
    return scope["method"] == "GET" and (path in CACHED_PATHS or path.startswith(CACHED_PREFIXES))


def _query(scope: Scope) -> str:
    raw: bytes = scope.get("query_string", b"")
    return "&".join(sorted(raw.decode("latin-1").split("&"))) if raw else ""


def etag_for(version: str, path: str, query: str) -> str:
    digest = hashlib.blake2b(f"{version}\n{path}\n{query}".encode(), digest_size=12).hexdigest()
    return f'W/"{digest}"'


class ResultCache:
    """The middleware; ``app.state.store_provider`` gives it the store whose version it reads."""

    def __init__(self, app: ASGIApp, provider: Any, *, warm: bool = True) -> None:
        self.app, self.provider, self.warm = app, provider, warm
        self.lru = LRU()
        self._seen: str | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._inflight: dict[tuple[str, ...], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if not _cacheable(scope):
            return await self._pass(scope, receive, send)
        version = await self._version(scope)
        if version is None:
            return await self.app(scope, receive, send)
        query = _query(scope)
        tag = etag_for(version, scope["path"], query)
        if tag in {t.strip() for t in _header(scope, b"if-none-match").split(",")}:
            await send(
                {"type": "http.response.start", "status": 304, "headers": [(b"etag", tag.encode()), *HEADERS]}
            )
            return await send({"type": "http.response.body", "body": b""})
        key = (version, scope["path"], query, "gzip" if "gzip" in _header(scope, b"accept-encoding") else "")
        if key in self._inflight:  # single flight: the same answer is being computed (a warm-up, a peer)
            await self._inflight[key].wait()
        entry = self.lru.get(key)
        if entry is None:
            self._inflight[key] = done = asyncio.Event()
            try:
                return await self._fill(scope, receive, send, key, tag)
            finally:
                if self._inflight.get(key) is done:
                    del self._inflight[key]
                done.set()
        await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _version(self, scope: Scope) -> str | None:
        try:
            version: str | None = await run_in_threadpool(lambda: self.provider.get().graph_version())
        except Exception:  # the store is down: let the route answer (503 problem+json)
            log.debug("graph version unavailable; not caching", exc_info=True)
            return None
        if version is not None and self._seen is not None and version != self._seen:
            self._schedule_warm(scope)
        self._seen = version
        return version

    async def _fill(self, scope: Scope, receive: Receive, send: Send, key: tuple[str, ...], tag: str) -> None:
        start: Message = {}
        parts: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = dict(message)
                if start["status"] == 200:
                    start["headers"] = [*start.get("headers", []), (b"etag", tag.encode()), *HEADERS]
                message = start
            elif message["type"] == "http.response.body" and size <= MAX_ENTRY_BYTES:
                parts.append(message.get("body", b""))
                size += len(parts[-1])
                if not message.get("more_body") and start.get("status") == 200 and size <= MAX_ENTRY_BYTES:
                    self.lru.put(key, Entry(200, list(start["headers"]), b"".join(parts)))
            await send(message)

        await self.app(scope, receive, capture)

    async def _pass(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Non-cached routes; a successful POST (a write) warms the common pages afterwards."""
        status = 0

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        await self.app(scope, receive, watch)
        if scope["method"] == "POST" and 200 <= status < 300:
            self._schedule_warm(scope)

    def _schedule_warm(self, like: Scope) -> None:
        if not self.warm:
            return
        task = asyncio.get_running_loop().create_task(self._warm(like))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _warm(self, like: Scope) -> None:
        """GETs shaped like the request that noticed the write (same app, host, state), gzip accepted."""
        host = _header(like, b"host") or str(self.provider.settings.host)
        for path in WARM_PATHS:
            headers = [(b"host", host.encode("latin-1")), (b"accept-encoding", b"gzip")]
            scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                     "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
                     "query_string": b"", "headers": headers, "client": ("127.0.0.1", 0),
                     "server": ("127.0.0.1", 0), **{k: like[k] for k in ("app", "state", "root_path") if k in like}}  # fmt: skip
            try:
                await self(scope, _no_body, _discard)
            except Exception:  # warming is best effort: the real request will compute it
                log.warning("warming %s failed", path, exc_info=True)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _discard(message: Message) -> None:
    return None
