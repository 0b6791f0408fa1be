"""POST /articles and POST /ingest: the write endpoints, behind a bearer token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from hdkg.graph.base import GraphStore

from ..body import ARTICLE_TYPES, BATCH_TYPES, media_type, read_limited
from ..deps import SettingsDep, StoreDep, WriteAccess
from ..responses import problems
from ..schemas.write import ArticleResult, EvalRecord, IngestSummary, WriteOutcome
from ..writing import ExtractorHolder, default_source, ingest_batch, load_one, split_batch, store_article

router = APIRouter(tags=["write"])

_TEXT = {"type": "string", "maxLength": 5_000_000}
_ARTICLE_OBJECT = {
    "type": "object",
    "properties": {
        "text": {"type": "string"},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "lang": {"type": "string"},
    },
    "required": ["text"],
}


#: The documented example is a whole (invented) article, so "Try it out" stores a link, not a 422.
_EXAMPLE_TEXT = (
    "Ташкент, 6 сентября 2025 года. Министерство здравоохранения Республики Узбекистан и Министерство "
    "здравоохранения Республики Казахстан подписали меморандум о сотрудничестве в области онкологии. "
    "Стороны договорились об обмене опытом и о подготовке кадров."
)


def _extractor(request: Request) -> ExtractorHolder:
    holder: ExtractorHolder = request.app.state.extractor
    return holder


def _article_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "description": "One article: plain text, HTML, or a JSON object with at least `text`.",
            "content": {
                "text/plain": {"schema": _TEXT, "example": _EXAMPLE_TEXT},
                "text/html": {"schema": _TEXT},
                "application/json": {"schema": _ARTICLE_OBJECT},
            },
        }
    }


def _batch_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "description": "A batch: a JSON list of article objects, or JSON Lines (one object a line).",
            "content": {
                "application/json": {"schema": {"type": "array", "items": _ARTICLE_OBJECT}},
                "application/x-ndjson": {"schema": _TEXT},
            },
        }
    }


@router.post(
    "/articles",
    response_model=ArticleResult,
    summary="Add one article",
    description="Reads the article (media type from Content-Type), extracts its facts, stores them and "
    "returns the facts as the evaluation JSON. Needs `Authorization: Bearer <HDKG_API_TOKEN>`.",
    responses=problems(401, 403, 413, 415),
    openapi_extra=_article_body(),
)
async def post_article(
    request: Request,
    _auth: WriteAccess,
    settings: SettingsDep,
    store: StoreDep,
    source: Annotated[
        str | None, Query(min_length=1, max_length=2000, description="Source name or URL of the article")
    ] = None,
) -> ArticleResult:
    mt = media_type(request, ARTICLE_TYPES)
    data = await read_limited(request, settings.max_body_bytes)
    holder = _extractor(request)

    def work(st: GraphStore) -> ArticleResult:
        article = load_one(data, source=source or default_source(data), media_type=mt)
        facts, result = store_article(st, holder, article)
        return ArticleResult(
            write=WriteOutcome.model_validate(result.model_dump()),
            facts=EvalRecord.model_validate(facts.to_eval_json()),
        )

    return await run_in_threadpool(work, store)


@router.post(
    "/ingest",
    response_model=IngestSummary,
    summary="Add a batch of articles",
    description="A JSON list of article objects or JSON Lines; each item is loaded, extracted and stored "
    "on its own, and the summary lists per-item errors. Needs the bearer token.",
    responses=problems(401, 403, 413, 415),
    openapi_extra=_batch_body(),
)
async def post_ingest(
    request: Request, _auth: WriteAccess, settings: SettingsDep, store: StoreDep
) -> IngestSummary:
    mt = media_type(request, BATCH_TYPES)
    data = await read_limited(request, settings.max_body_bytes)
    holder = _extractor(request)
    items = split_batch(data, mt)
    return await run_in_threadpool(ingest_batch, store, holder, items)
