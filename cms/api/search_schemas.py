"""The search response shape (API, collections) and the search query parameters."""

import datetime
import re
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Schema
from pydantic import BaseModel, ConfigDict, create_model

from cms.api.openapi import api_enum
from cms.api.pagination import PageNumberInput, total_pages
from cms.api.params import Amount, WholeNumber
from cms.api.registry import on_request_host, resource_of_type
from cms.api.resources.base import (
    SORT_DESCRIPTION,
    ContentType,
    IsoDate,
    Language,
    Sort,
    api_detail_path,
)
from cms.api.resources.measures import PeriodCode
from cms.api.resources.projects import ProjectStatus
from cms.searching import MAX_RESULT_WINDOW, search_query
from pages.kinds import CONTENT_KINDS
from search.facets import FACET_TYPES, FACETS, FACETS_BY_KEY
from search.query import (
    CARD_FACTS,
    DATE_MEANINGS,
    HIGHLIGHT_FIELDS,
    Bounds,
    Hit,
    SearchQuery,
    SearchResponse,
)

MARK = re.compile(r"(</?mark>)")
ESCAPABLE = re.compile(r"[&<>\"']")  # what `html.escape` or `html.unescape` may change
FacetKey = api_enum("FacetKey", [facet.key for facet in FACETS])
FacetType = api_enum("FacetType", FACET_TYPES)
HighlightField = api_enum("HighlightField", HIGHLIGHT_FIELDS)
DateMeaning = api_enum("DateMeaning", DATE_MEANINGS)
SearchedType = api_enum("SearchedType", CONTENT_KINDS)
# the value type of each facet parameter whose values are a closed set
FILTER_VALUES = {"status": ProjectStatus, "period": PeriodCode, "language": Language,
                 "content_type": SearchedType}
LABELLED_FACTS = (*CARD_FACTS, "municipality")  # a hit's facet values, labelled

class Plain(BaseModel):
    """A part of the answer read as it is, by attribute or key, with no resolver: an answer
    holds hundreds of them (facet values above all), which a `Schema` would each wrap first."""

    model_config = ConfigDict(from_attributes=True)


class FacetValueOut(Plain):
    value: str
    label: str
    count: int
    selected: bool
    parent: str | None = Field(description="In a hierarchical facet: the value of the parent "
                                           "facet (see `facet_info`) this value belongs to")


class FacetInfoOut(Plain):
    """How to show a facet: its label in the answer's language, its type and its place."""

    key: FacetKey
    label: str
    type: FacetType = Field(description="`terms`: a list of values; `hierarchical`: values "
                                        "that name their `parent`; `range`: steps of a scale "
                                        "(amounts, years), listed in the scale's order")
    order: int = Field(description="Where the facet is shown: 1 first")
    parent: FacetKey | None = Field(description="In a hierarchy: the facet whose values are "
                                                "this facet's values' parents")


def detail_url(request: HttpRequest, content_type: str, page_id: int) -> str:
    """The API detail of a found page."""
    return request.build_absolute_uri(api_detail_path(resource_of_type(content_type).key,
                                                      page_id))


class HighlightOut(Plain):
    field: HighlightField
    fragments: list[str] = Field(description="HTML passages whose only tag is <mark>, the "
                                             "best first; the title is whole")


class ValueOut(Plain):
    """A facet's value on a hit, labelled in the answer's language."""

    value: str = Field(description="As the facet of the same name lists and filters it")
    label: str


class ResultOut(Plain):
    """A search hit (`result_of`), with the facts a result card shows."""

    id: int
    type: ContentType
    title: str
    url: str
    path: str = Field(description="The page's path on its site (see `pages/find/`)")
    detail_url: str = Field(description="The page's detail in this API")
    locale: Language
    municipality: list[ValueOut] = Field(description="The municipalities it concerns")
    status: list[ValueOut] = Field(description="A project's status")
    period: list[ValueOut] = Field(description="Programming period")
    fund: list[ValueOut] = Field(description="EU funds")
    budget: float | None = Field(description="EUR: a project's total budget (else its EU "
                                             "amount), a measure's total amount")
    date: datetime.date | None = Field(description="The date a card shows; see `date_meaning`")
    date_meaning: DateMeaning | None = Field(description="`start`: a project's start; "
                                                          "`published`: when it was published "
                                                          "(a news item's date)")
    summary: str
    highlight: str = Field(description="An HTML excerpt whose only tag is <mark>")
    highlights: list[HighlightOut] = Field(description="Where the words of `q` are, per field "
                                                       "(`title`, `summary`, `body`, in this "
                                                       "order; only those with a match)")


def fact_labels(language: str) -> dict[str, dict[str, str]]:
    """Value → label of each facet whose values a hit carries, in a language."""
    return {key: FACETS_BY_KEY[key].value_labels(language) for key in LABELLED_FACTS}


def result_of(hit: Hit, request: HttpRequest, labels: dict[str, dict[str, str]]) -> dict:
    """What `ResultOut` shows of a hit, its facet values labelled by `fact_labels`."""
    meaning, day = hit.dated or (None, None)
    return {"id": hit.id, "type": hit.content_type, "title": hit.title,
            "url": on_request_host(hit.url, request),
            "path": urlsplit(hit.url).path,
            "detail_url": detail_url(request, hit.content_type, hit.id),
            "locale": hit.locale,
            **{key: [{"value": value, "label": labels[key].get(value, value)}
                     for value in getattr(hit, key)] for key in LABELLED_FACTS},
            "budget": hit.budget, "date": day and day[:10], "date_meaning": meaning,
            "summary": hit.summary, "highlight": only_marks(hit.highlight),
            "highlights": [{"field": found.field,
                            "fragments": [only_marks(fragment) for fragment in found.fragments]}
                           for found in hit.highlights]}


