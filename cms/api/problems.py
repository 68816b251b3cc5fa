"""Every API error is an RFC 9457 problem (application/problem+json), built here only.

Wagtail's API v3 handlers are reused for 401/403/404; request validation is answered with 400
(not v3's 422) and always names the offending parameter.
"""

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, register_exception_handlers

from search.query import QueryError


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


def parameter_of(error: dict) -> str | None:
    """The request parameter a Ninja validation error is about: ("query", "page") → "page"."""
    location = [str(part) for part in error.get("loc", ()) if not str(part).isdigit()]
    names = [part for part in location if part not in ("query", "path", "header", "filters",
                                                        "params")]
    return names[0] if names else None


def register_problem_handlers(api: NinjaAPI) -> None:
    register_exception_handlers(api)

    @api.exception_handler(NinjaValidationError)
    def invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        error = exc.errors[0] if exc.errors else {}
        parameter = parameter_of(error)
        return problem_response(400, f"Netinkamas parametras „{parameter}“: "
                                     f"{error.get('msg', 'netinkama reikšmė')}.", parameter)

    @api.exception_handler(QueryError)
    def invalid_query(request: HttpRequest, exc: QueryError) -> HttpResponse:
        message = str(exc)
        detail = message if exc.parameter in message else f"„{exc.parameter}“: {message}"
        return problem_response(400, detail, exc.parameter)

    @api.exception_handler(ApiProblem)
    def api_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
        return problem_response(exc.status, exc.detail, exc.parameter)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return problem_response(401, "Reikia galiojančio API rakto (Authorization: Bearer …).")


def problem_responses(*statuses: int) -> dict:
    """OpenAPI `responses` entries declaring problem+json bodies for these statuses (int keys,
    as Ninja's own, so that they merge)."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {status: {"description": HTTPStatus(status).phrase,
                          "content": {PROBLEM_JSON: {"schema": schema}}} for status in statuses}
