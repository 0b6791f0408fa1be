"""Boilerplate removal on the real corpus and on small tables of lines."""

from __future__ import annotations

import pytest

from hdkg.loaders import clean_text, iter_articles
from hdkg.models import Article
from tests.shared import CORPUS, require


def _read(name: str) -> str:
    return require(CORPUS / name).read_text(encoding="utf-8")


def _article(name: str) -> Article:
    [item] = list(iter_articles([str(require(CORPUS / name))]))
    assert isinstance(item, Article), item
    return item


def test_seed_001_ticker_and_sidebar_gone_story_kept() -> None:
    text = clean_text(_read("seeds/001_68fa42dd9e32e7a7.txt"))
    for furniture in ("Курс валют", "USD:", "Обновлено (ЦБ)", "Последние новости", "Новости Узбекистана"):
        assert furniture not in text
    assert "взяточничество" not in text  # the sidebar's other stories
    assert "Дни казахстанской медицины" in text
    assert text.rstrip().endswith("инновационных технологий.")
    assert text.count("В Узбекистане стартовали Дни казахстанской медицины") == 1


def test_seed_002_duplicate_lead_once() -> None:
    text = clean_text(_read("seeds/002_97585f0b97fc3035.txt"))
    assert text.count("Делегация Ташобласти приняла участие в VI международном съезде") == 1
    assert text.count("Принятые документы предусматривают обмен опытом") == 1
    assert text.count("Столичные области РФ и РУз") == 1
    assert "Максим Забелин подписали ряд меморандумов" in text
    assert "date 2025-09-06" not in text


def test_seed_003_breadcrumb_caption_other_news_gone() -> None:
    text = clean_text(_read("seeds/003_45bedef0373f2d6f.txt"))
    assert "ГлавнаяОбщество" not in text
    assert "Изрображение" not in text
    assert "Другие новости" not in text
    assert "«AP-HP» (Франция)" in text


def test_seed_000_source_line_and_dateline() -> None:
    article = _article("seeds/000_6ba4ea918533e454.txt")
    assert "Источник: Sputnik.uz" not in article.text
    assert "— Sputnik." not in article.text
    assert "В Ташкенте обсудили перспективы открытия представительств" in article.text
    assert article.publisher == "Sputnik"
    assert article.title.startswith("Частные клиники Новосибирска")


@pytest.mark.parametrize(
    ("name", "gone", "kept", "publisher"),
    [
        ("dev/d01.txt", ["URL:", "Фото: shutterstock", "Источник снимка"], ["дорожную карту"], None),
        ("dev/d02.txt", ["Комментарии", "Написать комментарий", "/Кабар/"], ["Саудовской Аравии"], "Кабар"),
        (
            "dev/d03.txt",
            ["© Пресс-служба", "Подписаться", "Визит президента Узбек…", "Sputnik Узбекистан"],
            ["Medanta"],
            "Sputnik",
        ),
        ("dev/d09.txt", ["Подписка", "Больничная палата - Sputnik"], ["Хатлонской области"], "Sputnik"),
        ("dev/d11.txt", ["CNY/KZT", "0.0"], ["Роспотребнадзор"], None),
        (
            "dev/d14.txt",
            ["Did you like", "Related reading", "CIPFA latest"],
            ["Asian Development Bank"],
            None,
        ),
        ("dev/d16.txt", ["Exchange rates", "12482.38", "telegram", "02/02/2020"], ["Assuta"], "UzDaily"),
        ("dev/d17.txt", ["By Trend"], ["Agamyradov"], "Trend"),
        ("dev/d18.txt", ["KAZINFORM Five"], ["Seoul clinics"], "Kazinform"),
        (
            "dev/d19.txt",
            ["EUR 10772", "Surat:", "Foto manbasi", "Fikr bildirish", "Shavkat Umrzoqov"],
            ["Nukusda"],
            None,
        ),
        ("dev/d20.txt", ["8331", "O‘qish vaqti", "Surat:", "Jamiyat |"], ["TIKA"], None),
    ],
)
def test_dev_furniture(name: str, gone: list[str], kept: list[str], publisher: str | None) -> None:
    article = _article(name)
    for piece in gone:
        assert piece not in article.text, piece
    for piece in kept:
        assert piece in article.text, piece
    assert article.publisher == publisher
    assert article.url and article.url.startswith("http")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Заголовок\nUSD: 12 020.90 +17.72\nТекст статьи.", "Заголовок\nТекст статьи."),
        ("Подписаться\nТекст.", "Текст."),
        ("Home > News\nStory text here.", "Story text here."),
        ("Story line one.\n\n\n\nStory line two.", "Story line one.\n\nStory line two."),
        ("Текст   с\u00a0пробелами\u200b.", "Текст с пробелами."),
        ("A\r\nB\rC", "A\nB\nC"),
    ],
)
def test_clean_text_table(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_other_news_before_story_does_not_cut_it() -> None:
    raw = "Другие новости\nМинздрав подписал меморандум с ВОЗ о сотрудничестве в онкологии и педиатрии."
    assert "меморандум" in clean_text(raw)


def test_short_teasers_at_end_removed_long_truncated_paragraph_kept() -> None:
    long = "Стороны подробно обсудили последующие шаги по сотрудничеству в области детской онкологии и " * 2
    raw = f"Заголовок\n{long}конкретные…\nВизит президента Узбек…"
    text = clean_text(raw)
    assert "Визит президента" not in text
    assert text.endswith("конкретные…")


@pytest.mark.parametrize("name", sorted(p.name for p in (CORPUS / "dev").glob("*.txt")))
def test_clean_is_idempotent_on_corpus(name: str) -> None:
    once = clean_text(_read(f"dev/{name}"))
    assert clean_text(once) == once
