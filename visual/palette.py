"""Colours of the network view: one fixed colour per actor type and per link kind.

Colours are fixed per id, not per position, so a type keeps its colour when
the vocabulary grows; types the table does not know take the spare colours
in vocabulary order. Statuses that are not facts yet (planned, discussed)
are drawn dashed.
"""

from __future__ import annotations

from hdkg.visual.vocab import Option

ACTOR_COLOURS = {
    "Country": "#4e79a7",
    "Region": "#76b7b2",
    "GovernmentBody": "#f28e2b",
    "HealthcareProvider": "#e15759",
    "AcademicInstitution": "#59a14f",
    "InternationalOrganization": "#edc948",
    "Association": "#b07aa1",
    "Company": "#ff9da7",
    "Person": "#9c755f",
}
LINK_COLOURS = {
    "agreement": "#2f6db5",
    "visit": "#d1495b",
    "meeting": "#edae49",
    "event": "#66a182",
    "aid": "#8d5a97",
    "program": "#00798c",
}
SPARE = ("#bab0ac", "#7f7f7f", "#17becf", "#bcbd22", "#8c564b", "#aec7e8")
DEFAULT = "#97a3b0"
DASHED_STATUSES = frozenset({"planned", "discussed"})


def _assign(fixed: dict[str, str], options: list[Option]) -> dict[str, str]:
    out: dict[str, str] = {}
    spare = iter(SPARE)
    for opt in options:
        out[opt.id] = fixed.get(opt.id) or next(spare, DEFAULT)
    for key, colour in fixed.items():
        out.setdefault(key, colour)
    return out


def actor_palette(types: list[Option]) -> dict[str, str]:
    return _assign(ACTOR_COLOURS, types)


def link_palette(kinds: list[Option]) -> dict[str, str]:
    return _assign(LINK_COLOURS, kinds)
