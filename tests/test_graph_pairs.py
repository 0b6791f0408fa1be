"""The pair queries sort and page in the store: every page equals the documented order, computed in
Python from the unpaged rows, sliced; the count twins give the unpaged number of rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from hdkg.api.routers.cooperations import Order, SortKey
from hdkg.errors import QueryError
from hdkg.graph.base import GraphStore
from hdkg.graph.queries import LINK_FILTERS, ORDERS, PAIR_SORTS, SPECS
from hdkg.models import Actor, Article, Facts, Link
from tests.graph_fixture import articles

_PAIRS = {"cooperation_pairs": ("a_id", "b_id"), "cooperation_country_pairs": ("a_country", "b_country")}
_PAGES = [(None, None), (1, 0), (2, 1), (3, 4), (4, 7), (5, 100), (None, 3)]
_FILTERS: list[dict[str, Any]] = [{}, {"country": "KZ"}, {"since": "2024-01-01"}, {"kind": "meeting"}]

_EXTRA = [
    Actor(id=f"t-{c.lower()}{i}", name=f"Test Clinic {c}{i}", type="HealthcareProvider", country=c)
    for c in ("KZ", "KG", "TJ")
    for i in (1, 2)
] + [Actor(id="t-org", name="Test Health Union", type="InternationalOrganization")]


def _extra_facts() -> list[Facts]:
    """Pairs with equal link counts, sources and dates (ties), and undated ones (missing last dates)."""
    ids = [a.id for a in _EXTRA]
    out = []
    for n in range(8):
        date = None if n % 3 == 0 else dt.date(2024, 1 + n % 2, 10)
        links = [
            Link(id="l1", kind="meeting", status="held", date=date, sides=[[ids[n % 7]], [ids[(n + 2) % 7]]]),
            Link(id="l2", kind="agreement", status="signed", date=None, sides=[[ids[(n + 3) % 7]], [ids[6]]]),
        ]
        article = Article(id=f"t-art-{n}", source=f"https://test.example/{n}", url=f"https://test.example/{n}",
                          title=f"T{n}", date=dt.date(2024, 3, 1), lang="en", text=f"Test article {n}.")  # fmt: skip
        out.append(Facts(article=article, actors=_EXTRA, links=links))
    return out


def _reference(
    rows: list[dict[str, Any]], sort: str, order: str, ids: tuple[str, str]
) -> list[dict[str, Any]]:
    """The order GET /cooperations documents: by the key, missing values last, ties by the two ids asc."""
    by_ids = sorted(rows, key=lambda r: (r[ids[0]], r[ids[1]]))
    present = [r for r in by_ids if r[sort] is not None]
    present.sort(key=lambda r: r[sort], reverse=order == "desc")  # stable: ties keep the id order
    return present + [r for r in by_ids if r[sort] is None]


@pytest.fixture
def filled(any_store: GraphStore) -> GraphStore:
    for facts in [*articles(), *_extra_facts()]:
        any_store.write_facts(facts)
    return any_store


def _run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return store.query(name, **(dict.fromkeys(SPECS[name].params) | params))


def test_the_graph_has_ties_and_missing_dates(filled: GraphStore) -> None:
    """Without ties and undated pairs the other tests could not tell a wrong tie-break or null order."""
    rows = _run(filled, "cooperation_pairs")
    assert sum(r["last_date"] is None for r in rows) >= 2
    for key in PAIR_SORTS:
        assert max(Counter(r[key] for r in rows if r[key] is not None).values()) >= 2, key
    assert len({r["links"] for r in rows}) >= 2 and len({r["last_date"] for r in rows}) >= 3


@pytest.mark.parametrize("name", sorted(_PAIRS))
def test_every_page_is_the_reference_order_sliced(filled: GraphStore, name: str) -> None:
    ids = _PAIRS[name]
    for filters in _FILTERS:
        unpaged = _run(filled, name, **filters)
        total = _run(filled, f"{name}_count", **filters)[0]["total"]
        assert total == len(unpaged)
        assert filters or total >= 8
        assert unpaged == _reference(unpaged, "links", "desc", ids)  # the default order
        for sort in PAIR_SORTS:
            for order in ORDERS:
                ref = _reference(unpaged, sort, order, ids)
                for limit, offset in _PAGES:
                    page = _run(filled, name, **filters, sort=sort, order=order, limit=limit, offset=offset)
                    start = offset or 0
                    want = ref[start:] if limit is None else ref[start : start + limit]
                    assert page == want, f"{name}({filters}, {sort} {order}, limit={limit}, offset={offset})"


def test_missing_dates_are_last_in_both_orders(filled: GraphStore) -> None:
    for order in ORDERS:
        dates = [r["last_date"] for r in _run(filled, "cooperation_pairs", sort="last_date", order=order)]
        present = [d for d in dates if d is not None]
        assert dates == present + [None] * (len(dates) - len(present))
        assert present == sorted(present, reverse=order == "desc") and present[0] != present[-1]


def test_count_twins_take_only_the_filters() -> None:
    for name in _PAIRS:
        assert SPECS[f"{name}_count"].params == LINK_FILTERS
        assert SPECS[f"{name}_count"].columns == ("total",)


def test_sort_and_order_are_a_closed_set(ladybug_store: GraphStore) -> None:
    for bad in ({"sort": "name"}, {"order": "up"}, {"sort": "links DESC, a_id"}):
        with pytest.raises(QueryError, match="must be one of"):
            _run(ladybug_store, "cooperation_pairs", **bad)


def test_the_api_offers_exactly_the_contract_sorts() -> None:
    assert [k.value for k in SortKey] == list(PAIR_SORTS)
    assert [o.value for o in Order] == list(ORDERS)
