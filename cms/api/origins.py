"""Cross-origin access to the API, allowed per municipality on its home page
(`api_allowed_origins`, one origin a line, `*` for any).

django-cors-headers writes the headers; it asks `allows_municipality_origin` (connected to its
`check_request_enabled` signal) whether a request's origin may read the API of the site the
request is for.
"""

from typing import Any

from django.http import HttpRequest

from cms.scope import SiteScope, site_scope

API_PATH = "/api/v1/"


def allowed_origins(scope: SiteScope) -> set[str]:
    """The origins the site's home page allows, without trailing slashes."""
    lines = (scope.home.api_allowed_origins or "").split()
    return {origin.rstrip("/") for origin in lines}


def allows_municipality_origin(sender: Any, request: HttpRequest, **kwargs: Any) -> bool:
    """Whether the request is for the API of a site whose home page allows its `Origin`."""
    origin = request.headers.get("Origin", "").rstrip("/")
    if not origin or not request.path_info.startswith(API_PATH):
        return False
    scope = site_scope(request)
    if scope is None:
        return False
    origins = allowed_origins(scope)
    return origin in origins or "*" in origins
