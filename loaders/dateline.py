"""Agency datelines: "ТАШКЕНТ, 6 сен — Sputnik.", "Бишкек, 13.07.21. /Кабар/.".

The prefix is stripped from the story (the city and the agency are not
parties to anything) but the agency is kept as ``Article.publisher`` so the
extractor can ignore it, and the date text is kept for the article date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hdkg.loaders.dates import iter_dates
from hdkg.loaders.lexicon import canonical_agency

_UP = "A-ZА-ЯЁЎҚҒҲ"
_WORD = rf"[{_UP}][\w'’\-]+"
_PLACE = rf"(?P<place>{_WORD}(?:[ -]{_WORD}){{0,2}}(?:,\s*{_WORD}(?: {_WORD})?)?)"
_DATE = (
    r"(?P<date>\d{1,2}(?:\s+|-)[^\W\d_]{3,9}\.?(?:,?\s+\d{4}(?:\s*(?:года|г\.)|-?\s*yil)?)?"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}"
    r"|[^\W\d_]{3,9}\.?\s+\d{1,2},?\s+\d{4})"
)
_PUB_TAIL = r"\s*(?:(?P<pub>/[^/\n]{2,40}/|[^.\n:/]{2,40}?)\s*[.:](?:\s+|$))?"


@cache
def _forms() -> tuple[re.Pattern[str], ...]:
    return (
        # PLACE, DATE [—] [Agency.]
        re.compile(
            rf"{_PLACE}\s*[,.]\s*{_DATE}\s*[.:,]?\s*(?:[—–-]{{1,2}})?{_PUB_TAIL}\s*(?:[—–-]{{1,2}}\s*)?"
        ),
        # PLACE (Agency) --
        re.compile(rf"{_PLACE}\s*\((?P<pub>[^()\n]{{2,40}})\)\s*[—–-]{{1,2}}\s*"),
        # PLACE. AGENCY  (all capitals, a known agency)
        re.compile(
            rf"(?P<place>[{_UP}][{_UP}\- ]{{2,30}})[.,]\s+(?P<pub>[{_UP}][{_UP}\-.]{{2,20}})\s+(?=\S)"
        ),
    )


@dataclass(frozen=True)
class Dateline:
    prefix: str
    date_text: str | None
    publisher: str | None


def _publisher(raw: str | None, *, need_known: bool) -> tuple[str | None, bool]:
    """(publisher, accepted); a free-form name is accepted only if it looks like a name."""
    if not raw:
        return None, True
    name = raw.strip().strip("/").strip()
    known = canonical_agency(name)
    if known:
        return known, True
    if need_known:
        return None, False
    tokens = name.split()
    if 0 < len(tokens) <= 3 and all(t[0].isupper() or not t[0].isalpha() for t in tokens):
        return name, True
    return None, False


def parse_dateline(line: str) -> Dateline | None:
    """The dateline at the start of ``line``, if there is one."""
    first, paren, caps = _forms()
    match = first.match(line)
    if match and iter_dates(match.group("date")):
        publisher, ok = _publisher(match.group("pub"), need_known=False)
        end = match.end() if ok else match.start("pub")
        return Dateline(line[:end], match.group("date"), publisher)
    match = paren.match(line)
    if match:
        publisher, ok = _publisher(match.group("pub"), need_known=False)
        if ok:
            return Dateline(line[: match.end()], None, publisher)
    match = caps.match(line)
    if match:
        publisher, ok = _publisher(match.group("pub"), need_known=True)
        if ok:
            return Dateline(line[: match.end()], None, publisher)
    return None
