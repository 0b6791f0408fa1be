"""Status from modality: an intent verb over the act makes it planned whatever its tense (own sentences)."""

from __future__ import annotations

import pytest

from hdkg.extraction import Extractor
from hdkg.loaders.article import build_article

UZ_MOH = "Министерство здравоохранения Республики Узбекистан"
KZ_MOH = "Министерство здравоохранения Республики Казахстан"
EN = "The Ministry of Health of Uzbekistan and the Ministry of Health of Kazakhstan"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("lang", "sentence", "status"),
    [
        (
            "ru",
            f"{UZ_MOH} и {KZ_MOH} условились подписать меморандум о сотрудничестве в области неврологии.",
            "planned",
        ),
        (
            "ru",
            f"{UZ_MOH} и {KZ_MOH} решили заключить соглашение о сотрудничестве в сфере трансплантологии.",
            "planned",
        ),
        (
            "ru",
            f"{UZ_MOH} и {KZ_MOH} подписали соглашение о сотрудничестве в сфере трансплантологии.",
            "signed",
        ),
        ("ru", f"{UZ_MOH} и {KZ_MOH} намерены подписать дорожную карту по педиатрии.", "planned"),
        ("en", f"{EN} decided to sign an agreement on cooperation in neurology.", "planned"),
        ("en", f"{EN} signed an agreement on cooperation in neurology.", "signed"),
        ("en", f"A memorandum between {EN[4:]} is being drafted.", "planned"),
    ],
)
def test_status_follows_modality(extractor: Extractor, lang: str, sentence: str, status: str) -> None:
    article = build_article(source=f"modality-{lang}.txt", raw=f"Новость\n\n{sentence}", lang=lang)
    facts = extractor.extract(article)
    statuses = {link.status for link in facts.links if link.kind == "agreement"}
    assert statuses == {status}, [(link.kind, link.status) for link in facts.links]
