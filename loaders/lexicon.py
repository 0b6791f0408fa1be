"""Reads the loaders' YAML word lists once and compiles their patterns.

The rules live in YAML beside this module so that handling a new site's
furniture or a new month spelling is a data change reviewed on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from hdkg.errors import ConfigError

_HERE = Path(__file__).resolve().parent
_FLAGS = re.IGNORECASE | re.UNICODE


def _load(name: str) -> dict[str, Any]:
    path = _HERE / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read loader data: {exc}", where=str(path)) from exc
    if not isinstance(data, dict):
        raise ConfigError("loader data must be a mapping", where=str(path))
    return data


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    out: list[re.Pattern[str]] = []
    for pattern in patterns:
        try:
            out.append(re.compile(pattern, _FLAGS))
        except re.error as exc:
            raise ConfigError(f"bad pattern {pattern!r}: {exc}", where=where) from exc
    return tuple(out)


@dataclass(frozen=True)
class Boilerplate:
    url_lines: tuple[re.Pattern[str], ...]
    source_lines: tuple[re.Pattern[str], ...]
    drop_lines: tuple[re.Pattern[str], ...]
    cut_lines: tuple[re.Pattern[str], ...]
    ticker_lines: tuple[re.Pattern[str], ...]
    meta_prefixes: tuple[re.Pattern[str], ...]
    #: lower-cased alias -> canonical agency name
    agencies: dict[str, str]


@cache
def boilerplate() -> Boilerplate:
    data = _load("boilerplate.yaml")
    where = str(_HERE / "boilerplate.yaml")
    agencies: dict[str, str] = {}
    for group in data.get("agencies", []):
        names = [str(n) for n in group]
        for name in names:
            agencies[name.lower()] = names[0]
    return Boilerplate(
        url_lines=_compile(data.get("url_lines", []), where),
        source_lines=_compile(data.get("source_lines", []), where),
        drop_lines=_compile(data.get("drop_lines", []), where),
        cut_lines=_compile(data.get("cut_lines", []), where),
        ticker_lines=_compile(data.get("ticker_lines", []), where),
        meta_prefixes=_compile(data.get("meta_prefixes", []), where),
        agencies=agencies,
    )


@cache
def month_names() -> dict[str, int]:
    """Lower-cased month word -> month number."""
    data = _load("dates.yaml")
    out: dict[str, int] = {}
    for number, words in data.get("months", {}).items():
        for word in words:
            out[str(word).lower()] = int(number)
    return out


@dataclass(frozen=True)
class LanguageCues:
    cyrillic_letters: dict[str, frozenset[str]]
    uz_latin_marks: tuple[str, ...]
    stopwords: dict[str, frozenset[str]]


@cache
def language_cues() -> LanguageCues:
    data = _load("language.yaml")
    return LanguageCues(
        cyrillic_letters={k: frozenset(str(v)) for k, v in data.get("cyrillic_letters", {}).items()},
        uz_latin_marks=tuple(str(m) for m in data.get("uz_latin_marks", [])),
        stopwords={k: frozenset(str(w).lower() for w in v) for k, v in data.get("stopwords", {}).items()},
    )


def canonical_agency(name: str) -> str | None:
    """The canonical spelling of a known agency, trying the name without its domain too."""
    table = boilerplate().agencies
    key = name.strip().strip("«»\"'/ .").lower()
    if key in table:
        return table[key]
    bare = re.sub(r"\.(?:uz|kg|kz|tj|tm|ru|az|com|net|org|info)$", "", key)
    return table.get(bare)
