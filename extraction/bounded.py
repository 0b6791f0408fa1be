"""Bounded work per article: a cut past a set size, and the models run over bounded windows.

The NER tagger's memory grows with the length of the sequence it is given
(about 1 GB per 100k words of one paragraph), and a hostile or broken input
can be one paragraph of 20 MB. So the text is read only up to ``MAX_CHARS``
(a whole news story is a few thousand characters; past the cut nothing is
extracted and a warning names the article), and the models see windows of
at most ``WINDOW_CHARS``, split at paragraph breaks, else at a sentence end,
else at a space. Every story under one window is analysed exactly as before.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

log = logging.getLogger(__name__)

#: Characters of one article that are analysed; the rest is left out (logged).
MAX_CHARS = 300_000
#: Largest piece of text given to the segmenter and the NER model at once.
WINDOW_CHARS = 50_000
_SENTENCE_END = re.compile(r"[.!?…]\s+")


def cut(text: str, *, limit: int = MAX_CHARS, where: str = "") -> str:
    """``text`` up to ``limit`` characters, ending at whitespace; offsets into it stay offsets into ``text``."""
    if len(text) <= limit:
        return text
    space = max(text.rfind(" ", limit // 2, limit), text.rfind("\n", limit // 2, limit))
    end = space if space > 0 else limit
    log.warning(
        "%s: %d characters, only the first %d are analysed (the limit is %d)", where, len(text), end, limit
    )
    return text[:end]


def _break(text: str, start: int, stop: int) -> int:
    """Where to end a window that starts at ``start`` and may not pass ``stop``."""
    newline = text.rfind("\n", start + 1, stop)
    if newline > start:
        return newline + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start + 1, stop)]
    if ends:
        return ends[-1]
    space = text.rfind(" ", start + 1, stop)
    return space + 1 if space > start else stop


def windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces covering ``text``, none longer than ``size``."""
    start = 0
    while len(text) - start > size:
        end = _break(text, start, start + size)
        yield start, end
        start = end
    if start < len(text) or not text:
        yield start, len(text)
