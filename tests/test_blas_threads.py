"""Extraction processes run numpy with one BLAS thread unless the user set a count (see hdkg.parallel)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = (
    "import hdkg.cli, os, sys; import numpy; "
    "print(os.environ.get('OPENBLAS_NUM_THREADS'), os.environ.get('OMP_NUM_THREADS'))"
)


@pytest.mark.parametrize(("given", "expected"), [(None, "1 1"), ("3", "3 1")])
def test_the_cli_sets_one_blas_thread_before_numpy(given: str | None, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == expected.split()


def test_the_setting_comes_before_numpy_is_imported() -> None:
    """Once numpy is loaded, OpenBLAS has started its threads: the variable must be set earlier."""
    probe = "import sys, hdkg.cli; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
