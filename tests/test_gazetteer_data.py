"""The packaged gazetteer data: coverage, consistency and the look-ups the extractor relies on."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import get_args

import pytest

from hdkg.extraction.gazetteer import GazActor, Gazetteer, load_gazetteer
from hdkg.models import ActorType

#: Abbreviations that really are shared by two bodies; any new clash must be reviewed.
KNOWN_ABBR_CLASHES = {"ТГМУ", "БГМУ", "Минздрав РТ", "Минздрав РБ"}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _everyone(gaz: Gazetteer) -> list[GazActor]:
    return [*gaz.regions, *gaz.actors]


def test_loads_with_the_promised_breadth(gaz: Gazetteer) -> None:
    assert len(gaz.countries) >= 190
    assert len(gaz.actors) >= 400
    assert len(gaz.regions) >= 60


def test_ids_are_unique_and_readable(gaz: Gazetteer) -> None:
    ids = [a.id for a in _everyone(gaz)] + [c.id for c in gaz.countries]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)


def test_types_are_ontology_actor_types(gaz: Gazetteer) -> None:
    allowed = set(get_args(ActorType))
    assert {a.type for a in _everyone(gaz)} <= allowed
    assert {a.type for a in gaz.regions} == {"Region"}
    assert "Country" not in {a.type for a in gaz.actors}


def test_country_codes(gaz: Gazetteer) -> None:
    codes = [c.code for c in gaz.countries]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in codes)
    for must in ("UZ", "KZ", "KG", "TJ", "TM", "RU", "VA", "PS", "XK", "TW", "NO"):
        assert must in codes
    known = set(codes)
    assert all(a.country in known for a in _everyone(gaz) if a.country is not None)


def test_every_entry_has_ru_and_en_names(gaz: Gazetteer) -> None:
    for e in [*gaz.countries, *_everyone(gaz)]:
        assert e.names.ru and e.names.en, e


def test_country_rules_by_type(gaz: Gazetteer) -> None:
    for a in _everyone(gaz):
        if a.type == "InternationalOrganization":
            assert a.country is None, a.id
        elif a.type not in ("Association", "Company"):
            assert a.country is not None, a.id


def test_health_ministries_of_at_least_40_countries(gaz: Gazetteer) -> None:
    ministries = [a for a in gaz.actors if a.id.startswith("moh_") and a.type == "GovernmentBody"]
    assert len({a.country for a in ministries}) >= 40
    for cc in ("UZ", "KZ", "KG", "TJ", "TM", "RU", "TR", "CN", "IN", "KR", "DE", "FR", "US"):
        assert gaz.by_id(f"moh_{cc.lower()}") is not None, cc


def test_parents_exist_and_wikidata_is_well_formed(gaz: Gazetteer) -> None:
    for a in _everyone(gaz):
        if a.parent is not None:
            assert gaz.by_id(a.parent) is not None, a.id
        if a.wikidata is not None:
            assert re.fullmatch(r"Q[0-9]+", a.wikidata)
    assert gaz.by_id("who_europe") is not None
    assert gaz.by_id("who_europe").parent == "who"  # type: ignore[union-attr]


def test_full_names_never_point_to_two_entries(gaz: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for a in _everyone(gaz):
        for n in a.names.all():
            owners[n.casefold()].add(a.id)
    for c in gaz.countries:
        for n in c.names.all():
            owners[n.casefold()].add(c.id)
    assert {n: ids for n, ids in owners.items() if len(ids) > 1} == {}


def test_abbreviation_clashes_are_only_the_reviewed_ones(gaz: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for a in _everyone(gaz):
        for ab in a.abbr:
            owners[ab].add(a.id)
    assert {ab for ab, ids in owners.items() if len(ids) > 1} <= KNOWN_ABBR_CLASHES


def test_uzbek_names_use_one_apostrophe(gaz: Gazetteer) -> None:
    for e in [*gaz.countries, *_everyone(gaz)]:
        for n in e.names.uz:
            assert not re.search("[’ʻʼ'`]", n), (e, n)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Минздрав Узбекистана", "moh_uz"),
        ("Министерство здравоохранения Республики Узбекистан", "moh_uz"),
        ("O‘zbekiston Respublikasi Sog‘liqni saqlash vazirligi", "moh_uz"),
        ("O'zbekiston Respublikasi Sog'liqni saqlash vazirligi", "moh_uz"),
        ("Oʻzbekiston Respublikasi Sogʻliqni saqlash vazirligi", "moh_uz"),
        ("ВОЗ", "who"),
        ("JSST", "who"),
        ("МАГАТЭ", "iaea"),
        ("ЮНИСЕФ", "unicef"),
        ("YuNISEF", "unicef"),
        ("ПРООН", "undp"),
        ("ЕБРР", "ebrd"),
        ("АБР", "adb"),
        ("ШОС", "sco"),
        ("ОТГ", "ots"),
        ("МККК", "icrc"),
        ("Минздрав России", "moh_ru"),
        ("Министерство здравоохранения и социальной защиты населения Республики Таджикистан", "moh_tj"),
        ("Министерство здравоохранения и медицинской промышленности Туркменистана", "moh_tm"),
        ("Министерство здравоохранения и социального развития Кыргызской Республики", "moh_kg"),
        ("НЦОМиД", "ncomid_kg"),
        ("Роспотребнадзор", "rospotrebnadzor"),
        ("TIKA", "tika"),
        ("Ташобласть", "region_tashkent_oblast"),
        ("Toshkent viloyati", "region_tashkent_oblast"),
        ("Объединенные Арабские Эмираты", "country_ae"),
        ("Birlashgan Arab Amirliklari", "country_ae"),
        ("РУз", "country_uz"),
        ("Киргизия", "country_kg"),
    ],
)
def test_named_forms_resolve(gaz: Gazetteer, form: str, expected: str) -> None:
    assert [e.id for e in gaz.lookup(form)] == [expected]


def test_bare_ministry_needs_its_country(gaz: Gazetteer) -> None:
    assert gaz.lookup("Sog‘liqni saqlash vazirligi") == []
    assert [a.id for a in gaz.lookup_in_context("Sog'liqni saqlash vazirligi", "UZ")] == ["moh_uz"]
    assert [a.id for a in gaz.lookup_in_context("Минздрав", "KZ")] == ["moh_kz"]
    assert gaz.lookup_in_context("Минздрав", "FR") == []


def test_countries_carry_adjectives_and_capitals(gaz: Gazetteer) -> None:
    uz = gaz.country("uz")
    assert uz is not None and uz.id == "country_uz" and uz.wikidata == "Q265"
    assert "узбекский" in uz.adjectives.ru and "Ташкент" in uz.capital.ru
    assert "o‘zbek" in uz.adjectives.uz
    kg = gaz.country("KG")
    assert kg is not None and {"кыргызский", "киргизский"} <= set(kg.adjectives.ru)
    assert gaz.country("ZZ") is None


def test_context_names_are_names_not_ids(gaz: Gazetteer) -> None:
    ids = {a.id for a in _everyone(gaz)}
    for a in gaz.actors:
        assert not set(a.context_names) & ids, a.id
        assert not a.context_names or a.country is not None, a.id
