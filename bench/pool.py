"""What the generator draws from: gazetteer actors, vocabulary labels, cities, outlets and noise.

Actors come from the extraction gazetteer and labels from ``ontology.vocab``
so that generated text exercises the same names and terms as real news; the
hand-written lists below are only page furniture (outlets, unrelated
organisations for sidebars, person names for quotes).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass

#: Countries whose actors dominate the real corpus: drawn more often, as in the news.
FOCUS = frozenset({"UZ", "KZ", "KG", "TJ", "TM", "RU"})
_FOCUS_WEIGHT = 6


@dataclass(frozen=True)
class PoolActor:
    id: str
    type: str
    country: str | None
    ru: str
    en: str


@dataclass(frozen=True)
class Label:
    id: str
    ru: str
    en: str


@dataclass(frozen=True)
class City:
    ru: str
    en: str
    country: str


@dataclass(frozen=True)
class Pool:
    actors: tuple[PoolActor, ...]
    weights: tuple[int, ...]
    specialties: tuple[Label, ...]
    areas: tuple[Label, ...]
    cities: tuple[City, ...]
    city_weights: tuple[int, ...]

    def pick_actors(self, rng: random.Random, k: int) -> list[PoolActor]:
        """``k`` distinct actors, focus countries more likely."""
        out: list[PoolActor] = []
        while len(out) < k:
            actor = rng.choices(self.actors, weights=self.weights)[0]
            if actor not in out:
                out.append(actor)
        return out

    def pick_city(self, rng: random.Random) -> City:
        return rng.choices(self.cities, weights=self.city_weights)[0]


def _labels(concepts: Sequence[object]) -> tuple[Label, ...]:
    out = []
    for c in concepts:
        pref: dict[str, str] = getattr(c, "pref", {})
        if "ru" in pref and "en" in pref:
            out.append(Label(str(getattr(c, "id", "")), pref["ru"], pref["en"]))
    return tuple(out)


@functools.cache
def load_pool() -> Pool:
    """The gazetteer and vocabularies as drawn by the generator (loaded once per process)."""
    from hdkg.extraction.gazetteer import load_gazetteer
    from hdkg.ontology import vocab

    gaz = load_gazetteer()
    actors: list[PoolActor] = []
    for c in gaz.countries:
        actors.append(PoolActor(c.id, "Country", c.code, c.names.ru[0], c.names.en[0]))
    for a in [*gaz.regions, *gaz.actors]:
        actors.append(PoolActor(a.id, a.type, a.country, a.names.ru[0], a.names.en[0]))
    weights = tuple(_FOCUS_WEIGHT if a.country in FOCUS else 1 for a in actors)
    cities = tuple(
        City(c.capital.ru[0], c.capital.en[0], c.code) for c in gaz.countries if c.capital.ru and c.capital.en
    )
    return Pool(
        actors=tuple(actors),
        weights=weights,
        specialties=_labels(vocab.specialties()),
        areas=_labels(vocab.areas()),
        cities=cities,
        city_weights=tuple(_FOCUS_WEIGHT * 3 if c.country in FOCUS else 1 for c in cities),
    )


OUTLETS_RU = ("Sputnik", "Kun.uz", "Газета.uz", "УзА", "Kazinform", "24.kg", "ТАСС", "РИА Новости", "Dunyo")
OUTLETS_EN = ("UzDaily", "Kun.uz", "Trend", "AKIpress", "Daryo", "Times of Central Asia", "Xinhua")

#: Organisations with nothing to do with health, for "latest news" sidebars.
UNRELATED_RU = (
    "Узбекистон темир йуллари", "Ташкентский метрополитен", "Навоийский ГМК", "ФК «Пахтакор»",
    "Азиатский банк развития", "Uzbekistan Airways", "Алмалыкский ГМК", "Центральный банк Узбекистана",
    "Госкомитет по статистике", "ФК «Насаф»", "хокимият Ташкента", "Uzum Market", "Artel",
)  # fmt: skip
UNRELATED_EN = (
    "Uzbekistan Airways", "Asian Development Bank", "Tashkent Metro", "Navoi Mining", "Artel Electronics",
    "Central Bank of Uzbekistan", "FC Pakhtakor", "Uzum Market", "Uzbekistan Railways", "Almalyk MMC",
)  # fmt: skip
SIDEBAR_RU = (
    "{org} объявил о новых тарифах с {day} {month}",
    "{org}: итоги первого полугодия",
    "В Ташкенте открылся новый офис {org_gent}",
    "{org} и банки обсудили цифровые платежи",
    "Курс доллара снова вырос",
    "Погода: на выходных ожидается похолодание",
)  # fmt: skip
SIDEBAR_EN = (
    "{org} announces new fares from {month} {day}",
    "{org} reports first-half results",
    "{org} opens new office in Tashkent",
    "Dollar rate climbs again against the sum",
    "Weather: cold snap expected at the weekend",
)  # fmt: skip

FIRST_RU = (
    "Алишер",
    "Дилноза",
    "Тимур",
    "Ирина",
    "Бахтиёр",
    "Анна",
    "Рустам",
    "Гульнара",
    "Сергей",
    "Нодира",
)
LAST_RU = ("Каримов", "Юсупова", "Абдуллаев", "Смирнова", "Рахимов", "Ким", "Исмаилов", "Назарова", "Орлов")
FIRST_EN = ("Alisher", "Dilnoza", "Timur", "Irina", "Bakhtiyor", "Anna", "Rustam", "Gulnara", "Sergei")
LAST_EN = ("Karimov", "Yusupova", "Abdullaev", "Smirnova", "Rakhimov", "Kim", "Ismailov", "Nazarova")
ROLES_RU = (
    "глава делегации",
    "заместитель министра",
    "главный врач",
    "ректор университета",
    "директор центра",
)
ROLES_EN = (
    "head of the delegation",
    "deputy minister",
    "chief physician",
    "university rector",
    "centre director",
)

MONTHS_RU_GENT = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
MONTHS_RU_NOMN = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
