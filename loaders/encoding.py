"""Bytes to text: strict UTF-8 first, BOMs, then a legacy guess line by line.

Central Asian sites still serve CP1251, and scraped files sometimes mix a
UTF-8 body with a CP1251 footer. Decoding line by line keeps every valid
UTF-8 line exact and decodes only the broken lines with the guessed legacy
encoding, so nothing is lost to replacement characters.
"""

from __future__ import annotations

import codecs
import logging

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
    log.debug("%s: not UTF-8, decoding broken lines as %s", where, legacy)
    lines = data.splitlines(keepends=True)
    out: list[str] = []
    for raw in lines:
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode(legacy, errors="replace"))
    return "".join(out)
