"""GET /links (filtered, paginated) and GET /links/{id} (sides, evidence, articles)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from hdkg.errors import NotFound

from ..deps import FiltersDep, StoreDep
from ..queries import as_date, run
from ..responses import problems
from ..schemas.common import ActorRef, ArticleRef
from ..schemas.links import LinkDetail, LinkEvidence, LinkPage, LinkSummary

router = APIRouter(tags=["links"])


def sides_of(store: StoreDep, ids: list[str]) -> dict[str, list[list[ActorRef]]]:
    """Parties of the links grouped by side, sides in index order."""
    by_link: dict[str, dict[int, list[ActorRef]]] = {}
    if not ids:
        return {}
    for r in run(store, "link_parties", ids=sorted(set(ids))):
        side = by_link.setdefault(r["link_id"], {}).setdefault(int(r["side"]), [])
        side.append(ActorRef(id=r["actor_id"], name=r["name"], kind=r["kind"], country=r["country"]))
    return {
        link_id: [sorted(sides[i], key=lambda a: a.id) for i in sorted(sides)]
        for link_id, sides in by_link.items()
    }


def _base(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"],
        "kind": r["kind"],
        "status": r["status"],
        "date": as_date(r["date"]),
        "specialties": sorted(r["specialties"] or []),
        "areas": sorted(r["areas"] or []),
        "sources": int(r["sources"]),
    }


@router.get(
    "/links",
    response_model=LinkPage,
    summary="List links",
    description="Cooperation links matching the filters, newest first (undated last), with their sides.",
    responses=problems(),
)
def list_links(
    store: StoreDep,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    total: Annotated[bool, Query(description="Also count every matching link (a scan; slower)")] = False,
) -> LinkPage:
    # One row past the page says whether another page exists; the count over all matching
    # links (a full scan, 0.3 s at 10k articles) is run only when the caller asks for it.
    params = filters.params()
    rows = run(store, "links", **params, limit=limit + 1, offset=offset)
    has_more = len(rows) > limit
    rows = rows[:limit]
    count = int(run(store, "links_count", **params)[0]["total"]) if total else None
    sides = sides_of(store, [r["id"] for r in rows])
    items = [LinkSummary(**_base(r), parties=int(r["parties"]), sides=sides.get(r["id"], [])) for r in rows]
    return LinkPage(total=count, has_more=has_more, limit=limit, offset=offset, items=items)


@router.get(
    "/links/{link_id:path}",
    response_model=LinkDetail,
    summary="One link",
    description="Kind, status, date, specialties, areas, the parties grouped by side, the evidence "
    "sentences and the articles that report the link.",
    responses=problems(404),
)
def get_link(
    store: StoreDep,
    link_id: Annotated[
        str, Path(min_length=1, max_length=500, pattern=r"^[^\r\n]+$", description="Link id (one line)")
    ],
) -> LinkDetail:
    rows = run(store, "link", id=link_id)
    if not rows:
        raise NotFound(f"No link with id {link_id!r}", where="link_id")
    evidence_rows = run(store, "link_evidence", ids=[link_id])
    evidence = [
        LinkEvidence(text=r["text"], start=int(r["start"]), end=int(r["end"]), article_id=r["article_id"])
        for r in evidence_rows
    ]
    articles: dict[str, ArticleRef] = {}
    for r in evidence_rows:
        articles.setdefault(
            r["article_id"],
            ArticleRef(id=r["article_id"], url=r["url"], title=r["title"], date=as_date(r["date"])),
        )
    return LinkDetail(
        **_base(rows[0]),
        sides=sides_of(store, [link_id]).get(link_id, []),
        evidence=evidence,
        articles=[articles[k] for k in sorted(articles)],
    )
