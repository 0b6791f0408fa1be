"""The network view and the overview in headless Chromium, served by the real app and as a file.

The app runs under uvicorn on 127.0.0.1 over a LadybugDB store holding the
hand-made facts (with a hostile actor name, a <script> in evidence and a
javascript: article URL). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hdkg.graph.base import GraphStore
from hdkg.graph.network import NetworkData, build_network
from hdkg.settings import Settings
from hdkg.visual import browser, vocab
from hdkg.visual.details import details_for
from hdkg.visual.page import ViewFilters, render_network_page
from hdkg.visual.vis_items import vis_items
from tests.test_visual_facts import HOSTILE_NAME, HOSTILE_SENTENCE, open_visual_store

pytestmark = [
    pytest.mark.browser,
    # Outside CI a machine without Chromium skips these; under CI=true they run and fail loudly.
    pytest.mark.skipif(
        not browser.available() and os.environ.get("CI", "").lower() != "true",
        reason="needs /usr/bin/chromium and /usr/bin/chromedriver (`make system-deps` installs them)",
    ),
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    s = open_visual_store(tmp_path_factory.mktemp("vis-browser"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def server(store: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from hdkg.api.app import create_app

    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("vis-srv")), store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    with browser.chromium() as d:
        yield d


def wait(fn: Callable[[], Any], what: str, timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def stabilised(d: Any, count: int = 1) -> None:
    wait(
        lambda: (d.execute_script("return window.hdkg && window.hdkg.stabilizations") or 0) >= count, "layout"
    )


def node_ids(d: Any) -> set[str]:
    return set(d.execute_script("return window.hdkg.nodes().getIds()"))


def details_text(d: Any) -> str:
    wait(lambda: d.execute_script("return document.getElementById('details-body').dataset.loaded"), "details")
    return str(d.execute_script("return document.getElementById('details-body').textContent"))


def assert_clean(d: Any) -> None:
    """No console error, no outside request, no injected element, no alert."""
    from selenium.common.exceptions import NoAlertPresentException

    assert browser.console_errors(d) == []
    assert browser.outside(browser.requested_urls(d)) == []
    assert (
        d.execute_script("return document.querySelectorAll('img[src=x], #details-body script').length") == 0
    )
    with pytest.raises(NoAlertPresentException):
        d.switch_to.alert.text  # noqa: B018


def open_page(d: Any, url: str) -> None:
    d.get("about:blank")
    d.get_log("browser")
    d.get_log("performance")
    d.get(url)
    stabilised(d)


def apply_filter(d: Any, name: str, value: str) -> None:
    before = d.execute_script("return window.hdkg.stabilizations")
    d.execute_script(
        "var s = document.getElementsByName(arguments[0])[0]; s.value = arguments[1];"
        "document.getElementById('apply').click();",
        name, value,
    )  # fmt: skip
    stabilised(d, before + 1)


def click_node(d: Any, node_id: str) -> None:
    """A real mouse click at the node's position on the canvas."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    x, y, w, h = d.execute_script(
        "var n = window.hdkg.network, p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);"
        "var c = document.getElementById('network'); return [p.x, p.y, c.clientWidth, c.clientHeight];",
        node_id,
    )  # fmt: skip
    canvas = d.find_element(By.ID, "network")
    ActionChains(d).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).click().perform()


def test_served_view(driver: Any, server: str) -> None:
    d = driver
    open_page(d, server + "/view")
    assert node_ids(d) == {"evil", "uz-moh", "ru-moh", "kr-mohw", "who", "tma", "almazov"}
    assert d.execute_script("return window.hdkg.network.body.data.nodes.length") == 7
    assert d.execute_script("return window.hdkg.network.physics.physicsEnabled") is False
    d.save_screenshot(str(ARTIFACTS / "view-served.png"))

    click_node(d, "tma")
    text = details_text(d)
    assert "Tashkent Medical Academy" in text and "Korea gave equipment" in text
    assert d.execute_script("return document.getElementById('details-body').dataset.id") == "tma"
    # the javascript: article URL is shown as text, not as a link
    hrefs = d.execute_script(
        "return Array.from(document.querySelectorAll('#details-body a')).map(a => a.href)"
    )
    assert hrefs and all(h.startswith("https://news.example/") for h in hrefs)

    edge = next(
        e
        for e in d.execute_script("return window.hdkg.edges().get()")
        if e["from"] == "evil" or e["to"] == "evil"
    )
    d.execute_script(
        "window.hdkg.network.selectEdges([arguments[0]]); window.hdkg.showEdge(arguments[0])", edge["id"]
    )
    text = details_text(d)
    assert HOSTILE_SENTENCE in text and HOSTILE_NAME in text
    d.save_screenshot(str(ARTIFACTS / "view-served-evidence.png"))
    assert_clean(d)


