"""The page's static assets: vis-network from inside the pyvis package, and ours.

Nothing is fetched from a CDN: the served page loads these from the app's
``/static/...`` routes, the standalone file inlines them. The names below
are the only files the static route will serve.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path

import pyvis

from hdkg.errors import ConfigError

HERE = Path(__file__).parent
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

ASSETS: dict[str, tuple[Path, str]] = {
    "vis-network.min.js": (VIS_DIR / "vis-network.min.js", "text/javascript; charset=utf-8"),
    "vis-network.css": (VIS_DIR / "vis-network.css", "text/css; charset=utf-8"),
    "hdkg-network.js": (HERE / "static" / "network.js", "text/javascript; charset=utf-8"),
    "hdkg.css": (HERE / "static" / "hdkg.css", "text/css; charset=utf-8"),
}


@lru_cache(maxsize=8)
def asset_text(name: str) -> str:
    if name not in ASSETS:
        raise ConfigError(f"unknown asset {name!r}", where="visual.assets")
    path = ASSETS[name][0]
    if not path.is_file():
        raise ConfigError("asset file missing (is pyvis installed?)", where=str(path))
    return path.read_text(encoding="utf-8")


def media_type(name: str) -> str:
    return ASSETS[name][1]


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
