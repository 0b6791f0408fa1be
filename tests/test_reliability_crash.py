"""Crash safety of the embedded store: SIGKILL in the middle of `hdkg ingest`, then a rerun, ends
exactly like one clean run; a second writer meanwhile gets a clear StoreLocked message, not corruption."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from hdkg.graph.ladybug import LadybugStore
from tests.reliability_support import HDKG, cli_env, dump, run_cli, stats_json, write_articles

N = 60
_PROGRESS = re.compile(r"ingest: (\d+)article")


class Progress:
    """Follows the tqdm counter of a running `hdkg ingest` on its stderr."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self.proc, self.count, self.text = proc, 0, ""
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._thread.start()

    def _follow(self) -> None:
        assert self.proc.stderr is not None
        fd = self.proc.stderr.fileno()
        while chunk := os.read(fd, 4096):
            self.text += chunk.decode(errors="replace")
            counts = _PROGRESS.findall(self.text[-400:])
            if counts:
                self.count = int(counts[-1])

    def wait_for(self, n: int, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while self.count < n:
            if self.proc.poll() is not None:
                pytest.fail(
                    f"ingest ended (rc {self.proc.returncode}) before {n} articles: {self.text[-2000:]}"
                )
            if time.monotonic() > end:
                pytest.fail(f"no progress to {n} within {timeout}s: {self.text[-2000:]}")
            time.sleep(0.02)

    def join(self) -> None:
        self._thread.join(timeout=30)


def _children(pid: int) -> list[int]:
    """Processes started by ``pid`` (the extraction pool and its resource tracker)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has exited; only its parent (now init) has not reaped it yet


def _start(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*HDKG, *args], env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


BATCH = 4  # articles per transaction: the kill lands between batches or inside one


def test_sigkill_mid_batch_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_articles(src, N)
    ref_env, env = cli_env(tmp_path / "ref"), cli_env(tmp_path / "crash")
    reference = _start(["ingest", str(src), "--no-progress"], ref_env, tmp_path)  # runs alongside

    victim = _start(["ingest", str(src), "--batch", str(BATCH)], env, tmp_path)
    progress = Progress(victim)
    progress.wait_for(12)
    workers = _children(victim.pid)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    progress.join()
    assert victim.returncode == -signal.SIGKILL
    assert workers, "the victim ran no extraction workers"
    deadline = time.monotonic() + 15
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:  # they exit with their parent
        time.sleep(0.2)
    assert not [w for w in workers if _alive(w)], "extraction workers outlived the killed ingest"
    assert (tmp_path / "crash" / "graph.lbug.wal").exists(), "killed before a checkpoint: the WAL must replay"

    # After the crash: whole articles only. Every stored article has all its evidence and mentions.
    assert reference.wait(timeout=300) == 0, reference.stderr.read().decode() if reference.stderr else ""
    with LadybugStore(tmp_path / "ref" / "graph.lbug") as ref_store:
        ref = dump(ref_store)
    with LadybugStore(tmp_path / "crash" / "graph.lbug") as crashed:
        partial = dump(crashed)
    kept = {a["id"] for a in partial["articles"]}
    assert 0 < len(kept) < N, f"{len(kept)} articles survived the kill"
    assert len(kept) % BATCH == 0, f"{len(kept)} articles: a batch of {BATCH} is written whole or not at all"
    assert [a for a in ref["articles"] if a["id"] in kept] == partial["articles"]
    for table in ("evidence", "mentions"):
        assert [r for r in ref[table] if r["article"] in kept] == partial[table], table

    # Rerun, and meanwhile a second writer on the same store: a clear refusal, no damage.
    rerun = _start(["ingest", str(src), "--json"], env, tmp_path)
    progress = Progress(rerun)
    progress.wait_for(1)
    second = run_cli(["ingest", str(src), "--no-progress"], env, tmp_path, timeout=120)
    out, _ = rerun.communicate(timeout=300)
    progress.join()
    assert rerun.returncode == 0, progress.text[-2000:]
    assert second.returncode == 1
    assert "hdkg ingest:" in second.stderr and "another process" in second.stderr, second.stderr
    assert "Traceback" not in second.stderr
    import json

    summary = json.loads(out)
    assert (summary["unchanged"], summary["written"]) == (len(kept), N - len(kept))

    assert stats_json(env, tmp_path) == stats_json(ref_env, tmp_path)
    with LadybugStore(tmp_path / "crash" / "graph.lbug") as healed:
        assert dump(healed) == ref
