"""Network data as GraphML, GEXF and CSV, written with the standard library.

ElementTree does the XML escaping (names with ``&``, quotes, ``<`` are
common in organisation names), so the files open in Gephi, R's igraph and
pandas without hand-written escaping bugs.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

from .schemas.network import Network

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"

_NODE_ATTRS = (
    ("label", "string"),
    ("kind", "string"),
    ("country", "string"),
    ("degree", "int"),
    ("links", "int"),
)
_EDGE_ATTRS = (
    ("kind", "string"),
    ("status", "string"),
    ("specialties", "string"),
    ("sources", "int"),
    ("link_ids", "string"),
)


def _node_values(net: Network) -> list[tuple[str, dict[str, str]]]:
    return [
        (
            n.id,
            {
                "label": n.label,
                "kind": n.kind,
                "country": n.country or "",
                "degree": str(n.degree),
                "links": str(n.links),
            },
        )
        for n in net.nodes
    ]


def _edge_values(net: Network) -> list[tuple[str, str, str, dict[str, str]]]:
    return [
        (
            e.id,
            e.source,
            e.target,
            {
                "kind": e.kind,
                "status": e.status,
                "specialties": ";".join(e.specialties),
                "sources": str(e.sources),
                "link_ids": ";".join(e.link_ids),
            },
        )
        for e in net.edges
    ]


def _bytes(root: ET.Element, ns: str) -> bytes:
    ET.register_namespace("", ns)
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def to_graphml(net: Network) -> bytes:
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for scope, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        for name, typ in attrs:
            ET.SubElement(
                root,
                f"{{{GRAPHML_NS}}}key",
                id=f"{scope[0]}_{name}",
                attrib={"for": scope, "attr.name": name, "attr.type": typ},
            )
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", id="hdkg", edgedefault="undirected")
    for node_id, values in _node_values(net):
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", id=node_id)
        for name, value in values.items():
            ET.SubElement(node, f"{{{GRAPHML_NS}}}data", key=f"n_{name}").text = value
    for edge_id, source, target, values in _edge_values(net):
        edge = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", id=edge_id, source=source, target=target)
        for name, value in values.items():
            ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", key=f"e_{name}").text = value
    return _bytes(root, GRAPHML_NS)


def to_gexf(net: Network) -> bytes:
    root = ET.Element(f"{{{GEXF_NS}}}gexf", version="1.3")
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "hdkg"
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", defaultedgetype="undirected", mode="static")
    gexf_type = {"string": "string", "int": "integer"}
    for scope, attrs in (("node", _NODE_ATTRS[1:]), ("edge", _EDGE_ATTRS)):
        decl = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", attrib={"class": scope})
        for i, (name, typ) in enumerate(attrs):
            ET.SubElement(decl, f"{{{GEXF_NS}}}attribute", id=str(i), title=name, type=gexf_type[typ])
    nodes = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for node_id, values in _node_values(net):
        node = ET.SubElement(nodes, f"{{{GEXF_NS}}}node", id=node_id, label=values["label"])
        attvalues = ET.SubElement(node, f"{{{GEXF_NS}}}attvalues")
        for i, (name, _) in enumerate(_NODE_ATTRS[1:]):
            ET.SubElement(attvalues, f"{{{GEXF_NS}}}attvalue", attrib={"for": str(i), "value": values[name]})
    edges = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for edge_id, source, target, values in _edge_values(net):
        edge = ET.SubElement(
            edges,
            f"{{{GEXF_NS}}}edge",
            id=edge_id,
            source=source,
            target=target,
            weight=str(len(values["link_ids"].split(";")) if values["link_ids"] else 0),
        )
        attvalues = ET.SubElement(edge, f"{{{GEXF_NS}}}attvalues")
        for i, (name, _) in enumerate(_EDGE_ATTRS):
            ET.SubElement(attvalues, f"{{{GEXF_NS}}}attvalue", attrib={"for": str(i), "value": values[name]})
    return _bytes(root, GEXF_NS)


CSV_COLUMNS = (
    "source",
    "target",
    "source_label",
    "target_label",
    "kind",
    "status",
    "specialties",
    "sources",
    "links",
    "link_ids",
)


def to_csv(net: Network) -> bytes:
    """An edge list; list cells are ';'-joined so one row stays one edge."""
    labels = {n.id: n.label for n in net.nodes}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in net.edges:
        writer.writerow(
            [
                e.source,
                e.target,
                labels.get(e.source, e.source),
                labels.get(e.target, e.target),
                e.kind,
                e.status,
                ";".join(e.specialties),
                e.sources,
                len(e.link_ids),
                ";".join(e.link_ids),
            ]
        )
    return out.getvalue().encode("utf-8")
