"""Entity resolution: one node per real actor across languages; the decisions file undoes merges."""

from __future__ import annotations

from pathlib import Path

from hdkg.graph.ladybug import LadybugStore
from hdkg.graph.resolution import name_key
from hdkg.models import Actor, Article, Facts, Link

NAMES = [
    "Минздрав Узбекистана",
    "Министерство здравоохранения Республики Узбекистан",
    "Ministry of Health of Uzbekistan",
    "O'zbekiston Respublikasi Sog'liqni saqlash vazirligi",
]


def _facts(i: int, name: str, *, country: str = "UZ", partner: str = "ru-moh") -> Facts:
    text = f"{name} signed with a partner."
    return Facts(
        article=Article(id=f"r{i}", source=f"r{i}.txt", text=text, publisher=f"p{i}"),
        actors=[Actor(id=f"moh-{i}", name=name, type="GovernmentBody", country=country),
                Actor(id=partner, name="Минздрав России", type="GovernmentBody", country="RU",
                      in_gazetteer=True)],
        links=[Link(id="l", kind="meeting", status="held", sides=[[f"moh-{i}"], [partner]])],
    )  # fmt: skip


def test_name_keys_agree_across_languages() -> None:
    assert len({name_key(n, "UZ") for n in NAMES}) == 1
    assert name_key("Минздрав России", "RU") == name_key("Ministry of Health of the Russian Federation", "RU")
    assert name_key("Ташкентская медицинская академия", "UZ") != name_key(NAMES[0], "UZ")


def test_four_names_end_as_one_actor(tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "g.lbug") as store:
        store.create_schema()
        merges = [m for i, n in enumerate(NAMES) for m in store.write_facts(_facts(i, n)).merges]
        uz = store.query("actors_search", q=None, kind="GovernmentBody", country="UZ", limit=None)
        assert [a["id"] for a in uz] == ["moh-0"]
        assert sorted(uz[0]["aliases"]) == sorted(NAMES[1:])
        assert len(merges) == 3 and all("name key" in m for m in merges)
        links = store.query(
            "links",
            **dict.fromkeys(
                [
                    "specialty",
                    "area",
                    "country",
                    "actor",
                    "kind",
                    "status",
                    "since",
                    "until",
                    "limit",
                    "offset",
                ]
            ),
        )
        assert len(links) == 1 and links[0]["sources"] == 4


def test_never_merges_across_countries_or_types(tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "g.lbug") as store:
        store.create_schema()
        store.write_facts(_facts(0, "Ministry of Health", country="UZ"))
        result = store.write_facts(_facts(1, "Ministry of Health", country="KZ"))
        assert result.merges == []
        assert store.stats().nodes["Actor"] == 3


def test_decisions_file_undoes_and_forces_merges(tmp_path: Path) -> None:
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text("never_merge:\n  - [moh-0, moh-1]\n", encoding="utf-8")
    with LadybugStore(tmp_path / "g.lbug", decisions_file=decisions) as store:
        store.create_schema()
        store.write_facts(_facts(0, NAMES[0]))
        assert store.write_facts(_facts(1, NAMES[2])).merges == []
        assert store.stats().nodes["Actor"] == 3
        # edited between loads: the next article is forced into moh-0 although its key differs
        decisions.write_text("never_merge: [[moh-0, moh-1]]\nmerge: [[moh-0, moh-9]]\n", encoding="utf-8")
        merged = store.write_facts(_facts(9, "Узбекский центр здоровья"))
        assert merged.merges and "decisions file" in merged.merges[0]
        assert store.stats().nodes["Actor"] == 3