FacetsOut = create_model("FacetsOut", __base__=Schema, **{
    facet.key: (list[FacetValueOut], Field(description=facet.label_en)) for facet in FACETS})


class AmountRange(Plain):
    min: float | None
    max: float | None


class DateRange(Plain):
    min: datetime.date | None
    max: datetime.date | None


class StatsOut(Plain):
    """The least and greatest value of each over the matches (null when none has one). Like
    a facet's counts, each ignores its own range (`budget_min`/`budget_max`, `date_from`/
    `date_to`) and follows every other filter: the bounds a range control offers."""

    budget: AmountRange = Field(description="Budget (EUR)")
    date: DateRange = Field(description="Date (a project's start, a news item's publication)")
    start_date: DateRange = Field(description="Projects' start")


@dataclass
class CursorPage(SearchResponse):
    """A search's response with the cursor of the page after it."""

    next_cursor: str | None = None
    did_you_mean: str | None = None


class SearchOut(Schema):
    """A page of search results, resolved from the engine's response."""

    count: int
    page: int
    page_size: int
    total_pages: int = Field(description=f"The number of pages (at least 1); page numbers "
                                         f"reach the first {MAX_RESULT_WINDOW:,} results, "
                                         f"`next_cursor` all")
    next_cursor: str | None = Field(description="Pass as `cursor` (with the same search "
                                                "parameters, without `page`) for the next "
                                                "page; null on the last page")
    did_you_mean: str | None = Field(description="When words of `q` are unknown or rare in "
                                                  "the index: `q` with each replaced by the "
                                                  "closest frequent indexed word (without "
                                                  "diacritics), to offer as a search; given "
                                                  "with the first page, else null")
    results: list[ResultOut]
    stats: StatsOut
    facets: FacetsOut
    facet_info: list[FacetInfoOut] = Field(description="Every facet of `facets`, in the order "
                                                       "they are shown")

    @staticmethod
    def resolve_results(response: SearchResponse, context: dict) -> list[dict]:
        labels = fact_labels(response.language)
        return [result_of(hit, context["request"], labels) for hit in response.hits]

    @staticmethod
    def resolve_total_pages(response: SearchResponse) -> int:
        return total_pages(response.count, response.page_size)

    @staticmethod
    def resolve_next_cursor(response: SearchResponse) -> str | None:
        return response.next_cursor if isinstance(response, CursorPage) else None

    @staticmethod
    def resolve_did_you_mean(response: SearchResponse) -> str | None:
        return response.did_you_mean if isinstance(response, CursorPage) else None

    @staticmethod
    def resolve_facet_info(response: SearchResponse) -> list[dict]:
        return [{"key": key, "label": values.label, "type": values.facet.type, "order": order,
                 "parent": values.facet.parent_facet}
                for order, (key, values) in enumerate(response.facets.items(), start=1)]


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
    def resolve_url(row: dict, context: dict) -> str:
        return on_request_host(row["url"], context["request"])

    @staticmethod
    def resolve_path(row: dict) -> str:
        return urlsplit(row["url"]).path

    @staticmethod
    def resolve_detail_url(row: dict, context: dict) -> str:
        return detail_url(context["request"], row["content_type"], row["id"])


def only_marks(snippet: str) -> str:
    """Escape everything in an engine's snippet except its <mark> tags. A text without the
    characters that escaping or its reverse change stays as it is."""
    parts = MARK.split(snippet)  # text, tag, text, …: the texts at even positions
    parts[::2] = [escape(unescape(text)) if ESCAPABLE.search(text) else text
                  for text in parts[::2]]
    return "".join(parts)


SearchParams = create_model(
    "SearchParams", __base__=PageNumberInput,
    q=(str, Field("", max_length=500, description="Words to search for")),
    lang=(Language | None, Field(None, description="Language of the labels; without it, the "
                                                   "best match of Accept-Language, else "
                                                   "Lithuanian")),
    sort=(Sort, Field("relevance", description=SORT_DESCRIPTION)),
    budget_min=(Amount | None, Field(None, description="Budget from (EUR, e.g. 50000)")),
    budget_max=(Amount | None, Field(None, description="Budget up to (EUR)")),
    date_from=(IsoDate | None, Field(None, description="Date from (YYYY-MM-DD), see "
                                                       "`stats.date`")),
    date_to=(IsoDate | None, Field(None, description="Date up to (YYYY-MM-DD)")),
    cursor=(str | None, Field(None, max_length=2000,
                              description="The `next_cursor` of the previous page: pages "
                                          "past the pages reachable by number")),
    **{facet.key: (list[FILTER_VALUES.get(facet.key, str)],
                   Field([], description=f"{facet.label_en}; repeatable"))
       for facet in FACETS},
)


def query_of(params: Schema) -> SearchQuery:
    """The search that validated `SearchParams` ask for, labelled in `lang` or else in the
    request's language (which the API's edge activates from Accept-Language)."""
    return search_query({facet.key: getattr(params, facet.key) for facet in FACETS},
                        text=params.q, sort=params.sort, page=params.page,
                        page_size=params.page_size,
                        language=params.lang or translation.get_language(),
                        ranges={"budget": Bounds(params.budget_min, params.budget_max),
                                "date": Bounds(params.date_from, params.date_to)},
                        cursor=params.cursor)


class SuggestParams(Schema):
    q: str = Field(..., min_length=1, max_length=100)
    lang: Language = "lt"
    municipality: str | None = None
    limit: WholeNumber = Field(8, ge=1, le=20)
