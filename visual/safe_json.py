"""JSON that is safe inside an HTML ``<script>`` element.

Names and sentences come from articles. ``</script>`` or ``<!--`` inside a
string would end or derail the script element, so ``<``, ``>`` and ``&`` are
written as ``\\u003c``-style escapes; U+2028/2029 too, for older parsers that
treat them as line ends. The result is still plain JSON.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TABLE = str.maketrans(_ESCAPES)


def script_json(value: Any) -> Markup:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return Markup(text.translate(_TABLE))  # escaped for a script context above
