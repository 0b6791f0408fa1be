"""Rule tables for failure modes common on unseen articles: venues and frames,
sources, titles, possessives, datelines, honorifics, sub-units, Cyrillic Uzbek,
one fact told twice.

Sentences are written for these tests (general cases, not copies of the
corpus); each row names the phenomenon it covers.
"""

from __future__ import annotations

import pytest

from hdkg.extraction.translit import is_cyrillic_uz, to_latin
from tests.extraction_support import P, pairs, run

# (text, lang, pairs that must be present, actor ids or id prefixes that must be absent)
ROBUST = [
    # the body after "в кулуарах <event of>" hosts the occasion; it is no party
    (
        "Минздрав Узбекистана и Минздрав Казахстана подписали меморандум в Женеве, в кулуарах "
        "сессии Всемирной ассамблеи здравоохранения.",
        "ru",
        {P("moh_uz", "moh_kz")},
        {"gov_uz_assambleya", "gov_kz_assambleya"},
    ),
    # "on the sidelines of" works the same in English
    (
        "The Ministry of Health of Uzbekistan signed a memorandum with the Ministry of Health of Turkey "
        "on the sidelines of the Istanbul Health Forum.",
        "en",
        {P("moh_uz", "moh_tr")},
        set(),
    ),
    # "в области ... надзора" names a field of work, not a supervisory body
    (
        "Минздрав Узбекистана и Минздрав Таджикистана договорились о сотрудничестве в области "
        "санитарно-эпидемиологического надзора.",
        "ru",
        {P("moh_uz", "moh_tj")},
        {"gov_uz_nadzor", "gov_tj_nadzor"},
    ),
    # a source cited after "ссылаясь на" / "citing the" is no party
    (
        "Japan donated ventilators to Kyrgyzstan, Kabar reports, citing the Kyrgyz Foreign Ministry.",
        "en",
        {P("country_jp", "country_kg")},
        {"gov_kg_foreign_ministry"},
    ),
    # "Turkmen Deputy Prime Minister X" is a title: no body, and the state is no party
    (
        "In Ashgabat, Turkmen Deputy Prime Minister Berdy Orazov met Ivan Petrov, Belarus’s Ambassador "
        "to Turkmenistan, to discuss cooperation in healthcare.",
        "en",
        {P("person_orazov", "person_petrov")},
        {"gov_tm_deputy", "country_tm", "country_by"},
    ),
    # a possessive country modifies ("Israel’s best practices"); "while in Israel" is a venue
    (
        "The Uzbek Ministry of Health held talks with Hadassah Medical Center about adopting Israel’s "
        "best practices while in Israel.",
        "en",
        set(),
        {"country_il"},
    ),
    # an organisation's own department ("ADB’s Central Asia Department") is the organisation
    (
        "ADB lends Uzbekistan money for rural clinics, said a specialist of the ADB’s Central and West "
        "Asia Department.",
        "en",
        {P("adb", "country_uz")},
        {"gov_uz_adb"},
    ),
    # a dateline city names where, not who
    (
        "TASHKENT — The WHO Regional Office for Europe and the Ministry of Health of Uzbekistan launched "
        "a primary health care project.",
        "en",
        {P("who_europe", "moh_uz")},
        {"region_tashkent_city"},
    ),
    # a venue role is shared along "in X and Y"
    (
        "WHO Europe will fund training for doctors of the Ministry of Health of Uzbekistan in Syrdarya and "
        "Jizzakh.",
        "en",
        {P("who_europe", "moh_uz")},
        {"region_jizzakh", "region_syrdarya"},
    ),
    # "Е.П." is an honorific, not a person; the ambassador represents the sending state
    (
        "На церемонии передачи оборудования Минздраву Туркменистана присутствовал Посол Японии в "
        "Туркменистане (Чрезвычайный и Полномочный) Е.П. г-н Сато Кэнтаро.",
        "ru",
        set(),
        {"person_x", "person_e"},
    ),
    # an exhibition with a year is an event, not a company; a quoted place is no organisation
    (
        "Клиники Новосибирска представили разработки на выставке «UzMedExpo-2025» и посетили "
        "технопарк «Чирчик», где провели переговоры с Минздравом Узбекистана.",
        "ru",
        set(),
        {"company_uz_uzmedexpo", "gov_uz_city_chirchiq"},
    ),
    # "Представительство ЕС" acts as the EU itself
    (
        "Представительство ЕС в Таджикистане передало Минздраву Таджикистана партию медицинского оборудования.",
        "ru",
        {P("eu", "moh_tj")},
        {"io_xx_predstavitel"},
    ),
    # Uzbek: "mazkur jamg‘arma" ("the said fund") is no new body named "Bitim mazkur jamg‘arma"
    (
        "Xalifa jamg‘armasi O‘zbekiston Sog‘liqni saqlash vazirligiga yordam ko‘rsatadi. Ushbu bitim "
        "mazkur jamg‘armani loyihalarga jalb qiladi.",
        "uz",
        set(),
        {"assoc_uz_bitim"},
    ),
    # a negated fact is no link ("не было соглашения между министерствами")
    (
        "До сих пор не было соглашения между министерствами здравоохранения Узбекистана и Франции.",
        "ru",
        set(),
        {"moh_uz", "moh_fr"},
    ),
    # an evaluative description ("всемирно известная ассоциация") is no new actor
    (
        "Минздрав Узбекистана наладил сотрудничество со всемирно известной медицинской ассоциацией.",
        "ru",
        set(),
        {"assoc_uz_"},
    ),
    # "узбекская делегация" is the Uzbek body met before, not the state
    (
        "Министр здравоохранения Узбекистана провёл переговоры в Минздраве Казахстана. Узбекская "
        "делегация посетила Министерство здравоохранения Казахстана.",
        "ru",
        {P("moh_uz", "moh_kz")},
        {"country_uz"},
    ),
    # a body placed "в <region>" takes that region's country, not the article's
    (
        "Минздрав Кыргызстана провёл встречу с представителем Медицинского университета в "
        "Синьцзян-Уйгурском автономном округе.",
        "ru",
        set(),
        {"acad_kg_"},
    ),
]


