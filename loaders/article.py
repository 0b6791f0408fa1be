"""Assembles an ``Article`` from a cleaned text and whatever metadata a format had.

Every format ends here so that ids, titles, dates and languages follow one
rule set: the id hashes the URL when known (the same story fetched twice is
one article), else the file name and content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import PurePath

from hdkg.loaders.clean import Cleaned, clean_document
from hdkg.loaders.dates import date_from_url, iter_dates, nearest_year, year_from_url
from hdkg.loaders.failures import EmptyInput
from hdkg.loaders.language import declared_language, detect_language
from hdkg.models import Article

_TITLE_MAX = 200
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


def make_id(*, url: str | None, source: str, content: str) -> str:
    if url:
        key = url.strip()
    else:
        name = PurePath(source).name if "://" not in source else source
        key = f"{name}\n{content}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def title_from_text(text: str) -> str:
    """The first line of the story, cut to a sentence when it is a whole paragraph."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if len(first) <= _TITLE_MAX:
        return first
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0]
    if len(sentence) <= _TITLE_MAX:
        return sentence
    return first[:_TITLE_MAX].rsplit(" ", 1)[0] + "…"


def _first_date(
    texts: list[str], context: str, default_year: int | None, *, need_year: bool
) -> dt.date | None:
    for text in texts:
        for hit in iter_dates(text):
            if hit.date is not None:
                return hit.date
            if need_year:
                continue
            year = default_year if default_year is not None else nearest_year(context, 0)
            if year is not None:
                try:
                    return dt.date(year, hit.month, hit.day)
                except ValueError:
                    continue
    return None


def choose_date(cleaned: Cleaned, url: str | None, meta_date: dt.date | None = None) -> dt.date | None:
    """Metadata, then page-head date lines, the dateline, the URL, then a dated head line."""
    if meta_date is not None:
        return meta_date
    url_date = date_from_url(url)
    default_year = url_date.year if url_date else year_from_url(url)
    context = cleaned.text
    found = _first_date(cleaned.meta_lines, context, default_year, need_year=False)
    if found is None and cleaned.dateline_date:
        found = _first_date([cleaned.dateline_date], context, default_year, need_year=False)
    if found is None:
        found = url_date
    if found is None:
        found = _first_date(cleaned.head_lines, context, default_year, need_year=True)
    return found


def build_article(
    *,
    source: str,
    raw: str,
    cleaned: Cleaned | None = None,
    title: str | None = None,
    url: str | None = None,
    date: dt.date | None = None,
    publisher: str | None = None,
    lang: str | None = None,
    where: str | None = None,
) -> Article:
    """One ``Article``; raises ``EmptyInput`` when nothing of a story is left."""
    cleaned = cleaned if cleaned is not None else clean_document(raw)
    if not cleaned.text.strip():
        raise EmptyInput("no article text left after removing page furniture", where=where or source)
    url = url or cleaned.url
    text = cleaned.text
    return Article(
        id=make_id(url=url, source=source, content=text),
        source=source,
        url=url,
        title=(title or "").strip() or title_from_text(text),
        date=choose_date(cleaned, url, date),
        lang=declared_language(lang, where=where or source) or detect_language(text),
        publisher=publisher or cleaned.publisher,
        text=text,
        raw_chars=len(raw),
    )
