"""Persons: NER PER spans (Russian) or capitalised name patterns next to a
title (English, Uzbek), tied to the body named in their title.

"министр здравоохранения Казахстана Акмарал Альназарова" -> the person acts
for the ministry chunk in the title window and represents its country.
Credits (photographers, authors) are never persons of a link.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from hdkg.extraction import keys, morph, resources
from hdkg.extraction.cands import Cand, Mention
from hdkg.extraction.ner import NerSpan
from hdkg.extraction.segment import Doc

NOT_NAME_START = {
    "in",
    "on",
    "at",
    "the",
    "during",
    "after",
    "before",
    "while",
    "since",
    "last",
    "this",
    "from",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
PUNCT_STOP = {".", ";", ":", "(", ")", "«", "»", '"', "“", "”", "!", "?"}
VENUE = {"в", "во", "на", "in", "at", "to"}
DASHES = {"–", "—", "-", ","}
_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ]\.){1,3}$")
_NAME = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'’‘ʻ\-]+$|^[A-ZА-ЯЁ]\.$|^[A-ZА-ЯЁ]\.[A-ZА-ЯЁ]\.?$|^[A-ZА-ЯЁ]{2,}$")


@lru_cache(maxsize=4)
def titles(lang: str) -> frozenset[str]:
    table = resources.lexicon("titles")
    words = set()
    for lg in ("ru", "en", "uz"):
        for t in table.get(lg) or {}:
            words.add(morph.lemma(str(t), lang))
    return frozenset(words)


@lru_cache(maxsize=1)
def credits() -> frozenset[str]:
    return frozenset(morph.fold(str(w)) for w in resources.lexicon("titles").get("credits", []))


_CASE_ENDINGS = (
    "ыми",
    "ому",
    "ему",
    "ого",
    "ой",
    "ым",
    "ом",
    "ем",
    "ую",
    "ей",
    "а",
    "у",
    "е",
    "ы",
    "я",
    "ю",
    "й",
)


def person_id(surname: str, lang: str) -> str:
    """Surname stem without Russian case endings: "Альназаровой" and "Альназарова" share an id."""
    low = morph.fold(surname).strip(".")
    if morph._CYR.search(low):
        for suf in _CASE_ENDINGS:
            if low.endswith(suf) and len(low) - len(suf) >= 4:
                low = low[: -len(suf)]
                break
    return "person_" + keys.slug(low)


def _window(doc: Doc, first: int, last: int, names: set[int]) -> tuple[range, range]:
    """Title windows: back to a comma, another person's name or a stop, skipping one
    parenthesis ("Посол Японии в Туркменистане (Чрезвычайный и Полномочный) г-н ...")."""
    s = doc.sents[doc.tokens[first].sent]
    a = first
    while a - 1 >= s.first and first - a < 14:
        t = doc.tokens[a - 1].text
        if t == ")" and first - a < 3:
            k = a - 1
            while k > s.first and doc.tokens[k].text != "(" and a - k < 8:
                k -= 1
            if doc.tokens[k].text == "(":
                a = k
                continue
        if t in PUNCT_STOP | {","} or a - 1 in names or first - a >= 10:
            break
        a -= 1
    b = last
    if b < s.last and doc.tokens[b].text in DASHES:
        b += 1
        while b < s.last and doc.tokens[b].text not in PUNCT_STOP | {","} and b - last < 14:
            b += 1
    return range(a, first), range(last + 1, b)


def _latin_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Runs of 2-4 capitalised name-like tokens next to a title word (en/uz)."""
    tl = titles(doc.lang)
    out = []
    for s in doc.sents:
        i = s.first
        while i < s.last:
            j = i
            while j < s.last and j not in taken and _NAME.match(doc.tokens[j].text) and j - i < 7:
                j += 1
            if j - i >= 2 and doc.tokens[i].text.lower() in NOT_NAME_START:
                i += 1
                continue
            if j - i >= 2:
                before = doc.tokens[i - 1].lemma if i > s.first else ""
                after = doc.tokens[j + 1].lemma if j + 1 < s.last and doc.tokens[j].text in DASHES else ""
                inner = {doc.tokens[k].lemma for k in range(i, j)}
                dash_title = (
                    j < s.last
                    and doc.tokens[j].text in DASHES
                    and any(doc.tokens[k].lemma in tl for k in range(j + 1, min(j + 10, s.last)))
                )
                if inner & tl:
                    # "Acting Mission Director Keith Simmons": the name follows the last title word
                    k = max(x for x in range(i, j) if doc.tokens[x].lemma in tl) + 1
                    if 2 <= j - k <= 4:
                        out.append((k, j))
                elif (before in tl or after in tl or dash_title) and j - i <= 4:
                    out.append((i, j))
                i = j
            else:
                i += 1
    return out


