"""Each input format, each encoding, and the bad inputs that must fail alone."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from hdkg.errors import InputTooLarge, LoaderError, UnsupportedMediaType
from hdkg.loaders import LoadFailure, iter_articles, parse_payload
from hdkg.models import Article

STORY_RU = (
    "ТАШКЕНТ, 6 сен — Sputnik. Руководитель управления здравоохранения Ташобласти и министр "
    "здравоохранения Московской области подписали ряд меморандумов о сотрудничестве."
)
STORY_EN = "The Ministry of Health of Uzbekistan signed a memorandum with WHO on primary health care."

HTML = f"""<!DOCTYPE html><html><head><title>Меморандум подписан | Site</title>
<meta property="og:title" content="Меморандум подписан">
<meta property="og:site_name" content="Sputnik Узбекистан">
<meta property="article:published_time" content="2025-09-06T10:00:00+05:00">
<script>var tracker = "Подписаться на рассылку"; function f() {{ return 1; }}</script>
<style>body {{ color: red; }}</style></head>
<body><nav>Главная / Общество</nav><script>document.write("реклама");</script>
<article><h1>Меморандум подписан</h1><p>{STORY_RU}</p>
<p>Принятые документы предусматривают обмен опытом и повышение квалификации врачей.</p></article>
<script>console.log("x")</script></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kabar</title><link>https://kabar.kg</link>
<item><title>Первая новость</title><link>https://kabar.kg/news/1</link>
<pubDate>Tue, 13 Jul 2021 10:00:00 +0600</pubDate>
<description>&lt;p&gt;Кыргызстан получил &lt;b&gt;гуманитарный груз&lt;/b&gt; от Саудовской Аравии.&lt;/p&gt;</description></item>
<item><title>Second story</title><link>https://kabar.kg/news/2</link>
<pubDate>Wed, 14 Jul 2021 10:00:00 +0600</pubDate><description>The hospital received new equipment from Japan.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>UzDaily</title>
<entry><title>Israeli center hosts Uzbek doctors</title><link href="https://uzdaily.uz/en/1"/>
<updated>2020-02-02T09:00:00Z</updated>
<content type="html">&lt;p&gt;A group of Uzbek doctors completed an internship in Israel.&lt;/p&gt;</content></entry>
</feed>"""


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _load(*paths: Path, max_bytes: int | None = 20_000_000) -> list[Article | LoadFailure]:
    return list(iter_articles([str(p) for p in paths], max_bytes=max_bytes))


def test_html_with_scripts(tmp_path: Path) -> None:
    [article] = _load(_write(tmp_path, "page.html", HTML))
    assert isinstance(article, Article)
    assert article.title == "Меморандум подписан"
    assert article.date == dt.date(2025, 9, 6)
    assert "подписали ряд меморандумов" in article.text
    assert "tracker" not in article.text and "document.write" not in article.text
    assert "— Sputnik." not in article.text
    assert article.publisher in {"Sputnik", "Sputnik Узбекистан"}
    assert article.lang == "ru"
    assert article.raw_chars == len(HTML)


@pytest.mark.parametrize(("name", "body"), [("feed.rss", RSS), ("feed.xml", RSS)])
def test_rss(tmp_path: Path, name: str, body: str) -> None:
    items = _load(_write(tmp_path, name, body))
    assert [type(i) for i in items] == [Article, Article]
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Первая новость"
    assert first.url == "https://kabar.kg/news/1"
    assert first.date == dt.date(2021, 7, 13)
    assert "гуманитарный груз" in first.text and "<b>" not in first.text
    assert second.lang == "en"
    assert first.id != second.id


def test_atom(tmp_path: Path) -> None:
    [entry] = _load(_write(tmp_path, "feed.atom", ATOM))
    assert isinstance(entry, Article)
    assert entry.url == "https://uzdaily.uz/en/1"
    assert entry.date == dt.date(2020, 2, 2)
    assert entry.text == "A group of Uzbek doctors completed an internship in Israel."


def test_jsonl_with_a_broken_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://a.uz/1", "title": "A", "date": "2025-10-10", "text": STORY_RU}),
        '{"url": "https://a.uz/2", "title": "B", "text": "truncat',
        json.dumps({"title": "C", "text": STORY_EN}),
        json.dumps({"title": "no text"}),
    ]
    items = _load(_write(tmp_path, "batch.jsonl", "\n".join(lines)))
    assert [type(i).__name__ for i in items] == ["Article", "LoadFailure", "Article", "LoadFailure"]
    first, broken, third, missing = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(broken, LoadFailure) and isinstance(missing, LoadFailure)
    assert first.date == dt.date(2025, 10, 10) and first.title == "A"
    assert broken.line == 2 and "batch.jsonl:2" in broken.error and broken.kind == "parse"
    assert missing.line == 4
    assert third.lang == "en" and third.url is None


@pytest.mark.parametrize(
    "payload",
    [
        {"url": "https://x.kg/1", "title": "T", "text": STORY_RU},
        [{"url": "https://x.kg/1", "title": "T", "text": STORY_RU}, {"title": "U", "text": STORY_EN}],
    ],
)
def test_json_object_or_list(tmp_path: Path, payload: object) -> None:
    items = _load(_write(tmp_path, "one.json", json.dumps(payload, ensure_ascii=False)))
    assert items and all(isinstance(i, Article) for i in items)
    assert items[0].url == "https://x.kg/1"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1251", b""), ("utf-16", b"")],
)
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    raw = f"Заголовок статьи\n\n{STORY_RU}\n"
    [article] = _load(_write(tmp_path, "a.txt", prefix + raw.encode(encoding)))
    assert isinstance(article, Article)
    assert article.title == "Заголовок статьи"
    assert "подписали ряд меморандумов" in article.text


def test_mixed_encodings_keep_every_line(tmp_path: Path) -> None:
    data = "Заголовок статьи\n".encode() + f"{STORY_RU}\n".encode("cp1251") + "Конец истории.\n".encode()
    [article] = _load(_write(tmp_path, "mixed.txt", data))
    assert isinstance(article, Article)
    assert "подписали ряд меморандумов" in article.text and "Конец истории." in article.text


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"\n \n\t\n", "empty"),
        ("image.txt", bytes(range(256)) * 8, "binary"),
        ("furniture.txt", "Подписаться\nКурс валют\nUSD: 12 020.90 +17.72\n".encode(), "empty"),
        ("notafeed.xml", b"this is plain text, not xml at all", "parse"),
        ("broken.json", b'{"text": ', "parse"),
    ],
)
def test_bad_inputs_fail_alone(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    good = _write(tmp_path, "good.txt", f"Заголовок\n{STORY_RU}")
    bad = _write(tmp_path, name, data)
    items = _load(good, bad, good)
    assert [type(i).__name__ for i in items] == ["Article", "LoadFailure", "Article"]
    failure = items[1]
    assert isinstance(failure, LoadFailure)
    assert failure.kind == kind and failure.source == str(bad) and name in failure.error


def test_oversize_file(tmp_path: Path) -> None:
    big = _write(tmp_path, "big.txt", b"a" * 5000)
    [failure] = _load(big, max_bytes=1000)
    assert isinstance(failure, LoadFailure) and failure.kind == "too-large"
    [article] = _load(big, max_bytes=None)
    assert isinstance(article, Article)


def test_missing_path_and_order(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", f"A\n{STORY_RU}")
    items = _load(a, tmp_path / "missing.txt", a)
    assert [type(i).__name__ for i in items] == ["Article", "LoadFailure", "Article"]
    assert isinstance(items[1], LoadFailure) and items[1].kind == "not-found"


def test_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", f"B title\n{STORY_RU}")
    _write(tmp_path, "a/z.txt", f"AZ title\n{STORY_RU}")
    _write(tmp_path, "a/y.json", json.dumps({"title": "AY title", "text": STORY_EN}))
    _write(tmp_path, ".hidden.txt", f"Hidden\n{STORY_RU}")
    _write(tmp_path, ".git/c.txt", f"Hidden too\n{STORY_RU}")
    items = _load(tmp_path)
    titles = [i.title for i in items if isinstance(i, Article)]
    assert titles == ["AY title", "AZ title", "B title"]
    assert items[0].source.endswith("y.json")


def test_stable_ids(tmp_path: Path) -> None:
    raw = f"URL: https://kabar.kg/news/1\n\nT\n{STORY_RU}"
    one = _load(_write(tmp_path, "x.txt", raw))[0]
    two = _load(_write(tmp_path, "other/x.txt", raw))[0]
    assert isinstance(one, Article) and isinstance(two, Article)
    assert one.id == two.id and len(one.id) == 16 and one.url == "https://kabar.kg/news/1"
    plain = _load(_write(tmp_path, "p.txt", f"T\n{STORY_RU}"))[0]
    changed = _load(_write(tmp_path, "q/p.txt", f"T\n{STORY_RU} Ещё."))[0]
    assert isinstance(plain, Article) and isinstance(changed, Article)
    assert plain.id != changed.id


@pytest.mark.parametrize(
    ("media_type", "data", "count"),
    [
        ("text/plain", f"T\n{STORY_RU}".encode(), 1),
        ("text/plain; charset=utf-8", f"T\n{STORY_RU}".encode(), 1),
        ("text/html", HTML.encode(), 1),
        ("application/json", json.dumps([{"text": STORY_EN}, {"text": STORY_RU}]).encode(), 2),
        ("application/x-ndjson", (json.dumps({"text": STORY_EN}) + "\n").encode(), 1),
        ("application/rss+xml", RSS.encode(), 2),
        ("application/atom+xml", ATOM.encode(), 1),
        (None, RSS.encode(), 2),
    ],
)
def test_parse_payload(media_type: str | None, data: bytes, count: int) -> None:
    articles = parse_payload(data, source="request", media_type=media_type)
    assert len(articles) == count and all(isinstance(a, Article) for a in articles)


def test_parse_payload_errors() -> None:
    with pytest.raises(UnsupportedMediaType):
        parse_payload(b"x", source="request", media_type="image/png")
    with pytest.raises(InputTooLarge):
        parse_payload(b"x" * 100, source="request", media_type="text/plain", max_bytes=10)
    with pytest.raises(LoaderError) as info:
        parse_payload(b'{"text": "ok text here"}\n{"text": ', source="body.jsonl", media_type=None)
    assert info.value.where == "body.jsonl:2"
    with pytest.raises(LoaderError):
        parse_payload(b"", source="request", media_type="text/plain")
