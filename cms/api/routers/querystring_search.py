"""plone.restapi's `@querystring-search` (its GET form) over the public search index, so that
a front-end written for Plone (a Volto listing block, @plone/client) lists this site's pages
with the criteria it already sends.

Each criterion `{"i": index, "o": operation, "v": value}` maps onto the search of `/search/`:
`SearchableText` is the words, `portal_type` the content type, `Language` the content language,
each facet key a filter; `path` is accepted and ignored. The answer has plone.restapi's shape
(`@id`, `items`, `items_total`, `batching`); its batches (`b_start`, `b_size`) need not fall on
the search's pages: a batch across two pages is read from both."""

import json
from dataclasses import replace
from datetime import date
from math import ceil
from typing import Annotated, Any
from urllib.parse import unquote, urlencode, urlsplit

import pydantic
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import BeforeValidator, Strict
from pydantic_core import PydanticCustomError

from cms.api.answer_cache import search_answer
from cms.api.caching import SEARCH_MAX_AGE
from cms.api.openapi import api_enum
from cms.api.params import WholeNumber, at_least, require_known
from cms.api.problems import ApiProblem, Problem, problem_responses, refusal
from cms.api.registry import on_request_host
from cms.api.resources.base import ContentType, Language
from cms.api.search_schemas import detail_url
from cms.searching import MAX_RESULT_WINDOW, refuse_nul, search_query
from pages.kinds import CONTENT_KINDS
from pages.listing import SORT_ORDERS, parsed_whole_number
from search.engines import get_engine
from search.facets import FACETS, LANGUAGES
from search.query import MAX_PAGE_SIZE, Bounds, Hit, SearchQuery

router = Router(tags=["search"])
ERRORS = {400: Problem, 404: Problem}
PROBLEMS = {"responses": problem_responses(400, 404)}

OPERATION = "plone.app.querystring.operation."
CONTAINS = (f"{OPERATION}string.contains",)
SELECTION = (f"{OPERATION}selection.any", f"{OPERATION}selection.is")
PLACES = tuple(f"{OPERATION}string.{name}" for name in ("path", "absolutePath", "relativePath"))
BETWEEN, AFTER, BEFORE = (f"{OPERATION}date.{name}"
                          for name in ("between", "largerThan", "lessThan"))
TEXT, PORTAL_TYPE, CONTENT_LANGUAGE, PATH = "SearchableText", "portal_type", "Language", "path"
DATED = "effective"  # the index bounding the search's date (see `/search/`'s `date_from`)
# index → the operations it takes; a facet's key is an index of its own
OPERATIONS = {TEXT: CONTAINS, PORTAL_TYPE: SELECTION, CONTENT_LANGUAGE: SELECTION,
              PATH: PLACES, DATED: (BETWEEN, AFTER, BEFORE),
              **{facet.key: SELECTION for facet in FACETS}}
# the facet an index other than a facet key filters
FILTERED_FACET = {PORTAL_TYPE: "content_type", CONTENT_LANGUAGE: "language"}
# portal_type value → content kind: this API's content type keys and the page models' names
KINDS_BY_TYPE_NAME = {**{kind.model.__name__: key for key, kind in CONTENT_KINDS.items()},
                      **{key: key for key in CONTENT_KINDS}}
# sort_on → the field it sorts by: Plone's indexes and the fields of this API's sorts;
# `sort_order` gives the way, ascending (Plone's default) or descending (or `reverse`)
SORT_FIELDS = {"effective": "date", "created": "date", "modified": "date", "Date": "date",
               "start": "start_date", "sortable_title": "title",
               **{order.field: order.field for order in SORT_ORDERS.values()}}
# (field, descending) → the name of this API's sort
SORTS_BY_WAY = {(order.field, order.descending): name for name, order in SORT_ORDERS.items()
                if name != "relevance"}
DESCENDING = ("descending", "reverse")
DEFAULT_BATCH_SIZE = 25  # plone.restapi's
PLONE_BATCH = ("b_start", "b_size")  # left out of the search's address, `@id`
# what a GET may also give as parameters of their own
URL_FIELDS = (*PLONE_BATCH, "limit", "sort_on", "sort_order", "fullobjects", "metadata_fields")


