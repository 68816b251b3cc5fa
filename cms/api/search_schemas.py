"""The search response shape (API, collections) and the search query parameters."""

import re
from html import escape, unescape
from urllib.parse import urlsplit

from django.http import HttpRequest
from ninja import Field, Schema
from pydantic import create_model

from cms.api.openapi import api_enum
from cms.api.pagination import PageNumberInput
from cms.api.params import WholeNumber
from cms.api.registry import resource_of_type
from cms.api.resources.base import ContentType, Language, api_detail_path
from cms.searching import search_query
from search.facets import FACETS
from search.query import SORTS, Hit, SearchQuery, SearchResponse

MARK = re.compile(r"(</?mark>)")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


SearchSort = api_enum("SearchSort", SORTS)


def detail_url(request: HttpRequest, content_type: str, page_id: int) -> str:
    """The API detail of a found page."""
    return request.build_absolute_uri(api_detail_path(resource_of_type(content_type).key,
                                                      page_id))


class ResultOut(Schema):
    """A search hit."""

    id: int
    type: ContentType
    title: str
    url: str
    path: str = Field(description="The page's path on its site (see `pages/find/`)")
    detail_url: str = Field(description="The page's detail in this API")
    locale: str
    municipality: list[str]
    date: str | None
    summary: str
    highlight: str = Field(description="An HTML excerpt whose only tag is <mark>")

    @staticmethod
    def resolve_type(hit: Hit) -> str:
        return hit.content_type

    @staticmethod
    def resolve_highlight(hit: Hit) -> str:
        return only_marks(hit.highlight)

    @staticmethod
    def resolve_path(hit: Hit) -> str:
        return urlsplit(hit.url).path

    @staticmethod
    def resolve_detail_url(hit: Hit, context: dict) -> str:
        return detail_url(context["request"], hit.content_type, hit.id)


FacetsOut = create_model("FacetsOut", __base__=Schema, **{
    facet.key: (list[FacetValueOut], Field(description=facet.label_en)) for facet in FACETS})


class SearchOut(Schema):
    """A page of search results, resolved from the engine's response."""

    count: int
    page: int
    page_size: int
    results: list[ResultOut]
    facets: FacetsOut

    @staticmethod
    def resolve_results(response: SearchResponse) -> list[Hit]:
        return response.hits


class Suggestion(Schema):
    """A title suggestion, resolved from the engine's row."""

    id: int
    title: str
    url: str
    path: str
    detail_url: str
    type: ContentType

    @staticmethod
    def resolve_type(row: dict) -> str:
        return row["content_type"]

    @staticmethod
    def resolve_path(row: dict) -> str:
        return urlsplit(row["url"]).path

    @staticmethod
    def resolve_detail_url(row: dict, context: dict) -> str:
        return detail_url(context["request"], row["content_type"], row["id"])


def only_marks(snippet: str) -> str:
    """Escape everything in an engine's snippet except its <mark> tags."""
    return "".join(part if MARK.fullmatch(part) else escape(unescape(part))
                   for part in MARK.split(snippet))


SearchParams = create_model(
    "SearchParams", __base__=PageNumberInput,
    q=(str, Field("", max_length=500, description="Words to search for")),
    lang=(Language, Field("lt", description="Language of the labels")),
    sort=(SearchSort, "relevance"),
    **{facet.key: (list[str], Field([], description=f"{facet.label_en}; repeatable"))
       for facet in FACETS},
)


def query_of(params: Schema) -> SearchQuery:
    """The search that validated `SearchParams` ask for."""
    return search_query({facet.key: getattr(params, facet.key) for facet in FACETS},
                        text=params.q, sort=params.sort, page=params.page,
                        page_size=params.page_size, language=params.lang)


class SuggestParams(Schema):
    q: str = Field(..., min_length=1, max_length=100)
    lang: Language = "lt"
    municipality: str | None = None
    limit: WholeNumber = Field(8, ge=1, le=20)
