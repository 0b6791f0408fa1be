"""The read endpoints on both stores: exact shapes and values over the hand-made graph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.test_api_support import (
    MEMO_EN,
    MEMO_RU,
    STORE_KINDS,
    VISIT,
    client_for,
    fill,
    link_id,
    settings_for,
    store_of,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

APHP = {"id": "aphp", "name": "Assistance Publique – Hôpitaux de Paris", "kind": "HealthcareProvider",
        "country": "FR"}  # fmt: skip
MOH_UZ = {
    "id": "moh_uz",
    "name": "Ministry of Health of Uzbekistan",
    "kind": "GovernmentBody",
    "country": "UZ",
}
ONCO_UZ = {"id": "onco_uz", "name": "Республиканский онкологический центр", "kind": "HealthcareProvider",
           "country": "UZ"}  # fmt: skip
WHO = {
    "id": "wd/Q7817",
    "name": "World Health Organization",
    "kind": "InternationalOrganization",
    "country": None,
}
DUPONT = {"id": "p-dupont", "name": "Jean Dupont", "kind": "Person", "country": "FR"}


@pytest.fixture(params=STORE_KINDS)
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    store = store_of(request, request.param)
    fill(store)
    yield from client_for(settings_for(tmp_path, network_node_cap=500), store)


def _json(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def _ev(lid: str, text: str, art: str, date: str | None) -> dict[str, Any]:
    return {"link_id": lid, "text": text, "article_id": f"art-{art}", "url": f"https://news.example/{art}",
            "title": f"Article {art}", "date": date}  # fmt: skip


def _round_robin(by_link: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Evidence as /cooperations picks it: the first sentence of each link (in id order), then the second..."""
    ids = sorted(by_link)
    return [by_link[i][n] for n in range(3) for i in ids if n < len(by_link[i])][:3]


def test_health_reports_store_counts_and_versions(client: TestClient) -> None:
    body = _json(client.get("/health", params={"full": 1}))
    assert body["status"] == "ok"
    assert body["store"] == body["versions"]["store_dialect"]
    assert body["store"] in ("ladybug", "neo4j")
    assert body["counts"]["nodes"]["Article"] == 3
    assert body["counts"]["nodes"]["Link"] == 5
    assert body["counts"]["nodes"]["Actor"] == 7
    import hdkg

    assert body["versions"]["hdkg"] == hdkg.__version__
    if body["store"] == "ladybug":
        from importlib.metadata import version

        assert body["versions"]["store_server"] == version("ladybug")
    else:  # the server's own answer to dbms.components(), e.g. "5.26.0"
        assert re.fullmatch(r"5\.\d+\.\d+.*", body["versions"]["store_server"] or ""), body["versions"]
    assert set(body) == {"status", "store", "counts", "versions"}
    live = _json(client.get("/health"))
    assert live["counts"] is None, "plain /health is liveness only: no counting"
    assert {k: v for k, v in live.items() if k != "counts"} == {
        k: v for k, v in body.items() if k != "counts"
    }


def test_oncology_cooperations_with_evidence(client: TestClient) -> None:
    memo = link_id(client, kind="agreement")
    visit = link_id(client, kind="visit")
    body = _json(client.get("/cooperations", params={"specialty": "oncology"}))
    assert body == {
        "total": 2,
        "limit": 20,
        "offset": 0,
        "level": "actor",
        "items": [
            {
                # sources: the distinct articles a1 and a2 (the two links' own counts add up to 3)
                "a": APHP, "b": MOH_UZ, "links": 2, "sources": 2,
                "first_date": "2025-09-06", "last_date": "2025-10-01",
                "link_ids": sorted([memo, visit]),
                "evidence": _round_robin(
                    {memo: [_ev(memo, MEMO_EN, "a1", "2025-09-06"), _ev(memo, MEMO_RU, "a2", "2025-10-02")],
                     visit: [_ev(visit, VISIT, "a2", "2025-10-02")]}
                ),
            },
            {
                "a": APHP, "b": ONCO_UZ, "links": 1, "sources": 1,
                "first_date": "2025-10-01", "last_date": "2025-10-01",
                "link_ids": [visit], "evidence": [_ev(visit, VISIT, "a2", "2025-10-02")],
            },
        ],
    }  # fmt: skip


