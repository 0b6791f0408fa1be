"""Hand-made facts and app builders shared by the API tests (no tests here).

The graph is small enough to know every answer by hand: two articles from
two outlets report the same AP-HP memorandum (so it has two sources), one
undated meeting, one actor id with a slash, one name full of XML specials.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hdkg.api.app import create_app
from hdkg.graph.base import GraphStore
from hdkg.models import Actor, Article, Evidence, Facts, Link
from hdkg.settings import Settings

TOKEN = "test-token-0123456789"

MOH_UZ = Actor(id="moh_uz", name="Ministry of Health of Uzbekistan", type="GovernmentBody", country="UZ",
               aliases=["Минздрав Узбекистана"])  # fmt: skip
APHP = Actor(id="aphp", name="Assistance Publique – Hôpitaux de Paris", type="HealthcareProvider",
             country="FR", aliases=["AP-HP"])  # fmt: skip
ONCO_UZ = Actor(id="onco_uz", name="Республиканский онкологический центр", type="HealthcareProvider",
                country="UZ")  # fmt: skip
DUPONT = Actor(id="p-dupont", name="Jean Dupont", type="Person", country="FR", acts_for="aphp")
WHO = Actor(id="wd/Q7817", name="World Health Organization", type="InternationalOrganization",
            wikidata="Q7817", aliases=["ВОЗ"])  # fmt: skip
MOH_KZ = Actor(id="moh_kz", name="Ministry of Healthcare of Kazakhstan", type="GovernmentBody", country="KZ")
CLINIC = Actor(id="clinic_ab", name='Clinic "A&B" <Almaty>', type="HealthcareProvider", country="KZ")

MEMO_EN = "The Ministry of Health of Uzbekistan and AP-HP signed a memorandum on pediatric oncology."
MEMO_RU = "Минздрав Узбекистана и AP-HP подписали меморандум по детской онкологии."
MEETING = "Jean Dupont of AP-HP met the Ministry of Health of Uzbekistan."
VISIT = "Доктора AP-HP посетили Республиканский онкологический центр и Минздрав Узбекистана."
TALKS = "WHO and the Ministry of Healthcare of Kazakhstan discussed cardiology programmes."
AID = 'WHO handed equipment to Clinic "A&B" <Almaty>.'


def _ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def _article(key: str, text: str, *, date: str | None, publisher: str | None, lang: str) -> Article:
    return Article(
        id=f"art-{key}", source=f"https://news.example/{key}", url=f"https://news.example/{key}",
        title=f"Article {key}", date=dt.date.fromisoformat(date) if date else None, lang=lang,
        publisher=publisher, text=text,
    )  # fmt: skip


def facts() -> list[Facts]:
    t1 = f"{MEMO_EN} {MEETING}"
    t2 = f"{MEMO_RU} {VISIT}"
    t3 = f"{TALKS} {AID}"
    memo = dict(kind="agreement", status="signed", date=dt.date(2025, 9, 6))
    return [
        Facts(
            article=_article("a1", t1, date="2025-09-06", publisher="outlet-a", lang="en"),
            actors=[MOH_UZ, APHP, DUPONT],
            links=[
                Link(
                    id="l1",
                    **memo,
                    sides=[["moh_uz"], ["aphp"]],
                    specialties=["oncology", "pediatrics"],
                    areas=["training"],
                    evidence=[_ev(t1, MEMO_EN)],
                ),
                Link(
                    id="l2",
                    kind="meeting",
                    status="held",
                    date=dt.date(2025, 9, 6),
                    sides=[["p-dupont", "aphp"], ["moh_uz"]],
                    evidence=[_ev(t1, MEETING)],
                ),
            ],
        ),
        Facts(
            article=_article("a2", t2, date="2025-10-02", publisher="outlet-b", lang="ru"),
            actors=[MOH_UZ, APHP, ONCO_UZ],
            links=[
                Link(
                    id="l1",
                    **memo,
                    sides=[["aphp"], ["moh_uz"]],
                    specialties=["oncology"],
                    evidence=[_ev(t2, MEMO_RU)],
                ),
                Link(
                    id="l2",
                    kind="visit",
                    status="held",
                    date=dt.date(2025, 10, 1),
                    sides=[["aphp"], ["onco_uz", "moh_uz"]],
                    specialties=["oncology"],
                    areas=["joint_operations"],
                    evidence=[_ev(t2, VISIT)],
                ),
            ],
        ),
        Facts(
            article=_article("a3", t3, date=None, publisher=None, lang="en"),
            actors=[WHO, MOH_KZ, CLINIC],
            links=[
                Link(
                    id="l1",
                    kind="meeting",
                    status="discussed",
                    sides=[["wd/Q7817"], ["moh_kz"]],
                    specialties=["cardiology"],
                    evidence=[_ev(t3, TALKS)],
                ),
                Link(
                    id="l2",
                    kind="aid",
                    status="held",
                    date=dt.date(2024, 5, 10),
                    sides=[["wd/Q7817"], ["clinic_ab"]],
                    areas=["equipment"],
                    evidence=[_ev(t3, AID)],
                ),
            ],
        ),
    ]


def fill(store: GraphStore) -> None:
    for f in facts():
        store.write_facts(f)


def settings_for(tmp_path: Path, **overrides: Any) -> Settings:
    # "testserver" is the Host of in-process clients (schemathesis' ASGI loader among them)
    hosts = ["localhost", "127.0.0.1", "testserver"]
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "api_token": TOKEN,
        "allowed_hosts": hosts,
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


STORE_KINDS = ["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def store_of(request: pytest.FixtureRequest, kind: str) -> GraphStore:
    """The conftest's empty store of this kind (a tmp LadybugDB, or the session's cleared Neo4j)."""
    store: GraphStore = request.getfixturevalue(f"{kind}_store")
    return store


def client_for(settings: Settings, store: GraphStore | None = None) -> Iterator[TestClient]:
    with TestClient(
        create_app(settings, store), base_url="http://localhost", raise_server_exceptions=False
    ) as client:
        yield client


def link_id(client: TestClient, **params: str) -> str:
    """The stored id of the one link matching the filters (ids are computed by the store)."""
    body = client.get("/links", params={**params, "total": "1"}).json()
    assert body["total"] == 1, body
    return str(body["items"][0]["id"])
