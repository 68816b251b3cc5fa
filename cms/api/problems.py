"""Every API error is an RFC 9457 problem (application/problem+json), built here only.

Wagtail's API v3 handlers are reused for 401/403/404; request validation is answered with 400
(not v3's 422) and always names the offending parameter. A search the engine cannot answer now
is a 503; an answer that fails while it is built is the server's own 500, logged. The detail
is written in the request's language (see `cms.api.edge`): each reason a value is refused has
its own translated sentence.
"""

import logging
import re
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, register_exception_handlers

from cms.unavailable import as_unavailable
from search.engines.base import SearchUnavailable
from search.query import QueryError

logger = logging.getLogger(__name__)

# Why Pydantic refused a value, by its error type; other types are "not a valid value".
REFUSALS = {
    "int_parsing": gettext_lazy("must be a whole number"),
    "int_type": gettext_lazy("must be a whole number"),
    "int_from_float": gettext_lazy("must be a whole number"),
    "bool_parsing": gettext_lazy("must be true or false"),
    "bool_type": gettext_lazy("must be true or false"),
    "date_from_datetime_parsing": gettext_lazy("must be a date (YYYY-MM-DD)"),
    "date_parsing": gettext_lazy("must be a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": gettext_lazy("must be a date (YYYY-MM-DD)"),
    "datetime_parsing": gettext_lazy("must be a date and time (YYYY-MM-DDTHH:MM)"),
    "datetime_from_date_parsing": gettext_lazy("must be a date and time (YYYY-MM-DDTHH:MM)"),
    "literal_error": gettext_lazy("must be one of: %(expected)s"),
    "enum": gettext_lazy("must be one of: %(expected)s"),
    "missing": gettext_lazy("is required"),
    "string_too_long": gettext_lazy("may be at most %(max_length)s characters long"),
    "greater_than_equal": gettext_lazy("must be at least %(ge)s"),
    "greater_than": gettext_lazy("must be greater than %(gt)s"),
    "less_than_equal": gettext_lazy("must be at most %(le)s"),
    "less_than": gettext_lazy("must be less than %(lt)s"),
}
QUOTED = re.compile(r"'([^']*)'")


class Problem(ProblemDetail):
    parameter: str | None = None


class ApiProblem(Exception):
    def __init__(self, status: int, detail: str, parameter: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.parameter = status, detail, parameter


def problem_response(status: int, detail: str, parameter: str | None = None) -> HttpResponse:
    problem = Problem(type="about:blank", title=HTTPStatus(status).phrase, status=status,
                      detail=detail, parameter=parameter)
    return HttpResponse(problem.model_dump_json(exclude_none=True), status=status,
                        content_type=PROBLEM_JSON)


def refusal(error: dict) -> str:
    """Why a Pydantic error refused the value, in the active language."""
    sentence = REFUSALS.get(error.get("type", ""))
    if sentence is None:
        return _("not a valid value")
    context = dict(error.get("ctx") or {})
    if "expected" in context:  # "'lt' or 'en'": the values, without Pydantic's English "or"
        context["expected"] = ", ".join(QUOTED.findall(str(context["expected"]))
                                        or [str(context["expected"])])
    return str(sentence) % context


def parameter_of(error: dict) -> str | None:
    """The request parameter a Ninja validation error is about: ("query", "page") → "page",
    ("query", "params", "query") → "query";
    a JSON body's field by its top level: ("body", "search", "query", 0, "i") → "query"."""
    location = [str(part) for part in error.get("loc", ()) if not str(part).isdigit()]
    if location[:1] == ["body"]:
        return location[2] if len(location) > 2 else "body"
    names = [part for part in location[1:] if part not in ("filters", "params")]
    return names[0] if names else None


def register_problem_handlers(api: NinjaAPI) -> None:
    register_exception_handlers(api)

    @api.exception_handler(NinjaValidationError)
    def invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        error = exc.errors[0] if exc.errors else {}
        parameter = parameter_of(error)
        return problem_response(400, _("Invalid parameter “%(name)s”: %(reason)s.")
                                % {"name": parameter, "reason": refusal(error)}, parameter)

    @api.exception_handler(QueryError)
    def invalid_query(request: HttpRequest, exc: QueryError) -> HttpResponse:
        message = str(exc)
        detail = (message if exc.parameter in message
                  else _("“%(name)s”: %(message)s") % {"name": exc.parameter, "message": message})
        return problem_response(400, detail, exc.parameter)

    @api.exception_handler(ApiProblem)
    def api_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
        return problem_response(exc.status, exc.detail, exc.parameter)

    @api.exception_handler(PydanticValidationError)
    def answer_not_built(request: HttpRequest, exc: PydanticValidationError) -> HttpResponse:
        """Requests are validated by Ninja (`invalid_request`) and the operations' own checks:
        an answer failing its schema (a resolver's error, which Pydantic reports as invalid
        data) is the server's failure, logged, and answered without its internals."""
        logger.error("The answer to %s could not be built", request.path, exc_info=exc)
        return problem_response(500, _("The answer could not be built; the error was recorded."))

    @api.exception_handler(SearchUnavailable)
    def search_unavailable(request: HttpRequest, exc: SearchUnavailable) -> HttpResponse:
        return as_unavailable(request, exc, problem_response(
            503, _("Search is not working at the moment. Try again in a moment.")))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = problem_response(401, _("A valid API key is needed (Authorization: Bearer …)."))
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response


def problem_responses(*statuses: int) -> dict:
    """OpenAPI `responses` entries declaring problem+json bodies for these statuses (int keys,
    as Ninja's own, so that they merge)."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {status: {"description": HTTPStatus(status).phrase,
                          "content": {PROBLEM_JSON: {"schema": schema}}} for status in statuses}
