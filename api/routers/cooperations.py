"""GET /cooperations: "who cooperates with whom on oncology", with the sentences that prove it.

The contract's pair queries aggregate, sort and page in the store (their
order is the one documented here, the same on both stores), so only the page
travels to Python; the total comes from their ``*_count`` twins and evidence
is fetched only for the links of the page shown, and of those only as many as
the choice of sentences needs (see ``_page_evidence``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..deps import FiltersDep, Level, StoreDep
from ..queries import as_date, run
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


def _pick(
    link_ids: list[str], by_link: dict[str, list[EvidenceSnippet]], rounds: int | None = None
) -> list[EvidenceSnippet]:
    """A few distinct sentences, one per link first so that several links are represented."""
    picked: list[EvidenceSnippet] = []
    seen: set[str] = set()
    most = max((len(by_link.get(i, [])) for i in link_ids), default=0)
    for n in range(most if rounds is None else min(rounds, most)):
        for link_id in link_ids:
            items = by_link.get(link_id, [])
            if n < len(items) and items[n].text not in seen and len(picked) < EVIDENCE_PER_PAIR:
                seen.add(items[n].text)
                picked.append(items[n])
    return picked


def _page_evidence(store: StoreDep, pairs: list[list[str]]) -> list[list[EvidenceSnippet]]:
    """``_pick`` over each pair's sorted link ids, fetching the links in growing prefixes: once the first
    round over a prefix finds enough sentences, later links cannot change the choice. A country pair
    on a large graph has thousands of links (tens of thousands of sentences) for three sentences."""
    by_link: dict[str, list[EvidenceSnippet]] = {}
    fetched: set[str] = set()
    chosen: dict[int, list[EvidenceSnippet]] = {}
    size = 2 * EVIDENCE_PER_PAIR
    while len(chosen) < len(pairs):
        wanted = {i for k, ids in enumerate(pairs) if k not in chosen for i in ids[:size]} - fetched
        by_link.update(_evidence(store, sorted(wanted)))
        fetched |= wanted
        for k, ids in enumerate(pairs):
            if k not in chosen and (
                size >= len(ids) or len(_pick(ids[:size], by_link, 1)) == EVIDENCE_PER_PAIR
            ):
                chosen[k] = _pick(ids[:size], by_link)
        size *= 8
    return [chosen[k] for k in range(len(pairs))]


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
    # sorted by the key, missing values last whatever the order, ties by the pair's ids ascending
    name = "cooperation_pairs" if level is Level.actor else "cooperation_country_pairs"
    params = filters.params()
    total = int(run(store, f"{name}_count", **params)[0]["total"])
    page = run(store, name, **params, sort=sort.value, order=order.value, limit=limit, offset=offset)
    pairs = [sorted(r["link_ids"]) for r in page]
    items = []
    for r, link_ids, evidence in zip(page, pairs, _page_evidence(store, pairs), strict=True):
        a, b = _sides(r, level)
        items.append(
            Cooperation(
                a=a,
                b=b,
                links=int(r["links"]),
                sources=int(r["sources"]),
                first_date=as_date(r["first_date"]),
                last_date=as_date(r["last_date"]),
                link_ids=link_ids,
                evidence=evidence,
            )
        )
    return CooperationPage(total=total, limit=limit, offset=offset, level=level.value, items=items)
