"""Dates in the forms news pages use, in Russian, English and Uzbek.

``find_date`` returns the first date written in a text; a day and month
without a year take ``default_year`` or else the year written nearest to
them, and stay ``None`` when the text names no year at all (a guessed year
is worse than none). Currency-ticker lines ("Обновлено (ЦБ) 11.12.2025") are
skipped: their date is the page's render time, not the story's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from hdkg.loaders.lexicon import boilerplate, month_names

_YEAR4 = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class DateHit:
    """A date found at ``start:end``; ``year_given`` tells whether the text wrote the year."""

    date: dt.date | None
    start: int
    end: int
    day: int
    month: int
    year_given: bool


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    words = sorted(month_names(), key=len, reverse=True)
    mon = "(?P<mon>" + "|".join(re.escape(w) for w in words) + r")\.?(?![\w])"
    two_digit_end = r"(?=\s*(?:$|[\n.,;:|/)\]—–-]))"
    year_tail = rf"(?:,?\s+(?P<y>{_YEAR4}|\d{{2}}{two_digit_end})(?!\d)(?:\s*(?:г\.|года|год|yil))?)?"
    flags = re.IGNORECASE | re.MULTILINE
    return tuple(
        re.compile(p, flags)
        for p in (
            rf"(?<![\d.])(?P<y>{_YEAR4})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d])",
            rf"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{_YEAR4}|\d{{2}})(?!\d)(?!\.\d)",
            rf"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>\d{{1,2}})/(?P<y>{_YEAR4})(?![\d/])",
            rf"(?<![\d\w])(?P<y>{_YEAR4})-yil(?:ning|da|dan)?\s+(?P<d>[0-3]?\d)-{mon}",
            rf"(?<![\d\w])(?P<d>[0-3]?\d)(?:\s*-\s*|\s+){mon}{year_tail}",
            rf"(?<![\w]){mon}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR4})(?!\d)",
        )
    )


def _full_year(text: str) -> int | None:
    value = int(text)
    if len(text) == 4:
        year = value
    else:
        this = dt.date.today().year
        year = 2000 + value if 2000 + value <= this + 1 else 1900 + value
    return year if 1900 <= year <= dt.date.today().year + 1 else None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _hit(match: re.Match[str]) -> DateHit | None:
    groups = match.groupdict()
    day = int(groups["d"])
    if groups.get("mon"):
        month = month_names()[groups["mon"].lower()]
    else:
        month = int(groups["m"])
        if month > 12 and day <= 12 and "/" in match.group(0):
            day, month = month, day  # an American month/day/year
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year_text = groups.get("y")
    if year_text:
        year = _full_year(year_text)
        if year is None:
            return None
        date = _make(year, month, day)
        return None if date is None else DateHit(date, match.start(), match.end(), day, month, True)
    return DateHit(None, match.start(), match.end(), day, month, False)


def without_tickers(text: str) -> str:
    """The text with currency-ticker lines blanked (same length, so positions hold)."""
    tickers = boilerplate().ticker_lines
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if body and any(p.fullmatch(body) for p in tickers):
            out.append(" " * len(line.rstrip("\r\n")) + line[len(line.rstrip("\r\n")) :])
        else:
            out.append(line)
    return "".join(out)


def iter_dates(text: str) -> list[DateHit]:
    """Every date expression in ``text`` (ticker lines skipped), in text order."""
    text = without_tickers(text)
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            hit = _hit(match)
            if hit is not None:
                hits.append(hit)
                taken.append((match.start(), match.end()))
    return sorted(hits, key=lambda h: h.start)


_YEAR_RE = re.compile(rf"(?<![\d.,/:])({_YEAR4})(?![\d]|[.,]\d)")


def nearest_year(text: str, pos: int) -> int | None:
    """The plausible four-digit year written closest to ``pos``."""
    best: tuple[int, int] | None = None
    limit = dt.date.today().year + 1
    for match in _YEAR_RE.finditer(text):
        year = int(match.group(1))
        if year > limit:
            continue
        distance = abs(match.start() - pos)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def resolve(hit: DateHit, text: str, default_year: int | None) -> dt.date | None:
    """A hit's date, completing a missing year from ``default_year`` or the text."""
    if hit.date is not None:
        return hit.date
    year = default_year if default_year is not None else nearest_year(text, hit.start)
    return None if year is None else _make(year, hit.month, hit.day)


def find_date(text: str, *, default_year: int | None = None) -> dt.date | None:
    """The first date written in ``text``, or ``None``."""
    clean = without_tickers(text)
    for hit in iter_dates(clean):
        date = resolve(hit, clean, default_year)
        if date is not None:
            return date
    return None


_URL_DATES = (
    re.compile(rf"(?<!\d)(?P<y>{_YEAR4})[/_-](?P<m>[01]\d)[/_-](?P<d>[0-3]\d)(?!\d)"),
    re.compile(rf"/(?P<y>{_YEAR4})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_-]|$)"),
)


def date_from_url(url: str | None) -> dt.date | None:
    """The date many news sites put in their article paths (/2021/05/28/, /20181003/)."""
    if not url:
        return None
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            year = _full_year(match.group("y"))
            if year is not None:
                date = _make(year, int(match.group("m")), int(match.group("d")))
                if date is not None:
                    return date
    return None


def year_from_url(url: str | None) -> int | None:
    if not url:
        return None
    match = re.search(rf"/({_YEAR4})/", url)
    return _full_year(match.group(1)) if match else None
