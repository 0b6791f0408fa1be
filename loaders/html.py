"""HTML pages: main text, title, date and publisher via trafilatura.

trafilatura already drops navigation, scripts and comment threads; its text
then goes through the same ``clean_document`` as plain text, which removes
the in-article furniture (captions, "Подписаться", datelines) it keeps.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import trafilatura
from lxml import etree

from hdkg.loaders.article import build_article
from hdkg.loaders.clean import clean_document
from hdkg.loaders.failures import EmptyInput, ParseError
from hdkg.models import Article

log = logging.getLogger(__name__)

_TAG = re.compile(r"<[a-zA-Z!/?][^>]*>")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section")


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text[:5000]))


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (feed summaries, JSON bodies), block tags as line breaks."""
    if not looks_like_html(fragment):
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _TAG.sub(" ", fragment)
    for bad in root.xpath("//script|//style|//noscript|//iframe"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


def _iso_date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on bad pages
        log.debug("trafilatura failed: %s", exc)
        return None
    if doc is None:
        return None
    data = doc if isinstance(doc, dict) else doc.as_dict()
    return dict(data)


def parse_html(html: str, *, source: str, url: str | None = None) -> Article:
    data = _extract(html, url)
    if data and (data.get("text") or "").strip():
        text = str(data["text"])
    else:
        text = html_to_text(html)
        data = data or {}
    if not text.strip():
        raise EmptyInput("the page holds no readable text", where=source)
    cleaned = clean_document(text)
    if not cleaned.text.strip():
        raise ParseError("no article text found in the page", where=source)
    return build_article(
        source=source,
        raw=html,
        cleaned=cleaned,
        title=data.get("title") or None,
        url=url or data.get("url") or None,
        date=_iso_date(data.get("date")),
        publisher=cleaned.publisher or data.get("sitename") or None,
    )
