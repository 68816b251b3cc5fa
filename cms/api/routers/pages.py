"""One router per page resource, built from its registry entry: list and detail."""

import json

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from cms.api.caching import mark_modified
from cms.api.jsonld import JSON_LD
from cms.api.page_queries import filtered, published
from cms.api.pagination import PublishedPageNumbers
from cms.api.params import is_page_id, require_known
from cms.api.problems import ApiProblem, Problem, problem_responses
from cms.api.registry import Context, PageResource
from cms.api.resources.base import DetailParams

JSON_LD_RESPONSE = {"responses": {200: {"content": {JSON_LD: {"schema": {"type": "object"}}}}}}


def wants_json_ld(request: HttpRequest, params: DetailParams) -> bool:
    return params.format == "jsonld" or JSON_LD in request.headers.get("Accept", "")


def json_ld_response(document: dict) -> HttpResponse:
    return HttpResponse(json.dumps(document, ensure_ascii=False, default=str),
                        content_type=f"{JSON_LD}; charset=utf-8")


def page_router(resource: PageResource) -> Router:
    router = Router(tags=[resource.key])
    filters_schema = resource.filters
    errors = {400: Problem, 404: Problem}

    @router.get("/", response={200: list[resource.summary_schema], **errors},
                operation_id=f"list_{resource.key}", url_name=f"{resource.key}-list",
                openapi_extra={"responses": problem_responses(400, 404)},
                summary=f"List the published {resource.key}")
    @paginate(PublishedPageNumbers)
    def list_pages(request: HttpRequest, filters: Query[filters_schema]):  # type: ignore
        require_known(request, filters_schema, PublishedPageNumbers.Input)
        return filtered(resource, filters)

    @router.get("/{page_id}/", response={200: resource.detail_schema, **errors},
                operation_id=f"get_{resource.key}", url_name=f"{resource.key}-detail",
                openapi_extra={"responses": {**problem_responses(400, 404),
                                             **JSON_LD_RESPONSE["responses"]}},
                summary=f"Get one of the published {resource.key} (JSON or JSON-LD)")
    def page_detail(request: HttpRequest, page_id: int, params: Query[DetailParams]):
        require_known(request, DetailParams)
        page = published(resource).filter(pk=page_id).first() if is_page_id(page_id) else None
        if page is None:
            raise ApiProblem(404, _("There is no published page %(id)s.") % {"id": page_id},
                             "page_id")
        mark_modified(request, page.last_published_at)
        if wants_json_ld(request, params):
            return json_ld_response(resource.json_ld(page, Context.of(request)))
        return page

    return router