@pytest.mark.parametrize(("text", "lang", "want", "absent"), ROBUST)
def test_robust(text: str, lang: str, want: set[frozenset[str]], absent: set[str]) -> None:
    f = run(text, lang)
    got = pairs(f)
    ids = [a.id for a in f.actors]
    assert want <= got, (got, ids)
    assert not [i for i in ids if any(i.startswith(p) for p in absent)], ids


def test_body_in_region_is_placed_there() -> None:
    f = run(
        "Минздрав Кыргызстана провёл встречу с представителем Медицинского университета в "
        "Синьцзян-Уйгурском автономном округе.",
        "ru",
    )
    uni = [a for a in f.actors if a.type == "AcademicInstitution"]
    assert [a.country for a in uni] == ["CN"], [(a.id, a.country) for a in f.actors]


def test_ambassador_represents_the_sending_state() -> None:
    f = run(
        "Посол Японии в Туркменистане (Чрезвычайный и Полномочный) г-н Сато Кэнтаро передал "
        "Минздраву Туркменистана медицинское оборудование.",
        "ru",
    )
    persons = [a for a in f.actors if a.type == "Person"]
    assert persons and all(a.country == "JP" for a in persons), [(a.id, a.country) for a in f.actors]


def test_one_fact_told_twice_is_one_link() -> None:
    f = run(
        "Минздрав Узбекистана и Минздрав Казахстана подписали меморандум о сотрудничестве.\n"
        "Министерство здравоохранения Узбекистана и Министерство здравоохранения Казахстана подписали "
        "меморандум в области онкологии.",
        "ru",
    )
    agreements = [x for x in f.links if x.kind == "agreement"]
    assert len(agreements) == 1, [(x.kind, x.sides) for x in f.links]
    assert "oncology" in agreements[0].specialties
    assert len(agreements[0].evidence) == 2


CYRILLIC_UZ = (
    "Ўзбекистон Республикаси Соғлиқни сақлаш вазирлиги ва Туркия Соғлиқни сақлаш вазирлиги "
    "онкология соҳасида ҳамкорлик тўғрисида меморандум имзолади."
)


def test_cyrillic_uzbek_reads_like_latin_uzbek() -> None:
    assert is_cyrillic_uz(CYRILLIC_UZ)
    assert not is_cyrillic_uz("Минздрав Узбекистана подписал меморандум.")
    assert to_latin("Ўзбекистон") == "O‘zbekiston"
    assert to_latin("Ғарб") == "G‘arb"
    assert to_latin("ЮНИСЕФ") == "YUNISEF"
    f = run(CYRILLIC_UZ, "uz")
    assert P("moh_uz", "moh_tr") in pairs(f), [a.id for a in f.actors]
    assert any("oncology" in x.specialties for x in f.links)
    moh = next(a for a in f.actors if a.id == "moh_uz")
    assert "Ўзбекистон Республикаси Соғлиқни сақлаш вазирлиги" in moh.aliases  # surface forms stay Cyrillic
    for a in f.actors:
        for s, e in a.mentions:
            assert CYRILLIC_UZ[s:e] in a.aliases


def test_english_lending_is_aid() -> None:
    f = run("The Asian Development Bank lends Tajikistan $30 million to upgrade rural hospitals.", "en")
    assert [x.kind for x in f.links] == ["aid"], [(x.kind, x.sides) for x in f.links]
