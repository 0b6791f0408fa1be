"""RSS and Atom feeds: each entry is one article.

feedparser is lenient (it "parses" almost anything); a document with no
feed version and no entries is reported as not a feed rather than yielding
nothing silently.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from hdkg.errors import HdkgError
from hdkg.loaders.article import build_article
from hdkg.loaders.failures import ItemError, ParseError
from hdkg.loaders.html import html_to_text
from hdkg.models import Article


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") if hasattr(content, "get") else None
        if isinstance(value, str) and value.strip():
            return html_to_text(value)
    summary = entry.get("summary") or entry.get("description") or ""
    return html_to_text(summary) if isinstance(summary, str) else ""


def parse_feed(data: bytes, *, source: str) -> Iterator[Article | ItemError]:
    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries") or [])
    if not entries:
        if not parsed.get("version") or parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            detail = f": {reason}" if reason else ""
            raise ParseError(f"not a valid RSS/Atom feed{detail}", where=source)
        return
    publisher = (parsed.get("feed") or {}).get("title") or None
    for index, entry in enumerate(entries):
        where = f"{source}#entry{index + 1}"
        title = entry.get("title") or ""
        text = _entry_text(entry).strip() or html_to_text(title)
        try:
            yield build_article(
                source=source,
                raw=text,
                title=html_to_text(title).strip() or None,
                url=entry.get("link") or None,
                date=_entry_date(entry),
                publisher=publisher if isinstance(publisher, str) else None,
                where=where,
            )
        except HdkgError as exc:
            yield ItemError(exc, None)
