"""Fetching an article or feed over http(s), with a timeout and a size cap.

Streams the body and stops at ``max_bytes`` so a huge or endless response
cannot exhaust memory; every network problem becomes a ``FetchError`` that
names the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from hdkg.errors import InputTooLarge
from hdkg.loaders.failures import FetchError

TIMEOUT_S = 20.0
USER_AGENT = "hdkg/0.1 (+health-diplomacy knowledge graph)"


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    media_type: str | None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, *, max_bytes: int | None, timeout: float = TIMEOUT_S) -> Fetched:
    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}", where=url)
            declared = response.headers.get("content-length", "")
            if max_bytes is not None and declared.isdigit() and int(declared) > max_bytes:
                raise InputTooLarge(f"response is {declared} bytes, over the limit of {max_bytes}", where=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if max_bytes is not None and size > max_bytes:
                    raise InputTooLarge(f"response exceeds the limit of {max_bytes} bytes", where=url)
                chunks.append(chunk)
            return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type"))
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out after {timeout:g} s", where=url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}", where=url) from exc
