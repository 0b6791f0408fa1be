"""Bytes to text: strict UTF-8 first, BOMs, then line by line on evidence.

Central Asian sites still serve CP1251, and scraped files sometimes mix a
UTF-8 body with a CP1251 footer. Decoding line by line keeps every valid
UTF-8 line exact. A broken line is judged on its own bytes: when most of its
non-ASCII bytes still form valid UTF-8 sequences it is UTF-8 with a few bad
bytes, which become U+FFFD (re-decoding it as CP1251 would turn the whole
line to mojibake and its facts would vanish); otherwise it is decoded with
the guessed legacy encoding. Both are counted and logged with their line
numbers, never done silently.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterable

from charset_normalizer import from_bytes

from hdkg.loaders.failures import BinaryInput, DecodeError, EmptyInput

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Legacy encodings worth trying for this corpus, most likely first.
_LEGACY = ["cp1251", "koi8_r", "cp1252", "iso8859_5", "mac_cyrillic", "cp866", "latin_1"]
_SNIFF = 8192


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """Mostly-ASCII UTF-16 has a NUL in every other byte."""
    if len(head) < 8:
        return None
    even = head[0::2].count(0) / len(head[0::2])
    odd = head[1::2].count(0) / len(head[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(4, len(head) // 20)


def _guess_legacy(data: bytes) -> str:
    best = from_bytes(data[: 1 << 16], cp_isolation=_LEGACY).best()
    if best is not None and best.encoding:
        return str(best.encoding)
    return "cp1251"


def decode_bytes(data: bytes, *, where: str) -> str:
    """Decode ``data``; raise a ``LoaderError`` subclass naming ``where`` if it is not text."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise EmptyInput("the input is empty", where=where)
    bom = _bom_encoding(data)
    encoding = bom or _utf16_without_bom(data[:_SNIFF])
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid {encoding} text: {exc.reason}", where=where) from exc
    if _looks_binary(data[:_SNIFF]):
        raise BinaryInput("the input is binary, not text", where=where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    legacy = _guess_legacy(data)
    out: list[str] = []
    replaced: list[tuple[int, int]] = []
    legacy_lines: list[int] = []
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            out.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        text, bad = _utf8_with_replacement(raw)
        if text is not None:
            out.append(text)
            replaced.append((number, bad))
        else:
            out.append(raw.decode(legacy, errors="replace"))
            legacy_lines.append(number)
    if replaced:
        total = sum(bad for _, bad in replaced)
        log.warning(
            "%s: %d invalid UTF-8 byte sequence(s) replaced by U+FFFD on line(s) %s",
            where,
            total,
            _lines(n for n, _ in replaced),
        )
    if legacy_lines:
        log.warning("%s: line(s) %s are not UTF-8, decoded as %s", where, _lines(legacy_lines), legacy)
    return "".join(out)


def _utf8_with_replacement(raw: bytes) -> tuple[str | None, int]:
    """The line as UTF-8 with its bad sequences replaced, when UTF-8 is what most of it is."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    non_ascii = sum(1 for b in raw if b >= 0x80)
    valid = sum(len(ch.encode("utf-8")) for ch in text if ord(ch) >= 0x80 and ch != "\ufffd")
    if non_ascii and valid >= 0.6 * non_ascii:
        return text, bad
    return None, bad


def _lines(numbers: Iterable[int], shown: int = 10) -> str:
    listed = list(numbers)
    head = ", ".join(str(n) for n in listed[:shown])
    return head + (f" (+{len(listed) - shown} more)" if len(listed) > shown else "")
