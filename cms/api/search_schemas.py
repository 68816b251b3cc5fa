"""The search response shape (API, collections) and the search query parameters."""

import re
from html import escape, unescape
from typing import Literal

from ninja import Field, Schema
from pydantic import create_model

from cms.api.pagination import PageNumberInput
from search.facets import FACETS
from search.query import SORTS, SearchQuery, SearchResponse

MARK = re.compile(r"(</?mark>)")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class ResultOut(Schema):
    id: int
    type: str
    title: str
    url: str
    locale: str
    municipality: list[str]
    date: str | None
    summary: str
    highlight: str = Field(description="An HTML excerpt whose only tag is <mark>")


class SearchOut(Schema):
    count: int
    page: int
    page_size: int
    results: list[ResultOut]
    facets: dict[str, list[FacetValueOut]]


class Suggestion(Schema):
    title: str
    url: str
    type: str


def only_marks(snippet: str) -> str:
    """Escape everything in an engine's snippet except its <mark> tags."""
    return "".join(part if MARK.fullmatch(part) else escape(unescape(part))
                   for part in MARK.split(snippet))


def search_payload(query: SearchQuery, response: SearchResponse) -> dict:
    return {
        "count": response.count, "page": query.page, "page_size": query.page_size,
        "results": [{"id": hit.id, "type": hit.content_type, "title": hit.title,
                     "url": hit.url, "locale": hit.locale, "municipality": hit.municipality,
                     "date": hit.date, "summary": hit.summary,
                     "highlight": only_marks(hit.highlight if query.text else hit.summary)}
                    for hit in response.hits],
        "facets": {key: [{"value": value.value, "label": value.label, "count": value.count,
                          "selected": value.selected} for value in values]
                   for key, values in response.facets.items()},
    }


SearchParams = create_model(
    "SearchParams", __base__=PageNumberInput,
    q=(str, Field("", max_length=500, description="Words to search for")),
    lang=(Literal["lt", "en"], Field("lt", description="Language of the labels")),
    sort=(Literal[SORTS], "relevance"),
    **{facet.key: (list[str], Field([], description=f"{facet.label_en}; repeatable"))
       for facet in FACETS},
)


class SuggestParams(Schema):
    q: str = Field(..., min_length=1, max_length=100)
    lang: Literal["lt", "en"] = "lt"
    municipality: str | None = None
    limit: int = Field(8, ge=1, le=20)