def _initials_only(doc: Doc, a: int, b: int) -> bool:
    """ "Е.П." (Его Превосходительство), "Г.": initials without a name are an honorific, no person."""
    return all(
        len(doc.tokens[k].text.strip(".")) <= 1 or _INITIALS.match(doc.tokens[k].text) for k in range(a, b)
    )


DIPLOMATS = {"посол", "консул", "генконсул", "ambassador", "consul", "elchi"}


def _mission(orgs: list[Mention], country: str | None, sent: int, before: int) -> Mention | None:
    """ "Посольство Японии передало ... с участием посла Японии Х. Мацумото": a diplomat acts
    for the state's government body named before them in their sentence or the one before (their
    mission), not apart; one named after is more often a source ("citing the Foreign Ministry")."""
    return next(
        (
            m
            for m in reversed(orgs)
            if m.role == "org"
            and m.cand.type == "GovernmentBody"
            and m.cand.country == country
            and sent - 1 <= m.sent <= sent
            and m.last <= before
        ),
        None,
    )


def build(doc: Doc, ner: list[NerSpan], orgs: list[Mention], main: str | None) -> list[Mention]:
    spans: list[tuple[int, int]] = []
    if doc.lang == "ru":
        for sp in ner:
            if sp.type == "PER":
                idx = [
                    i
                    for i in range(len(doc.tokens))
                    if doc.tokens[i].start >= sp.start and doc.tokens[i].end <= sp.end
                ]
                if idx:
                    spans.append((idx[0], idx[-1] + 1))
    else:
        taken = {k for m in orgs for k in range(m.first, m.last)}
        spans = _latin_names(doc, taken)
    org_at = {k: m for m in orgs for k in range(m.first, m.last)}
    tl = titles(doc.lang)
    cr = credits()
    out: list[Mention] = []
    spans = [(a, b) for a, b in spans if not _initials_only(doc, a, b)]
    names = {k for a, b in spans for k in range(a, b)}
    for a, b in spans:
        if any(k in org_at for k in range(a, b)):
            continue
        before, after = _window(doc, a, b, names)
        win = list(before) + list(after)
        lem = {doc.tokens[k].lemma for k in win}
        if lem & cr or (a > 0 and doc.tokens[a - 1].lemma in cr):
            continue

        def ok(k: int) -> bool:
            # "Посол Японии в Туркменистане": a country after "в" is the post; "работает в офисе ЮНОПС"
            # names the body
            if k not in org_at:
                return False
            m = org_at[k]
            return m.role == "org" or m.first == 0 or doc.tokens[m.first - 1].lemma not in VENUE

        body = next((org_at[k] for k in reversed(before) if ok(k)), None)
        if body is None:
            body = next((org_at[k] for k in after if ok(k)), None)
        has_title = bool(lem & tl)
        if b - a < 2 and not has_title:
            continue
        surname = doc.tokens[b - 1].text
        if doc.tokens[a].is_upper and b - a >= 2:
            surname = doc.tokens[a].text
        name = doc.text[doc.tokens[a].start : doc.tokens[b - 1].end]
        country = body.cand.country if body else main
        if body is not None and body.role == "country" and lem & DIPLOMATS:
            body = _mission(orgs, body.cand.country, doc.tokens[a].sent, a) or body
        cand = Cand(
            person_id(surname, doc.lang),
            name,
            "Person",
            country,
            acts_for=body.cand.id if body and (has_title or body.role == "country") else None,
        )
        out.append(Mention(a, b, doc.tokens[a].sent, cand, "person"))
    return out


BODY_TYPES = ("GovernmentBody", "HealthcareProvider", "AcademicInstitution", "Association")


def act_for_bodies(mentions: list[Mention], cands: dict[str, Cand], counts: Counter[str]) -> None:
    """A named person without a body in their title acts for their country's body in the article:
    the one in their sentence, else the most mentioned one (GUIDE: a person and their body
    stand on the same side)."""
    for pid, c in cands.items():
        if c.type != "Person" or c.country is None:
            continue
        if c.acts_for and c.acts_for in cands:
            continue
        sents = {m.sent for m in mentions if m.cand.id == pid}
        pool = [
            m.cand.id
            for m in mentions
            if m.role == "org" and m.cand.country == c.country and m.cand.type in BODY_TYPES
        ]
        near = [x for x in pool if any(m.sent in sents for m in mentions if m.cand.id == x)]
        best = max(near or pool, key=lambda x: counts[x], default=None)
        if best is not None:
            cands[pid] = Cand(
                c.id, c.name, c.type, c.country, c.in_gazetteer, c.wikidata, c.parent, best, c.key
            )
