"""Links: one per trigger sentence with parties on two or more sides.

A trigger sentence with parties of one side only takes the other side from
context (the other side of the previous link, else the article's anchor:
its most mentioned party of another side). A trigger sentence without
parties ("В ходе встречи министры обсудили ...") and the plain sentences
after a link elaborate it: their specialties, areas and text join it until
the next link starts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from hdkg.extraction import coord, frames, morph, persons, resources, sides, triggers, vocab_match
from hdkg.extraction.cands import Cand, Mention
from hdkg.extraction.segment import Doc, Token

SUBORDINATE = {"при"}  # "центр при минздраве": the parent is no party here
SUBORDINATE_AFTER = {"huzur", "huzuridagi", "huzurida"}  # Uzbek puts the parent first
SOURCE_CUES = {
    "пресс-служба",
    "пресс-центр",
    "сообщать",
    "ссылка",
    "ссылаться",
    "citing",
    "cite",
    "according",
    "matbuot",
}
MAX_ELABORATION = 5  # plain sentences after a link that may still elaborate it
COMPLETE_WINDOW = 4  # sentences after a link's own sentence that may borrow its other side


@dataclass
class Draft:
    kind: str
    status: str
    sides: list[list[str]]
    sents: list[int]
    specialties: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    weak: bool = False  # a headline's bare "сотрудничество": kept only when the body tells a link


def _participants(doc: Doc, ms: list[Mention]) -> list[Mention]:
    out = []
    ends = {m.last for m in ms}
    for m in ms:
        if m.role in ("country", "region") and not m.party:
            continue
        first = doc.sents[m.sent].first
        prev = doc.tokens[m.first - 1].lemma if m.first > first else ""
        if prev in ("the", "на") and m.first - 1 > first:  # "citing the ...", "ссылаясь на МИД"
            prev = doc.tokens[m.first - 2].lemma
        if prev in SOURCE_CUES or prev in SUBORDINATE:
            continue
        if prev == "(" and m.first - 1 in ends:  # "TIKA (Turkiya Bosh vaziri devoni huzurida)"
            continue
        nxt = doc.tokens[m.last].lemma if m.last < doc.sents[m.sent].last else ""
        if nxt in SUBORDINATE_AFTER:  # "vazirlik huzuridagi markaz": the parent body is no party here
            continue
        if _is_source(doc, m) or frames.in_venue_frame(doc, m.first, m.last):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=4)
def _source_heads(lang: str) -> tuple[tuple[str, ...], ...]:
    heads = resources.lexicon("sources").get("heads", {}).get(lang, [])
    return tuple(morph.lemmas(str(h), lang) for h in heads)


def _is_source(doc: Doc, m: Mention) -> bool:
    """ "пресс-служба министерства", "Отдел прессы и информации": a press office is never a party."""
    lem = [t.lemma for t in doc.tokens[max(m.first - 2, doc.sents[m.sent].first) : m.last]]
    for h in _source_heads(doc.lang):
        n = len(h)
        if any(tuple(lem[k : k + n]) == h for k in range(len(lem) - n + 1)):
            return True
    return False


def _add(d: Draft, specs: list[str], areas: list[str]) -> None:
    d.specialties.extend(s for s in specs if s not in d.specialties)
    d.areas.extend(a for a in areas if a not in d.areas)


def build(doc: Doc, mentions: list[Mention], main: str | None) -> tuple[list[Draft], dict[str, Cand]]:
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent, []).append(m)
    cands: dict[str, Cand] = {}
    for m in mentions:
        cands.setdefault(m.cand.id, m.cand)
        if m.cand.acts_for and not cands[m.cand.id].acts_for:
            cands[m.cand.id] = m.cand
    # a press office, a source or a venue is never the article's anchor party
    counts: Counter[str] = Counter(m.cand.id for m in _participants(doc, mentions))
    persons.act_for_bodies(mentions, cands, counts)
    drafts: list[Draft] = []
    last: Draft | None = None
    since = 0
    for si in range(len(doc.sents)):
        toks = doc.sent_tokens(si)
        trig = triggers.detect(toks, doc.lang)
        parts = _participants(doc, by_sent.get(si, []))
        ids: list[str] = []
        for m in parts:
            c = cands[_side_body(doc, m, mentions, counts) or m.cand.id]
            if (
                c.type == "Person"
                and c.acts_for
                and c.acts_for in cands
                and c.acts_for not in ids
                and cands[c.acts_for].type != "Country"  # "Turkmen Deputy PM X": the state is no party
            ):
                ids.append(c.acts_for)
            if c.id not in ids:
                ids.append(c.id)
        specs, areas = vocab_match.match(toks, doc.lang)
        grouped = sides.group(ids, cands, _joined(doc, by_sent.get(si, []))) if ids else []
        if trig is not None and grouped:
            if len(grouped) == 1:
                grouped = _complete(
                    grouped,
                    last if last and si - last.sents[0] <= COMPLETE_WINDOW else None,
                    counts,
                    cands,
                    main,
                )
            if len(grouped) >= 2:
                adj_only = {m.cand.id for m in parts if m.role == "country" and not _subject(doc, m)} - {
                    m.cand.id for m in parts if m.role == "country" and _subject(doc, m)
                }
                grouped = [_state_or_body(side, cands, adj_only) for side in grouped]
                d = Draft(
                    trig.kind,
                    trig.status,
                    grouped,
                    [si],
                    weak=doc.lang == "ru" and not trig.strong and _verbless(toks),
                )
                _add(d, specs, areas)
                drafts.append(d)
                last, since = d, 0
                continue
        if last is not None and since < MAX_ELABORATION and (not ids or trig is None):
            if (specs or areas) and not (ids and trig is None and triggers.is_profile(toks, doc.lang)):
                _add(last, specs, areas)
                last.sents.append(si)
            since += 1
        elif ids:
            since = MAX_ELABORATION
    merged = merge(drafts, cands)
    return [d for d in merged if not d.weak or _told(d, merged, cands)], cands


def _verbless(toks: list[Token]) -> bool:
    """A headline or caption ("Узбекистан и Япония: сотрудничество в медицине") states no act."""
    return not any(t.info is not None and t.info.pos in ("VERB", "INFN", "PRTS", "GRND") for t in toks)


def _told(d: Draft, drafts: list[Draft], cands: dict[str, Cand]) -> bool:
    """A weak headline link stands when another link joins the same countries (or families)."""

    def keys(x: Draft) -> set[frozenset[str]]:
        gs = [{sides.group_key(cands[a], cands) for a in side} for side in x.sides]
        return {
            frozenset((a, b)) for i, g in enumerate(gs) for h in gs[i + 1 :] for a in g for b in h if a != b
        }

    mine = keys(d)
    return any(x is not d and not x.weak and mine & keys(x) for x in drafts)


STATUS_RANK = {"signed": 3, "held": 3, "planned": 2, "discussed": 1}


def _bodies(side: list[str], cands: dict[str, Cand] | None) -> frozenset[str]:
    """A side as the scorer pairs it: its persons only count when it has no body."""
    if cands is None:
        return frozenset(side)
    return frozenset(x for x in side if x in cands and cands[x].type != "Person") or frozenset(side)


def merge(drafts: list[Draft], cands: dict[str, Cand] | None = None) -> list[Draft]:
    """One fact told twice (headline, lead, body) is one link: same kind and the same sides
    (persons beside their body aside) merge, their specialties, areas and evidence united,
    the most definite status kept."""
    out: list[Draft] = []
    seen: dict[tuple[str, frozenset[frozenset[str]]], Draft] = {}
    for d in drafts:
        k = (d.kind, frozenset(_bodies(side, cands) for side in d.sides))
        first = seen.get(k)
        if first is None:
            seen[k] = d
            out.append(d)
            continue
        for side in d.sides:
            mine = next((x for x in first.sides if _bodies(x, cands) == _bodies(side, cands)), None)
            if mine is not None:
                mine.extend(x for x in side if x not in mine)
        _add(first, d.specialties, d.areas)
        first.sents = sorted(set(first.sents) | set(d.sents))
        if STATUS_RANK.get(d.status, 0) > STATUS_RANK.get(first.status, 0):
            first.status = d.status
    return out


# "российская сторона", "узбекская делегация": the body of that country met before acts
SIDE_ONLY = {"сторона", "side", "tomon", "делегация", "delegation", "delegatsiya"}


def _side_body(doc: Doc, m: Mention, mentions: list[Mention], counts: Counter[str]) -> str | None:
    """ "российская сторона", "the Korean side": the body of that country already in the article."""
    if m.role != "country" or m.last >= len(doc.tokens) or doc.tokens[m.last].lemma not in SIDE_ONLY:
        return None
    pool = [
        x.cand.id
        for x in mentions
        if x.first < m.first
        and x.role == "org"
        and x.cand.country == m.cand.country
        and x.cand.type != "Person"
    ]
    return max(pool, key=lambda x: counts[x], default=None)


EN_PREP = {"to", "for", "of", "in", "at", "and"}
NAMED_PARTY_PREP = {"с", "со", "между", "от", "with", "between", "from", "by"}


def _subject(doc: Doc, m: Mention) -> bool:
    """A country named as a noun in subject position ("Таджикистан и Россия подписали", "Japan handed")."""
    if m.head == "adj":
        return False
    prev = coord.prev_token(doc, m)
    if prev is not None and prev.lemma in NAMED_PARTY_PREP:  # "между Таджикистаном и Германией"
        return True
    if doc.lang == "ru":
        t = doc.tokens[m.last - 1]
        if prev is not None and prev.info is not None and prev.info.pos == "PREP":
            return False
        return t.info is None or not t.info.cases or "nomn" in t.info.cases
    if doc.lang == "en":
        return prev is None or prev.text.lower() not in EN_PREP
    return True


def _state_or_body(side: list[str], cands: dict[str, Cand], adj_only: set[str]) -> list[str]:
    """GUIDE: the state is a party only when the text names it as one; "the Tajik side",
    "казахстанская делегация" beside a body of that country name the body, not the state."""
    bodies = {cands[i].country for i in side if cands[i].type not in ("Country", "Person", "Region")}
    kept = [i for i in side if not (i in adj_only and cands[i].country in bodies)]
    return kept or side


def _joined(doc: Doc, ms: list[Mention]) -> list[tuple[str, str]]:
    """Pairs of actors that a one-side coordination ("Казахстану и Узбекистану") puts together."""
    out: list[tuple[str, str]] = []
    for ch in coord.chains(doc, ms):
        members = [ms[k] for k in ch]
        if coord.one_side(doc, members):
            ids = [m.cand.acts_for or m.cand.id if m.role == "person" else m.cand.id for m in members]
            out.extend((ids[0], x) for x in ids[1:])
    return out


def _complete(
    grouped: list[list[str]],
    last: Draft | None,
    counts: Counter[str],
    cands: dict[str, Cand],
    main: str | None,
) -> list[list[str]]:
    mine = sides.group_key(cands[grouped[0][0]], cands)
    if last is not None:
        others = [s for s in last.sides if sides.group_key(cands[s[0]], cands) != mine]
        if others and len(others) < len(last.sides):
            return [grouped[0], *others]
    # the article's anchor: its main-country host if this side is foreign, else its main foreign partner
    home = "cc:" + main if main else None
    for aid, _n in counts.most_common():
        c = cands[aid]
        k = sides.group_key(c, cands)
        if c.type in ("Person", "Country") or k == mine:
            continue
        if mine != home and k != home:
            continue
        return [grouped[0], [aid]]
    return grouped
