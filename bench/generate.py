"""A deterministic, streamed generator of synthetic health-diplomacy news (Russian and English).

BENCHMARK DATA ONLY, NEVER A QUALITY MEASURE. The articles are filled
templates: they give the pipeline the volume and shape of real news
(inflected gazetteer names, vocabulary terms, datelines, source lines,
currency tickers, "latest news" sidebars naming unrelated organisations), so
that throughput, memory and query latency can be measured at 1k, 10k and
100k articles. What the extractor finds in them says nothing about its
accuracy; the gold sets in shared/eval are the only quality measure.

Article ``i`` of seed ``s`` depends only on ``(s, i)``, so the 1k corpus is
the first thousand articles of the 10k one, and nothing is held in memory:
``iter_records`` yields one record at a time.

    python -m bench.generate --n 10000 --seed 1 --out DIR --format jsonl|txt
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from bench import pool as P
from bench import templates as T
from bench.inflect import inflect_label, inflect_name

_START = dt.date(2019, 1, 1)
_DAYS = 7 * 365
_KINDS = ("agreement", "visit", "meeting", "event", "aid", "program")
_THE_TYPES = frozenset({"GovernmentBody", "HealthcareProvider", "AcademicInstitution", "InternationalOrganization",
                        "Association"})  # fmt: skip
_THE_PREFIXES = ("United ", "Republic", "Kingdom", "Russian Federation", "Netherlands", "Philippines")
Record = dict[str, str]


class _Actor:
    def __init__(self, actor: P.PoolActor, lang: str) -> None:
        self.actor, self.lang = actor, lang

    def __format__(self, spec: str) -> str:
        if self.lang == "ru":
            return inflect_name(self.actor.ru, spec or "nomn")
        name = self.actor.en
        needs_the = self.actor.type in _THE_TYPES or name.startswith(_THE_PREFIXES)
        return f"the {name}" if needs_the and not name.startswith("The ") else name


class _Text:
    """A Russian phrase inflected on demand (labels, cities, months); English as is."""

    def __init__(self, ru: str, en: str, lang: str, *, label: bool = False) -> None:
        self.ru, self.en, self.lang, self.label = ru, en, lang, label

    def __format__(self, spec: str) -> str:
        if self.lang != "ru":
            return self.en
        return (inflect_label if self.label else inflect_name)(self.ru, spec or "nomn")


_OB = re.compile(r"\b([Оо]) (?=[АЕИОУЭаеиоуэ])")


def _sentence(template: str, slots: dict[str, object]) -> str:
    text = _OB.sub(r"\1б ", template.format(**slots))
    return text[:1].upper() + text[1:]


class _Article:
    """One article's random choices; every draw goes through ``rng`` so the output is reproducible."""

    def __init__(self, seed: int, index: int, pool: P.Pool, ru_share: float) -> None:
        self.rng = random.Random(f"hdkg-bench:{seed}:{index}")
        self.seed, self.index, self.pool = seed, index, pool
        self.lang = "ru" if self.rng.random() < ru_share else "en"
        self.date = _START + dt.timedelta(days=self.rng.randrange(_DAYS))
        self.main = pool.pick_actors(self.rng, 3)
        self.outlet = self.rng.choice(P.OUTLETS_RU if self.lang == "ru" else P.OUTLETS_EN)

    def slots(self) -> dict[str, object]:
        rng, lang, pool = self.rng, self.lang, self.pool
        actors = self.main if rng.random() < 0.6 else pool.pick_actors(rng, 3)
        if rng.random() < 0.5:
            actors = [actors[1], actors[0], actors[2]]
        sp, ar, city = rng.choice(pool.specialties), rng.choice(pool.areas), pool.pick_city(rng)
        month = (self.date.month + rng.randrange(1, 4) - 1) % 12
        first, last = (P.FIRST_RU, P.LAST_RU) if lang == "ru" else (P.FIRST_EN, P.LAST_EN)
        role = rng.choice(P.ROLES_RU if lang == "ru" else P.ROLES_EN)
        surname = rng.choice(last)
        if lang == "ru" and surname.endswith("а"):
            surname = surname[:-1]
        return {
            "a": _Actor(actors[0], lang), "b": _Actor(actors[1], lang), "c": _Actor(actors[2], lang),
            "sp": _Text(sp.ru, sp.en, lang, label=True), "ar": _Text(ar.ru, ar.en, lang, label=True),
            "city": _Text(city.ru, city.en, lang),
            "month": _Text(P.MONTHS_RU_NOMN[month], P.MONTHS_EN[month], lang),
            "person": f"{role} {rng.choice(first)} {surname}",
            "n": str(self.date.year - rng.randrange(1, 4)), "n2": str(rng.randrange(3, 40)),
        }  # fmt: skip

    def link_sentence(self) -> str:
        rng = self.rng
        kind = rng.choice(_KINDS)
        roll = rng.random()
        status = (
            ("signed" if kind == "agreement" else "held")
            if roll < 0.6
            else "planned"
            if roll < 0.85
            else "discussed"
        )
        table = T.RU if self.lang == "ru" else T.EN
        return _sentence(rng.choice(table[(kind, status)]), self.slots())

    def fillers(self, k: int) -> list[str]:
        chosen = self.rng.sample(T.FILLER_RU if self.lang == "ru" else T.FILLER_EN, k)
        return [_sentence(t, self.slots()) for t in chosen]

    def noise_tail(self) -> list[str]:
        rng, ru = self.rng, self.lang == "ru"
        out: list[str] = []
        if rng.random() < 0.3:
            out.append(f"{'Фото' if ru else 'Photo'}: {self.outlet}")
        if rng.random() < 0.4:
            usd = 12_000 + rng.randrange(1500) + rng.random()
            eur, rub = usd * 1.08, usd / 92
            sep = "," if ru else "."
            out.append(
                f"USD/UZS {usd:.2f} ▲{rng.random():.2f}% | EUR/UZS {eur:.2f} ▼{rng.random():.2f}% | "
                f"RUB/UZS {rub:.2f}".replace(".", sep)
            )
        if rng.random() < 0.6:
            out.append("Последние новости" if ru else "Read more")
            for _ in range(rng.randrange(2, 5)):
                org = rng.choice(P.UNRELATED_RU if ru else P.UNRELATED_EN)
                line = rng.choice(P.SIDEBAR_RU if ru else P.SIDEBAR_EN)
                month = rng.randrange(12)
                out.append("- " + line.format(
                    org=org, org_gent=inflect_name(org, "gent"), day=rng.randrange(1, 29),
                    month=P.MONTHS_RU_GENT[month] if ru else P.MONTHS_EN[month],
                ))  # fmt: skip
        return out

    def record(self) -> Record:
        rng, ru = self.rng, self.lang == "ru"
        links = [self.link_sentence() for _ in range(rng.choice((1, 2, 2, 3, 3, 4, 5)))]
        fillers = self.fillers(rng.randrange(4, 11))
        title = _sentence(rng.choice(T.TITLE_RU if ru else T.TITLE_EN), self.slots())
        city = self.pool.pick_city(rng)
        month = P.MONTHS_RU_GENT[self.date.month - 1] if ru else P.MONTHS_EN[self.date.month - 1]
        day = f"{self.date.day} {month}" if ru else f"{month} {self.date.day}"
        dateline = f"{(city.ru if ru else city.en).upper()}, {day} — {self.outlet}."
        paras: list[str] = []
        if rng.random() < 0.5:
            paras.append(f"{'Источник' if ru else 'Source'}: {self.outlet}")
        paras.append(" ".join([dateline, links[0], *fillers[:1]]))
        if len(links) > 1:
            paras.append(" ".join([*links[1:], *fillers[1:2]]))
        if fillers[2:]:
            paras.append(" ".join(fillers[2:]))
        text = "\n\n".join([*paras, "\n".join(self.noise_tail())]).strip()
        url = f"https://bench.hdkg.invalid/{self.lang}/{self.date:%Y/%m/%d}/{self.seed}-{self.index:07d}"
        return {"url": url, "title": title, "date": self.date.isoformat(), "text": text}


