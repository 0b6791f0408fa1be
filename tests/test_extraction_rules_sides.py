"""Rule tables for sides, places and names: sentence -> parties and pairs.

Sentences are written for these tests (general cases, not copies of the
corpus); each row names the phenomenon it covers.
"""

from __future__ import annotations

import pytest

from hdkg.models import Actor, Facts
from tests.extraction_support import P, pairs, run

# (text, lang, pairs that must be present, pairs that must be absent, ids that must be absent)
SIDES = [
    # co-recipients after one verb are one side; no pair between them
    (
        "Китай безвозмездно передал Таджикистану и Кыргызстану партию аппаратов ИВЛ.",
        "ru",
        {P("country_cn", "country_tj"), P("country_cn", "country_kg")},
        {P("country_tj", "country_kg")},
        set(),
    ),
    (
        "Европейский союз поставит Туркменистану, Казахстану и Узбекистану тест-системы.",
        "ru",
        {P("eu", "country_tm"), P("eu", "country_uz")},
        {P("country_tm", "country_kz"), P("country_kz", "country_uz")},
        set(),
    ),
    # "между X и Y": both are parties, on two sides
    (
        "Соглашение между Казахстаном и Турцией о сотрудничестве в области медицины подписано в Анкаре.",
        "ru",
        {P("country_kz", "country_tr")},
        set(),
        set(),
    ),
    # coordinated subjects of a symmetric verb stay two sides
    (
        "Кыргызстан и Беларусь подписали соглашение о сотрудничестве в сфере здравоохранения.",
        "ru",
        {P("country_kg", "country_by")},
        set(),
        set(),
    ),
    # a lower-case pronoun is not a state ("того" is not Togo)
    (
        "Кроме того, Минздрав Узбекистана подписал меморандум с Минздравом Казахстана.",
        "ru",
        {P("moh_uz", "moh_kz")},
        set(),
        {"country_tg"},
    ),
    # a press office is a source, a currency is no party
    (
        "Как сообщили в пресс-службе Минздрава Кыргызстана, Япония выделила Кыргызстану грант "
        "в размере 3 млн долларов США на закупку оборудования.",
        "ru",
        {P("country_jp", "country_kg")},
        set(),
        {"country_us", "moh_kg"},
    ),
    # English recipients after "to" are one side
    (
        "Japan handed over ultrasound machines to Kazakhstan and Kyrgyzstan.",
        "en",
        {P("country_jp", "country_kz"), P("country_jp", "country_kg")},
        {P("country_kz", "country_kg")},
        set(),
    ),
    # Uzbek apostrophes do not split words
    (
        "O‘zbekiston Sog‘liqni saqlash vazirligi va Qozog‘iston Sog‘liqni saqlash vazirligi memorandum imzoladi.",
        "uz",
        {P("moh_uz", "moh_kz")},
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(("text", "lang", "want", "unwanted", "absent"), SIDES)
def test_sides(
    text: str, lang: str, want: set[frozenset[str]], unwanted: set[frozenset[str]], absent: set[str]
) -> None:
    f = run(text, lang)
    got = pairs(f)
    assert want <= got, (got, [a.id for a in f.actors])
    assert not unwanted & got, got
    assert not absent & {a.id for a in f.actors}


def _actor(f: Facts, text: str) -> Actor:
    hits = [a for a in f.actors if any(text in x for x in [a.name, *a.aliases])]
    assert hits, [(a.id, a.name, a.aliases) for a in f.actors]
    return hits[0]


# (text, lang, a surface form of the actor, its type, its country)
PLACES = [
    # a city in the genitive places a generic body
    (
        "Частные клиники Казани подписали меморандум с Минздравом Узбекистана.",
        "ru",
        "клиники Казани",
        "HealthcareProvider",
        "RU",
    ),
    # a city adjective in front places it too
    (
        "Омские клиники заключили соглашение с Минздравом Таджикистана о стажировках врачей.",
        "ru",
        "клиники",
        "HealthcareProvider",
        "RU",
    ),
    # a quoted proper name is an alias of the body; the adjective places it
    (
        "Минздрав Узбекистана подписал соглашение с турецкой компанией «Медтехника-Плюс».",
        "ru",
        "Медтехника-Плюс",
        "Company",
        "TR",
    ),
]


@pytest.mark.parametrize(("text", "lang", "form", "typ", "country"), PLACES)
def test_places(text: str, lang: str, form: str, typ: str, country: str) -> None:
    a = _actor(run(text, lang), form)
    assert (a.type, a.country) == (typ, country)


def test_english_title_is_not_part_of_the_name() -> None:
    f = run(
        "Acting Mission Director John Carter said USAID handed over equipment to the Ministry of Health "
        "of Tajikistan.",
        "en",
    )
    assert any(a.type == "Person" and a.name == "John Carter" for a in f.actors), [a.name for a in f.actors]
    assert P("usaid", "moh_tj") in pairs(f)


def test_same_body_by_shorter_name_is_one_actor() -> None:
    f = run(
        "Делегация частных клиник Самары посетила Ташкент. Клиники Самары подписали меморандум "
        "с Минздравом Узбекистана.",
        "ru",
    )
    ids = {a.id for a in f.actors if a.type == "HealthcareProvider"}
    assert len(ids) == 1, ids


def test_the_side_names_the_body_met_before() -> None:
    f = run(
        "Минздрав Узбекистана провёл переговоры с Агентством Японии по международному сотрудничеству. "
        "Японская сторона передаст Минздраву Узбекистана медицинское оборудование.",
        "ru",
    )
    assert "country_jp" not in {a.id for a in f.actors}, [a.id for a in f.actors]
