"""Language detection: ru / en / uz by cheap cues, others by code or None."""

from __future__ import annotations

import time

import pytest

from hdkg.loaders import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Минздрав Узбекистана подписал меморандум о сотрудничестве с ВОЗ.", "ru"),
        ("В Ташкенте обсудили перспективы открытия представительств клиник Medanta и Pratiksha.", "ru"),
        ("The Ministry of Health signed a memorandum of understanding with WHO.", "en"),
        ("USAID handed over equipment to the Tajik Ministry of Health and Social Protection.", "en"),
        ("O‘zbekiston Respublikasi Sog‘liqni saqlash vazirligi hamda Turkiya vazirligi.", "uz"),
        ("Hujjat videoaloqa orqali imzolandi va loyiha bilan tanishildi.", "uz"),
        ("Sog'liqni saqlash vazirligi xalqaro hamkorlik bo'yicha yig'ilish o'tkazdi.", "uz"),
        ("Қазақстан Республикасының Денсаулық сақтау министрлігі ынтымақтастық туралы.", "kk"),
        ("Die Gesundheitsministerin hat heute mit der WHO einen Vertrag unterzeichnet.", "de"),
        ("12345 !!! ---", None),
        ("", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_language_is_fast_on_common_languages() -> None:
    texts = ["Минздрав подписал меморандум. " * 100, "The ministry signed a deal. " * 100] * 250
    start = time.perf_counter()
    for text in texts:
        detect_language(text)
    assert time.perf_counter() - start < 2.0
