"""The pages' HTML: no outside resources, untrusted text escaped, served routes and the standalone file."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hdkg.graph.base import GraphStore
from hdkg.graph.network import NetworkData, NetworkEdge, NetworkNode, build_network
from hdkg.settings import Settings
from hdkg.visual.assets import asset_text, csp_hash
from hdkg.visual.details import details_for
from hdkg.visual.home import heat_map, year_bars
from hdkg.visual.page import ViewFilters, render_network_page
from hdkg.visual.safe_json import script_json
from hdkg.visual.vis_items import vis_items
from tests.test_visual_facts import HOSTILE_NAME, HOSTILE_SENTENCE, open_visual_store

URL = re.compile(r"""https?://[^\s"'()<>\\]+""")
RESOURCE = re.compile(
    r"""(?:\bsrc|\bhref|\baction)\s*=\s*["']?([^"'\s>]+)|url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)"""
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    s = open_visual_store(tmp_path_factory.mktemp("vis-html"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def standalone(store: GraphStore) -> str:
    data = build_network(store)
    return render_network_page(
        data, ViewFilters(), store=store, standalone=True, links=details_for(store, data)
    )


@pytest.fixture(scope="module")
def client(store: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from hdkg.api.app import create_app

    settings = Settings(data_dir=tmp_path_factory.mktemp("vis-app"), network_node_cap=500)
    with TestClient(create_app(settings, store), base_url="http://localhost") as c:
        yield c


def payload(html: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="hdkg-data">(.*?)</script>', html, re.S)
    assert m, "no data element"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def vendor_urls() -> set[str]:
    return set(URL.findall(asset_text("vis-network.min.js") + asset_text("vis-network.css")))


def external_resources(html: str) -> list[str]:
    refs = [next(g for g in m.groups() if g) for m in RESOURCE.finditer(html)]
    return [r for r in refs if r.startswith(("http:", "https:", "//"))]


# ---------- JSON in <script> ----------


def test_script_json_escapes_html_and_line_separators() -> None:
    text = str(script_json({"a": "</script><!-- & \u2028\u2029"}))
    assert not set("<>&") & set(text) and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


# ---------- standalone file ----------


def test_standalone_loads_nothing_from_outside(standalone: str) -> None:
    assert external_resources(standalone) == []
    article_urls = {a["url"] for link in payload(standalone)["links"].values() for a in link["articles"]}
    stray = set(URL.findall(standalone)) - vendor_urls() - article_urls
    assert stray == set()
    assert "cdnjs" not in standalone and "jsdelivr" not in standalone


def test_standalone_inlines_assets_under_a_strict_csp(standalone: str) -> None:
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', standalone)
    assert m
    csp = html.unescape(m.group(1))
    assert "default-src 'none'" in csp and "connect-src" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", standalone, re.S)
    assert scripts == [asset_text("vis-network.min.js"), asset_text("hdkg-network.js")]
    assert all(csp_hash(s) in csp for s in scripts)


def test_standalone_escapes_untrusted_text(standalone: str) -> None:
    assert HOSTILE_NAME not in standalone and "<img" not in standalone
    assert "alert('xss')</script>" not in standalone
    page = standalone
    for name in ("vis-network.min.js", "hdkg-network.js"):
        page = page.replace(asset_text(name), "")
    assert page.count("<script") == 3  # data + vis-network + ours, nothing injected
    data = payload(standalone)
    assert HOSTILE_NAME in {n["label"] for n in data["nodes"]}
    evidence = [e["text"] for link in data["links"].values() for e in link["evidence"]]
    assert HOSTILE_SENTENCE in evidence


def test_standalone_embeds_evidence_of_every_edge(standalone: str) -> None:
    data = payload(standalone)
    for edge in data["edges"]:
        for link_id in edge["link_ids"]:
            link = data["links"][link_id]
            assert link["evidence"] and link["articles"] and link["sides"]


def test_vis_items_style_nodes_and_edges() -> None:
    data = NetworkData(
        nodes=[
            NetworkNode(id="a", label="A", kind="GovernmentBody", country="UZ", degree=3, links=4),
            NetworkNode(id="b", label="B", kind="Company", country=None, degree=1, links=1),
        ],
        edges=[
            NetworkEdge(id="a|b|aid|planned", source="a", target="b", kind="aid", status="planned",
                        specialties=["oncology", "cardiology", "surgery"], sources=5, link_ids=["l1"]),
            NetworkEdge(id="a|b|aid|held", source="a", target="b", kind="aid", status="held",
                        specialties=[], sources=1, link_ids=["l2"]),
        ],
        truncated=False, total_nodes=2, level="actor",
    )  # fmt: skip
    nodes, edges, options = vis_items(
        data, actor_colours={"GovernmentBody": "#111111", "Company": "#222222"},
        link_colours={"aid": "#333333"}, type_labels={}, specialty_labels={"oncology": "Onco"},
    )  # fmt: skip
    assert [(n["color"], n["value"]) for n in nodes] == [("#111111", 3), ("#222222", 1)]
    planned, held = edges
    assert planned["dashes"] is True and held["dashes"] is False
    assert planned["value"] == 5 and planned["color"] == "#333333"
    assert planned["label"] == "aid: Onco, cardiology +1"
    assert planned["smooth"]["type"] != held["smooth"]["type"]  # parallel edges curve apart
    assert options["physics"]["stabilization"]["enabled"] is True


def test_home_charts_geometry() -> None:
    rows = [
        {"country": "UZ", "specialty": "oncology", "links": 4},
        {"country": "RU", "specialty": "oncology", "links": 1},
        {"country": "UZ", "specialty": "cardiology", "links": 2},
    ]
    heat = heat_map(rows, {"oncology": "Oncology"})
    assert len(heat["cells"]) == 4 and heat["top"] == 4
    assert [c for _, c in heat["rows"]] == ["UZ", "RU"]
    bars = year_bars(
        [{"year": 2023, "kind": "aid", "links": 2}, {"year": 2024, "kind": "aid", "links": 1},
         {"year": 2024, "kind": "visit", "links": 3}], {"aid": "#000000"},
    )  # fmt: skip
    assert len(bars["bars"]) == 3 and bars["top"] == 4
    tallest = max(b.h for b in bars["bars"])
    assert tallest == max(b.h for b in bars["bars"] if b.title.startswith("2024 · visit"))


# ---------- served pages ----------


def test_served_view(client: TestClient) -> None:
    r = client.get("/view")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    page = r.text
    assert external_resources(page) == []
    assert URL.findall(page) == []
    assert '<script src="/static/vis-network.min.js"></script>' in page
    assert HOSTILE_NAME not in page
    data = payload(page)
    assert data["mode"] == "served" and len(data["nodes"]) == 7
    assert data["urls"]["network"] == "/network"


def test_served_view_filters(client: TestClient) -> None:
    data = payload(client.get("/view", params={"kind": "aid", "specialty": ""}).text)
    assert {n["id"] for n in data["nodes"]} == {"kr-mohw", "tma"}
    ego = payload(client.get("/view", params={"actor": "tma", "depth": 1}).text)
    assert {n["id"] for n in ego["nodes"]} == {"tma", "kr-mohw", "almazov"}
    capped = payload(client.get("/view", params={"limit": 2}).text)
    assert len(capped["nodes"]) == 2 and capped["truncated"] and capped["total_nodes"] == 7
    countries = payload(client.get("/view", params={"level": "country"}).text)
    assert {n["id"] for n in countries["nodes"]} == {"UZ", "RU", "KR", "who"}
    assert client.get("/view", params={"since": "2024-13"}).status_code == 422


def test_view_selects_come_from_vocabularies_and_countries(client: TestClient) -> None:
    page = client.get("/view").text
    assert '<option value="UZ">UZ (' in page
    assert '<option value="oncology">' in page and '<option value="planned">' in page


def test_served_home(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    page = r.text
    assert external_resources(page) == [] and URL.findall(page) == []
    assert 'href="/view"' in page and 'href="/docs"' in page
    assert "<svg" in page and page.count("<rect") >= 4
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and HOSTILE_NAME not in page
    assert 'href="/view?actor=uz-moh&amp;depth=1"' in page  # most connected actor first


def test_static_assets(client: TestClient) -> None:
    r = client.get("/static/vis-network.min.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    assert client.get("/static/hdkg-network.js").text == asset_text("hdkg-network.js")
    assert client.get("/static/..%2Fpage.py").status_code == 404
    assert client.get("/static/template.html").status_code == 404


def test_view_command_writes_a_standalone_file(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from hdkg.cli import app
    from hdkg.settings import get_settings

    data_dir = tmp_path / "cli"
    open_visual_store(data_dir).close()
    monkeypatch.setenv("HDKG_DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    out = tmp_path / "net.html"
    try:
        result = CliRunner().invoke(
            app, ["view", "--out", str(out), "--kind", "agreement", "--store", "ladybug"]
        )
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    data = payload(page)
    assert data["mode"] == "standalone" and {e["kind"] for e in data["edges"]} == {"agreement"}
    assert external_resources(page) == [] and HOSTILE_NAME not in page


def test_view_has_area_and_depth_controls(client: TestClient) -> None:
    from hdkg.visual import vocab

    page = client.get("/view", params={"area": "equipment", "actor": "kr-mohw", "depth": 2}).text
    area = re.search(r'<select name="area" id="f-area">(.*?)</select>', page, re.S)
    assert area is not None
    values = re.findall(r'<option value="([^"]*)"', area.group(1))
    assert values == ["", *(a.id for a in vocab.areas())]
    assert '<option value="equipment" selected>' in area.group(1)
    depth = re.search(r'<select name="depth" id="f-depth">(.*?)</select>', page, re.S)
    assert depth is not None and '<option value="2" selected>' in depth.group(1)
    assert {n["id"] for n in payload(page)["nodes"]} == {"kr-mohw", "tma"}
