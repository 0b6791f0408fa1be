"""Facts from drafts: actors = the parties of links, with every surface form and
mention in the article; links with their evidence sentences (exact offsets)."""

from __future__ import annotations

import hashlib
import re

from hdkg.extraction.cands import Cand, Mention
from hdkg.extraction.links import Draft
from hdkg.extraction.segment import Doc
from hdkg.models import Actor, Article, Evidence, Facts, Link

EXTRACTOR = "hdkg-rules/0.1"
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]{2,80})[»\"”“]")


def _surface_forms(t: str) -> list[str]:
    """A mention and its quoted proper name: "компании «Здравмедтех-Азия»" is also "Здравмедтех-Азия"."""
    out = [t]
    for q in _QUOTED.findall(t):
        if q.strip() and q.strip() not in out:
            out.append(q.strip())
    return out


def facts(
    article: Article, doc: Doc, mentions: list[Mention], drafts: list[Draft], cands: dict[str, Cand]
) -> Facts:
    used: list[str] = []
    for d in drafts:
        for side in d.sides:
            used.extend(i for i in side if i not in used)
    actors = []
    for aid in used:
        c = cands[aid]
        ms = [m for m in mentions if m.cand.id == aid]
        aliases: list[str] = []
        offs: list[tuple[int, int]] = []
        for m in ms:
            a, b = doc.tokens[m.first].start, doc.tokens[m.last - 1].end
            for t in _surface_forms(doc.text[a:b]):
                if t not in aliases:
                    aliases.append(t)
            offs.append((a, b))
        name = c.name
        if not c.in_gazetteer and aliases:
            name = min(aliases, key=len) if c.type == "Person" else aliases[0]
        actors.append(
            Actor(
                id=aid,
                name=name,
                type=c.type,
                country=c.country,
                aliases=aliases,
                mentions=offs,
                wikidata=c.wikidata,
                acts_for=c.acts_for if c.acts_for in used else None,
                in_gazetteer=c.in_gazetteer,
            )
        )
    links = []
    for d in drafts:
        ev = [
            Evidence(
                text=doc.text[doc.sents[s].start : doc.sents[s].end],
                start=doc.sents[s].start,
                end=doc.sents[s].end,
            )
            for s in d.sents
        ]
        h = hashlib.sha1(f"{article.id}|{d.kind}|{d.sents[0]}|{d.sides}".encode()).hexdigest()[:16]
        links.append(
            Link(
                id=f"link_{h}",
                kind=d.kind,
                status=d.status,
                date=article.date,
                sides=d.sides,
                specialties=d.specialties,
                areas=d.areas,
                evidence=ev,
            )
        )
    return Facts(article=article, actors=actors, links=links, extractor=EXTRACTOR)
