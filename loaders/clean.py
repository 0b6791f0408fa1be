"""The boilerplate stripper: page furniture out, the story in.

Rules come from ``boilerplate.yaml`` (see ``loaders.lexicon``). The page is
read line by line: tickers, credits, captions, prompts and breadcrumbs are
dropped; a "other news" / comments line ends the story once it has begun;
lines in the page head that only carry a date are kept aside for the article
date. Then repeats and trailing teasers go and the agency dateline prefix is
cut. The result is run to a fixed point, so cleaning is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from hdkg.loaders.dateline import parse_dateline
from hdkg.loaders.dates import iter_dates
from hdkg.loaders.dedup import is_teaser, keep_mask
from hdkg.loaders.lexicon import boilerplate, canonical_agency

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_BREAK = ""
#: A story needs this many characters before an "other news" line may end it.
_CUT_AFTER = 200
_DATELINE_SCAN = 5
_MAX_PASSES = 4


@dataclass
class Cleaned:
    text: str
    url: str | None = None
    publisher: str | None = None
    #: page-head lines that carry only a date ("20 декабря 2021 г.")
    meta_lines: list[str] = field(default_factory=list)
    #: other page-head lines (title, lead), searched for a date last
    head_lines: list[str] = field(default_factory=list)
    #: the date text of the agency dateline, if one was cut
    dateline_date: str | None = None


def normalize(raw: str) -> list[str]:
    """Lines with unified breaks and spacing, controls and invisible characters removed."""
    raw = _LINE_BREAKS.sub("\n", _INVISIBLE.sub("", raw))
    raw = "".join(ch for ch in raw if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))
    return [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]


def _is_body(line: str) -> bool:
    return len(line) >= 150 or (len(line) >= 60 and line.endswith((".", "!", "?", "»", '"', "…")))


def _full(patterns: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.fullmatch(line)
        if match:
            return match
    return None


def is_meta_line(line: str, *, in_head: bool) -> bool:
    """A line that only states when the page was published."""
    if len(line) > 80:
        return False
    hits = iter_dates(line)
    if not hits:
        return False
    if any(p.match(line) for p in boilerplate().meta_prefixes):
        return True
    if not in_head:
        return False
    rest = line
    for hit in reversed(hits):
        rest = rest[: hit.start] + " " + rest[hit.end :]
    rest = _TIME.sub(" ", rest)
    words = [w for w in re.split(r"[\W_]+", rest) if w and w.lower() not in ("г", "года", "yil")]
    return len(words) <= 3


def _publisher(match: re.Match[str]) -> str | None:
    raw = match.groupdict().get("pub")
    if not raw:
        return None
    return canonical_agency(raw) or raw.strip()


def _scan(lines: list[str], out: Cleaned, *, record: bool) -> list[str]:
    rules = boilerplate()
    kept: list[str] = []
    content = 0
    in_head = True
    for line in lines:
        if not line:
            kept.append(_BREAK)
            continue
        match = _full(rules.url_lines, line)
        if match:
            out.url = out.url or match.group("url")
            continue
        if _full(rules.ticker_lines, line):
            continue
        if _full(rules.cut_lines, line):
            if content >= _CUT_AFTER:
                break
            continue
        match = _full(rules.source_lines, line)
        if match:
            out.publisher = out.publisher or _publisher(match)
            continue
        if _full(rules.drop_lines, line):
            continue
        if in_head and _is_body(line):
            in_head = False
        if is_meta_line(line, in_head=in_head):
            if record:
                out.meta_lines.append(line)
            continue
        if in_head and record:
            out.head_lines.append(line)
        kept.append(line)
        content += len(line)
    return kept


def _strip_dateline(lines: list[str], out: Cleaned) -> list[str]:
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > _DATELINE_SCAN:
            break
        found = parse_dateline(line)
        if found is None:
            continue
        out.publisher = found.publisher or out.publisher
        out.dateline_date = out.dateline_date or found.date_text
        lines[i] = line[len(found.prefix) :].strip()
        break
    return lines


def _assemble(lines: list[str]) -> str:
    blocks: list[str] = []
    previous_break = True
    for line in lines:
        if not line:
            if not previous_break:
                blocks.append(_BREAK)
            previous_break = True
            continue
        blocks.append(line)
        previous_break = False
    while blocks and blocks[-1] == _BREAK:
        blocks.pop()
    return "\n".join(blocks)


def _clean_once(raw: str, out: Cleaned, *, first: bool) -> str:
    kept = _scan(normalize(raw), out, record=first)
    mask = iter(keep_mask([line for line in kept if line]))
    kept = [line for line in kept if not line or next(mask)]
    while kept and (not kept[-1] or is_teaser(kept[-1])):
        kept.pop()
    kept = _strip_dateline(kept, out)
    return _assemble(kept)


def clean_document(raw: str) -> Cleaned:
    """Clean ``raw`` and keep what the furniture said (URL, publisher, date lines)."""
    out = Cleaned(text="")
    text = raw
    for n in range(_MAX_PASSES):
        cleaned = _clean_once(text, out, first=n == 0)
        if cleaned == text:
            break
        text = cleaned
    out.text = text
    return out


def clean_text(raw: str) -> str:
    """The story text of ``raw`` with page furniture removed."""
    return clean_document(raw).text
