"""Repeated paragraphs and trailing teasers.

Pages often print the lead twice (once as a summary, once in the body) or
glue the whole story into one paragraph and then repeat it split into
lines. The later, cleanly split copy is kept: a paragraph whose text is
covered by later lines is dropped; a line equal to or contained in an earlier
line is dropped. Comparison ignores case, spacing and punctuation.
"""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
#: Above this many lines only exact duplicates are removed (quadratic checks).
_MAX_LINES = 2000
_TEASER_MAX = 120


def _key(line: str) -> str:
    return _NON_WORD.sub("", line.lower())


def dedup_lines(lines: list[str]) -> list[str]:
    """``lines`` without repeats; order kept."""
    return [line for line, k in zip(lines, keep_mask(lines), strict=True) if k]


def keep_mask(lines: list[str]) -> list[bool]:
    """For each line, whether it is kept (False: a repeat)."""
    keys = [_key(line) for line in lines]
    keep = [bool(k) for k in keys]
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if not keep[i]:
            continue
        if key in seen and len(key) >= 12:
            keep[i] = False
        seen.add(key)
    if len(lines) <= _MAX_LINES:
        _drop_covered(keys, keep)
        _drop_contained(keys, keep)
    return keep


def _drop_covered(keys: list[str], keep: list[bool]) -> None:
    """Drop a line whose words all reappear in later lines (a glued copy)."""
    for i, key in enumerate(keys):
        if not keep[i] or len(key) < 30:
            continue
        rest = key
        for j in range(i + 1, len(keys)):
            other = keys[j]
            if keep[j] and len(other) >= 20 and other in rest:
                rest = rest.replace(other, "", 1)
        if rest != key:
            leftover = _DIGITS.sub("", rest)
            if len(leftover) <= max(12, len(key) // 5):
                keep[i] = False


def _drop_contained(keys: list[str], keep: list[bool]) -> None:
    """Drop a line that repeats part of an earlier kept line, or a lead a later line repeats.

    The first line (the title of a text file) is never dropped for reappearing later.
    """
    for j, key in enumerate(keys):
        if not keep[j] or len(key) < 40:
            continue
        if any(keep[i] and key in keys[i] for i in range(j)):
            keep[j] = False
    for i, key in enumerate(keys):
        if i == 0 or not keep[i] or len(key) < 40:
            continue
        if any(keep[j] and key in keys[j] for j in range(i + 1, len(keys))):
            keep[i] = False


def is_teaser(line: str) -> bool:
    """A cut-off headline of another story ("Визит президента Узбек…")."""
    return len(line) < _TEASER_MAX and line.rstrip().endswith(("…", "..."))
