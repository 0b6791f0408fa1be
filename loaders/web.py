"""Fetching an article or feed over http(s): checked hops, a total deadline and a size cap.

Redirects are followed here, one hop at a time, so that every hop's address
is checked (``netguard``) and connected to as checked; the whole fetch, all
hops and the body included, has one deadline (a server that drips a byte a
second cannot hold it past that), and the body stops at ``max_bytes`` so a
huge or endless response cannot exhaust memory. Every problem becomes a
``FetchError`` (or ``InputTooLarge``) that names the URL.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from hdkg.errors import InputTooLarge
from hdkg.loaders.failures import FetchError
from hdkg.loaders.netguard import Target, resolve

TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "hdkg/0.1 (+health-diplomacy knowledge graph)"
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    media_type: str | None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _policy(allow_private: bool | None, deadline: float | None) -> tuple[bool, float]:
    if allow_private is not None and deadline is not None:
        return allow_private, deadline
    from hdkg.settings import get_settings

    settings = get_settings()
    return (
        settings.fetch_allow_private if allow_private is None else allow_private,
        settings.fetch_deadline_s if deadline is None else deadline,
    )


def _pinned(target: Target) -> str:
    """The hop's URL with its host replaced by the checked address (Host and SNI keep the name)."""
    parts = urlsplit(target.url)
    ip = f"[{target.address}]" if target.address.version == 6 else str(target.address)
    return urlunsplit((target.scheme, f"{ip}:{target.port}", parts.path or "/", parts.query, ""))


def _read_body(response: httpx.Response, url: str, max_bytes: int | None, ends: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if max_bytes is not None and declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"response is {declared} bytes, over the limit of {max_bytes}", where=url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            raise InputTooLarge(f"response exceeds the limit of {max_bytes} bytes", where=url)
        if time.monotonic() > ends:
            raise httpx.ReadTimeout("deadline")
        chunks.append(chunk)
    return b"".join(chunks)


def _hop(client: httpx.Client, target: Target, max_bytes: int | None, ends: float) -> Fetched | str:
    """One request: the fetched document, or the next URL when the answer is a redirect."""
    host = target.host if target.port in (80, 443) else f"{target.host}:{target.port}"
    remaining = max(0.1, ends - time.monotonic())
    request = client.build_request(
        "GET",
        _pinned(target),
        headers={"Host": host, "User-Agent": USER_AGENT},
        timeout=min(TIMEOUT_S, remaining),
        extensions={"sni_hostname": target.host},
    )
    response = client.send(request, stream=True)
    try:
        if response.status_code in _REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {response.status_code} without a Location", where=target.url)
            return str(urljoin(target.url, location))
        if response.status_code >= 400:
            raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}", where=target.url)
        data = _read_body(response, target.url, max_bytes, ends)
        return Fetched(target.url, data, response.headers.get("content-type"))
    finally:
        response.close()


def fetch(
    url: str,
    *,
    max_bytes: int | None,
    timeout: float | None = None,
    allow_private: bool | None = None,
) -> Fetched:
    """GET ``url`` within ``timeout`` seconds in all (default ``HDKG_FETCH_DEADLINE_S``)."""
    allow, deadline = _policy(allow_private, timeout)
    ends = time.monotonic() + deadline
    current = url
    with httpx.Client(follow_redirects=False, trust_env=False) as client:
        watchdog = threading.Timer(deadline + 1.0, client.close)  # a read blocked past the deadline
        watchdog.daemon = True
        watchdog.start()
        try:
            for _ in range(MAX_REDIRECTS + 1):
                got = _hop(client, resolve(current, allow_private=allow), max_bytes, ends)
                if isinstance(got, Fetched):
                    return got
                current = got
            raise FetchError(f"more than {MAX_REDIRECTS} redirects (last to {current})", where=url)
        except httpx.TimeoutException as exc:
            raise FetchError(f"not fetched within the deadline of {deadline:g} s", where=url) from exc
        except (httpx.HTTPError, RuntimeError) as exc:
            if time.monotonic() >= ends:
                raise FetchError(f"not fetched within the deadline of {deadline:g} s", where=url) from exc
            raise FetchError(f"{type(exc).__name__}: {exc}", where=current) from exc
        finally:
            watchdog.cancel()