def test_cooperations_drop_persons_beside_their_body_and_sort_by_date(client: TestClient) -> None:
    body = _json(client.get("/cooperations", params={"sort": "last_date", "order": "asc"}))
    pairs = [(i["a"]["id"], i["b"]["id"], i["last_date"]) for i in body["items"]]
    # Undated last whatever the order; ties in pair-id order; Jean Dupont stands beside AP-HP: no pair.
    assert pairs == [
        ("clinic_ab", "wd/Q7817", "2024-05-10"),
        ("aphp", "moh_uz", "2025-10-01"),
        ("aphp", "onco_uz", "2025-10-01"),
        ("moh_kz", "wd/Q7817", None),
    ]
    desc = _json(client.get("/cooperations", params={"sort": "last_date", "order": "desc"}))
    assert [i["last_date"] for i in desc["items"]] == ["2025-10-01", "2025-10-01", "2024-05-10", None]


def test_cooperations_paginate_and_sort_by_sources(client: TestClient) -> None:
    page = _json(client.get("/cooperations", params={"sort": "sources", "limit": 1, "offset": 1}))
    assert (page["total"], page["limit"], page["offset"]) == (4, 1, 1)
    assert [(i["a"]["id"], i["b"]["id"], i["sources"]) for i in page["items"]] == [("aphp", "onco_uz", 1)]
    assert _json(client.get("/cooperations", params={"offset": 10}))["items"] == []


def test_cooperations_by_country(client: TestClient) -> None:
    body = _json(client.get("/cooperations", params={"level": "country", "since": "2025-01-01"}))
    assert body["total"] == 1
    fr_uz = body["items"][0]
    assert fr_uz["a"] == {"id": "FR", "name": "FR", "kind": None, "country": "FR"}
    assert fr_uz["b"] == {"id": "UZ", "name": "UZ", "kind": None, "country": "UZ"}
    # sources: the two articles behind the three links (their per-link counts add up to 4)
    assert (fr_uz["links"], fr_uz["sources"]) == (3, 2)
    # The undated WHO meeting is outside any date window; the dated aid is before it.
    assert _json(client.get("/cooperations", params={"country": "kz", "since": "2020-01-01"}))["total"] == 1


def test_actor_search_finds_inflected_russian(client: TestClient) -> None:
    body = _json(client.get("/actors", params={"q": "онкологического центра"}))
    assert body == {"count": 1, "limit": 20, "items": [{**ONCO_UZ, "aliases": [], "links": 1}]}
    by_alias = _json(client.get("/actors", params={"q": "минздраве узбекистана"}))
    assert [a["id"] for a in by_alias["items"]] == ["moh_uz"]
    orgs = _json(client.get("/actors", params={"kind": "InternationalOrganization", "limit": 5}))
    assert [a["id"] for a in orgs["items"]] == ["wd/Q7817"]
    assert _json(client.get("/actors", params={"country": "FR"}))["count"] == 2


def test_actor_profile_partners_and_timeline(client: TestClient) -> None:
    memo, visit = link_id(client, kind="agreement"), link_id(client, kind="visit")
    meeting = link_id(client, kind="meeting", status="held")
    body = _json(client.get("/actors/moh_uz"))
    assert body == {
        **MOH_UZ, "aliases": ["Минздрав Узбекистана"], "wikidata": None, "links": 3,
        "partners_by_specialty": [
            {"specialty": "oncology", "partners": [{**APHP, "links": 2, "link_ids": sorted([memo, visit])}]},
            {"specialty": "pediatrics", "partners": [{**APHP, "links": 1, "link_ids": [memo]}]},
            {"specialty": None, "partners": [{**APHP, "links": 1, "link_ids": [meeting]},
                                             {**DUPONT, "links": 1, "link_ids": [meeting]}]},
        ],
        "timeline": [
            *sorted([
                {"link_id": memo, "kind": "agreement", "status": "signed", "date": "2025-09-06",
                 "specialties": ["oncology", "pediatrics"], "areas": ["training"], "partners": [APHP]},
                {"link_id": meeting, "kind": "meeting", "status": "held", "date": "2025-09-06",
                 "specialties": [], "areas": [], "partners": [APHP, DUPONT]},
            ], key=lambda e: str(e["link_id"])),
            {"link_id": visit, "kind": "visit", "status": "held", "date": "2025-10-01",
             "specialties": ["oncology"], "areas": ["joint_operations"], "partners": [APHP]},
        ],
    }  # fmt: skip


