"""Uzbek Cyrillic to Uzbek Latin, token by token, offsets untouched.

Uzbek is written in both scripts; every Uzbek rule, head word and gazetteer
name here is Latin. A Cyrillic Uzbek article keeps its text (evidence and
surface forms stay as written) while its tokens carry the Latin spelling the
rules read, so "Соғлиқни сақлаш вазирлиги" meets "Sog‘liqni saqlash vazirligi".
"""

from __future__ import annotations

import re

_MAP = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "s", "ч": "ch", "ш": "sh", "щ": "sh",
    "ъ": "ʼ", "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "o‘", "қ": "q", "ғ": "g‘",
    "ҳ": "h",
}  # fmt: skip
_VOWELS = set("аеёиоуэюяў")
_CYR = re.compile(r"[А-Яа-яЁёЎўҚқҒғҲҳ]")
_LAT = re.compile(r"[A-Za-z]")
UZ_ONLY = re.compile(r"[ЎўҚқҒғҲҳ]")


def is_cyrillic_uz(text: str) -> bool:
    """Mostly Cyrillic and with letters only Uzbek Cyrillic has (ў, қ, ғ, ҳ)."""
    return len(_CYR.findall(text)) > len(_LAT.findall(text)) and bool(UZ_ONLY.search(text))


def to_latin(word: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(word):
        low = ch.lower()
        if low not in _MAP:
            out.append(ch)
            continue
        lat = _MAP[low]
        if low == "е" and (i == 0 or word[i - 1].lower() in _VOWELS | {"ъ", "ь"}):
            lat = "ye"  # "Европа" -> "Yevropa", "иқтисодиёт" keeps its e elsewhere
        if ch.isupper() and lat:
            nxt_upper = i + 1 < len(word) and word[i + 1].isupper()
            lat = lat.upper() if nxt_upper or len(word) == 1 else lat[0].upper() + lat[1:]
        out.append(lat)
    return "".join(out)


def tokens(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return [(s, e, to_latin(t) if _CYR.search(t) else t) for s, e, t in toks]
