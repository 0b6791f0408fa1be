"""Load, extract and store posted articles: the work behind POST /articles and /ingest.

Kept apart from the router so that the request handling (auth, size, media
type) stays readable and the blocking work runs in one threadpool call.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from typing import Any

from hdkg.errors import HdkgError, LoaderError, StoreLocked, StoreUnavailable
from hdkg.graph.base import GraphStore, WriteResult
from hdkg.loaders.jsonl import unreadable_json
from hdkg.models import Article, Facts

from .body import JSONL_TYPES
from .schemas.write import IngestItem, IngestItemError, IngestSummary

log = logging.getLogger(__name__)


class ExtractorHolder:
    """One extractor per app, built on first write (loading its models takes seconds)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._extractor: Any = None

    def extract(self, article: Article) -> Facts:
        with self._lock:
            if self._extractor is None:
                from hdkg.extraction import Extractor

                self._extractor = Extractor()
            facts: Facts = self._extractor.extract(article)
            return facts


def default_source(data: bytes) -> str:
    """A source name from the content, so re-posting the same text finds the same article."""
    return f"api:{hashlib.sha256(data).hexdigest()[:16]}"


def load_articles(data: bytes, *, source: str, media_type: str) -> list[Article]:
    from hdkg.loaders import parse_payload

    return parse_payload(data, source=source, media_type=media_type)


def load_one(data: bytes, *, source: str, media_type: str) -> Article:
    articles = load_articles(data, source=source, media_type=media_type)
    if len(articles) != 1:
        raise LoaderError(
            f"Expected one article, the body holds {len(articles)}; post batches to /ingest", where="body"
        )
    return articles[0]


def store_article(
    store: GraphStore, extractor: ExtractorHolder, article: Article
) -> tuple[Facts, WriteResult]:
    facts = extractor.extract(article)
    return facts, store.write_facts(facts)


def split_batch(data: bytes, media_type: str) -> list[bytes]:
    """The batch's items as separate JSON documents, so one bad item fails alone."""
    if media_type in JSONL_TYPES:
        return [line for line in data.splitlines() if line.strip()]
    try:
        items = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LoaderError(f"The body is not valid JSON: {exc}", where="body") from None
    except (ValueError, RecursionError) as exc:
        raise LoaderError(f"The body cannot be read: {unreadable_json(exc)}", where="body") from None
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise LoaderError("A JSON batch must be a list of article objects", where="body")
    return [_item_bytes(item) for item in items]


def _item_bytes(item: Any) -> bytes:
    """UTF-8 JSON of one item (its bytes name its source); an item UTF-8 cannot hold (a lone
    surrogate) stays an ASCII escape, so that its own loader names the fault."""
    try:
        return json.dumps(item, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return json.dumps(item, ensure_ascii=True).encode()


def ingest_batch(store: GraphStore, extractor: ExtractorHolder, items: list[bytes]) -> IngestSummary:
    ok: list[IngestItem] = []
    errors: list[IngestItemError] = []
    for index, item in enumerate(items):
        source = default_source(item)
        try:
            article = load_one(item, source=source, media_type="application/json")
            _, result = store_article(store, extractor, article)
        except (StoreUnavailable, StoreLocked):
            raise  # the rest of the batch would fail the same way: answer 503
        except HdkgError as exc:
            errors.append(
                IngestItemError(
                    index=index,
                    source=source,
                    status=exc.status_code,
                    type=f"urn:hdkg:problem:{exc.slug}",
                    detail=exc.message,
                    where=exc.where,
                )
            )
            continue
        except Exception:
            log.exception("ingest item %d failed", index)
            errors.append(
                IngestItemError(
                    index=index,
                    source=source,
                    status=500,
                    type="urn:hdkg:problem:internal",
                    detail="This item failed on the server; the error has been logged.",
                )
            )
            continue
        ok.append(
            IngestItem(
                index=index,
                article_id=result.article_id,
                skipped=result.skipped,
                replaced=result.replaced,
                actors=result.actors,
                links=result.links,
            )
        )
    return IngestSummary(
        received=len(items),
        stored=sum(1 for i in ok if not i.skipped),
        skipped=sum(1 for i in ok if i.skipped),
        failed=len(errors),
        actors=sum(i.actors for i in ok),
        links=sum(i.links for i in ok),
        items=ok,
        errors=errors,
    )
