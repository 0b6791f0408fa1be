"""Reading request bodies within the size limit, and telling the media type.

The limit is checked twice: from Content-Length before reading (cheap
refusal of honest large uploads) and while streaming (a missing or lying
Content-Length, chunked uploads), so memory never holds more than the limit.
"""

from __future__ import annotations

from fastapi import Request

from hdkg.errors import InputTooLarge, LoaderError, UnsupportedMediaType

ARTICLE_TYPES = ("text/plain", "text/html", "application/xhtml+xml", "application/json")
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines", "application/jsonlines")
BATCH_TYPES = ("application/json", *JSONL_TYPES)


def media_type(request: Request, allowed: tuple[str, ...]) -> str:
    raw = request.headers.get("content-type", "")
    mt = raw.split(";", 1)[0].strip().lower()
    if not mt:
        raise UnsupportedMediaType(
            f"Missing Content-Type; send one of: {', '.join(allowed)}", where="header Content-Type"
        )
    if mt not in allowed:
        raise UnsupportedMediaType(
            f"Content-Type {mt!r} is not accepted here; send one of: {', '.join(allowed)}",
            where="header Content-Type",
        )
    return mt


def _too_large(limit: int) -> InputTooLarge:
    return InputTooLarge(
        f"The body exceeds the limit of {limit} bytes (HDKG_MAX_BODY_BYTES); split the batch or raise the limit.",
        where="body",
    )


async def read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise LoaderError(f"Invalid Content-Length {declared!r}", where="header Content-Length") from None
        if size > limit:
            raise _too_large(limit)
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise LoaderError("The body is empty", where="body")
    return data
