"""The API's entry point: one request body in, its articles out, or one clear error."""

from __future__ import annotations

from hdkg.errors import LoaderError
from hdkg.loaders.failures import ItemError
from hdkg.loaders.formats import Format, check_size, format_for_media_type, format_for_name, parse_document
from hdkg.loaders.sources import DEFAULT_MAX_BYTES
from hdkg.models import Article


def parse_payload(
    data: bytes,
    *,
    source: str,
    media_type: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> list[Article]:
    """All articles in ``data``; all or nothing, so a bad line rejects the request.

    Raises ``UnsupportedMediaType`` for a media type hdkg does not read,
    ``InputTooLarge`` over ``max_bytes``, and ``LoaderError`` (``where`` =
    source and line) for malformed content.
    """
    check_size(len(data), max_bytes, where=source)
    fmt: Format | None = format_for_media_type(media_type) if media_type else format_for_name(source)
    articles: list[Article] = []
    for item in parse_document(data, source=source, fmt=fmt):
        if isinstance(item, ItemError):
            error = item.error
            if isinstance(error, LoaderError):
                raise error
            raise LoaderError(error.message, where=error.where or source) from error
        articles.append(item)
    return articles
