"""The loader's validation: every malformed entry fails with the file and entry named."""

from __future__ import annotations

from pathlib import Path

import pytest

from hdkg.errors import ExtractionError
from hdkg.extraction.gazetteer import load_from, load_gazetteer, spelling_variants

COUNTRIES = """\
- code: UZ
  names: {ru: [Узбекистан], en: [Uzbekistan], uz: [O‘zbekiston]}
- code: FR
  names: {ru: [Франция], en: [France]}
"""

GOOD_ACTOR = """\
- id: moh_uz
  type: GovernmentBody
  country: UZ
  names: {ru: [Минздрав Узбекистана], en: [Ministry of Health of Uzbekistan]}
"""


def _write(tmp_path: Path, actors: str, countries: str = COUNTRIES) -> Path:
    (tmp_path / "countries.yaml").write_text(countries, encoding="utf-8")
    (tmp_path / "actors.yaml").write_text(actors, encoding="utf-8")
    return tmp_path


def test_a_good_directory_loads(tmp_path: Path) -> None:
    g = load_from(_write(tmp_path, GOOD_ACTOR))
    assert [a.id for a in g.actors] == ["moh_uz"]
    assert g.by_id("moh_uz") is not None and g.by_id("nope") is None
    assert g.country("UZ") is not None


@pytest.mark.parametrize(
    ("actors", "entry", "message"),
    [
        (GOOD_ACTOR.replace("GovernmentBody", "Ministry"), "moh_uz", "unknown actor type"),
        (GOOD_ACTOR.replace("country: UZ", "country: ZZ"), "moh_uz", "unknown country code"),
        (GOOD_ACTOR.replace("country: UZ", "country: uz"), "moh_uz", "unknown country code"),
        (GOOD_ACTOR + "  wikidata: 265\n", "moh_uz", "wikidata"),
        (GOOD_ACTOR + "  wikidata: Q26x\n", "moh_uz", "wikidata"),
        (GOOD_ACTOR + "  parent: who\n", "moh_uz", "parent 'who' does not exist"),
        (GOOD_ACTOR + GOOD_ACTOR, "moh_uz", "duplicate id"),
        (GOOD_ACTOR + "  colour: red\n", "moh_uz", "colour"),
        (GOOD_ACTOR.replace("moh_uz", "MoH-UZ"), "MoH-UZ", "must match"),
        (
            GOOD_ACTOR.replace("en: [Ministry of Health of Uzbekistan]", "uz: [SSV]"),
            "moh_uz",
            "ru and one en",
        ),
        (GOOD_ACTOR.replace("GovernmentBody", "InternationalOrganization"), "moh_uz", "country null"),
        (GOOD_ACTOR.replace("country: UZ", "country: null"), "moh_uz", "needs a country"),
        (GOOD_ACTOR.replace("GovernmentBody", "Region"), "moh_uz", "regions belong"),
        ("- just a string\n", "#0", "entry"),
    ],
)
def test_bad_entries_name_file_and_entry(tmp_path: Path, actors: str, entry: str, message: str) -> None:
    with pytest.raises(ExtractionError) as err:
        load_from(_write(tmp_path, actors))
    assert err.value.where == f"actors.yaml:{entry}"
    assert message in err.value.message


def test_parent_cycle_is_refused(tmp_path: Path) -> None:
    a = GOOD_ACTOR + "  parent: b\n" + GOOD_ACTOR.replace("moh_uz", "b") + "  parent: moh_uz\n"
    with pytest.raises(ExtractionError, match="cycle"):
        load_from(_write(tmp_path, a))


def test_bad_country_codes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as err:
        load_from(_write(tmp_path, GOOD_ACTOR, COUNTRIES.replace("code: FR", "code: FRA")))
    assert err.value.where == "countries.yaml:FRA"
    with pytest.raises(ExtractionError, match="duplicate country code"):
        load_from(_write(tmp_path, GOOD_ACTOR, COUNTRIES + COUNTRIES))


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as err:
        load_from(_write(tmp_path, "- id: [unclosed\n"))
    assert err.value.where == "actors.yaml"


def test_uzbek_apostrophe_and_yo_variants() -> None:
    forms = spelling_variants("O‘zbekiston")
    for apos in ("‘", "’", "ʻ", "'", "`"):
        assert f"O{apos}zbekiston" in forms
    assert spelling_variants("Объединённые Арабские Эмираты")[1] == "Объединенные Арабские Эмираты"
    assert spelling_variants("Ташкент") == ["Ташкент"]


def test_packaged_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()
