"""What every API and feed request passes through: its site, its language, input that no view
may see and caching headers; and, under the API, every error answered as a problem rather than
HTML. CORS headers are django-cors-headers' (see `cms.api.origins`).

Messages (problem details) are written in the request's language: the `lang` parameter when it
names one of the site's languages, else the best match of `Accept-Language`, else Lithuanian.
"""

from collections.abc import Callable
from functools import wraps

from compression_middleware.middleware import CompressionMiddleware
from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, has_vary_header
from django.utils.decorators import decorator_from_middleware
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import PROBLEM_JSON

from cms.api.caching import with_caching_headers
from cms.api.problems import ApiProblem, problem_response
from cms.scope import SCOPE_GENERATION, site_scope
from cms.searching import refuse_nul
from search.facets import VOCABULARY_GENERATION
from search.freshness import INDEX_GENERATION, OUTBOX_GENERATION, generations_read_at_once
from search.query import QueryError

View = Callable[..., HttpResponse]
compressed = decorator_from_middleware(CompressionMiddleware)  # zstd, Brotli or gzip
# what an answer is kept under: read once per request, in one round trip
REQUEST_GENERATIONS = (SCOPE_GENERATION, INDEX_GENERATION, OUTBOX_GENERATION,
                       VOCABULARY_GENERATION)


def not_found() -> HttpResponse:
    return problem_response(404, _("There is no such API address; see /api/v1/docs/."))


def as_problem(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """An error response not yet a problem, as one (a method refused keeps its `Allow`)."""
    if response.status_code < 400 or response.get("Content-Type") == PROBLEM_JSON:
        return response
    if response.status_code == 405:
        allowed = every_method(response.get("Allow", ""))
        problem = problem_response(405, _("Method %(method)s is not allowed here; allowed: "
                                          "%(allowed)s.")
                                   % {"method": request.method, "allowed": allowed})
        problem["Allow"] = allowed
        return problem
    if response.status_code == 404:
        return not_found()
    return response


def with_problems(view: View) -> View:
    """Under the API, a path or method no operation answers is a problem too."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return not_found()
        return as_problem(request, response)

    return wrapped


def message_language(request: HttpRequest) -> str:
    """The language the request's messages are written in (see the module's docstring)."""
    try:
        requested = request.GET.get("lang", "")
    except TooManyFieldsSent:
        requested = ""
    if requested in dict(settings.LANGUAGES):
        return requested
    return translation.get_language_from_request(request)


def at_the_edge(view: View) -> View:
    """Refuse hosts that are no municipality's site and parameters carrying NUL (PostgreSQL
    refuses it in any text); answer OPTIONS with the methods allowed; add caching headers;
    compress as the client accepts (zstd, Brotli, gzip; answers hold no secrets for BREACH to
    guess).
    Everything the view says is said in the request's language."""

    @compressed
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with (translation.override(message_language(request)),
              generations_read_at_once(REQUEST_GENERATIONS)):
            return answer(view, request, *args, **kwargs)

    return wrapped


class LanguageVaryMiddleware:
    """Listed before (around) Django's LocaleMiddleware, which says `Vary: Accept-Language` of
    every answer outside language-prefixed paths: an API or feed answer that does not depend on
    `Accept-Language` (it says so by not saying `Vary: Accept-Language` itself) stops saying it,
    so that shared caches keep one copy for every language header."""

    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(response, "same_in_every_language", False):
            kept = [header for header in cc_delim_re.split(response.get("Vary", ""))
                    if header and header.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


def answer(view: View, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    scope = site_scope(request)
    if request.method == "OPTIONS" and scope is not None:
        return HttpResponse(status=204, headers={"Allow": allowed_methods(view, request, *args,
                                                                          **kwargs)})
    try:
        if scope is None:
            raise ApiProblem(404, _("This address belongs to no municipality's site."), "Host")
        refuse_nul(request.GET)
    except ApiProblem as problem:
        response = problem_response(problem.status, problem.detail, problem.parameter)
    except QueryError as error:
        response = problem_response(400, str(error), error.parameter)
    except TooManyFieldsSent:
        response = problem_response(400, _("Too many parameters."))
    else:
        response = view_as_get(view, request, *args, **kwargs) if request.method == "HEAD" \
            else view(request, *args, **kwargs)
    response = with_caching_headers(request, response)
    response.same_in_every_language = not has_vary_header(response, "Accept-Language")
    if request.method == "HEAD":
        response.content = b""
    return response


def every_method(taken: str) -> str:
    """The methods an address answers, given those its operations take (`Allow` as the
    operations write it): those, HEAD wherever GET is, and OPTIONS."""
    methods = {method.strip() for method in taken.split(",") if method.strip()}
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods | {"OPTIONS"}))


def allowed_methods(view: View, request: HttpRequest, *args, **kwargs) -> str:
    """The methods the address answers (an operation refuses OPTIONS naming its own)."""
    refusal = view(request, *args, **kwargs)
    return every_method(refusal.get("Allow", "GET") if refusal.status_code == 405 else "GET")


def view_as_get(view: View, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """HEAD is answered by the GET it stands for (its body is dropped afterwards)."""
    request.method = "GET"
    try:
        return view(request, *args, **kwargs)
    finally:
        request.method = "HEAD"


def unknown_path(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Any path under the API that no operation answers."""
    return not_found()
