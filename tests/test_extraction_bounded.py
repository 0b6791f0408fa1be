"""Bounded work per article: windows cover the text at good breaks, the cut keeps offsets, and
windowed analysis equals whole-text analysis where paragraphs are shorter than a window."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hdkg.extraction import bounded, ner

PARAGRAPH = (
    "Министерство здравоохранения Республики Узбекистан и Национальный медицинский центр онкологии "
    "подписали меморандум о сотрудничестве. Стороны обсудили подготовку кадров в Ташкенте."
)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


@given(st.text(alphabet=st.sampled_from("ab .\n!"), max_size=400), st.integers(5, 60))
def test_windows_cover_the_text_without_gaps(text: str, size: int) -> None:
    pieces = list(bounded.windows(text, size))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b or text == "" for a, b in pieces)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(pieces))
    assert all(b - a <= size for a, b in pieces)


@pytest.mark.parametrize(
    ("text", "size", "first_end"),
    [
        ("aaaa bbbb\ncccc dddd. eeee", 15, 10),  # a paragraph break first
        ("aaaa bbbb. cccc dddd eeee", 15, 11),  # then a sentence end
        ("aaaa bbbb cccc dddd eeee", 12, 10),  # then a space
        ("aaaaaaaaaaaaaaaaaaaa", 8, 8),  # else a hard split
    ],
)
def test_windows_break_at_the_best_boundary(text: str, size: int, first_end: int) -> None:
    assert next(bounded.windows(text, size)) == (0, first_end)


def test_the_cut_keeps_a_prefix_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    text = "слово " * 1000
    cut = bounded.cut(text, limit=100, where="big.txt")
    assert text.startswith(cut) and len(cut) <= 100 and not cut.endswith("сло")
    assert "big.txt: 6000 characters, only the first" in caplog.text
    assert bounded.cut("short", limit=100) == "short"


def test_windowed_ner_equals_whole_text_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join([PARAGRAPH] * 12)
    whole = ner.analyse_ru(text)
    monkeypatch.setattr(ner, "windows", lambda t: bounded.windows(t, len(PARAGRAPH) * 3))
    assert len(list(ner.windows(text))) > 3
    assert ner.analyse_ru(text) == whole
    assert ner.segment(text) == whole[:2]


def test_extraction_does_not_depend_on_the_hash_seed() -> None:
    """Set order must never pick an actor: the same input gives the same facts in every process."""
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    hdkg = Path(sys.executable).with_name("hdkg")
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [str(hdkg), "extract", *files, "--format", "jsonl"], capture_output=True, env=env
        )
        assert run.returncode == 0, run.stderr[-2000:]
        outs.add(run.stdout)
    assert len(outs) == 1
