"""Throughput of extraction vs natasha's NER pass alone, and memory over a stream.

    .venv/bin/python bench/bench_extract.py [--n 400] [DIR ...]

Prints articles/s of the full extractor and of natasha's segment + tag_ner
on the same texts in the same run, their ratio (goal >= 0.6), and peak RSS
sampled while streaming N reused articles (memory must stay flat).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from hdkg.extraction import Extractor
from hdkg.extraction.ner import _models
from hdkg.models import Article

_ROOT = Path(__file__).resolve().parents[1]
_SHARED = _ROOT.parent / "shared" / "corpus"
DEFAULT_DIRS = [str(_SHARED / "seeds"), str(_SHARED / "dev"), str(_ROOT / "hdkg" / "demo")]


def load(dirs: list[str]) -> list[Article]:
    from hdkg.loaders import LoadFailure, iter_articles

    files = [str(p) for d in dirs for p in sorted(Path(d).glob("*.txt"))]
    return [a for a in iter_articles(files) if not isinstance(a, LoadFailure)]


def ner_pass(articles: list[Article]) -> float:
    from natasha import Doc

    seg, tagger = _models()
    t = time.perf_counter()
    for a in articles:
        d = Doc(a.text)
        d.segment(seg)
        d.tag_ner(tagger)
    return len(articles) / (time.perf_counter() - t)


def extract_pass(ex: Extractor, articles: list[Article]) -> float:
    t = time.perf_counter()
    for _ in ex.extract_many(articles):
        pass
    return len(articles) / (time.perf_counter() - t)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400, help="articles in the memory stream")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("dirs", nargs="*", default=DEFAULT_DIRS)
    args = ap.parse_args(argv)
    articles = load(args.dirs)
    if not articles:
        print("no articles found", file=sys.stderr)
        return 2
    ex = Extractor()
    ex.warm_up()
    extract_pass(ex, articles)  # warm caches and lazy lexicons once
    ner_rates, ex_rates = [], []
    for _ in range(args.rounds):
        ner_rates.append(ner_pass(articles))
        ex_rates.append(extract_pass(ex, articles))
    ner_r, ex_r = max(ner_rates), max(ex_rates)
    print(f"articles: {len(articles)}  chars: {sum(len(a.text) for a in articles)}")
    print(f"natasha NER pass: {ner_r:8.1f} articles/s")
    print(f"extraction:       {ex_r:8.1f} articles/s")
    print(f"ratio:            {ex_r / ner_r:8.2f} (goal >= 0.60)")
    marks = []
    for i in range(args.n):
        a = articles[i % len(articles)]
        ex.extract(a.model_copy(update={"id": f"{a.id}-{i}"}))
        if i % max(1, args.n // 4) == 0:
            marks.append(rss_mb())
    marks.append(rss_mb())
    print("peak RSS over stream (MB): " + " ".join(f"{m:.0f}" for m in marks))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
