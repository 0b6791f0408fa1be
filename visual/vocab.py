"""Labels and options for the page's selects, from the ontology.

``ontology.vocab`` is the code's only source of vocabularies; a missing or
broken ontology file is its ``OntologyError`` (naming the file), never a page
that quietly shows ids and misses concepts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hdkg.ontology import vocab as ontology_vocab

log = logging.getLogger(__name__)
LANGS = ("en", "ru", "uz")


@dataclass(frozen=True)
class Option:
    id: str
    label: str


def humanise(ident: str) -> str:
    """``GovernmentBody`` -> ``Government body``: class names read as words in the legend."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", ident).replace("_", " ").split()
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else ident


def _label(item: Any) -> Option:
    if isinstance(item, str):
        return Option(item, humanise(item))
    ident = str(getattr(item, "id", item))
    pref = getattr(item, "pref", None) or {}
    label = next((pref[lang] for lang in LANGS if pref.get(lang)), None)
    if label is None and isinstance(pref, dict) and pref:
        label = next(iter(pref.values()))
    return Option(ident, str(label or ident))


def _options(fn: Callable[[], Iterable[Any]]) -> list[Option]:
    return [_label(x) for x in fn()]


def actor_types() -> list[Option]:
    return _options(ontology_vocab.actor_types)


def link_kinds() -> list[Option]:
    return _options(ontology_vocab.link_kinds)


def statuses() -> list[Option]:
    return _options(ontology_vocab.statuses)


def specialties() -> list[Option]:
    return _options(ontology_vocab.specialties)


def areas() -> list[Option]:
    return _options(ontology_vocab.areas)
