"""Hand-made Facts for the visual tests, with hostile names and evidence, and a store built from them.

Imported by the other ``test_visual_*`` modules; the one test here checks the
facts themselves, so a broken fixture fails loudly instead of emptying a page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hdkg.graph.base import GraphStore
from hdkg.models import Actor, Article, Evidence, Facts, Link
from hdkg.settings import Settings

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_SENTENCE = "Hospital <script>alert('xss')</script> signed an oncology agreement with the ministry."

EVIL = Actor(id="evil", name=HOSTILE_NAME, type="HealthcareProvider", country="UZ")
UZ = Actor(id="uz-moh", name="Ministry of Health of Uzbekistan", type="GovernmentBody", country="UZ")
RU = Actor(id="ru-moh", name="Минздрав России", type="GovernmentBody", country="RU")
KR = Actor(id="kr-mohw", name="Ministry of Health and Welfare of Korea", type="GovernmentBody", country="KR")
WHO = Actor(id="who", name="World Health Organization", type="InternationalOrganization")
TMA = Actor(id="tma", name="Tashkent Medical Academy", type="AcademicInstitution", country="UZ")
ALMAZOV = Actor(id="almazov", name="Almazov Centre", type="HealthcareProvider", country="RU")


def _facts(
    i: str, sentence: str, date: str, actors: list[Actor], link: dict[str, object], url: str | None = None
) -> Facts:
    text = f"Preamble {i}. {sentence} Closing words."
    start = text.index(sentence)
    art = Article(
        id=f"vis-art-{i}",
        source=url or f"https://news.example/vis/{i}",
        url=url or f"https://news.example/vis/{i}",
        title=f"Report {i} <b>bold</b>",
        date=dt.date.fromisoformat(date),
        lang="en",
        text=text,
    )
    ev = Evidence(text=sentence, start=start, end=start + len(sentence))
    return Facts(article=art, actors=actors, links=[Link(id="l1", evidence=[ev], **link)])


def visual_facts() -> list[Facts]:
    """Seven links over seven actors; one actor and one sentence are hostile, one URL is javascript:."""
    d = dt.date.fromisoformat
    return [
        _facts("1", HOSTILE_SENTENCE, "2024-03-01", [EVIL, UZ],
               {"kind": "agreement", "status": "signed", "date": d("2024-03-01"),
                "sides": [["evil"], ["uz-moh"]], "specialties": ["oncology"]}),
        _facts("2", "Uzbekistan and Russia signed a health agreement on oncology.", "2024-04-02", [UZ, RU],
               {"kind": "agreement", "status": "signed", "date": d("2024-04-02"),
                "sides": [["uz-moh"], ["ru-moh"]], "specialties": ["oncology"]}),
        _facts("3", "Korea gave equipment to the Tashkent Medical Academy.", "2022-04-10", [KR, TMA],
               {"kind": "aid", "status": "held", "date": d("2022-04-10"),
                "sides": [["kr-mohw"], ["tma"]], "specialties": ["cardiology"], "areas": ["equipment"]}),
        _facts("4", "Uzbekistan, Russia and WHO plan a trilateral agreement on pediatrics.", "2024-12-20",
               [UZ, RU, WHO],
               {"kind": "agreement", "status": "planned", "date": d("2025-01-15"),
                "sides": [["uz-moh"], ["ru-moh"], ["who"]], "specialties": ["pediatrics"]}),
        _facts("5", "A delegation of the academy visited the Almazov Centre.", "2023-06-02", [TMA, ALMAZOV],
               {"kind": "visit", "status": "held", "date": d("2023-06-02"),
                "sides": [["tma"], ["almazov"]], "specialties": ["cardiology"], "areas": ["education"]},
               url="javascript:alert(document.domain)"),
        _facts("6", "The ministry met WHO representatives on cardiology.", "2024-07-07", [UZ, WHO],
               {"kind": "meeting", "status": "held", "date": d("2024-07-07"),
                "sides": [["uz-moh"], ["who"]], "specialties": ["cardiology"]}),
        _facts("7", "The ministry discussed a programme with the Almazov Centre.", "2023-11-20", [UZ, ALMAZOV],
               {"kind": "program", "status": "discussed", "date": d("2023-11-20"),
                "sides": [["uz-moh"], ["almazov"]], "specialties": ["oncology"]}),
    ]  # fmt: skip


def open_visual_store(data_dir: Path, facts: list[Facts] | None = None) -> GraphStore:
    from hdkg.graph.factory import open_store

    store = open_store(Settings(data_dir=data_dir, store="ladybug"))
    for f in visual_facts() if facts is None else facts:
        store.write_facts(f)
    return store


def star_facts(spokes: int) -> list[Facts]:
    """One hub meeting ``spokes`` partners, each in its own article; spoke i also meets spoke i+1."""
    hub = Actor(id="hub", name="Hub ministry", type="GovernmentBody", country="UZ")
    out = []
    for i in range(spokes):
        a = Actor(
            id=f"s{i:03d}", name=f"Spoke {i}", type="HealthcareProvider", country="RU" if i % 2 else "KZ"
        )
        b = Actor(id=f"s{i + 1:03d}", name=f"Spoke {i + 1}", type="HealthcareProvider",
                  country="RU" if (i + 1) % 2 else "KZ")  # fmt: skip
        link = {"kind": "meeting", "status": "held", "date": dt.date(2024, 1, 1) + dt.timedelta(days=i)}
        out.append(_facts(f"star-{i}", f"Hub met spoke {i}.", "2024-01-01", [hub, a],
                          {**link, "sides": [["hub"], [a.id]]}))  # fmt: skip
        if i + 1 < spokes:
            out.append(_facts(f"pair-{i}", f"Spoke {i} met spoke {i + 1}.", "2024-01-01", [a, b],
                              {**link, "sides": [[a.id], [b.id]]}))  # fmt: skip
    return out


def test_fixture_facts_are_consistent() -> None:
    facts = visual_facts()
    assert len(facts) == 7
    for f in facts:
        ids = {a.id for a in f.actors}
        for link in f.links:
            assert {x for side in link.sides for x in side} <= ids
            for ev in link.evidence:
                assert f.article.text[ev.start : ev.end] == ev.text
    assert any(a.name == HOSTILE_NAME for f in facts for a in f.actors)
