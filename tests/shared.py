"""Where the read-only shared material is: ``../shared`` beside the project, or ``HDKG_SHARED_DIR``.

The seed and dev corpora, their gold and the scorer are not part of the project; tests that need them
skip with a reason when they are absent, except under CI, where their absence is an error.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HDKG_SHARED_DIR") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
EVAL = SHARED / "eval"


def require(path: Path) -> Path:
    """Return ``path`` if it exists; skip (or, under CI, fail) the calling test otherwise."""
    if path.exists():
        return path
    message = f"{path} is absent: put the shared folder beside the project or set HDKG_SHARED_DIR"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
