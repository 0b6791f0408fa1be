"""Find gazetteer entries (actors, countries, regions, news sources) in a Doc.

Every name is lemmatised with the same function as the text, so inflected
forms ("Минздрава Узбекистана", "министерства здравоохранения Казахстана")
meet their base form in one trie look-up per token. Short all-caps names
(ВОЗ, КР, USAID) match on the exact surface form instead, because their
lemma would collide with ordinary words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hdkg.extraction import morph, resources
from hdkg.extraction.segment import Doc, word_spans

# Kinds of entries, in the order that wins when two cover the same tokens.
PRIORITY = {"source": 0, "actor": 1, "region": 2, "country": 3, "adj": 4}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # actor | country | adj | region | source
    ref: str  # actor id, region id, ISO code, or source name


@dataclass(slots=True)
class GMatch:
    first: int  # token index
    last: int  # past the end
    entry: Entry


Node = dict[str, "Node | list[Entry]"]


def _key(phrase: str, lang: str) -> tuple[tuple[str, ...], bool]:
    words = [w for w, _, _ in word_spans(phrase)]
    exact = len(words) == 1 and words[0].isupper() and len(words[0]) <= 6
    if exact:
        return (words[0],), True
    return tuple(morph.lemma(w, lang) for w in words), False


class Trie:
    def __init__(self) -> None:
        self.root: dict[str, object] = {}

    def add(self, key: tuple[str, ...], entry: Entry) -> None:
        node = self.root
        for k in key:
            node = node.setdefault(k, {})  # type: ignore[assignment]
        ends = node.setdefault("\x00", [])
        assert isinstance(ends, list)
        if entry not in ends:
            ends.append(entry)

    def longest(self, keys: list[str], i: int, max_len: int = 14) -> tuple[int, list[Entry]]:
        node: object = self.root
        best_end, best = i, []
        j = i
        while j < len(keys) and j - i < max_len and isinstance(node, dict):
            node = node.get(keys[j])
            if node is None:
                break
            j += 1
            if isinstance(node, dict) and "\x00" in node:
                best_end, best = j, node["\x00"]
        return best_end, best


@dataclass
class Tries:
    lemma: Trie
    exact: Trie


@lru_cache(maxsize=4)
def tries(lang: str) -> Tries:
    g = resources.gazetteer()
    lem, exact = Trie(), Trie()

    def add(phrase: str, entry: Entry, force_exact: bool = False) -> None:
        key, is_exact = _key(phrase, lang)
        if not key:
            return
        if is_exact or force_exact:
            exact.add(tuple(w for w, _, _ in word_spans(phrase)), entry)
        else:
            lem.add(key, entry)

    for a in g.actors:
        for names in a.names.values():
            for n in names:
                add(n, Entry("actor", a.id))
        for ab in a.abbr:
            add(ab, Entry("actor", a.id))
    for c in g.countries:
        for names in c.names.values():
            for n in names:
                add(n, Entry("country", c.code))
        for adjs in c.adjectives.values():
            for n in adjs:
                add(n, Entry("adj", c.code))
    for r in g.regions:
        for names in r.names.values():
            for n in names:
                add(n, Entry("region", r.id))
    for adj, code, _city in g.city_adjectives:
        add(adj, Entry("adj", code))
    for c in g.countries:
        for cap in c.capital.values():
            add(cap, Entry("region", "capital:" + c.code))
    for n in resources.lexicon("sources").get("names", []):
        add(str(n), Entry("source", str(n)))
        lem.add(tuple(morph.fold(w) for w, _, _ in word_spans(str(n))), Entry("source", str(n)))
    return Tries(lem, exact)


def _bare(text: str) -> str:
    """ "ADB’s", "USAID's": an abbreviation in the possessive is still the abbreviation."""
    if len(text) > 3 and text[-2:] in ("’s", "'s") and text[:-2].isupper():
        return text[:-2]
    return text


def find(doc: Doc) -> list[GMatch]:
    """Longest non-overlapping matches, left to right, never crossing a sentence."""
    t = tries(doc.lang)
    out: list[GMatch] = []
    for si, s in enumerate(doc.sents):
        toks = doc.tokens[s.first : s.last]
        lemmas = [x.lemma for x in toks]
        texts = [_bare(x.text) for x in toks]
        i = 0
        while i < len(toks):
            e1, m1 = t.lemma.longest(lemmas, i)
            e2, m2 = t.exact.longest(texts, i)
            end, ents = (e2, m2) if e2 > e1 else (e1, m1)
            if ents and e2 <= e1 and not toks[i].is_cap:
                # names of states and places are proper nouns: lower-case "того" is not Togo
                ents = [e for e in ents if e.kind not in ("country", "region")]
            if ents:
                best = min(ents, key=lambda e: PRIORITY[e.kind])
                out.append(GMatch(s.first + i, s.first + end, best))
                i = end
            else:
                i += 1
        del si
    return out
