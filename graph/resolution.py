"""Entity resolution across articles, before writing.

The extractor already gives gazetteer actors one global id; everything else
is resolved here. Two actors are the same when they have the same type, the
same country and a matching *name key*: the multilingual concept tokens of a
name or alias (Russian stems, English and Uzbek words mapped through
``graph/resolution_terms.py``, the actor's own country name and stop words
dropped, sorted). Keys never cross types or countries because both are part
of the stored key. Gazetteer ids are authoritative and never remapped; other
actors join an already stored actor with the same key, or the first actor of
the same article with that key. The user's decisions file can force or forbid
merges and is re-read on every load, so a wrong merge is undone by adding a
``never_merge`` pair and ingesting again.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field

from hdkg.errors import ConfigError
from hdkg.graph.resolution_terms import COUNTRY_TOKENS, TERMS
from hdkg.graph.text import stems
from hdkg.models import Actor, Facts, Link, Model

log = logging.getLogger(__name__)
Lookup = Callable[[list[str]], list[dict[str, Any]]]


class Decisions(Model):
    """The user-editable decisions file: ``merge: [[keep, drop], ...]``, ``never_merge: [[a, b], ...]``."""

    merge: list[list[str]] = Field(default_factory=list)
    never_merge: list[list[str]] = Field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None) -> Decisions:
        if path is None or not path.exists():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            decisions = cls.model_validate(data)
        except Exception as exc:
            raise ConfigError(f"unreadable decisions file: {exc}", where=str(path)) from exc
        for pair in [*decisions.merge, *decisions.never_merge]:
            if len(pair) != 2:
                raise ConfigError(f"each decision is a pair of actor ids, got {pair}", where=str(path))
        return decisions

    def forbidden(self, a: str, b: str) -> bool:
        return any({a, b} == set(p) for p in self.never_merge)


@dataclass(frozen=True)
class Merge:
    into: str
    from_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.from_id} -> {self.into}: {self.reason}"


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str, country: str | None) -> str | None:
    """Sorted concept tokens of a name, or None when nothing distinctive is left."""
    own = COUNTRY_TOKENS.get(country or "", frozenset())
    tokens: set[str] = set()
    for s in stems(name):
        if s in own:
            continue
        mapped = TERMS.get(s, s)
        tokens.update(mapped.split())
    return " ".join(sorted(tokens)) or None


def keys_for(kind: str, country: str | None, names: Iterable[str]) -> list[str]:
    """``type|country|name key`` for each name."""
    prefix = f"{kind}|{country or 'XX'}|"
    keys = {name_key(n, country) for n in names}
    return sorted(prefix + k for k in keys if k)


def resolution_keys(actor: Actor) -> list[str]:
    """The keys of the name and every alias."""
    return keys_for(actor.type, actor.country, [actor.name, *actor.aliases])


class Resolver:
    def __init__(self, decisions: Decisions | None = None) -> None:
        self.decisions = decisions or Decisions()

    def resolve(self, facts: Facts, lookup: Lookup) -> tuple[Facts, list[Merge]]:
        """Facts with actor ids mapped to their resolved ids, and the merges applied."""
        mapping: dict[str, str] = {}
        merges: list[Merge] = []
        forced = {drop: keep for keep, drop in self.decisions.merge}
        for a in facts.actors:
            if a.id in forced and not self.decisions.forbidden(a.id, forced[a.id]):
                mapping[a.id] = forced[a.id]
                merges.append(Merge(forced[a.id], a.id, "decisions file: merge"))
        keys = {a.id: resolution_keys(a) for a in facts.actors}
        stored: dict[str, list[str]] = {}
        for row in lookup(sorted({k for ks in keys.values() for k in ks})):
            for k in row["rkeys"]:
                stored.setdefault(k, []).append(row["id"])
        first_by_key: dict[str, str] = {}
        order = sorted(facts.actors, key=lambda a: (not a.in_gazetteer, a.id))
        for a in order:
            if a.id in mapping:
                continue
            target, why = self._target(a, keys[a.id], stored, first_by_key)
            if target is not None and target != a.id:
                mapping[a.id] = target
                merges.append(Merge(target, a.id, why))
            for k in keys[a.id]:
                first_by_key.setdefault(k, mapping.get(a.id, a.id))
        for m in merges:
            log.debug("merge %s", m)
        return (_apply(facts, mapping) if mapping else facts), merges

    def _target(
        self, a: Actor, keys: list[str], stored: dict[str, list[str]], first: dict[str, str]
    ) -> tuple[str | None, str]:
        if a.in_gazetteer:
            return None, ""
        for k in keys:
            ids = stored.get(k, [])
            if a.id in ids:
                return None, ""
            for other in sorted(ids):
                if not self.decisions.forbidden(a.id, other):
                    return other, f"same type, country and name key '{k}' as a stored actor"
        for k in keys:
            same = first.get(k)
            if same and same != a.id and not self.decisions.forbidden(a.id, same):
                return same, f"same type, country and name key '{k}' in the same article"
        return None, ""


def _apply(facts: Facts, mapping: dict[str, str]) -> Facts:
    def m(x: str) -> str:
        seen = set()
        while x in mapping and x not in seen:
            seen.add(x)
            x = mapping[x]
        return x

    actors: dict[str, Actor] = {}
    for a in facts.actors:
        new_id = m(a.id)
        acts_for: str | None = m(a.acts_for) if a.acts_for else None
        if new_id in actors:
            kept = actors[new_id]
            names = [n for n in dict.fromkeys([*kept.aliases, a.name, *a.aliases]) if n != kept.name]
            actors[new_id] = kept.model_copy(update={
                "aliases": names, "mentions": [*kept.mentions, *a.mentions],
                "wikidata": kept.wikidata or a.wikidata, "acts_for": kept.acts_for or acts_for,
                "in_gazetteer": kept.in_gazetteer or a.in_gazetteer,
            })  # fmt: skip
        else:
            actors[new_id] = a.model_copy(update={"id": new_id, "acts_for": acts_for})
    links = [
        Link.model_validate({**link.model_dump(), "sides": [[m(x) for x in s] for s in link.sides]})
        for link in facts.links
    ]
    return facts.model_copy(update={"actors": list(actors.values()), "links": links})


class DecisionsFile:
    """The decisions file, re-read whenever it changes on disk (so an edit applies on the next load)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stamp: float | None = None
        self._resolver = Resolver()

    def resolver(self) -> Resolver:
        if self.path is None:
            return self._resolver
        stamp = self.path.stat().st_mtime if self.path.exists() else None
        if stamp != self._stamp:
            self._resolver = Resolver(Decisions.load(self.path))
            self._stamp = stamp
        return self._resolver
