"""The Jinja2 environment of the pages: autoescape always on.

Every name, sentence and title in the pages comes from articles, so HTML
escaping is not optional for any template (``select_autoescape`` would skip
files not named .html). Inline assets are marked safe explicitly, one by one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"


def _inline(text: str) -> Markup:
    """A vendor or own asset placed in a <script>/<style>; it must not close its element early."""
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError("asset contains a closing tag")
    return Markup(text)  # our own files, checked above


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline"] = _inline
    return env


def render(name: str, context: dict[str, Any]) -> str:
    return environment().get_template(name).render(**context)
