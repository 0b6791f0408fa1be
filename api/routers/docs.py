"""/docs (Swagger UI) and /redoc (ReDoc) from assets hdkg serves itself: no CDN, works offline.

FastAPI's default pages load their JavaScript and CSS from a CDN (and a favicon
from its own site), so behind a firewall or on a laptop on a train they are
blank. The assets are vendored unmodified in ``api/docs_assets`` (their licences
beside them) and served with a long cache lifetime: they only change with hdkg.
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, Response

from hdkg.errors import NotFound

router = APIRouter(include_in_schema=False)

ASSETS = resources.files("hdkg.api") / "docs_assets"
PREFIX = "/docs-assets"
_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
#: Swagger UI's validator badge would send the schema to validator.swagger.io: off.
SWAGGER_PARAMETERS = {"validatorUrl": None, "deepLinking": True, "tryItOutEnabled": False}
#: The pages may load only from hdkg: ReDoc's footer would fetch its maker's logo from a CDN.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline' blob:; worker-src 'self' blob:; connect-src 'self'; font-src 'self' data:"
)


def _page(response: HTMLResponse) -> HTMLResponse:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _openapi_url(request: Request) -> str:
    return str(request.app.openapi_url or "/openapi.json")


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    return _page(
        get_swagger_ui_html(
            openapi_url=_openapi_url(request),
            title=f"{request.app.title} — API",
            swagger_js_url=f"{PREFIX}/swagger-ui-bundle.js",
            swagger_css_url=f"{PREFIX}/swagger-ui.css",
            swagger_favicon_url=f"{PREFIX}/favicon-32x32.png",
            oauth2_redirect_url="/docs/oauth2-redirect",
            swagger_ui_parameters=SWAGGER_PARAMETERS,
        )
    )


@router.get("/docs/oauth2-redirect")
def swagger_oauth2_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    return _page(
        get_redoc_html(
            openapi_url=_openapi_url(request),
            title=f"{request.app.title} — API reference",
            redoc_js_url=f"{PREFIX}/redoc.standalone.js",
            redoc_favicon_url=f"{PREFIX}/favicon-32x32.png",
            with_google_fonts=False,
        )
    )


@router.get(PREFIX + "/{name}")
def docs_asset(name: str) -> Response:
    """One vendored file; only names with a known type, never a path."""
    suffix = name[name.rfind(".") :] if "." in name else ""
    asset = ASSETS / name
    if "/" in name or suffix not in _TYPES or not asset.is_file():
        raise NotFound(f"No documentation asset {name!r}", where="docs-assets")
    return Response(
        asset.read_bytes(),
        media_type=_TYPES[suffix],
        headers={"Cache-Control": "public, max-age=604800, immutable"},
    )
