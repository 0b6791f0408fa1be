"""Russian case forms of actor names and vocabulary labels for the generator's templates.

Names are inflected by their head: the leading adjectives and the first noun
change case, everything after it (genitive complements, quoted names,
abbreviations) stays as written. When the head cannot be analysed
(abbreviation, Latin word, unknown form) the name is left in its canonical
form, which is what Russian news does with indeclinable names anyway.
"""

from __future__ import annotations

import functools
import re
from typing import Any

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CYR_WORD = re.compile(r"^[А-ЯЁа-яё][а-яё’'-]*$")
_HEAD_POS = {"NOUN"}
_MOD_POS = {"ADJF", "PRTF"}


@functools.cache
def _morph() -> Any:
    # natasha first: it restores inspect.getargspec, which pymorphy2 0.9 needs on Python 3.11.
    import natasha  # noqa: F401
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


def _restore_case(form: str, original: str) -> str:
    if "ё" not in original.lower():
        form = form.replace("ё", "е")
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _inflect_word(word: str, case: str) -> tuple[str, bool] | None:
    """(form, is_head_noun), or None when the word has no nominative noun/adjective reading."""
    if not _CYR_WORD.match(word) or (word.isupper() and len(word) > 1):
        return None
    for parse in _morph().parse(word.lower()):
        pos = str(parse.tag.POS)
        if "nomn" not in parse.tag or pos not in _HEAD_POS | _MOD_POS:
            continue
        target = parse.inflect({case})
        if target is None:
            return None
        return _restore_case(target.word, word), pos in _HEAD_POS
    return None


def _inflect_head(name: str, case: str) -> tuple[str, bool]:
    """(``name`` in ``case``, whether the head noun was its last word)."""
    words = name.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        got = _inflect_word(word, case)
        if got is None:
            return (name if i == 0 else " ".join(out + words[i:])), False
        out.append(got[0])
        if got[1]:
            return " ".join(out + words[i + 1 :]), i == len(words) - 1
    return " ".join(out), True


@functools.cache
def inflect_name(name: str, case: str) -> str:
    """``name`` in ``case`` (OpenCorpora tag: gent, datv, accs, ablt, loct); unchanged when not possible."""
    return name if case == "nomn" else _inflect_head(name, case)[0]


@functools.cache
def inflect_label(label: str, case: str) -> str:
    """A vocabulary label in ``case``; "X и Y" is inflected part by part when X ends with its head."""
    if case == "nomn":
        return label
    parts = label.split(" и ")
    out: list[str] = []
    coordinated = True
    for part in parts:
        if not coordinated:
            out.append(part)
            continue
        form, coordinated = _inflect_head(part, case)
        out.append(form)
    return " и ".join(out)
