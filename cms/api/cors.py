"""Cross-origin access, allowed per municipality on its home page (`api_allowed_origins`)."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from cms.scope import SiteScope

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Authorization, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = "ETag, Last-Modified"
PREFLIGHT_MAX_AGE = "3600"


def allowed_origins(scope: SiteScope) -> set[str]:
    lines = (scope.home.api_allowed_origins or "").split()
    return {origin.strip().rstrip("/") for origin in lines if origin.strip()}


def allowed_origin(request: HttpRequest, scope: SiteScope) -> str | None:
    origin = request.headers.get("Origin", "").rstrip("/")
    origins = allowed_origins(scope)
    if origin and (origin in origins or "*" in origins):
        return origin
    return None


def preflight(request: HttpRequest, scope: SiteScope) -> HttpResponse:
    """Answer an OPTIONS preflight; without an allowed origin it carries no CORS headers."""
    response = HttpResponse(status=204)
    response.headers["Allow"] = ALLOWED_METHODS
    if allowed_origin(request, scope):
        response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return with_cors_headers(request, scope, response)


def with_cors_headers(request: HttpRequest, scope: SiteScope,
                      response: HttpResponse) -> HttpResponse:
    patch_vary_headers(response, ["Origin"])
    origin = allowed_origin(request, scope)
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response
