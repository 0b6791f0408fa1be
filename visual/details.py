"""The details of links (parties, evidence, articles) the page shows on a click.

The served page asks the API's ``/links/{id}``; the standalone file has no
server, so the same records are embedded in its data. The shape mirrors the
``link``, ``link_parties`` and ``link_evidence`` query columns, which is what
the page's script reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from hdkg.graph.base import GraphStore
from hdkg.graph.network import NetworkData

#: Per link: evidence sentences kept in the standalone file (a link rarely has more).
MAX_EVIDENCE = 20
CHUNK = 500


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    iso = getattr(value, "isoformat", None)
    return str(iso()) if callable(iso) else str(value)


def link_details(store: GraphStore, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Link records keyed by id, in the shape of the API's ``GET /links/{id}`` (LinkDetail)."""
    wanted = sorted(set(ids))
    out: dict[str, dict[str, Any]] = {}
    for link_id in wanted:
        for r in store.query("link", id=link_id):
            out[r["id"]] = {
                "id": r["id"],
                "kind": r["kind"],
                "status": r["status"],
                "date": _iso(r["date"]),
                "specialties": sorted(r["specialties"] or []),
                "areas": sorted(r["areas"] or []),
                "sources": int(r["sources"] or 0),
                "sides": [],
                "evidence": [],
                "articles": [],
            }
    sides: dict[str, dict[int, list[dict[str, Any]]]] = defaultdict(dict)
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    articles: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        for r in store.query("link_parties", ids=chunk):
            sides[r["link_id"]].setdefault(int(r["side"]), []).append(
                {"id": r["actor_id"], "name": r["name"], "kind": r["kind"], "country": r["country"]}
            )
        for r in store.query("link_evidence", ids=chunk):
            evidence[r["link_id"]].append({"text": r["text"], "article_id": r["article_id"]})
            articles[r["link_id"]].setdefault(
                r["article_id"],
                {"id": r["article_id"], "url": r["url"], "title": r["title"], "date": _iso(r["date"])},
            )
    for link_id, rec in out.items():
        by_side = sides.get(link_id, {})
        rec["sides"] = [by_side[k] for k in sorted(by_side)]
        rec["evidence"] = evidence.get(link_id, [])[:MAX_EVIDENCE]
        rec["articles"] = [v for _, v in sorted(articles.get(link_id, {}).items())]
    return out


def details_for(store: GraphStore, data: NetworkData) -> dict[str, dict[str, Any]]:
    return link_details(store, (i for e in data.edges for i in e.link_ids))
