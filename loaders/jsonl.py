"""JSON Lines (one ``{url, title, date, text}`` per line) and ``.json`` files.

A broken line fails alone, named by file and line; the other lines load.
Field names vary between scrapers, so a few common synonyms are accepted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from hdkg.errors import HdkgError
from hdkg.models import Article
from loaders.article import build_article
from loaders.dates import find_date
from loaders.failures import ItemError, ParseError
from loaders.html import html_to_text, looks_like_html

_TEXT = ("text", "content", "body", "article", "full_text", "description", "summary")
_TITLE = ("title", "headline", "name")
_URL = ("url", "link", "href", "uri")
_DATE = ("date", "published", "published_at", "pubDate", "datetime", "created_at", "time")
_PUBLISHER = ("publisher", "site", "sitename", "source_name", "agency")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return find_date(value)


def record_to_article(record: Any, *, source: str, where: str) -> Article:
    if not isinstance(record, dict):
        raise ParseError(f"expected a JSON object, got {type(record).__name__}", where=where)
    text = _first(record, _TEXT)
    if text is None:
        raise ParseError(f"the record has no text field (one of {', '.join(_TEXT)})", where=where)
    if looks_like_html(text):
        text = html_to_text(text)
    lang = record.get("lang")
    return build_article(
        source=source,
        raw=text,
        title=_first(record, _TITLE),
        url=_first(record, _URL),
        date=_date(_first(record, _DATE)),
        publisher=_first(record, _PUBLISHER),
        lang=lang if isinstance(lang, str) and lang.strip() else None,
        where=where,
    )


def parse_jsonl(text: str, *, source: str) -> Iterator[Article | ItemError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ItemError(ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", where=where), number)
            continue
        try:
            yield record_to_article(record, source=source, where=where)
        except HdkgError as exc:
            yield ItemError(exc, number)


def parse_json(text: str, *, source: str) -> Iterator[Article | ItemError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if "\n{" in text.strip():
            yield from parse_jsonl(text, source=source)  # JSON Lines saved as .json
            return
        where = f"{source}:{exc.lineno}"
        yield ItemError(ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", where=where), exc.lineno)
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        where = f"{source}[{index}]" if isinstance(data, list) else source
        try:
            yield record_to_article(record, source=source, where=where)
        except HdkgError as exc:
            yield ItemError(exc, None)