def number_of(value: Any) -> Any:
    """A count written as a number or, as Plone's clients also send it, in ASCII digits."""
    if isinstance(value, str):
        number = parsed_whole_number(value)
        if number is None:
            raise PydanticCustomError("int_parsing", "not a whole number")
        return number
    return value


def count(minimum: int) -> Any:
    """A whole number of at least `minimum`, also taken written in digits."""
    return Annotated[int, Strict(), pydantic.Field(ge=minimum), BeforeValidator(number_of)]


FLAGS = {"true": True, "1": True, "false": False, "0": False}


def flag_of(value: Any) -> Any:
    """A flag written as a boolean, 0 or 1, or the text of one of those."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | str) and str(value) in FLAGS:
        return FLAGS[str(value)]
    raise PydanticCustomError("bool_parsing", "not a boolean")


SortOrder = api_enum("QuerystringSortOrder", ["ascending", "descending", "reverse"])
PageTypeName = api_enum("PageTypeName", [kind.model.__name__ for kind in CONTENT_KINDS.values()])


class Criterion(Schema):
    """One criterion of a plone.app.querystring query: index, operation, value."""

    i: str
    o: str
    v: str | list[str] | None = None


class QuerystringSearchIn(Schema):
    """A plone.restapi `@querystring-search` request, as its JSON holds it."""

    query: list[Criterion] = Field(..., min_length=1)
    sort_on: str | None = None
    sort_order: SortOrder | None = None
    b_start: count(0) = 0
    b_size: count(1) = DEFAULT_BATCH_SIZE
    limit: count(1) | None = None
    fullobjects: Annotated[bool, BeforeValidator(flag_of)] = False  # ignored: summaries only
    metadata_fields: str | list[str] | None = None  # ignored: summaries only


class QuerystringSearchOptions(Schema):
    """The request's fields other than its criteria, as parameters of their own: plone.restapi
    clients send them so, and they take precedence over the request's (a batching link sets
    `b_start`)."""

    lang: Language | None = Field(None, description="Language of labels; without it, the best "
                                                    "match of Accept-Language, else Lithuanian")
    b_start: WholeNumber | None = Field(None, description="The first item of the batch, from 0")
    b_size: at_least(1) | None = Field(None, description=(
        f"Items in a batch ({DEFAULT_BATCH_SIZE}); more than {MAX_PAGE_SIZE} are served as "
        f"{MAX_PAGE_SIZE}"))
    limit: at_least(1) | None = Field(None, description="At most this many items in all")
    sort_on: str | None = Field(None, max_length=100, description=(
        "`effective`, `created`, `modified` or `date` (the date of `/search/`), `start` or "
        "`start_date`, `sortable_title` or `title`, `budget`; without it, best match first"))
    sort_order: SortOrder | None = Field(None, description="With `sort_on`: `ascending` (the "
                                                           "default), `descending` or "
                                                           "`reverse`")
    fullobjects: bool | None = Field(None, description="Accepted and ignored: items are "
                                                       "summaries")
    metadata_fields: list[str] = Field([], description="Accepted and ignored: items are "
                                                       "summaries")


class QuerystringSearchParams(QuerystringSearchOptions):
    """The address of a search: `query`, the request as JSON, and its options."""

    query: str = Field(..., max_length=20_000,
                       description='The request as JSON, URL-encoded once or twice as '
                                   'plone.restapi takes it: `{"query": [{"i": "portal_type", '
                                   '"o": "plone.app.querystring.operation.selection.any", '
                                   '"v": ["project"]}], "b_size": 10}`; or only the list of '
                                   'criteria. See the API documentation for the indexes, '
                                   'operations and sorts taken')


class QuerystringItem(Schema):
    """A found page, as plone.restapi summarises content, with this API's id, content type,
    path and address (named apart from `@id` and `@type`, which client generators name `id`
    and `type`)."""

    at_id: str = Field(alias="@id", description="The page's detail in this API")
    at_type: PageTypeName = Field(alias="@type", description="The page type")
    title: str
    description: str = Field(description="The page's summary")
    review_state: str = Field(description="Always `published`: only public pages are found")
    type_title: str = Field(description="The content type's name in the answer's language")
    page_id: int = Field(description="The page's id in this API")
    content_type: ContentType = Field(description="The page's content type in this API")
    path: str = Field(description="The page's path on its site (see `pages/find/`)")
    url: str = Field(description="The page's public address")


class QuerystringBatching(Schema):
    """Links to other batches: the request's address with `b_start` set."""

    at_id: str = Field(alias="@id", description="This batch")
    first: str
    last: str
    next: str | None = None
    prev: str | None = None


