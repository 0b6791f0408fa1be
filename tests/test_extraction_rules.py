"""Rule tables: sentence -> expected actors and cooperating pairs.

Sentences are written for these tests (general cases, not copies of the
corpus). Each row names the languages' phenomena it covers.
"""

from __future__ import annotations

import pytest

from tests.extraction_support import pairs, run

# (text, lang, actor ids that must be present, pairs that must be present, ids that must be absent)
TABLE = [
    # inflection + gazetteer ministries, signing
    (
        "Министерство здравоохранения Узбекистана и Минздрав Казахстана подписали меморандум о сотрудничестве.",
        "ru",
        {"moh_uz", "moh_kz"},
        {frozenset(("moh_uz", "moh_kz"))},
        set(),
    ),
    # distributed head: one head, two countries
    (
        "Взаимодействие между министерствами здравоохранения Таджикистана и Кыргызстана вышло на новый уровень.",
        "ru",
        {"moh_tj", "moh_kg"},
        {frozenset(("moh_tj", "moh_kg"))},
        set(),
    ),
    # person with title tied to the body; the person stands with it
    (
        "Министр здравоохранения Кыргызстана Алмаз Токтогулов встретился с министром здравоохранения "
        "Таджикистана Рустамом Назаровым.",
        "ru",
        {"moh_kg", "moh_tj"},
        {frozenset(("moh_kg", "moh_tj"))},
        set(),
    ),
    # countries as parties (subject), news agency never an actor
    (
        "Туркменистан и Беларусь подписали соглашение о сотрудничестве в области здравоохранения, сообщает ТАСС.",
        "ru",
        {"country_tm", "country_by"},
        {frozenset(("country_tm", "country_by"))},
        set(),
    ),
    # a city that is only the venue is not a party
    (
        "В Ташкенте Минздрав Казахстана и Минздрав Узбекистана провели переговоры.",
        "ru",
        {"moh_kz", "moh_uz"},
        {frozenset(("moh_kz", "moh_uz"))},
        {"region_tashkent_city"},
    ),
    # English: ministry chunks, country adjectives
    (
        "The Ministry of Health of Uzbekistan signed a memorandum with the Ministry of Health of Kazakhstan.",
        "en",
        {"moh_uz", "moh_kz"},
        {frozenset(("moh_uz", "moh_kz"))},
        set(),
    ),
    # Uzbek: head-final ministry names
    (
        "O‘zbekiston Respublikasi Sog‘liqni saqlash vazirligi va Qozog‘iston Sog‘liqni saqlash vazirligi "
        "memorandum imzoladi.",
        "uz",
        {"moh_uz"},
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(("text", "lang", "actors", "must_pairs", "absent"), TABLE)
def test_rule_table(
    text: str, lang: str, actors: set[str], must_pairs: set[frozenset[str]], absent: set[str]
) -> None:
    f = run(text, lang)
    ids = {a.id for a in f.actors}
    assert actors <= ids, (ids, [(lk.kind, lk.sides) for lk in f.links])
    assert must_pairs <= pairs(f)
    assert not (absent & ids)


def test_offsets_are_exact() -> None:
    text = (
        "Заголовок\n\nМинистерство здравоохранения Узбекистана и ВОЗ подписали соглашение об обучении врачей."
    )
    f = run(text, "ru")
    assert f.links
    for a in f.actors:
        for s, e in a.mentions:
            assert text[s:e] in a.aliases
    for link in f.links:
        for ev in link.evidence:
            assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Минздрав Узбекистана и Минздрав Казахстана подписали соглашение.", "signed"),
        ("Минздрав Узбекистана и Минздрав Казахстана подпишут соглашение в следующем году.", "planned"),
        ("Минздрав Узбекистана и Минздрав Казахстана планируют подписание соглашения.", "planned"),
        (
            "The Ministry of Health of Uzbekistan will sign an agreement with the Ministry of Health of Kazakhstan.",
            "planned",
        ),
    ],
)
def test_status(text: str, status: str) -> None:
    lang = "en" if text.startswith("The") else "ru"
    f = run(text, lang)
    assert f.links and f.links[0].status == status


@pytest.mark.parametrize(
    ("text", "lang", "specs"),
    [
        (
            "Минздрав Узбекистана и Минздрав Казахстана договорились о сотрудничестве в детской онкологии.",
            "ru",
            {"pediatrics", "oncology"},
        ),
        (
            "Минздрав Узбекистана и Минздрав Казахстана договорились о сотрудничестве в кардиохирургии.",
            "ru",
            {"cardiac_surgery"},
        ),
        (
            "Минздрав Узбекистана и Минздрав Казахстана обсудили сотрудничество в детской хирургии.",
            "ru",
            {"pediatric_surgery"},
        ),
        (
            "The Ministry of Health of Uzbekistan and the Ministry of Health of Kazakhstan agreed on tuberculosis "
            "control.",
            "en",
            {"phthisiology"},
        ),
    ],
)
def test_specialties(text: str, lang: str, specs: set[str]) -> None:
    f = run(text, lang)
    got = {s for link in f.links for s in link.specialties}
    assert specs <= got, got
    assert "cardiology" not in got or "cardiology" in specs
