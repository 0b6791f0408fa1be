"""Sentences, paragraphs and tokens with exact character offsets.

Russian texts reuse the tokens and sentences natasha's ``Segmenter`` already
produced for NER (no second pass); other languages go through razdel
directly. Sentences are additionally cut at line breaks because headlines,
captions and list items carry no final punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from hdkg.extraction import morph

_WORD = re.compile(r"[\w][\w\-‘’'ʻʼ`.]*[\w]|[\w]", re.UNICODE)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    sent: int
    lemma: str = ""
    info: morph.WordInfo | None = None

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first: int  # index of first token
    last: int  # index past the last token
    para: int


@dataclass(slots=True)
class Doc:
    text: str
    lang: str
    tokens: list[Token] = field(default_factory=list)
    sents: list[Sentence] = field(default_factory=list)

    def sent_text(self, i: int) -> str:
        s = self.sents[i]
        return self.text[s.start : s.end]

    def sent_tokens(self, i: int) -> list[Token]:
        s = self.sents[i]
        return self.tokens[s.first : s.last]


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Tokens of a short phrase (lexicon entries); razdel for agreement with the text."""
    from razdel import tokenize

    for s, e, t in _join_apostrophes(text, [(t.start, t.stop, t.text) for t in tokenize(text)]):
        yield t, s, e


def _split_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for piece in text[start:end].split("\n"):
        a = pos
        b = pos + len(piece)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield a, b


_APOS = frozenset("‘’ʻʼ'`")


def _join_apostrophes(text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Uzbek Latin letters o‘/g‘ and the tutuq belgisi are not word breaks: O‘zbekiston is one token."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        s, e, t = toks[i]
        while (
            i + 2 < len(toks)
            and toks[i + 1][2] in _APOS
            and toks[i + 1][0] == e
            and toks[i + 2][0] == toks[i + 1][1]
            and toks[i + 2][2][:1].isalpha()
            and t[-1:].isalpha()
        ):
            e = toks[i + 2][1]
            t = text[s:e]
            i += 2
        out.append((s, e, t))
        i += 1
    return out


def build(
    text: str,
    lang: str,
    tokens: Iterable[tuple[int, int, str]] | None = None,
    sents: Iterable[tuple[int, int]] | None = None,
) -> Doc:
    """Assemble a Doc; tokens/sents may come from natasha, else razdel runs here."""
    if tokens is None or sents is None:
        from razdel import sentenize, tokenize

        sents = [(s.start, s.stop) for s in sentenize(text)]
        tokens = [(t.start, t.stop, t.text) for t in tokenize(text)]
    spans: list[tuple[int, int]] = []
    for a, b in sents:
        spans.extend(_split_lines(text, a, b))
    # paragraph index: count blank-line separated blocks before each sentence
    para_breaks = [m.start() for m in re.finditer(r"\n", text)]
    doc = Doc(text=text, lang=lang)
    toks = _join_apostrophes(text, sorted(tokens))
    ti = 0
    bi = 0
    para = 0
    for si, (a, b) in enumerate(spans):
        while bi < len(para_breaks) and para_breaks[bi] < a:
            para += 1
            bi += 1
        while ti < len(toks) and toks[ti][0] < a:
            ti += 1
        first = len(doc.tokens)
        while ti < len(toks) and toks[ti][1] <= b:
            s, e, t = toks[ti]
            doc.tokens.append(Token(t, s, e, si))
            ti += 1
        doc.sents.append(Sentence(a, b, first, len(doc.tokens), para))
    for tok in doc.tokens:
        if lang == "ru" or morph._CYR.search(tok.text):
            tok.info = morph.ru_word(tok.text)
        tok.lemma = morph.lemma(tok.text, lang)
    return doc