def iter_records(n: int, seed: int = 1, *, start: int = 0, ru_share: float = 0.65) -> Iterator[Record]:
    """Articles ``start .. start+n-1`` of ``seed`` as ``{url, title, date, text}``, one at a time."""
    pool = P.load_pool()
    for index in range(start, start + n):
        yield _Article(seed, index, pool, ru_share).record()


def write_corpus(n: int, seed: int, out: Path, fmt: str = "jsonl", shard_size: int = 2000) -> list[Path]:
    """Write ``n`` articles under ``out``: JSONL shards of ``shard_size`` lines, or txt files in folders.

    Shards keep each file below the loaders' size limit and let ``hdkg ingest DIR`` stream them.
    """
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    handle = None
    try:
        for i, rec in enumerate(iter_records(n, seed)):
            shard = i // shard_size
            if fmt == "jsonl":
                if i % shard_size == 0:
                    if handle is not None:
                        handle.close()
                    path = out / f"articles-{shard:04d}.jsonl"
                    handle = path.open("w", encoding="utf-8")
                    written.append(path)
                assert handle is not None
                handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                path = out / f"{shard:04d}" / f"{i:07d}.txt"
                path.parent.mkdir(exist_ok=True)
                path.write_text(f"{rec['title']}\n\n{rec['text']}\n", encoding="utf-8")
                written.append(path)
    finally:
        if handle is not None:
            handle.close()
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    ap.add_argument("--shard-size", type=int, default=2000, help="JSONL lines per file")
    args = ap.parse_args(argv)
    files = write_corpus(args.n, args.seed, args.out, args.format, args.shard_size)
    size = sum(p.stat().st_size for p in files)
    print(f"wrote {args.n} articles in {len(files)} files, {size / 1e6:.1f} MB, under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
