"""JSON Lines (one ``{url, title, date, text}`` per line) and ``.json`` files.

A broken line fails alone, named by file and line; the other lines load.
Field names vary between scrapers, so a few common synonyms are accepted.
A ``.jsonl`` file is streamed line by line (``iter_jsonl_file``) with the size
limit applied per record, so a corpus of any size loads in flat memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hdkg.errors import HdkgError, InputTooLarge
from hdkg.loaders.article import build_article
from hdkg.loaders.dates import find_date
from hdkg.loaders.encoding import decode_bytes
from hdkg.loaders.failures import ItemError, ParseError
from hdkg.loaders.html import html_to_text, looks_like_html
from hdkg.models import Article

_TEXT = ("text", "content", "body", "article", "full_text", "description", "summary")
_TITLE = ("title", "headline", "name")
_URL = ("url", "link", "href", "uri")
_DATE = ("date", "published", "published_at", "pubDate", "datetime", "created_at", "time")
_PUBLISHER = ("publisher", "site", "sitename", "source_name", "agency")


def _first(record: dict[str, Any], keys: tuple[str, ...], *, where: str) -> str | None:
    """The first non-empty string among ``keys``; a field of another JSON type is this record's error.

    Dropping a wrong-typed field silently would store an article without its title or date and
    nobody would learn why, so the record fails alone, naming the field."""
    for key in keys:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ParseError(f"field {key!r} must be a string, got {_json_type(value)}", where=where)
        if value.strip():
            return _unicode(value.strip(), key, where=where)
    return None


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _unicode(value: str, key: str, *, where: str) -> str:
    """``value`` unless it holds a lone surrogate (a JSON ``\\udXXX`` escape that is no character)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        raise ParseError(
            f"field {key!r} holds an unpaired surrogate U+{code:04X} at character {exc.start}: not Unicode text",
            where=where,
        ) from None
    return value


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
    text = _first(record, _TEXT, where=where)
    if text is None:
        raise ParseError(f"the record has no text field (one of {', '.join(_TEXT)})", where=where)
    if looks_like_html(text):
        text = html_to_text(text)
    return build_article(
        source=source,
        raw=text,
        title=_first(record, _TITLE, where=where),
        url=_first(record, _URL, where=where),
        date=_date(_first(record, _DATE, where=where)),
        publisher=_first(record, _PUBLISHER, where=where),
        lang=_first(record, ("lang", "language"), where=where),
        where=where,
    )


def unreadable_json(exc: ValueError | RecursionError) -> str:
    """Valid JSON that Python will not build: nesting past the recursion limit, huge integers."""
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply to read"
    return f"JSON value out of bounds: {str(exc).split(';')[0]}"


def _parse_line(line: str, *, source: str, number: int) -> Article | ItemError:
    where = f"{source}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ItemError(ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", where=where), number)
    except (ValueError, RecursionError) as exc:
        return ItemError(ParseError(unreadable_json(exc), where=where), number)
    try:
        return record_to_article(record, source=source, where=where)
    except HdkgError as exc:
        return ItemError(exc, number)


def parse_jsonl(text: str, *, source: str) -> Iterator[Article | ItemError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _parse_line(line, source=source, number=number)


def _read_line(fh: Any, limit: int | None) -> tuple[bytes, bool]:
    """The next line (b"" at the end) and whether it was over ``limit``; an oversized rest is skipped."""
    if limit is None:
        return fh.readline(), False
    line: bytes = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line.rstrip(b"\r\n")) > limit
    while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
        pass
    return line[:1], True


def iter_jsonl_file(path: Path, *, source: str, max_bytes: int | None) -> Iterator[Article | ItemError]:
    """One article per line, read as the consumer asks; a line over ``max_bytes`` fails alone.

    Lines are UTF-8 (a leading BOM is dropped); a line that is not falls back to the file decoder's
    legacy-encoding guess for that line alone."""
    with path.open("rb") as fh:
        number = 0
        while True:
            raw, too_big = _read_line(fh, max_bytes)
            if not raw:
                return
            number += 1
            where = f"{source}:{number}"
            if too_big:
                error = InputTooLarge(f"the record is over the limit of {max_bytes} bytes", where=where)
                yield ItemError(error, number)
                continue
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line = decode_bytes(raw, where=where)
                except HdkgError as exc:
                    yield ItemError(exc, number)
                    continue
            yield _parse_line(line, source=source, number=number)


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
    except (ValueError, RecursionError) as exc:
        yield ItemError(ParseError(unreadable_json(exc), where=source), None)
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        where = f"{source}[{index}]" if isinstance(data, list) else source
        try:
            yield record_to_article(record, source=source, where=where)
        except HdkgError as exc:
            yield ItemError(exc, None)
