"""/cooperations fetches evidence in growing prefixes of each pair's links and still picks exactly the
sentences it would pick from all of them."""

from __future__ import annotations

import random
from typing import Any

from hdkg.api.routers.cooperations import EVIDENCE_PER_PAIR, _evidence, _page_evidence, _pick


class _EvidenceStore:
    """Answers ``link_evidence`` from a dict, recording which link ids were asked for."""

    def __init__(self, sentences: dict[str, list[str]]) -> None:
        self.sentences = sentences
        self.asked: list[str] = []

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        assert name == "link_evidence"
        self.asked += params["ids"]
        return [
            {"link_id": i, "text": t, "start": n, "end": n + 1, "article_id": f"a{n}", "url": f"https://x/{n}",
             "title": None, "date": None}
            for i in sorted(params["ids"]) for n, t in enumerate(self.sentences.get(i, []))
        ]  # fmt: skip


def _eager(store: Any, pairs: list[list[str]]) -> list[list[Any]]:
    """The former way: every sentence of every link of the page, then the pick."""
    by_link = _evidence(store, [i for ids in pairs for i in ids])
    return [_pick(ids, by_link) for ids in pairs]


def test_same_choice_as_from_every_link() -> None:
    rng = random.Random(7)
    texts = [f"sentence {n}" for n in range(12)]  # few texts: many repeats, so later rounds matter
    for _ in range(300):
        links = [f"l{n:04d}" for n in range(rng.randint(0, 120))]
        sentences = {i: [rng.choice(texts) for _ in range(rng.choice([0, 0, 1, 1, 2, 3]))] for i in links}
        pairs = [sorted(rng.sample(links, rng.randint(0, len(links)))) for _ in range(rng.randint(1, 5))]
        lazy = _page_evidence(_EvidenceStore(sentences), pairs)  # type: ignore[arg-type]
        assert lazy == _eager(_EvidenceStore(sentences), pairs)


def test_a_pair_with_many_links_asks_for_few() -> None:
    links = [f"l{n:05d}" for n in range(5000)]
    store = _EvidenceStore({i: [f"about {i}", "shared"] for i in links})
    [picked] = _page_evidence(store, [links])  # type: ignore[arg-type]
    assert [e.link_id for e in picked] == links[:EVIDENCE_PER_PAIR]
    assert len(store.asked) <= 2 * EVIDENCE_PER_PAIR
    # no first sentence is new after the first link: every link is read, once
    store = _EvidenceStore({i: ["same", f"second {i}"] for i in links})
    [picked] = _page_evidence(store, [links])  # type: ignore[arg-type]
    assert [e.text for e in picked] == ["same", f"second {links[0]}", f"second {links[1]}"]
    assert sorted(store.asked) == links
