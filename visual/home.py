"""The overview page: counts, a country x specialty heat map, links per year, top actors.

Charts are server-side SVG computed here and drawn by the template, so the
page works offline and needs no chart library; every label goes through the
template's autoescape.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from hdkg.graph.base import GraphStore
from hdkg.visual import palette, vocab
from hdkg.visual.render import render

MAX_ROWS = 20
MAX_COLS = 18
CELL = 28
TOP_ACTORS = 15


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    value: int
    colour: str
    title: str


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    w: int
    h: int
    colour: str
    title: str


def _heat(value: int, top: int) -> str:
    """White to deep blue; sqrt so a few large counts do not wash out the rest."""
    if value <= 0 or top <= 0:
        return "#f3f5f7"
    t = (value / top) ** 0.5
    r, g, b = (int(243 - t * (243 - 31)), int(245 - t * (245 - 58)), int(247 - t * (247 - 95)))
    return f"#{r:02x}{g:02x}{b:02x}"


def heat_map(rows: list[dict[str, Any]], spec_labels: dict[str, str]) -> dict[str, Any]:
    by_cell = {
        (r["country"], r["specialty"]): int(r["links"]) for r in rows if r["country"] and r["specialty"]
    }
    row_tot: dict[str, int] = defaultdict(int)
    col_tot: dict[str, int] = defaultdict(int)
    for (c, s), n in by_cell.items():
        row_tot[c] += n
        col_tot[s] += n
    countries = sorted(row_tot, key=lambda c: (-row_tot[c], c))[:MAX_ROWS]
    specs = sorted(col_tot, key=lambda s: (-col_tot[s], s))[:MAX_COLS]
    top = max((by_cell.get((c, s), 0) for c in countries for s in specs), default=0)
    left, head = 48, 110
    cells = [
        Cell(
            x=left + j * CELL,
            y=head + i * CELL,
            value=by_cell.get((c, s), 0),
            colour=_heat(by_cell.get((c, s), 0), top),
            title=f"{c} · {spec_labels.get(s, s)}: {by_cell.get((c, s), 0)} links",
        )
        for i, c in enumerate(countries)
        for j, s in enumerate(specs)
    ]
    return {
        "cells": cells,
        "rows": [(head + i * CELL + CELL // 2 + 4, c) for i, c in enumerate(countries)],
        "cols": [(left + j * CELL + CELL // 2, head - 6, spec_labels.get(s, s)) for j, s in enumerate(specs)],
        "width": left + len(specs) * CELL + 110,
        "height": head + len(countries) * CELL + 10,
        "cell": CELL,
        "left": left,
        "top": top,
        "omitted": max(0, len(row_tot) - len(countries)) + max(0, len(col_tot) - len(specs)),
    }


def year_bars(rows: list[dict[str, Any]], colours: dict[str, str]) -> dict[str, Any]:
    per: dict[int, dict[str, int]] = defaultdict(dict)
    for r in rows:
        if r["year"] is not None:
            per[int(r["year"])][str(r["kind"])] = int(r["links"])
    years = sorted(per)
    kinds = sorted({k for v in per.values() for k in v})
    top = max((sum(v.values()) for v in per.values()), default=0)
    left, height, bar_w, gap = 40, 180, 34, 10
    bars: list[Bar] = []
    for i, year in enumerate(years):
        y = 10 + height
        for k in kinds:
            n = per[year].get(k, 0)
            if not n:
                continue
            h = max(1, round(n / top * height))
            y -= h
            bars.append(
                Bar(
                    left + i * (bar_w + gap),
                    y,
                    bar_w,
                    h,
                    colours.get(k, palette.DEFAULT),
                    f"{year} · {k}: {n}",
                )
            )
    return {
        "bars": bars,
        "years": [(left + i * (bar_w + gap) + bar_w // 2, y) for i, y in enumerate(years)],
        "kinds": [(k, colours.get(k, palette.DEFAULT)) for k in kinds],
        "width": max(300, left + len(years) * (bar_w + gap) + 10),
        "height": height + 40,
        "base": 10 + height,
        "left": left,
        "top": top,
    }


def home_context(store: GraphStore) -> dict[str, Any]:
    specs = vocab.specialties()
    spec_labels = {o.id: o.label for o in specs}
    link_colours = palette.link_palette(vocab.link_kinds())
    return {
        "standalone": False,
        "counts": store.query("node_counts"),
        "heat": heat_map(store.query("country_specialty_matrix"), spec_labels),
        "years": year_bars(store.query("links_per_year"), link_colours),
        "actors": store.query("actors_search", q=None, kind=None, country=None, limit=TOP_ACTORS),
        "type_labels": {o.id: o.label for o in vocab.actor_types()},
        "urls": {"view": "/view", "home": "/"},
    }


def render_home(store: GraphStore) -> str:
    return render("home.html", home_context(store))
