"""What every API and feed request passes through: its site, input that no view may see and
caching headers; and, under the API, every error answered as a problem rather than HTML.
CORS headers are django-cors-headers' (see `cms.api.origins`)."""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import TooManyFieldsSent
from django.http import Http404, HttpRequest, HttpResponse
from wagtail.api.v3.errors import PROBLEM_JSON

from cms.api.caching import with_caching_headers
from cms.api.problems import problem_response
from cms.scope import site_scope
from cms.searching import refuse_nul
from search.query import QueryError

View = Callable[..., HttpResponse]
NOT_FOUND = "Tokio API adreso nėra; žr. /api/v1/docs/."
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def as_problem(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """An error response not yet a problem, as one (a method refused keeps its `Allow`)."""
    if response.status_code < 400 or response.get("Content-Type") == PROBLEM_JSON:
        return response
    if response.status_code == 405:
        allowed = response.get("Allow", "")
        problem = problem_response(405, f"Metodas {request.method} čia negalimas; galimi: "
                                        f"{allowed}.")
        problem["Allow"] = allowed
        return problem
    if response.status_code == 404:
        return problem_response(404, NOT_FOUND)
    return response


def with_problems(view: View) -> View:
    """Under the API, a path or method no operation answers is a problem too."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return problem_response(404, NOT_FOUND)
        return as_problem(request, response)

    return wrapped


def at_the_edge(view: View) -> View:
    """Refuse hosts that are no municipality's site and parameters carrying NUL (PostgreSQL
    refuses it in any text); answer OPTIONS with the methods allowed; add caching headers."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        scope = site_scope(request)
        if scope is None:
            return problem_response(404, "Šis adresas nepriklauso jokiai savivaldybės "
                                         "svetainei.", "Host")
        if request.method == "OPTIONS":
            return HttpResponse(status=204, headers={"Allow": ALLOWED_METHODS})
        try:
            refuse_nul(request.GET)
        except QueryError as error:
            response = problem_response(400, str(error), error.parameter)
        except TooManyFieldsSent:
            response = problem_response(400, "Per daug parametrų.")
        else:
            response = view(request, *args, **kwargs)
        return with_caching_headers(request, response)

    return wrapped


def unknown_path(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Any path under the API that no operation answers."""
    return problem_response(404, NOT_FOUND)