class QuerystringSearchOut(Schema):
    at_id: str = Field(alias="@id", description="The search, without batching parameters")
    items: list[QuerystringItem]
    items_total: int = Field(description="Items in all batches (at most `limit`)")
    batching: QuerystringBatching | None = Field(None, description="Only when there is more "
                                                                   "than one batch")


def values_of(criterion: Criterion) -> list[str]:
    if criterion.v is None:
        return []
    return [criterion.v] if isinstance(criterion.v, str) else criterion.v


def refuse(parameter: str, message: str) -> ApiProblem:
    return ApiProblem(400, message, parameter)


def checked_operation(criterion: Criterion) -> None:
    allowed = OPERATIONS.get(criterion.i)
    if allowed is None:
        raise refuse(criterion.i, _("Unknown index “%(index)s”; allowed: %(allowed)s.")
                     % {"index": criterion.i, "allowed": ", ".join(OPERATIONS)})
    if criterion.o not in allowed:
        raise refuse(criterion.i, _("The index “%(index)s” takes no operation “%(operation)s”; "
                                    "allowed: %(allowed)s.")
                     % {"index": criterion.i, "operation": criterion.o,
                        "allowed": ", ".join(allowed)})


def kinds_of(values: list[str]) -> list[str]:
    if unknown := [value for value in values if value not in KINDS_BY_TYPE_NAME]:
        raise refuse(PORTAL_TYPE, _("Unknown value of “%(index)s”: %(values)s; allowed: "
                                    "%(allowed)s.")
                     % {"index": PORTAL_TYPE, "values": ", ".join(unknown),
                        "allowed": ", ".join(KINDS_BY_TYPE_NAME)})
    return [KINDS_BY_TYPE_NAME[value] for value in values]


def languages_of(values: list[str]) -> list[str]:
    if unknown := [value for value in values if value not in LANGUAGES]:
        raise refuse(CONTENT_LANGUAGE, _("Unknown value of “%(index)s”: %(values)s; allowed: "
                                         "%(allowed)s.")
                     % {"index": CONTENT_LANGUAGE, "values": ", ".join(unknown),
                        "allowed": ", ".join(LANGUAGES)})
    return values


def sort_of(search: QuerystringSearchIn) -> str:
    """This API's sort for `sort_on` and `sort_order`; without `sort_on`, best match first."""
    if search.sort_on is None:
        return "relevance"
    field = SORT_FIELDS.get(search.sort_on)
    if field is None:
        raise refuse("sort_on", _("Unknown sort “%(sort)s”; allowed: %(allowed)s.")
                     % {"sort": search.sort_on, "allowed": ", ".join(SORT_FIELDS)})
    return SORTS_BY_WAY[field, search.sort_order in DESCENDING]


