"""GET /export: RDF, GraphML, GEXF and CSV files that parse, with correct types and escaping."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef

from tests.test_api_support import STORE_KINDS, client_for, fill, settings_for, store_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
CLINIC = 'Clinic "A&B" <Almaty>'
G = "{http://graphml.graphdrawing.org/xmlns}"
X = "{http://gexf.net/1.3}"


@pytest.fixture(params=STORE_KINDS)
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    store = store_of(request, request.param)
    fill(store)
    yield from client_for(settings_for(tmp_path), store)


def _file(client: TestClient, fmt: str, media: str, **params: str) -> bytes:
    r = client.get("/export", params={"format": fmt, **params})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    ext = "jsonld" if fmt == "jsonld" else fmt
    assert r.headers["content-disposition"] == f'attachment; filename="hdkg.{ext}"'
    return bytes(r.content)


def test_csv_is_the_edge_list_of_the_network(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(_file(client, "csv", "text/csv").decode())))
    edges = client.get("/network").json()["edges"]
    assert [(r["source"], r["target"], r["kind"], r["status"]) for r in rows] == [
        (e["source"], e["target"], e["kind"], e["status"]) for e in edges
    ]
    aid = next(r for r in rows if r["kind"] == "aid")
    assert (aid["source_label"], aid["target"], aid["sources"], aid["links"]) == (
        CLINIC,
        "wd/Q7817",
        "1",
        "1",
    )
    memo = next(r for r in rows if r["kind"] == "agreement")
    assert (memo["specialties"], memo["sources"]) == ("oncology;pediatrics", "2")


def test_graphml_parses_and_escapes_names(client: TestClient) -> None:
    root = ET.fromstring(_file(client, "graphml", "application/graphml+xml"))
    graph = root.find(f"{G}graph")
    assert graph is not None
    labels = {n.get("id"): n.find(f"{G}data[@key='n_label']").text for n in graph.iter(f"{G}node")}  # type: ignore[union-attr]
    assert labels["clinic_ab"] == CLINIC
    assert len(labels) == 6
    assert len(list(graph.iter(f"{G}edge"))) == len(client.get("/network").json()["edges"])


def test_gexf_parses_with_attributes(client: TestClient) -> None:
    root = ET.fromstring(_file(client, "gexf", "application/gexf+xml", country="KZ"))
    nodes = {n.get("id"): n.get("label") for n in root.iter(f"{X}node")}
    assert nodes == {
        "clinic_ab": CLINIC,
        "moh_kz": "Ministry of Healthcare of Kazakhstan",
        "wd/Q7817": "World Health Organization",
    }
    edge_kinds = sorted(
        v.get("value", "")
        for e in root.iter(f"{X}edge")
        for v in e.iter(f"{X}attvalue")
        if v.get("for") == "0"
    )
    assert edge_kinds == ["aid", "meeting"]


@pytest.mark.parametrize(
    ("fmt", "media", "rdflib_format"),
    [
        ("ttl", "text/turtle", "turtle"),
        ("nt", "application/n-triples", "nt"),
        ("jsonld", "application/ld+json", "json-ld"),
    ],
)
def test_rdf_export_holds_only_the_filtered_links(
    client: TestClient, fmt: str, media: str, rdflib_format: str
) -> None:
    g = Graph().parse(data=_file(client, fmt, media, specialty="oncology").decode(), format=rdflib_format)
    ids = {str(o) for o in g.objects(None, URIRef("http://purl.org/dc/terms/identifier"))}
    expected = {i["id"] for i in client.get("/links", params={"specialty": "oncology"}).json()["items"]}
    assert len(expected) == 2
    assert expected <= ids
    all_ids = {i["id"] for i in client.get("/links").json()["items"]}
    assert not (all_ids - expected) & ids, "links outside the filter leaked into the export"
    assert (None, None, Literal("2025-09-06", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))) in g


def test_unknown_format_is_422(client: TestClient) -> None:
    r = client.get("/export", params={"format": "xlsx"})
    assert (r.status_code, r.headers["content-type"]) == (422, "application/problem+json")


def test_rdf_export_carries_wikidata_ids_and_acts_for(client: TestClient) -> None:
    from hdkg.ontology import iri
    from hdkg.ontology.validate import validate

    g = Graph().parse(data=_file(client, "ttl", "text/turtle").decode(), format="turtle")
    validate(g)
    assert (iri.actor_iri("wd/Q7817"), iri.HDKG.wikidata, Literal("Q7817")) in g
    assert (iri.actor_iri("p-dupont"), iri.HDKG.actsFor, iri.actor_iri("aphp")) in g


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_rdf_export_answers_as_its_openapi_entry_says(client: TestClient, fmt: str) -> None:
    content = client.get("/openapi.json").json()["paths"]["/export"]["get"]["responses"]["200"]["content"]
    for params in ({}, {"specialty": "oncology"}, {"actor": "nobody"}, {"since": "2030-01-01"}):
        r = client.get("/export", params={"format": fmt, **params})
        assert r.status_code == 200, r.text
        media = r.headers["content-type"].split(";")[0]
        assert media in content, (media, sorted(content))
        body = r.json() if fmt == "jsonld" else r.text
        assert isinstance(body, {"object": dict, "string": str}[content[media]["schema"]["type"]]), params


def test_nt_export_is_sorted_and_holds_the_turtle_graph(client: TestClient) -> None:
    """N-Triples line by line in sorted order (two exports diff cleanly), the same graph as the Turtle."""
    from rdflib.compare import isomorphic

    text = _file(client, "nt", "application/n-triples").decode()
    lines = text.splitlines()
    assert lines and lines == sorted(lines)
    turtle = _file(client, "ttl", "text/turtle").decode()
    assert isomorphic(Graph().parse(data=text, format="nt"), Graph().parse(data=turtle, format="turtle"))