def test_served_filters_ego_and_search(driver: Any, server: str) -> None:
    d = driver
    open_page(d, server + "/view")
    apply_filter(d, "kind", "aid")
    assert node_ids(d) == {"kr-mohw", "tma"}
    assert "kind=aid" in d.current_url
    apply_filter(d, "kind", "")
    assert len(node_ids(d)) == 7

    # the area select lists the ontology's areas and narrows the network to links of that area
    areas = d.execute_script("return Array.from(document.getElementById('f-area').options).map(o => o.value)")
    assert areas == ["", *(a.id for a in vocab.areas())]
    apply_filter(d, "area", "education")
    assert node_ids(d) == {"tma", "almazov"}
    assert "area=education" in d.current_url
    apply_filter(d, "area", "")
    assert len(node_ids(d)) == 7

    before = d.execute_script("return window.hdkg.stabilizations")
    d.execute_script("window.hdkg.showEgo('tma', 'Tashkent Medical Academy')")
    stabilised(d, before + 1)
    assert node_ids(d) == {"tma", "kr-mohw", "almazov"}
    assert "actor=tma" in d.current_url

    # the depth control: partners of partners
    apply_filter(d, "depth", "2")
    assert node_ids(d) == {"tma", "kr-mohw", "almazov", "uz-moh"}
    assert "depth=2" in d.current_url and "actor=tma" in d.current_url
    apply_filter(d, "depth", "1")
    assert node_ids(d) == {"tma", "kr-mohw", "almazov"}

    before = d.execute_script("return window.hdkg.stabilizations")
    d.execute_script("document.getElementById('ego-clear').click()")
    stabilised(d, before + 1)
    assert len(node_ids(d)) == 7

    from selenium.webdriver.common.by import By

    box = d.find_element(By.ID, "search")
    box.send_keys("onerror")
    wait(lambda: d.find_elements(By.CSS_SELECTOR, "#search-results button"), "search results")
    assert d.find_element(By.CSS_SELECTOR, "#search-results button").text.startswith(HOSTILE_NAME)
    box.clear()
    apply_filter(d, "level", "country")
    assert node_ids(d) == {"UZ", "RU", "KR", "who"}
    d.save_screenshot(str(ARTIFACTS / "view-served-countries.png"))
    assert_clean(d)


def test_home_page(driver: Any, server: str) -> None:
    d = driver
    d.get("about:blank")
    d.get_log("performance")
    d.get(server + "/")
    wait(lambda: d.execute_script("return document.readyState") == "complete", "home page")
    assert d.execute_script("return document.querySelectorAll('#heat rect').length") >= 4
    assert d.execute_script("return document.querySelectorAll('#years rect').length") >= 5
    rows = d.execute_script(
        "return Array.from(document.querySelectorAll('#top-actors td a')).map(a => a.textContent)"
    )
    assert HOSTILE_NAME in rows
    d.set_window_size(1400, 1300)
    d.save_screenshot(str(ARTIFACTS / "home.png"))
    d.set_window_size(1400, 900)
    assert_clean(d)


def test_standalone_file(driver: Any, store: GraphStore, tmp_path: Path) -> None:
    d = driver
    data = build_network(store)
    page = render_network_page(
        data, ViewFilters(), store=store, standalone=True, links=details_for(store, data)
    )
    path = tmp_path / "net.html"
    path.write_text(page, encoding="utf-8")
    open_page(d, path.as_uri())
    assert len(node_ids(d)) == 7
    apply_filter(d, "kind", "aid")
    assert node_ids(d) == {"kr-mohw", "tma"}
    apply_filter(d, "kind", "")
    apply_filter(d, "since", "2024-01-01")
    assert node_ids(d) == {"evil", "uz-moh", "ru-moh", "who"}
    apply_filter(d, "since", "")
    apply_filter(d, "area", "equipment")
    assert node_ids(d) == {"kr-mohw", "tma"}
    apply_filter(d, "area", "")

    apply_filter(d, "depth", "2")
    before = d.execute_script("return window.hdkg.stabilizations")
    d.execute_script("window.hdkg.showEgo('kr-mohw', 'Korea')")
    stabilised(d, before + 1)
    assert node_ids(d) == {"kr-mohw", "tma", "almazov"}
    apply_filter(d, "depth", "1")
    assert node_ids(d) == {"kr-mohw", "tma"}

    before = d.execute_script("return window.hdkg.stabilizations")
    d.execute_script("window.hdkg.showEgo('almazov', 'Almazov Centre')")
    stabilised(d, before + 1)
    assert node_ids(d) == {"almazov", "tma", "uz-moh"}
    text = details_text(d)
    assert "visited the Almazov Centre" in text
    d.execute_script("document.getElementById('ego-clear').click()")
    stabilised(d, before + 2)

    click_node(d, "evil")
    text = details_text(d)
    assert HOSTILE_SENTENCE in text
    d.save_screenshot(str(ARTIFACTS / "view-standalone.png"))
    assert_clean(d)


