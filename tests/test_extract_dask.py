"""`hdkg extract --dask local` on a 2-worker LocalCluster gives the single-process output, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra (make install installs it)")

ROOT = Path(__file__).resolve().parents[1]
DEMO = sorted(str(p) for p in (ROOT / "hdkg" / "demo").glob("*.txt"))
HDKG = str(Path(sys.executable).with_name("hdkg"))


def _extract(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([HDKG, "extract", *args], capture_output=True, timeout=600)


@pytest.mark.parametrize("fmt", ["jsonl", "facts"])
def test_dask_extraction_equals_one_process(fmt: str, tmp_path: Path) -> None:
    sources = [*DEMO, str(tmp_path / "missing.txt")]  # 11 sources: two shards, and one failure
    single = _extract(*sources, "--format", fmt)
    dask = _extract(*sources, "--format", fmt, "--dask", "local", "--dask-workers", "2")
    assert single.returncode == dask.returncode == 1  # the missing file fails alone, named
    assert b"missing.txt" in dask.stderr
    lines = dask.stdout.splitlines()
    assert len(lines) == len(DEMO)
    assert sorted(lines) == sorted(single.stdout.splitlines())
    assert lines == single.stdout.splitlines()  # and in input order


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    run = _extract(DEMO[0], "--dask", "tcp://127.0.0.1:9", "--format", "jsonl")
    assert run.returncode != 0
    assert b"Traceback" not in run.stderr
