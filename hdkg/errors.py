"""One root exception with specific subclasses.

Callers (the CLI, the API's problem handler, the ingest summary) catch
``HdkgError`` and read ``where`` to tell the user which file, line, field or
store is at fault; nothing below this root should leak a bare traceback.
"""

from __future__ import annotations


class HdkgError(Exception):
    """Root of every error hdkg raises on purpose."""

    #: HTTP status the API maps this error to.
    status_code: int = 500
    #: Short machine-readable slug for problem+json ``type``.
    slug: str = "error"

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class ConfigError(HdkgError):
    """A setting is missing or contradicts another."""

    status_code = 500
    slug = "config"


class LoaderError(HdkgError):
    """An input could not be read as an article (names the file and line)."""

    status_code = 422
    slug = "bad-input"


class UnsupportedMediaType(LoaderError):
    """The input's format is not one hdkg reads."""

    status_code = 415
    slug = "unsupported-media-type"


class InputTooLarge(LoaderError):
    """The input exceeds the configured size limit."""

    status_code = 413
    slug = "too-large"


class ExtractionError(HdkgError):
    """The extractor failed on an article it could read."""

    status_code = 422
    slug = "extraction"


class OntologyError(HdkgError):
    """The ontology files are missing, unparsable or inconsistent."""

    status_code = 500
    slug = "ontology"


class ShapeViolation(OntologyError):
    """An RDF graph does not conform to the SHACL shapes (names focus node and path)."""

    slug = "shape-violation"


class StoreError(HdkgError):
    """A graph store failed while reading or writing."""

    status_code = 500
    slug = "store"


class SchemaMissing(StoreError):
    """The store lacks hdkg's schema (constraints, indexes, vocabulary nodes); `hdkg init-schema` makes it."""

    status_code = 503
    slug = "schema-missing"


class StoreUnavailable(StoreError):
    """The store cannot be reached now; retrying later may succeed."""

    status_code = 503
    slug = "store-unavailable"


class StoreLocked(StoreError):
    """The embedded store is already opened for writing by another process."""

    status_code = 503
    slug = "store-locked"


class QueryError(StoreError):
    """A named or user query is unknown, malformed or refused."""

    status_code = 400
    slug = "query"


class QueryBusy(QueryError):
    """Another user query holds the one slot user queries share; the client should retry."""

    status_code = 503
    slug = "query-busy"


class NotFound(HdkgError):
    """The requested actor, link or article does not exist."""

    status_code = 404
    slug = "not-found"


class AuthError(HdkgError):
    """A write endpoint was called without a valid bearer token."""

    status_code = 401
    slug = "unauthorized"
