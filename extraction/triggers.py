"""Link kind and status of a sentence from trigger lemmas (lexicon/triggers.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hdkg.extraction import phrases, resources
from hdkg.extraction.segment import Token

KIND_ORDER = ("agreement", "aid", "visit", "event", "meeting", "program")
STRONG = frozenset({"agreement", "aid", "visit", "event", "meeting"})


@dataclass(frozen=True)
class Trigger:
    kind: str
    status: str
    strong: bool


@lru_cache(maxsize=4)
def _indexes(lang: str) -> tuple[phrases.Index, phrases.Index]:
    lex = resources.lexicon("triggers")
    kinds = [
        (str(w), kind)
        for kind, by_lang in lex["kinds"].items()
        for lg, ws in by_lang.items()
        if lg == lang or lang not in by_lang
        for w in ws
    ]
    stat = [
        (str(w), st)
        for st, by_lang in lex["statuses"].items()
        for lg, ws in by_lang.items()
        if lg == lang
        for w in ws
    ]
    return phrases.build_index(kinds, lang), phrases.build_index(stat, lang)


NEGATION = {"не", "нет", "ни", "not", "no", "never", "without", "без"}


def _negated(tokens: list[Token], a: int) -> bool:
    """ "не было соглашения такого масштаба", "no agreement has been signed": no fact."""
    for k in range(max(0, a - 2), a):
        nxt = tokens[k + 1].lemma if k + 1 < len(tokens) else ""
        if tokens[k].lemma in NEGATION and nxt not in ("только", "лишь", "only"):  # "не только ..."
            return True
    return False


@lru_cache(maxsize=4)
def _intent_index(lang: str) -> phrases.Index:
    items = (resources.lexicon("triggers").get("intent") or {}).get(lang) or []
    return phrases.build_index([(str(w), "intent") for w in items], lang)


def _intended(tokens: list[Token], lang: str) -> bool:
    """An intent verb governs the act ("договорились подписать"): planned, whatever the verb's tense."""
    for _, end, _ in phrases.scan(tokens, _intent_index(lang)):
        if lang != "ru":
            return True
        if any(t.info is not None and t.info.pos == "INFN" for t in tokens[end : end + 3]):
            return True
    return False


def detect(tokens: list[Token], lang: str) -> Trigger | None:
    kidx, sidx = _indexes(lang)
    found = {label for a, _, label in phrases.scan(tokens, kidx) if not _negated(tokens, a)}
    if not found:
        return None
    kind = next(k for k in KIND_ORDER if k in found)
    cues = {label for _, _, label in phrases.scan(tokens, sidx)}
    future = any(t.info is not None and "futr" in t.info.tags and t.info.pos == "VERB" for t in tokens)
    past = any(t.info is not None and "past" in t.info.tags and t.info.pos == "VERB" for t in tokens)
    if _intended(tokens, lang) or ("planned" in cues and not past) or (future and not past):
        status = "planned"
    elif "discussed" in cues and kind in ("program", "agreement", "event", "aid"):
        status = "discussed"
    else:
        status = "signed" if kind == "agreement" else "held"
    return Trigger(kind, status, bool(found & STRONG))


@lru_cache(maxsize=4)
def _profile_index(lang: str) -> phrases.Index:
    items = (resources.lexicon("triggers").get("profile") or {}).get(lang) or []
    return phrases.build_index([(str(w), "profile") for w in items], lang)


def is_profile(tokens: list[Token], lang: str) -> bool:
    """A sentence describing one party (lexicon/triggers.yaml: profile)."""
    return bool(phrases.scan(tokens, _profile_index(lang)))
