"""GET /cooperations: "who cooperates with whom on oncology", with the sentences that prove it.

The contract's pair queries already aggregate per pair; sorting and paging
happen here so that every sort key (links, sources, last date) works the
same on both stores, and evidence is fetched only for the page shown.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..deps import FiltersDep, Level, StoreDep
from ..queries import as_date, iso, run
from ..responses import problems
from ..schemas.cooperations import Cooperation, CooperationPage, EvidenceSnippet, PairSide

router = APIRouter(tags=["cooperation"])

EVIDENCE_PER_PAIR = 3


class SortKey(StrEnum):
    links = "links"
    sources = "sources"
    last_date = "last_date"


class Order(StrEnum):
    desc = "desc"
    asc = "asc"


def _sort(rows: list[dict[str, Any]], key: SortKey, order: Order, level: Level) -> list[dict[str, Any]]:
    """Sort by the key; ties and missing dates always in the same place (pair ids asc, nulls last)."""
    ids = ("a_id", "b_id") if level is Level.actor else ("a_country", "b_country")
    rows = sorted(rows, key=lambda r: (str(r[ids[0]] or ""), str(r[ids[1]] or "")))
    present = [r for r in rows if r[key.value] is not None]
    absent = [r for r in rows if r[key.value] is None]
    if key is SortKey.last_date:
        present.sort(key=lambda r: iso(r["last_date"]) or "", reverse=order is Order.desc)
    else:
        present.sort(key=lambda r: int(r[key.value]), reverse=order is Order.desc)
    return present + absent


def _sides(row: dict[str, Any], level: Level) -> tuple[PairSide, PairSide]:
    if level is Level.country:
        a, b = str(row["a_country"]), str(row["b_country"])
        return PairSide(id=a, name=a, country=a), PairSide(id=b, name=b, country=b)
    a_side, b_side = (
        PairSide(id=row[f"{s}_id"], name=row[f"{s}_name"], kind=row[f"{s}_kind"], country=row[f"{s}_country"])
        for s in ("a", "b")
    )
    return a_side, b_side


def _evidence(store: StoreDep, link_ids: list[str]) -> dict[str, list[EvidenceSnippet]]:
    by_link: dict[str, list[EvidenceSnippet]] = {}
    if not link_ids:
        return by_link
    for r in run(store, "link_evidence", ids=sorted(set(link_ids))):
        by_link.setdefault(r["link_id"], []).append(
            EvidenceSnippet(
                link_id=r["link_id"],
                text=r["text"],
                article_id=r["article_id"],
                url=r["url"],
                title=r["title"],
                date=as_date(r["date"]),
            )
        )
    return by_link


def _pick(link_ids: list[str], by_link: dict[str, list[EvidenceSnippet]]) -> list[EvidenceSnippet]:
    """A few distinct sentences, one per link first so that several links are represented."""
    picked: list[EvidenceSnippet] = []
    seen: set[str] = set()
    rounds = max((len(by_link.get(i, [])) for i in link_ids), default=0)
    for n in range(rounds):
        for link_id in link_ids:
            items = by_link.get(link_id, [])
            if n < len(items) and items[n].text not in seen and len(picked) < EVIDENCE_PER_PAIR:
                seen.add(items[n].text)
                picked.append(items[n])
    return picked


@router.get(
    "/cooperations",
    response_model=CooperationPage,
    summary="Who cooperates with whom",
    description="Pairs of actors (or of countries with `level=country`) on different sides of matching "
    "links, with counts of links and sources, first and last dates, link ids and a few evidence "
    "sentences with their article URLs. Sorted and paginated.",
    responses=problems(),
)
def list_cooperations(
    store: StoreDep,
    filters: FiltersDep,
    level: Annotated[Level, Query(description="Aggregate by actor or by country")] = Level.actor,
    sort: Annotated[SortKey, Query(description="Sort key")] = SortKey.links,
    order: Annotated[Order, Query(description="Sort order (missing dates always last)")] = Order.desc,
    limit: Annotated[int, Query(ge=1, le=500, description="Page size")] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")] = 0,
) -> CooperationPage:
    name = "cooperation_pairs" if level is Level.actor else "cooperation_country_pairs"
    rows = _sort(run(store, name, **filters.params()), sort, order, level)
    page = rows[offset : offset + limit]
    by_link = _evidence(store, [i for r in page for i in r["link_ids"]])
    items = []
    for r in page:
        a, b = _sides(r, level)
        link_ids = sorted(r["link_ids"])
        items.append(
            Cooperation(
                a=a,
                b=b,
                links=int(r["links"]),
                sources=int(r["sources"]),
                first_date=as_date(r["first_date"]),
                last_date=as_date(r["last_date"]),
                link_ids=link_ids,
                evidence=_pick(link_ids, by_link),
            )
        )
    return CooperationPage(total=len(rows), limit=limit, offset=offset, level=level.value, items=items)
