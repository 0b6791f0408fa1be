"""GET /actors (full-text search) and GET /actors/{id} (profile, partners, timeline)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from hdkg.errors import NotFound

from ..deps import COUNTRY, ActorType, StoreDep
from ..queries import as_date, iso, run
from ..responses import problems
from ..schemas.actors import ActorDetail, ActorList, ActorSummary, Partner, SpecialtyPartners, TimelineEntry
from ..schemas.common import ActorRef

router = APIRouter(tags=["actors"])


def _summary(r: dict[str, Any]) -> ActorSummary:
    return ActorSummary(
        id=r["id"],
        name=r["name"],
        kind=r["kind"],
        country=r["country"],
        aliases=sorted(r["aliases"] or []),
        links=int(r["links"]),
    )


@router.get(
    "/actors",
    response_model=ActorList,
    summary="Search actors",
    description="Full-text search over names and aliases (inflected Russian forms are found through "
    "stems); without `q`, lists all actors. Sorted by number of links.",
    responses=problems(),
)
def search_actors(
    store: StoreDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words of a name or alias, any case or inflection",
            openapi_examples={"ru": {"value": "минздрав узбекистана"}},
        ),
    ] = None,
    kind: Annotated[ActorType | None, Query(description="Actor type")] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY, description="ISO 3166-1 alpha-2")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> ActorList:
    rows = run(
        store,
        "actors_search",
        q=q.strip() if q and q.strip() else None,
        kind=kind.value if kind else None,
        country=country.upper() if country else None,
        limit=limit,
    )
    items = [_summary(r) for r in rows[:limit]]
    return ActorList(count=len(items), limit=limit, items=items)


def _timeline(rows: list[dict[str, Any]]) -> list[TimelineEntry]:
    entries: dict[str, TimelineEntry] = {}
    for r in rows:
        entry = entries.get(r["link_id"])
        if entry is None:
            entry = entries[r["link_id"]] = TimelineEntry(
                link_id=r["link_id"],
                kind=r["kind"],
                status=r["status"],
                date=as_date(r["date"]),
                specialties=sorted(r["specialties"] or []),
                areas=sorted(r["areas"] or []),
                partners=[],
            )
        entry.partners.append(
            ActorRef(
                id=r["partner_id"],
                name=r["partner_name"],
                kind=r["partner_kind"],
                country=r["partner_country"],
            )
        )
    for e in entries.values():
        e.partners.sort(key=lambda p: p.id)
    # Oldest first and undated last, whatever order a dialect gives nulls.
    return sorted(entries.values(), key=lambda e: (e.date is None, iso(e.date) or "", e.link_id))


def _partners_by_specialty(timeline: list[TimelineEntry]) -> list[SpecialtyPartners]:
    groups: dict[str | None, dict[str, Partner]] = {}
    for e in timeline:
        keys: list[str | None] = list(e.specialties) or [None]
        for specialty in keys:
            group = groups.setdefault(specialty, {})
            for p in e.partners:
                partner = group.get(p.id)
                if partner is None:
                    partner = group[p.id] = Partner(**p.model_dump(), links=0, link_ids=[])
                if e.link_id not in partner.link_ids:
                    partner.link_ids.append(e.link_id)
                    partner.links += 1
    out = []
    for specialty in sorted(groups, key=lambda s: (s is None, s or "")):
        partners = sorted(groups[specialty].values(), key=lambda p: (-p.links, p.name, p.id))
        for p in partners:
            p.link_ids.sort()
        out.append(SpecialtyPartners(specialty=specialty, partners=partners))
    return out


@router.get(
    "/actors/{actor_id:path}",
    response_model=ActorDetail,
    summary="One actor",
    description="Aliases, type, country, Wikidata id, partners grouped by specialty and the timeline of "
    "the actor's links. Actor ids may contain slashes (IRIs).",
    responses=problems(404),
)
def get_actor(
    store: StoreDep,
    actor_id: Annotated[
        str, Path(min_length=1, max_length=500, pattern=r"^[^\r\n]+$", description="Actor id (one line)")
    ],
) -> ActorDetail:
    rows = run(store, "actor", id=actor_id)
    if not rows:
        raise NotFound(f"No actor with id {actor_id!r}", where="actor_id")
    a = rows[0]
    timeline = _timeline(run(store, "actor_links", id=actor_id))
    return ActorDetail(
        id=a["id"],
        name=a["name"],
        kind=a["kind"],
        country=a["country"],
        aliases=sorted(a["aliases"] or []),
        wikidata=a["wikidata"],
        links=int(a["links"]),
        partners_by_specialty=_partners_by_specialty(timeline),
        timeline=timeline,
    )
