"""NetworkData -> vis-network nodes, edges and options, through pyvis.

pyvis builds the node and edge records and carries the options; the page
template (ours, not pyvis's, which links CDNs) renders them. The same
styling rules are mirrored in ``static/network.js`` (``toVis``) for data the
page re-queries from ``/network``; ``style_config`` hands it the colours.
"""

from __future__ import annotations

from typing import Any

from pyvis.network import Network

from hdkg.graph.network import NetworkData, NetworkEdge, NetworkNode
from hdkg.visual.palette import DASHED_STATUSES, DEFAULT

#: Above this many nodes the layout trades looks for speed.
BIG = 300
MAX_EDGE_SPECIALTIES = 2


def node_title(n: NetworkNode, type_label: str) -> str:
    where = f" · {n.country}" if n.country else ""
    return f"{n.label}\n{type_label}{where}\n{n.degree} partners · {n.links} links"


def edge_label(e: NetworkEdge, specialty_labels: dict[str, str]) -> str:
    names = [specialty_labels.get(s, s) for s in e.specialties]
    more = f" +{len(names) - MAX_EDGE_SPECIALTIES}" if len(names) > MAX_EDGE_SPECIALTIES else ""
    shown = ", ".join(names[:MAX_EDGE_SPECIALTIES])
    return f"{e.kind}: {shown}{more}" if shown else e.kind


def edge_title(e: NetworkEdge, specialty_labels: dict[str, str]) -> str:
    names = ", ".join(specialty_labels.get(s, s) for s in e.specialties) or "no specialty"
    return f"{e.kind} ({e.status})\n{names}\n{len(e.link_ids)} links · {e.sources} sources"


def parallel_curves(edges: list[NetworkEdge]) -> dict[str, dict[str, Any]]:
    """Per-edge curvature for edges sharing a pair (one per kind/status), which would otherwise overlap."""
    groups: dict[tuple[str, str], list[str]] = {}
    for e in edges:
        groups.setdefault((e.source, e.target), []).append(e.id)
    out: dict[str, dict[str, Any]] = {}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        for i, edge_id in enumerate(ids):
            side = "curvedCW" if i % 2 == 0 else "curvedCCW"
            out[edge_id] = {"enabled": True, "type": side, "roundness": round(0.12 * (1 + i // 2), 2)}
    return out


def iterations(n_nodes: int) -> int:
    """Fewer stabilisation rounds as graphs grow: a 5,000-node layout must not take minutes."""
    return 400 if n_nodes <= BIG else 200 if n_nodes <= 1000 else 100


def vis_options(n_nodes: int) -> dict[str, Any]:
    big = n_nodes > BIG
    return {
        "autoResize": True,
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {
                "min": 8,
                "max": 40,
                "label": {"enabled": True, "min": 11, "max": 18, "drawThreshold": 6},
            },
        },
        "edges": {
            "color": {"inherit": False},
            "font": {"size": 10, "align": "middle", "color": "#333333", "strokeWidth": 3},
            "scaling": {"min": 1, "max": 8, "label": {"enabled": False, "drawThreshold": 8}},
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "springLength": 110,
                "avoidOverlap": 0 if big else 0.3,
            },
            "stabilization": {"enabled": True, "iterations": iterations(n_nodes), "updateInterval": 50},
            "minVelocity": 1.0,
        },
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "multiselect": False},
    }


def vis_items(
    data: NetworkData,
    *,
    actor_colours: dict[str, str],
    link_colours: dict[str, str],
    type_labels: dict[str, str],
    specialty_labels: dict[str, str],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """vis-network records; custom fields (kind, country, link_ids...) ride along for the page's script."""
    # directed=True only skips pyvis's quadratic duplicate-edge scan; edges are already aggregated.
    net = Network(directed=True, cdn_resources="in_line")
    for n in data.nodes:
        net.add_node(
            n.id,
            label=n.label or n.id,
            color=actor_colours.get(n.kind, DEFAULT),
            value=max(n.degree, 1),
            title=node_title(n, type_labels.get(n.kind, n.kind)),
            kind=n.kind,
            country=n.country,
            degree=n.degree,
            links=n.links,
        )
    curves = parallel_curves(data.edges)
    for e in data.edges:
        extra = {"smooth": curves[e.id]} if e.id in curves else {}
        net.add_edge(
            e.source,
            e.target,
            id=e.id,
            arrows={"to": {"enabled": False}},
            label=edge_label(e, specialty_labels),
            title=edge_title(e, specialty_labels),
            color=link_colours.get(e.kind, DEFAULT),
            dashes=e.status in DASHED_STATUSES,
            value=max(e.sources, 1),
            kind=e.kind,
            status=e.status,
            specialties=e.specialties,
            sources=e.sources,
            link_ids=e.link_ids,
            **extra,
        )
    net.options = vis_options(len(data.nodes))
    nodes, edges, *_ = net.get_network_data()
    return list(nodes), list(edges), dict(net.options)
