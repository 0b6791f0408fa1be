"""Time to a still layout of the standalone network page, for 500, 2,000 and 5,000 nodes.

A script, not a test: ``.venv/bin/python bench/bench_view.py [--sizes 500 2000 5000]``.
Each synthetic network (preferential attachment, about two edges per node,
evidence for every link) is rendered as the standalone file ``hdkg view``
writes, opened in headless Chromium, and the page's own clock is read:
``window.__hdkgLayoutMs`` (network created -> physics stopped after
stabilisation) and ``window.__hdkgStabilizedMs`` (navigation start -> same).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hdkg.graph.network import NetworkData, NetworkEdge, NetworkNode  # noqa: E402
from hdkg.visual import browser  # noqa: E402
from hdkg.visual.page import ViewFilters, render_network_page  # noqa: E402

TYPES = [
    "GovernmentBody",
    "HealthcareProvider",
    "AcademicInstitution",
    "InternationalOrganization",
    "Company",
]
KINDS = [
    ("agreement", "signed"),
    ("visit", "held"),
    ("meeting", "held"),
    ("aid", "held"),
    ("program", "planned"),
]
SPECS = ["oncology", "cardiology", "pediatrics", "surgery", "neurology"]
COUNTRIES = ["UZ", "RU", "KZ", "KR", "TR", "DE", "CN", "IN"]


def synthetic(n: int, seed: int = 7) -> tuple[NetworkData, dict[str, dict[str, Any]]]:
    rnd = random.Random(seed)
    targets: list[int] = [0]
    pairs: set[tuple[int, int]] = set()
    for i in range(1, n):
        for _ in range(2 if i > 2 else 1):
            j = rnd.choice(targets)
            if j != i:
                pairs.add((min(i, j), max(i, j)))
                targets.append(j)
        targets.append(i)
    degree = [0] * n
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    nodes = [
        NetworkNode(id=f"a{i}", label=f"Actor {i}", kind=TYPES[i % len(TYPES)],
                    country=COUNTRIES[i % len(COUNTRIES)], degree=degree[i], links=degree[i])
        for i in range(n)
    ]  # fmt: skip
    edges, links = [], {}
    for k, (a, b) in enumerate(sorted(pairs)):
        kind, status = KINDS[k % len(KINDS)]
        link_id = f"l{k}"
        spec = SPECS[k % len(SPECS)]
        edges.append(NetworkEdge(id=f"a{a}|a{b}|{kind}|{status}", source=f"a{a}", target=f"a{b}", kind=kind,
                                 status=status, specialties=[spec], sources=1 + k % 4, link_ids=[link_id]))  # fmt: skip
        links[link_id] = {
            "id": link_id, "kind": kind, "status": status, "date": f"{2019 + k % 6}-0{1 + k % 9}-15",
            "specialties": [spec], "areas": [], "sources": 1 + k % 4,
            "sides": [[{"id": f"a{a}", "name": f"Actor {a}", "kind": "x", "country": None}],
                      [{"id": f"a{b}", "name": f"Actor {b}", "kind": "x", "country": None}]],
            "evidence": [{"text": f"Actor {a} and Actor {b} agreed on {spec}.", "article_id": f"art{k}"}],
            "articles": [{"id": f"art{k}", "url": f"https://news.example/{k}", "title": f"News {k}", "date": None}],
        }  # fmt: skip
    data = NetworkData(nodes=nodes, edges=edges, truncated=False, total_nodes=n, level="actor")
    return data, links


def measure(path: Path, timeout: float) -> tuple[float, float]:
    with browser.chromium() as d:
        d.set_page_load_timeout(timeout)
        d.get(path.as_uri())
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = d.execute_script("return [window.__hdkgStabilizedMs, window.__hdkgLayoutMs]")
            if done[0]:
                errors = browser.console_errors(d)
                if errors:
                    print(f"  console errors: {errors[:3]}", file=sys.stderr)
                return float(done[0]), float(done[1])
            time.sleep(0.1)
    raise TimeoutError(f"{path.name}: no stabilisation within {timeout:.0f}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    if not browser.available():
        print("needs /usr/bin/chromium and /usr/bin/chromedriver", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    print(
        f"{'nodes':>6} {'edges':>6} {'html MB':>8} {'render s':>9} {'layout ms':>10} {'load->still ms':>15}"
    )
    for n in args.sizes:
        data, links = synthetic(n)
        t = time.perf_counter()
        html = render_network_page(data, ViewFilters(limit=n), store=None, standalone=True, links=links)
        render_s = time.perf_counter() - t
        path = args.out / f"view-{n}.html"
        path.write_text(html, encoding="utf-8")
        stabilised, layout = measure(path, args.timeout)
        size = len(html.encode()) / 1e6
        print(
            f"{n:>6} {len(data.edges):>6} {size:>8.1f} {render_s:>9.2f} {layout:>10.0f} {stabilised:>15.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
