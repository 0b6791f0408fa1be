"""Dates in the written forms of ru/en/uz news, and the article-date rules."""

from __future__ import annotations

import datetime as dt

import pytest

from hdkg.loaders import find_date, iter_articles
from hdkg.loaders.dates import date_from_url
from hdkg.models import Article
from tests.shared import CORPUS, require

D = dt.date


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("10 ноября", 2025, D(2025, 11, 10)),
        ("10 ноября", None, None),
        ("ТАШКЕНТ, 10 ноября — Sputnik. Выставка UzMedExpo-2025 открылась.", None, D(2025, 11, 10)),
        ("6 сен", 2025, D(2025, 9, 6)),
        ("2025-10-10", None, D(2025, 10, 10)),
        ("2025-10-10 10:10:00 / Новости", None, D(2025, 10, 10)),
        ("11.12.2025", None, D(2025, 12, 11)),
        ("Бишкек, 13.07.21. /Кабар/.", None, D(2021, 7, 13)),
        ("22 July 2019", None, D(2019, 7, 22)),
        ("April 27, 2021", None, D(2021, 4, 27)),
        ("29 Nov 17", None, D(2017, 11, 29)),
        ("20 декабря 2021 г.", None, D(2021, 12, 20)),
        ("28-may", 2021, D(2021, 5, 28)),
        ("2021-yil 28-may kuni", None, D(2021, 5, 28)),
        ("iyul", 2021, None),
        ("02/02/2020", None, D(2020, 2, 2)),
        ("12/25/2020", None, D(2020, 12, 25)),
        ("Обновлено (ЦБ) 11.12.2025", None, None),
        ("Exchange rates as of 29/08/2025\nUzbekistan 02/02/2020 news", None, D(2020, 2, 2)),
        ("5 марок и 30 февраля", 2020, None),
        ("6 сентября 15 человек", None, None),
        ("version 1.5.0", None, None),
        ("", None, None),
    ],
)
def test_find_date(text: str, default_year: int | None, expected: dt.date | None) -> None:
    assert find_date(text, default_year=default_year) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://daryo.uz/2021/05/28/nukusda-shifoxona", D(2021, 5, 28)),
        ("https://uz.sputniknews.ru/20181003/V-Uzbekistane-9597876.html", D(2018, 10, 3)),
        ("https://kabar.kg/news/saudovskaia-araviia", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: dt.date | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("seeds/000_6ba4ea918533e454.txt", D(2025, 11, 10)),  # dateline, year from the text
        ("seeds/001_68fa42dd9e32e7a7.txt", None),  # only a ticker date
        ("seeds/002_97585f0b97fc3035.txt", D(2025, 9, 6)),  # "date 2025-09-06" head line
        ("seeds/004_bda525bc61cfd83d.txt", D(2025, 10, 10)),
        ("dev/d02.txt", D(2021, 7, 13)),
        ("dev/d03.txt", D(2018, 10, 3)),  # "3 окт" + year from the URL
        ("dev/d10.txt", None),  # a date inside the story is not the article's
        ("dev/d13.txt", D(2020, 12, 6)),
        ("dev/d14.txt", D(2017, 11, 29)),
        ("dev/d15.txt", D(2021, 4, 27)),
        ("dev/d16.txt", D(2020, 2, 2)),  # not the exchange-rate date above it
        ("dev/d19.txt", D(2021, 5, 28)),
        ("dev/d20.txt", D(2017, 7, 8)),
    ],
)
def test_article_date_on_corpus(name: str, expected: dt.date | None) -> None:
    path = require(CORPUS / name)
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article), article
    assert article.date == expected
