"""Helpers shared by the reliability tests (no tests here): running the CLI as a real subprocess,
building the bad-input batch, generating articles, and dumping a store for exact comparison."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hdkg.graph.base import GraphStore
from hdkg.graph.cypher_guard import run_read

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "hdkg" / "demo"
HDKG = (
    [sys.executable, "-m", "hdkg.cli.app"]
    if not (Path(sys.executable).parent / "hdkg").exists()
    else [str(Path(sys.executable).parent / "hdkg")]
)

CP1251_TITLE = "Минздрав Узбекистана и центр Алмазова подписали меморандум"
CP1251_TEXT = (
    "ТАШКЕНТ, 3 марта. Министерство здравоохранения Узбекистана и НМИЦ имени Алмазова подписали "
    "меморандум о сотрудничестве в области кардиологии. Стороны договорились об обмене специалистами."
)


def cli_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a CLI subprocess: its own data dir, no .env from the working directory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HDKG_", "NEO4J_"))}
    env.update({"HDKG_DATA_DIR": str(data_dir), "HDKG_LOG_LEVEL": "WARNING", **extra})
    return env


def run_cli(
    args: list[str], env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*HDKG, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def stats_json(env: dict[str, str], cwd: Path, *store: str) -> dict[str, Any]:
    r = run_cli(["stats", "--format", "json", *store], env, cwd)
    assert r.returncode == 0, r.stderr
    out: dict[str, Any] = json.loads(r.stdout)
    return out


def write_articles(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """``n`` generated articles, one JSON file each (names sort in generation order)."""
    from bench.generate import iter_records

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, rec in enumerate(iter_records(n, seed=seed)):
        p = folder / f"a{i:04d}.json"
        p.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
        paths.append(p)
    return paths


def bad_batch(folder: Path) -> dict[str, str]:
    """A folder of good and bad inputs; returns {file name: what must happen ('ok' or 'fail')}."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}
    for name in ("en_01_aphp_oncology_followup.txt", "ru_04_uzbekistan_aphp_memorandum.txt"):
        shutil.copy(DEMO / name, folder / name)
        expect[name] = "ok"
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (folder / "huge.txt").write_bytes(b"Health cooperation news. " * (50 * 1024 * 1024 // 25 + 1))
    (folder / "feed.xml").write_bytes(b"this is not a feed <<< & >>> at all")
    (folder / "scripts_only.html").write_text(
        "<html><head><script>var a = 1;</script></head><body>"
        + "<script>document.write('x');</script>" * 200
        + "</body></html>",
        encoding="utf-8",
    )
    expect |= {n: "fail" for n in ("empty.txt", "image.png", "huge.txt", "feed.xml", "scripts_only.html")}
    (folder / "scripts.html").write_text(
        "<html><head><title>WHO and Uzbekistan</title><script>alert('CREATE (n)')</script></head><body>"
        + "<script>for(;;){}</script>" * 50
        + "<article><p>The World Health Organization and the Ministry of Health of Uzbekistan signed an "
        "agreement on primary health care in Tashkent on 5 May 2024.</p></article>"
        + "<script src='x.js'></script><noscript>enable js</noscript></body></html>",
        encoding="utf-8",
    )
    (folder / "cp1251.txt").write_bytes(f"{CP1251_TITLE}\n\n{CP1251_TEXT}\n".encode("cp1251"))
    mixed = f"{CP1251_TITLE}\n\n".encode() + CP1251_TEXT.encode("cp1251") + b"\n"
    (folder / "mixed.txt").write_bytes(mixed)
    (folder / "georgian.txt").write_text(
        "ჯანდაცვის სამინისტრო\n\nსაქართველოს ჯანდაცვის სამინისტრომ და მსოფლიო ჯანდაცვის ორგანიზაციამ "
        "ხელი მოაწერეს შეთანხმებას.\n",
        encoding="utf-8",
    )
    expect |= {n: "ok" for n in ("scripts.html", "cp1251.txt", "mixed.txt", "georgian.txt")}
    good = {"title": "Kazakhstan and Korea", "text": "The Ministry of Healthcare of Kazakhstan and the "
            "Ministry of Health and Welfare of Korea signed a memorandum on oncology.", "url": "https://e.x/1"}  # fmt: skip
    lines = [json.dumps(good), json.dumps({**good, "url": "https://e.x/2", "title": "Second"})]
    (folder / "batch.jsonl").write_text("\n".join([*lines, lines[0][: len(lines[0]) // 2]]) + "\n")
    expect["batch.jsonl"] = "ok+fail"
    return expect


def dump(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    """Every article, actor, link and edge in a canonical order: two equal dumps mean equal graphs."""
    queries = {
        "articles": "MATCH (a:Article) RETURN a.id AS id, a.content_hash AS hash, a.source AS source, "
        "a.title AS title ORDER BY id",
        "actors": "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.aliases AS aliases ORDER BY id",
        "links": "MATCH (l:Link) RETURN l.id AS id, l.reports AS reports, l.topics AS topics, "
        "l.sources AS sources ORDER BY id",
        "parties": "MATCH (a:Actor)-[p:PARTY_OF]->(l:Link) RETURN a.id AS actor, l.id AS link, p.side AS side "
        "ORDER BY link, actor, side",
        "evidence": "MATCH (l:Link)-[r:REPORTED_IN]->(a:Article) RETURN l.id AS link, a.id AS article, "
        "r.start AS from_char, r.`end` AS to_char ORDER BY link, article, from_char, to_char",
        "mentions": "MATCH (x:Actor)-[:MENTIONED_IN]->(a:Article) RETURN x.id AS actor, a.id AS article "
        "ORDER BY actor, article",
    }
    out = {}
    for name, q in queries.items():
        res = run_read(store, q, {}, timeout_s=60, row_cap=1_000_000)
        assert not res.truncated
        out[name] = res.rows
    return out
