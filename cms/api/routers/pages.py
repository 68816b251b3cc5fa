"""One router per page resource, built from its registry entry: list and detail."""

import json

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import ConfigDict
from wagtail.models import Page

from cms.api.jsonld import JSON_LD
from cms.api.page_queries import filtered, published
from cms.api.pagination import PageNumbers
from cms.api.params import is_page_id, require_known
from cms.api.problems import ApiProblem, Problem, problem_responses
from cms.api.registry import Context, PageResource
from cms.api.resources.base import AnswerLanguage, Language


class JsonLd(Schema):
    """A schema.org description of a page (JSON-LD); every other schema.org property of the
    page's type may be present too."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    context: str = Field(alias="@context", examples=["https://schema.org"])
    type: str | list[str] = Field(alias="@type", examples=["Project"])
    id: str = Field(alias="@id", description="The page's public address")
    url: str
    name: str
    in_language: Language = Field(alias="inLanguage")


def json_ld_response(document: dict) -> HttpResponse:
    return HttpResponse(json.dumps(document, ensure_ascii=False, default=str),
                        content_type=f"{JSON_LD}; charset=utf-8")


def page_router(resource: PageResource) -> Router:
    router = Router(tags=[resource.key])
    filters_schema = resource.filters
    errors = {400: Problem, 404: Problem}

    def published_page(request: HttpRequest, page_id: int) -> Page:
        require_known(request, AnswerLanguage)
        page = published(resource).filter(pk=page_id).first() if is_page_id(page_id) else None
        if page is None:
            raise ApiProblem(404, _("There is no published page %(id)s.") % {"id": page_id},
                             "page_id")
        return page

    @router.get("/", response={200: list[resource.summary_schema], **errors},
                operation_id=f"list_{resource.key}", url_name=f"{resource.key}-list",
                openapi_extra={"responses": problem_responses(400, 404)},
                summary=f"List the published {resource.key}")
    @paginate(PageNumbers)
    def list_pages(request: HttpRequest, response: HttpResponse,
                   filters: Query[filters_schema]):  # type: ignore
        """`PageNumbers` sets the `Link` header on `response`."""
        require_known(request, filters_schema, PageNumbers.Input)
        return filtered(resource, filters)

    @router.get("/{page_id}/", response={200: resource.detail_schema, **errors},
                operation_id=f"get_{resource.key}", url_name=f"{resource.key}-detail",
                openapi_extra={"responses": problem_responses(400, 404)},
                summary=f"Get one of the published {resource.key}")
    def page_detail(request: HttpRequest, page_id: int, params: Query[AnswerLanguage]):
        return resource.prepared(published_page(request, page_id))

    @router.get("/{page_id}/jsonld/", response={200: JsonLd, **errors},
                operation_id=f"get_{resource.key}_jsonld", url_name=f"{resource.key}-jsonld",
                by_alias=True,
                openapi_extra={"responses": {
                    **problem_responses(400, 404),
                    200: {"description": "OK", "content": {JSON_LD: {
                        "schema": {"$ref": "#/components/schemas/JsonLd"}}}}}},
                summary=f"Get one of the published {resource.key} as JSON-LD (schema.org)")
    def page_json_ld(request: HttpRequest, page_id: int, params: Query[AnswerLanguage]):
        page = published_page(request, page_id)
        return json_ld_response(resource.json_ld(page, Context.of(request)))

    return router