def test_actor_id_with_a_slash_and_wikidata(client: TestClient) -> None:
    body = _json(client.get("/actors/wd/Q7817"))
    assert (body["id"], body["wikidata"], body["aliases"], body["links"]) == ("wd/Q7817", "Q7817", ["ВОЗ"], 2)
    assert [e["date"] for e in body["timeline"]] == ["2024-05-10", None]


def test_unknown_actor_and_link_are_problem_404(client: TestClient) -> None:
    for path in ("/actors/nobody", "/links/no-such-link"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"
        body = r.json()
        assert body["type"] == "urn:hdkg:problem:not-found"
        assert body["instance"] == path
        assert path.rsplit("/", 1)[1] in body["detail"]


def test_an_empty_date_window_matches_nothing(client: TestClient) -> None:
    params = {"since": "2025-02-01", "until": "2025-01-01"}
    assert _json(client.get("/links", params={**params, "total": "1"}))["total"] == 0
    assert _json(client.get("/cooperations", params=params))["items"] == []


def test_links_filters_and_paging(client: TestClient) -> None:
    all_links = _json(client.get("/links", params={"total": "1"}))
    assert (all_links["total"], all_links["has_more"]) == (5, False)
    assert [i["date"] for i in all_links["items"]] == [
        "2025-10-01",
        "2025-09-06",
        "2025-09-06",
        "2024-05-10",
        None,
    ]
    page = _json(client.get("/links", params={"limit": 2, "offset": 1}))
    assert (page["total"], page["has_more"], [i["id"] for i in page["items"]]) == (
        None,
        True,
        [i["id"] for i in all_links["items"][1:3]],
    )
    last = _json(client.get("/links", params={"limit": 2, "offset": 3}))
    assert (last["has_more"], [i["id"] for i in last["items"]]) == (
        False,
        [i["id"] for i in all_links["items"][3:]],
    )
    dated = _json(client.get("/links", params={"since": "2024-01-01", "until": "2025-09-30"}))
    assert [i["kind"] for i in dated["items"]] in (
        ["agreement", "meeting", "aid"],
        ["meeting", "agreement", "aid"],
    )
    who = _json(client.get("/links", params={"actor": "wd/Q7817", "area": "equipment"}))
    assert [(i["kind"], i["sides"]) for i in who["items"]] == [
        ("aid", [[{"id": "clinic_ab", "name": 'Clinic "A&B" <Almaty>', "kind": "HealthcareProvider",
                   "country": "KZ"}], [WHO]])
    ]  # fmt: skip


def test_link_detail_sides_evidence_articles(client: TestClient) -> None:
    memo = link_id(client, kind="agreement")
    body = _json(client.get(f"/links/{memo}"))
    start_ru = 0
    assert body == {
        "id": memo, "kind": "agreement", "status": "signed", "date": "2025-09-06",
        "specialties": ["oncology", "pediatrics"], "areas": ["training"], "sources": 2,
        "sides": [[APHP], [MOH_UZ]],
        "evidence": [
            {"text": MEMO_EN, "start": 0, "end": len(MEMO_EN), "article_id": "art-a1"},
            {"text": MEMO_RU, "start": start_ru, "end": len(MEMO_RU), "article_id": "art-a2"},
        ],
        "articles": [
            {"id": "art-a1", "url": "https://news.example/a1", "title": "Article a1", "date": "2025-09-06"},
            {"id": "art-a2", "url": "https://news.example/a2", "title": "Article a2", "date": "2025-10-02"},
        ],
    }  # fmt: skip
    meeting = _json(client.get(f"/links/{link_id(client, kind='meeting', status='held')}"))
    assert meeting["sides"] == [[APHP, DUPONT], [MOH_UZ]]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"specialty": "astrology"}, "specialty"),
        ({"kind": "war"}, "kind"),
        ({"country": "Uzbekistan"}, "country"),
        ({"since": "2025-13-01"}, "since"),
        ({"limit": "0"}, "limit"),
        ({"level": "planet"}, "level"),
    ],
)
def test_bad_parameters_are_422_problems_naming_the_field(
    client: TestClient, params: dict[str, str], field: str
) -> None:
    r = client.get("/cooperations", params=params)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["type"] == "urn:hdkg:problem:validation"
    assert f"query parameter '{field}'" in body["detail"]
    assert [e["loc"] for e in body["errors"]] == [["query", field]]
