"""Per-item failures, so that one bad input never stops a batch.

``iter_articles`` yields a ``LoadFailure`` where an article could not be
read; the specific ``LoaderError`` subclasses below carry the ``kind`` slug
that the failure reports, so callers can count failures by cause.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from hdkg.errors import HdkgError, LoaderError


class LoadFailure(BaseModel):
    """One input (or one line of it) that could not be read."""

    model_config = ConfigDict(extra="forbid")

    source: str
    line: int | None = None
    error: str
    kind: str

    @classmethod
    def from_error(cls, exc: HdkgError, *, source: str, line: int | None = None) -> LoadFailure:
        return cls(source=source, line=line, error=str(exc), kind=exc.slug)


@dataclass(frozen=True)
class ItemError:
    """One item of a multi-article input that failed; the others still load."""

    error: HdkgError
    line: int | None = None


class EmptyInput(LoaderError):
    """The input holds no text at all."""

    slug = "empty"


class BinaryInput(LoaderError):
    """The input is not text (an image, an archive, an executable ...)."""

    slug = "binary"


class DecodeError(LoaderError):
    """The bytes could not be decoded in any supported encoding."""

    slug = "encoding"


class ParseError(LoaderError):
    """The input is in a known format but malformed (bad JSON, not a feed ...)."""

    slug = "parse"


class FetchError(LoaderError):
    """A URL could not be fetched (network error, HTTP error, timeout)."""

    slug = "fetch"


class SourceNotFound(LoaderError):
    """A path given as a source does not exist or cannot be read."""

    slug = "not-found"
