"""Property tests: arbitrary text and bytes never raise anything but HdkgError."""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hdkg.errors import HdkgError
from hdkg.loaders import clean_text, detect_language, find_date, parse_payload

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEDIA = st.sampled_from(
    [None, "text/plain", "text/html", "application/json", "application/x-ndjson", "application/rss+xml"]
)
#: Text that looks like news furniture, so the rules are exercised, not just skipped.
LINES = st.sampled_from(
    [
        "Подписаться",
        "USD: 12 020.90 +17.72",
        "Другие новости",
        "ТАШКЕНТ, 6 сен — Sputnik. Минздрав подписал меморандум.",
        "Источник: Sputnik.uz",
        "10 ноября 2025",
        "Визит президента Узбек…",
        "O‘zbekiston sog‘liqni saqlash vazirligi va JSST bilan hamkorlik",
        "The ministry signed a memorandum with WHO.",
        "",
        "URL: https://kabar.kg/news/1",
    ]
)
NEWSY = st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=12).map("\n".join)


@FAST
@given(st.binary(max_size=2000), MEDIA)
def test_parse_payload_bytes(data: bytes, media_type: str | None) -> None:
    with contextlib.suppress(HdkgError):
        parse_payload(data, source="prop", media_type=media_type)


@FAST
@given(NEWSY, MEDIA)
def test_parse_payload_text(text: str, media_type: str | None) -> None:
    with contextlib.suppress(HdkgError):
        parse_payload(text.encode("utf-8", "surrogatepass"), source="prop", media_type=media_type)


@FAST
@given(st.one_of(st.text(), NEWSY))
def test_clean_text_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@FAST
@given(st.one_of(st.text(), NEWSY), st.one_of(st.none(), st.integers(1, 9999)))
def test_find_date_total(text: str, default_year: int | None) -> None:
    found = find_date(text, default_year=default_year)
    assert found is None or isinstance(found, dt.date)


@FAST
@given(st.one_of(st.text(), NEWSY))
def test_detect_language_total(text: str) -> None:
    lang = detect_language(text)
    assert lang is None or (isinstance(lang, str) and 2 <= len(lang) <= 3)
