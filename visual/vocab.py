"""Labels and options for the page's selects, from the ontology when it is there.

``ontology.vocab`` is the code's only source of vocabularies; it is imported
lazily so the page still renders (with ids as labels, and the typed literals
of ``hdkg.models`` as the closed lists) while the ontology is being built.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, get_args

from hdkg.models import ActorType, LinkKind, LinkStatus

log = logging.getLogger(__name__)
LANGS = ("en", "ru", "uz")


@dataclass(frozen=True)
class Option:
    id: str
    label: str


def _module() -> ModuleType | None:
    try:
        return importlib.import_module("hdkg.ontology.vocab")
    except ImportError:
        log.warning("ontology.vocab is not importable; the page uses ids as labels")
        return None


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


def _options(name: str, fallback: Iterable[str]) -> list[Option]:
    mod = _module()
    fn: Callable[[], Iterable[Any]] | None = getattr(mod, name, None) if mod is not None else None
    if fn is None:
        return [_label(x) for x in fallback]
    try:
        return [_label(x) for x in fn()]
    except Exception:  # an unfinished vocabulary must not take the page down
        log.exception("ontology.vocab.%s() failed; using fallback ids", name)
        return [_label(x) for x in fallback]


def actor_types() -> list[Option]:
    return _options("actor_types", get_args(ActorType))


def link_kinds() -> list[Option]:
    return _options("link_kinds", get_args(LinkKind))


def statuses() -> list[Option]:
    return _options("statuses", get_args(LinkStatus))


def specialties(known: Iterable[str] = ()) -> list[Option]:
    """The specialty scheme; ``known`` (ids found in the store) stands in when the scheme is absent."""
    return _options("specialties", sorted(set(known)))


def areas(known: Iterable[str] = ()) -> list[Option]:
    return _options("areas", sorted(set(known)))