def day_of(criterion: Criterion, text: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError as error:
        raise refuse(criterion.i, _("“%(index)s” takes dates written YYYY-MM-DD, not "
                                    "“%(value)s”.") % {"index": criterion.i, "value": text}) \
            from error


def bounds_of(criterion: Criterion) -> Bounds:
    """The days a date criterion bounds, both ends included."""
    values = values_of(criterion)
    if criterion.o == BETWEEN and len(values) == 2:
        low, high = (day_of(criterion, value) for value in values)
        if low > high:
            raise refuse(criterion.i, _("“%(index)s” ends before it starts.")
                         % {"index": criterion.i})
        return Bounds(low, high)
    if criterion.o != BETWEEN and len(values) == 1:
        day = day_of(criterion, values[0])
        return Bounds(day, None) if criterion.o == AFTER else Bounds(None, day)
    raise refuse(criterion.i, _("“%(operation)s” takes %(count)s date(s).")
                 % {"operation": criterion.o, "count": 2 if criterion.o == BETWEEN else 1})


def search_of(search: QuerystringSearchIn, language: str, page_size: int) -> SearchQuery:
    """The page of the search the criteria ask for that holds the batch's first item,
    labelled in `language`."""
    refuse_nul({criterion.i: values_of(criterion) for criterion in search.query}
               | {"sort_on": [search.sort_on or ""]})
    text, filters, ranges = "", {}, {}
    for criterion in search.query:
        checked_operation(criterion)
        values = values_of(criterion)
        if criterion.i == PATH:
            continue
        if criterion.i == DATED:
            if "date" in ranges:
                raise refuse(criterion.i, _("The criterion “%(index)s” repeats a filter given "
                                            "before.") % {"index": criterion.i})
            ranges["date"] = bounds_of(criterion)
            continue
        if criterion.i == TEXT:
            if not isinstance(criterion.v, str | None):
                raise refuse(TEXT, _("“%(index)s” takes words, not a list.") % {"index": TEXT})
            text = criterion.v or ""
            continue
        facet = FILTERED_FACET.get(criterion.i, criterion.i)
        if facet in filters:
            raise refuse(criterion.i, _("The criterion “%(index)s” repeats a filter given "
                                        "before.") % {"index": criterion.i})
        filters[facet] = (kinds_of(values) if criterion.i == PORTAL_TYPE else
                          languages_of(values) if criterion.i == CONTENT_LANGUAGE else values)
    return search_query(filters, text=text, sort=sort_of(search), language=language,
                        page=search.b_start // page_size + 1, page_size=page_size,
                        ranges=ranges)


def batch(query: SearchQuery, start: int) -> tuple[int, list[Hit]]:
    """The number of matches and a page's worth of hits from `start`: from the page `query`
    asks for and, when `start` is within it and more matches follow, the next page."""
    engine = get_engine()
    found = engine.search(query)
    hits = found.hits[start - query.offset:]
    if start > query.offset and start + len(hits) < found.count:
        hits += engine.search(replace(query, page=query.page + 1)).hits
    return found.count, hits[:query.page_size]


def address(request: HttpRequest, b_start: int | None = None) -> str:
    """The request's address with `b_start` set; without one, the search's address, which has
    no batching parameters."""
    params = request.GET.copy()
    for name in PLONE_BATCH if b_start is None else ("b_start",):
        params.pop(name, None)
    query = "&".join(part for part in (
        "" if b_start is None else urlencode({"b_start": b_start}), params.urlencode()) if part)
    return request.build_absolute_uri(request.path) + (f"?{query}" if query else "")


def batching_links(request: HttpRequest, start: int, size: int, total: int) -> dict | None:
    """plone.restapi's links to the first, last, next and previous batches, when there is more
    than one."""
    if total <= size:
        return None
    links = {"@id": request.build_absolute_uri(), "first": address(request, b_start=0),
             "last": address(request, b_start=(ceil(total / size) - 1) * size)}
    if start + size < total:
        links["next"] = address(request, b_start=start + size)
    if start > 0:
        links["prev"] = address(request, b_start=max(0, start - size))
    return links


def summary(request: HttpRequest, hit: Hit, language: str) -> dict[str, Any]:
    kind = CONTENT_KINDS[hit.content_type]
    with translation.override(language):
        type_title = str(kind.label)
    return {"@id": detail_url(request, hit.content_type, hit.id),
            "@type": kind.model.__name__, "title": hit.title, "description": hit.summary,
            "review_state": "published", "type_title": type_title,
            "page_id": hit.id, "content_type": hit.content_type,
            "path": urlsplit(hit.url).path, "url": on_request_host(hit.url, request)}


def answer(request: HttpRequest, search: QuerystringSearchIn, language: str) -> dict[str, Any]:
    """One batch of the search, labelled in `language`."""
    start, size = search.b_start, min(search.b_size, MAX_PAGE_SIZE)
    pages_read = 2 if start % size else 1  # a batch across two of the search's pages
    if (start // size + pages_read) * size > MAX_RESULT_WINDOW:
        raise refuse("b_start", _("Only the first %(limit)s results can be viewed.")
                     % {"limit": MAX_RESULT_WINDOW})
    matches, hits = batch(search_of(search, language, size), start)
    total = matches if search.limit is None else min(matches, search.limit)
    found = {"@id": address(request), "items_total": total,
             "items": [summary(request, hit, language) for hit in hits[:max(0, total - start)]]}
    if links := batching_links(request, start, size, total):
        found["batching"] = links
    return found


def refused_field(error: dict[str, Any]) -> ApiProblem:
    """A field of the request refused by its schema, named by its place in the JSON (as
    `query[0].o`); `parameter` is the field's top level."""
    place = error["loc"][:3] if error["loc"][0] == "query" else error["loc"][:1]
    name = str(place[0]) + "".join(f"[{part}]" if isinstance(part, int) else f".{part}"
                                   for part in place[1:])
    return refuse(str(place[0]), _("Invalid parameter “%(name)s”: %(reason)s.")
                  % {"name": name, "reason": refusal(error)})


def search_in_url(params: QuerystringSearchParams) -> QuerystringSearchIn:
    """The search the address asks for: `query` read as JSON (URL-encoded once or twice; the
    request, or only its criteria), with the fields given as parameters of their own."""
    try:
        fields = json.loads(params.query)
    except ValueError:
        try:
            fields = json.loads(unquote(params.query))
        except ValueError as error:
            raise refuse("query", _("“query” must be JSON: %(error)s.") % {"error": error}) \
                from error
    if isinstance(fields, list):
        fields = {"query": fields}
    if not isinstance(fields, dict):
        raise refuse("query", _("“query” must be a JSON object or list."))
    fields |= params.dict(include=set(URL_FIELDS), exclude_unset=True)
    try:
        return QuerystringSearchIn.model_validate(fields)
    except pydantic.ValidationError as error:
        raise refused_field(error.errors(include_url=False)[0]) from error


@router.get("/@querystring-search", response={200: QuerystringSearchOut, **ERRORS},
            openapi_extra=PROBLEMS, by_alias=True, exclude_none=True,
            operation_id="querystring_search", url_name="querystring-search",
            summary="Search with plone.restapi's @querystring-search criteria")
def querystring_search(request: HttpRequest, response: HttpResponse,
                       params: Query[QuerystringSearchParams]):
    """plone.restapi's `@querystring-search` (its GET form): criteria `{"i", "o", "v"}` over
    the search of `/search/`, answered as plone.restapi answers (`@id`, `items`,
    `items_total`, and `batching` when there is more than one batch)."""
    require_known(request, QuerystringSearchParams)
    if params.lang is None:
        patch_vary_headers(response, ["Accept-Language"])
    patch_cache_control(response, max_age=SEARCH_MAX_AGE)
    return search_answer(
        request, response, QuerystringSearchOut,
        lambda: answer(request, search_in_url(params), params.lang or translation.get_language()),
        by_alias=True, exclude_none=True)


@router.post("/@querystring-search", response={200: QuerystringSearchOut, **ERRORS},
             openapi_extra=PROBLEMS, by_alias=True, exclude_none=True,
             operation_id="querystring_search_post",
             summary="Search with plone.restapi's @querystring-search criteria, sent as JSON")
def querystring_search_post(request: HttpRequest, search: QuerystringSearchIn,
                            params: Query[QuerystringSearchOptions]):
    """plone.restapi's `@querystring-search` as Volto sends it: the GET form's `query` as the
    JSON body, its options also as parameters (its batching links add `b_start`). Answers are
    not cached (a POST)."""
    require_known(request, QuerystringSearchOptions)
    search = search.model_copy(update=params.dict(include=set(URL_FIELDS), exclude_unset=True))
    return answer(request, search, params.lang or translation.get_language())
