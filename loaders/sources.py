"""Turns the user's list of files, folders and URLs into a stream of articles.

A generator end to end: folders are walked lazily (sorted, hidden entries
skipped) and each file is read, parsed and released before the next, so
memory stays flat over 100k files. Every failure becomes a ``LoadFailure``
in place of the article; nothing stops the batch.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from hdkg.errors import HdkgError
from hdkg.loaders.failures import ItemError, LoadFailure, SourceNotFound
from hdkg.loaders.formats import Format, check_size, format_for_media_type, format_for_name, parse_document
from hdkg.loaders.jsonl import iter_jsonl_file
from hdkg.loaders.web import fetch, is_url
from hdkg.models import Article

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20_000_000


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, depth first, names sorted, hidden files and folders skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        log.warning("cannot list %s: %s", folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=True):
            yield from walk(path)
        elif entry.is_file(follow_symlinks=True):
            yield path


def _emit(items: Iterable[Article | ItemError], source: str) -> Iterator[Article | LoadFailure]:
    for item in items:
        if isinstance(item, ItemError):
            yield LoadFailure.from_error(item.error, source=source, line=item.line)
        else:
            yield item


def _guarded(source: str, produce: Iterator[Article | LoadFailure]) -> Iterator[Article | LoadFailure]:
    try:
        yield from produce
    except HdkgError as exc:
        yield LoadFailure.from_error(exc, source=source)
    except Exception as exc:  # a bug or a library failure must not end the batch
        log.exception("unexpected error while loading %s", source)
        yield LoadFailure(source=source, line=None, error=f"{type(exc).__name__}: {exc}", kind="internal")


def _load_file(path: Path, source: str, max_bytes: int | None) -> Iterator[Article | LoadFailure]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceNotFound(f"cannot read: {exc.strerror or exc}", where=source) from exc
    fmt = format_for_name(source)
    if fmt == "jsonl" and size > 0 and _plain_bytes(path):  # streamed; the limit applies per record
        yield from _emit(iter_jsonl_file(path, source=source, max_bytes=max_bytes), source)
        return
    check_size(size, max_bytes, where=source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceNotFound(f"cannot read: {exc.strerror or exc}", where=source) from exc
    yield from _emit(parse_document(data, source=source, fmt=fmt), source)


def _plain_bytes(path: Path) -> bool:
    """True unless the file starts like UTF-16/32 (a BOM or NUL bytes), which only the whole-file decoder reads."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False  # the whole-file path reports the error
    return b"\x00" not in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def _load_url(url: str, max_bytes: int | None) -> Iterator[Article | LoadFailure]:
    fetched = fetch(url, max_bytes=max_bytes)
    fmt: Format | None = format_for_name(fetched.url)
    if fetched.media_type:
        try:
            fmt = format_for_media_type(fetched.media_type)
        except HdkgError:
            log.debug("%s: unknown content type %s, sniffing", url, fetched.media_type)
    yield from _emit(parse_document(fetched.data, source=url, fmt=fmt, url=fetched.url), url)


def _load_path(source: str, max_bytes: int | None) -> Iterator[Article | LoadFailure]:
    path = Path(source)
    if path.is_dir():
        for member in walk(path):
            name = str(member)
            yield from _guarded(name, _load_file(member, name, max_bytes))
        return
    if not path.exists():
        raise SourceNotFound("no such file or folder", where=source)
    yield from _load_file(path, source, max_bytes)


def iter_articles(
    sources: Iterable[str], *, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[Article | LoadFailure]:
    """Articles from files, folders and http(s) URLs, in input order; failures in place."""
    for source in sources:
        if is_url(source):
            yield from _guarded(source, _load_url(source, max_bytes))
        else:
            yield from _guarded(source, _load_path(source, max_bytes))
