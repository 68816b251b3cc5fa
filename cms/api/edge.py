"""What every API and feed request passes through: its site, CORS and caching headers."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

from cms.api.caching import with_caching_headers
from cms.api.cors import preflight, with_cors_headers
from cms.api.problems import problem_response
from cms.scope import site_scope

View = Callable[..., HttpResponse]


def at_the_edge(view: View) -> View:
    """Refuse hosts that are no municipality's site; add CORS and caching headers."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        scope = site_scope(request)
        if scope is None:
            return problem_response(404, "Šis adresas nepriklauso jokiai savivaldybės "
                                         "svetainei.", "Host")
        if request.method == "OPTIONS":
            return preflight(request, scope)
        response = view(request, *args, **kwargs)
        return with_cors_headers(request, scope, with_caching_headers(request, response))

    return wrapped