def _styling_cases() -> NetworkData:
    """Every branch of the styling: no label, an unknown kind, no country, three specialties,
    a dashed status, parallel edges on one pair (curves), zero sources."""
    node = {"kind": "GovernmentBody", "country": "UZ", "degree": 2, "links": 3}
    edge = {"specialties": [], "sources": 1, "link_ids": ["l1"]}
    return NetworkData.model_validate({
        "nodes": [{"id": "a", "label": "Ministry", **node},
                  {"id": "b", "label": "", **node, "kind": "Mystery", "country": None, "degree": 0},
                  {"id": "c", "label": "WHO", **node, "kind": "InternationalOrganization", "country": None}],
        "edges": [{"id": "ab1", "source": "a", "target": "b", "kind": "agreement", "status": "signed", **edge,
                   "specialties": ["oncology", "pediatrics", "cardiology"]},
                  {"id": "ab2", "source": "a", "target": "b", "kind": "visit", "status": "planned", **edge},
                  {"id": "ab3", "source": "a", "target": "b", "kind": "meeting", "status": "held", **edge},
                  {"id": "ac", "source": "a", "target": "c", "kind": "telepathy", "status": "discussed", **edge,
                   "sources": 0, "link_ids": ["l2", "l3"], "specialties": ["not-a-specialty"]}],
        "truncated": False, "total_nodes": 3, "level": "actor",
    })  # fmt: skip


def test_js_and_python_style_a_network_alike(driver: Any, server: str, store: GraphStore) -> None:
    """``toVis`` (network.js, for re-queried data) and ``vis_items`` (the first screen) must agree."""
    d = driver
    open_page(d, server + "/view")
    cfg = d.execute_script("return JSON.parse(document.getElementById('hdkg-data').textContent)")

    def python(data: NetworkData) -> dict[str, Any]:
        nodes, edges, _ = vis_items(
            data, actor_colours=cfg["colours"]["actors"], link_colours=cfg["colours"]["links"],
            type_labels=cfg["labels"]["types"], specialty_labels=cfg["labels"]["specialties"],
        )  # fmt: skip
        return {"nodes": nodes, "edges": edges}

    for data in (_styling_cases(), build_network(store), build_network(store, level="country")):
        js = d.execute_script("return window.hdkg.toVis(arguments[0])", data.model_dump(mode="json"))
        assert js == python(data)
    # and what the page draws first is what toVis makes of /network
    fetched = d.execute_async_script(
        "var done = arguments[0]; fetch('/network').then(r => r.json()).then(x => done(window.hdkg.toVis(x)))"
    )
    assert fetched == {"nodes": cfg["nodes"], "edges": cfg["edges"]}
    assert_clean(d)


@pytest.mark.parametrize(
    ("path", "operation_selector", "shot"),
    [
        ("/docs", ".opblock", "docs.png"),
        ("/redoc", "[data-section-id^='tag/'], .menu-content li", "redoc.png"),
    ],
)
def test_api_docs_render_offline(
    driver: Any, server: str, path: str, operation_selector: str, shot: str
) -> None:
    """Swagger UI and ReDoc come from hdkg itself: the operations render and nothing is fetched outside."""
    d = driver
    d.get("about:blank")
    d.get_log("performance")
    d.get(f"{server}{path}")
    count = wait(
        lambda: d.execute_script(f"return document.querySelectorAll({operation_selector!r}).length"),
        f"{path} operations",
        timeout=30,
    )
    assert count >= 5
    if path == "/docs":
        text = d.execute_script("return document.body.innerText")
        assert "/cooperations" in text and "/network" in text
    d.save_screenshot(str(ARTIFACTS / shot))
    urls = browser.sent_urls(d)  # ReDoc's footer asks for its maker's logo; the page's CSP blocks it
    assert browser.outside(urls) == [], browser.outside(urls)
    assert any("/docs-assets/" in u for u in urls)
