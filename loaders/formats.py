"""Which reader handles an input, from its media type, file extension or first bytes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import urlsplit

from hdkg.errors import InputTooLarge, LoaderError, UnsupportedMediaType
from hdkg.loaders.encoding import decode_bytes
from hdkg.loaders.failures import ItemError
from hdkg.loaders.feeds import parse_feed
from hdkg.loaders.html import parse_html
from hdkg.loaders.jsonl import parse_json, parse_jsonl
from hdkg.loaders.txt import parse_text
from hdkg.models import Article

Format = Literal["txt", "html", "json", "jsonl", "feed"]

MEDIA_TYPES: dict[str, Format] = {
    "text/plain": "txt",
    "text/markdown": "txt",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
    "application/jsonlines": "jsonl",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
}
EXTENSIONS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype html|html|head|body)[\s>]", re.IGNORECASE)


def format_for_media_type(media_type: str) -> Format:
    base = media_type.split(";", 1)[0].strip().lower()
    if base in MEDIA_TYPES:
        return MEDIA_TYPES[base]
    raise UnsupportedMediaType(f"unsupported media type {media_type!r}", where="Content-Type")


def format_for_name(name: str) -> Format | None:
    path = urlsplit(name).path if "://" in name else name
    return EXTENSIONS.get(PurePosixPath(path.replace("\\", "/")).suffix.lower())


def sniff(data: bytes) -> Format:
    """The format of unnamed bytes, from how they start."""
    head = data[:2048].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        first_line = head.split("\n", 1)[0].strip()
        return (
            "jsonl" if first_line.startswith("{") and first_line.endswith("}") and "\n{" in head else "json"
        )
    if _FEED_ROOT.search(head) and not _HTML_ROOT.search(head):
        return "feed"
    if _HTML_ROOT.search(head):
        return "html"
    return "txt"


def check_size(size: int, max_bytes: int | None, *, where: str) -> None:
    if max_bytes is not None and size > max_bytes:
        raise InputTooLarge(f"input is {size} bytes, over the limit of {max_bytes} bytes", where=where)


def parse_document(
    data: bytes, *, source: str, fmt: Format | None = None, url: str | None = None
) -> Iterator[Article | ItemError]:
    """Articles (and per-item errors) in ``data``; raises ``LoaderError`` if the whole input is bad."""
    fmt = fmt or sniff(data)
    if fmt == "feed":
        if not data.strip():
            raise LoaderError("the feed is empty", where=source)
        yield from parse_feed(data, source=source)
        return
    text = decode_bytes(data, where=source)
    if fmt == "txt" and sniff(data) == "html":
        fmt = "html"
    if fmt == "html":
        yield parse_html(text, source=source, url=url)
    elif fmt == "jsonl":
        yield from parse_jsonl(text, source=source)
    elif fmt == "json":
        yield from parse_json(text, source=source)
    else:
        yield parse_text(text, source=source, url=url)
